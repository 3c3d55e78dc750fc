/**
 * Shown instead of the first-run screen when the identity kept outside IndexedDB says this
 * install had a database and it is gone (Chromium deleted it, e.g. on a full disk). Says so
 * plainly and offers the way back: the newest automatic backup (desktop) or a backup file.
 * Starting over is possible but asked twice, since it gives up the lost records.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { IPC_LIMITS, type BackupEntry } from '../../../shared/ipc/contract';
import { enums } from '../../../shared/registry';
import { formatNumber } from '../../../shared/format/numbers';
import { getDb } from '../../db';
import { useLang } from '../../i18n';
import { restoreSavedLang } from '../../i18n/lang';
import { LangSwitch } from '../../ui/LangSwitch';
import { platform } from '../../platform';
import { showToast } from '../../ui';
import { keepsBackupFiles } from '../backup/backupActions';
import { formatDateTime } from '../entities/display';
import { formatBytes } from './guard';
import { useStorageT } from './messages';
import { usePresenceStore, startFresh } from './presenceStore';
import { restoreVanishedDatabase } from './restoreVanished';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function DatabaseVanished() {
  const t = useStorageT();
  const lang = useLang();
  const titleId = useId();
  const identity = usePresenceStore((s) => s.identity);
  const desktop = keepsBackupFiles(platform);
  const [newest, setNewest] = useState<BackupEntry | null | undefined>(desktop ? undefined : null);
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState('');
  const [confirmFresh, setConfirmFresh] = useState(false);
  const firstButton = useRef<HTMLButtonElement>(null);
  const busy = progress !== undefined;

  useEffect(() => {
    if (!desktop) return;
    platform.listBackups!()
      .then((list) => setNewest(list[0] ?? null))
      .catch(() => setNewest(null));
  }, [desktop]);
  useEffect(() => firstButton.current?.focus(), [newest]);

  const restore = async (read: () => Promise<{ name: string; bytes: Uint8Array } | null>) => {
    setError('');
    setProgress(null);
    try {
      const file = await read();
      if (!file) return;
      const outcome = await restoreVanishedDatabase(getDb(), file.bytes, lang, (done, total) =>
        setProgress(total > 0 ? done / total : 1),
      );
      if (!outcome.ok) {
        setError(t('vanished.failed', { message: outcome.message }));
        return;
      }
      await restoreSavedLang();
      showToast({
        message: t('vanished.restored', {
          date: formatDateTime(outcome.createdAt),
          n: formatNumber(outcome.records, lang),
        }),
        tone: 'success',
        durationMs: 8000,
      });
    } catch (e) {
      setError(t('vanished.failed', { message: errorText(e) }));
    } finally {
      setProgress(undefined);
    }
  };

  const restoreNewest = () =>
    restore(async () => {
      if (!newest) return null;
      const file = await platform.readBackup!(newest.fileName);
      return { name: file.fileName, bytes: file.bytes };
    });
  const restoreFile = () =>
    restore(() =>
      platform.openFile({
        accept: ['.zip', 'application/zip'],
        title: t('vanished.restoreFile'),
        maxBytes: IPC_LIMITS.backupBytes,
      }),
    );

  const cluster = enums.clusterCode.find((c) => c.code === identity?.clusterId);
  return (
    <div className="first-run" data-testid="database-vanished">
      <section className="first-run-dialog" role="alertdialog" aria-labelledby={titleId}>
        <div className="first-run-head">
          <h1 id={titleId}>{t('vanished.title')}</h1>
          <LangSwitch />
        </div>
        <p role="alert">{t('vanished.body')}</p>
        {identity && (
          <p className="hint">
            {t('vanished.known', {
              date: formatDateTime(identity.lastSeenAt),
              cluster: cluster?.label[lang] ?? identity.clusterId ?? '—',
            })}
          </p>
        )}
        {desktop && newest !== undefined && (
          <p data-testid="vanished-newest">
            {newest
              ? t('vanished.newest', {
                  name: newest.fileName,
                  date: formatDateTime(newest.createdAt),
                  size: formatBytes(newest.size),
                })
              : t('vanished.noBackup')}
          </p>
        )}
        {!desktop && <p className="hint">{t('vanished.browserHint')}</p>}
        {busy && (
          <div role="status">
            <p>{t('vanished.restoring')}</p>
            <progress max={1} value={progress ?? undefined} data-testid="progress" />
          </div>
        )}
        {error && (
          <p className="form-error" role="alert" data-testid="vanished-error">
            {error}
          </p>
        )}
        <div className="button-row">
          {desktop && newest && (
            <button
              type="button"
              ref={firstButton}
              className="primary"
              disabled={busy}
              onClick={() => void restoreNewest()}
              data-testid="vanished-restore-newest"
            >
              {t('vanished.restoreNewest')}
            </button>
          )}
          <button
            type="button"
            ref={desktop && newest ? undefined : firstButton}
            className={desktop && newest ? undefined : 'primary'}
            disabled={busy}
            onClick={() => void restoreFile()}
            data-testid="vanished-restore-file"
          >
            {t('vanished.restoreFile')}
          </button>
        </div>
        {confirmFresh ? (
          <div className="button-row" role="group">
            <p className="form-error">{t('vanished.confirmFresh')}</p>
            <button
              type="button"
              className="danger"
              onClick={() => void startFresh()}
              data-testid="vanished-fresh-confirm"
            >
              {t('vanished.startFresh')}
            </button>
            <button type="button" onClick={() => setConfirmFresh(false)}>
              {t('vanished.cancel')}
            </button>
          </div>
        ) : (
          <div className="button-row">
            <button
              type="button"
              disabled={busy}
              onClick={() => setConfirmFresh(true)}
              data-testid="vanished-fresh"
            >
              {t('vanished.startFresh')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
