/**
 * The confirmation before a restore: what the backup holds (date, device, cluster, versions,
 * records per table), so the user knows what their data is about to become; and, BEFORE it
 * runs, exactly which unsent changes of this device the restore drops (restoreOutbox.ts), and
 * that the database takes a new device id.
 */
import { entities, enumLabel, type Lang } from '../../../shared/registry';
import type { BackupManifest } from '../../../shared/backup';
import { formatNumber } from '../../../shared/format/numbers';
import { Button, Dialog } from '../../ui';
import { formatDateTime } from '../entities/display';
import { useBackupT, type BackupMessageKey, type BackupT } from './messages';
import type { UnsentLoss } from '../../db/restoreOutbox';

export interface RestoreConfirmDialogProps {
  source: string;
  manifest: BackupManifest;
  /** set when the backup was made at an older data version (upgraded on the way) */
  upgradedFrom?: number;
  /** the unsent changes the restore drops (null while they are being counted) */
  unsent: UnsentLoss | null;
  thisDeviceId: string | undefined;
  desktop: boolean;
  lang: Lang;
  onConfirm: () => void;
  onCancel: () => void;
}

const BOOKKEEPING = new Set(['history', 'outbox', 'settings', 'prefs', 'importLog', 'monthCloses']);
/** Records listed by name; the rest are counted (the list scrolls). */
const UNSENT_SHOWN = 200;

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
      {props.unsent && props.unsent.writes > 0 && (
        <UnsentList loss={props.unsent} desktop={desktop} lang={lang} t={t} />
      )}
      <p className="hint" data-testid="backup-new-device">
        {t('confirm.newDevice')}
      </p>
      {props.upgradedFrom !== undefined && (
        <p className="hint" data-testid="backup-upgraded">
          {t('confirm.upgraded', { from: props.upgradedFrom, to: manifest.schemaVersion })}
        </p>
      )}
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
          {manifest.appVersion} / {props.upgradedFrom ?? manifest.schemaVersion}
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

function UnsentList(props: { loss: UnsentLoss; desktop: boolean; lang: Lang; t: BackupT }) {
  const { loss, lang, t } = props;
  const shown = loss.records.slice(0, UNSENT_SHOWN);
  const entityLabel = (name: string) => entities.find((e) => e.name === name)?.label[lang] ?? name;
  return (
    <div className="backup-unsent" data-testid="backup-unsent">
      <p className="backup-warning">
        {t('confirm.unsentLost', {
          writes: formatNumber(loss.writes, lang),
          records: formatNumber(loss.records.length, lang),
        })}
      </p>
      <ul>
        {shown.map((r) => (
          <li key={`${r.entity}/${r.recordId}`} data-record-id={r.recordId}>
            {entityLabel(r.entity)} · {r.title || r.recordId} ·{' '}
            {t('confirm.unsentWrites', { n: formatNumber(r.writes, lang) })}
          </li>
        ))}
        {loss.records.length > shown.length && (
          <li>
            {t('confirm.unsentMore', { n: formatNumber(loss.records.length - shown.length, lang) })}
          </li>
        )}
      </ul>
      <p className="hint">
        {props.desktop ? t('confirm.unsentSafety') : t('confirm.unsentBrowser')}
      </p>
    </div>
  );
}
