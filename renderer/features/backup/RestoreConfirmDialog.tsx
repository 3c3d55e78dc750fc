/**
 * The confirmation before a restore: what the backup holds (date, device, cluster, versions,
 * records per table), so the user knows what their data is about to become.
 */
import { entities, enumLabel, type Lang } from '../../../shared/registry';
import type { BackupManifest } from '../../../shared/backup';
import { formatNumber } from '../../../shared/format/numbers';
import { Button, Dialog } from '../../ui';
import { formatDateTime } from '../entities/display';
import { useBackupT, type BackupMessageKey, type BackupT } from './messages';

export interface RestoreConfirmDialogProps {
  source: string;
  manifest: BackupManifest;
  thisDeviceId: string | undefined;
  desktop: boolean;
  lang: Lang;
  onConfirm: () => void;
  onCancel: () => void;
}

const BOOKKEEPING = new Set(['history', 'outbox', 'settings', 'prefs', 'importLog']);

/** A table's name as the team reads it: the entity's label, or the bookkeeping word. */
export function tableLabel(name: string, lang: Lang, t: BackupT): string {
  const entity = entities.find((e) => e.table === name);
  if (entity) return entity.label[lang];
  if (BOOKKEEPING.has(name)) return t(`table.${name}` as BackupMessageKey);
  return name;
}

export function RestoreConfirmDialog(props: RestoreConfirmDialogProps) {
  const { manifest, lang, desktop } = props;
  const t = useBackupT();
  const sameDevice = props.thisDeviceId === manifest.deviceId;
  const total = manifest.tables.reduce((n, x) => n + x.count, 0);
  const cluster = manifest.clusterId ? enumLabel('recordOwner', manifest.clusterId, lang) : '—';
  return (
    <Dialog
      placement="center"
      title={t('confirm.title')}
      onRequestClose={props.onCancel}
      closeLabel={t('confirm.cancel')}
      data-testid="backup-confirm"
      footer={
        <>
          <Button variant="danger" data-testid="backup-confirm-restore" onClick={props.onConfirm}>
            {t('confirm.restore')}
          </Button>
          <Button data-autofocus data-testid="backup-confirm-cancel" onClick={props.onCancel}>
            {t('confirm.cancel')}
          </Button>
        </>
      }
    >
      <p className="backup-warning" role="alert">
        {t('confirm.warning')} {desktop ? t('confirm.safetyDesktop') : t('confirm.safetyBrowser')}
      </p>
      <dl className="backup-manifest" data-testid="backup-manifest">
        <dt>{t('confirm.file')}</dt>
        <dd>{props.source}</dd>
        <dt>{t('confirm.createdAt')}</dt>
        <dd data-testid="backup-manifest-date">{formatDateTime(manifest.createdAt)}</dd>
        <dt>{t('confirm.device')}</dt>
        <dd data-testid="backup-manifest-device">
          <code>{manifest.deviceId}</code>{' '}
          {sameDevice ? t('confirm.thisDevice') : t('confirm.otherDevice')}
        </dd>
        <dt>{t('confirm.cluster')}</dt>
        <dd>{cluster}</dd>
        <dt>{t('confirm.version')}</dt>
        <dd>
          {manifest.appVersion} / {manifest.schemaVersion}
        </dd>
      </dl>
      <table className="backup-counts" data-testid="backup-manifest-counts">
        <caption>{t('confirm.tables')}</caption>
        <tbody>
          {manifest.tables
            .filter((x) => x.count > 0)
            .map((x) => (
              <tr key={x.name} data-table={x.name}>
                <th scope="row">{tableLabel(x.name, lang, t)}</th>
                <td>{formatNumber(x.count, lang)}</td>
              </tr>
            ))}
          <tr>
            <th scope="row">{t('confirm.total')}</th>
            <td data-testid="backup-manifest-total">{formatNumber(total, lang)}</td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
