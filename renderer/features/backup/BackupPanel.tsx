/**
 * 백업·복원 (in 설정): 지금 백업, 백업에서 복원 (file → full validation → confirmation with the
 * manifest → automatic backup of the current data on desktop → restore in one transaction), and
 * on desktop the list of automatic backups. A progress bar shows each long step; a refused file
 * shows its Korean reason and changes nothing.
 */
import { useCallback, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { IPC_LIMITS, type BackupEntry } from '../../../shared/ipc/contract';
import { formatNumber } from '../../../shared/format/numbers';
import { getDb, useDeviceId } from '../../db';
import type { ValidatedBackup } from '../../db/backup';
import { useLang } from '../../i18n';
import { restoreSavedLang } from '../../i18n/lang';
import { platform } from '../../platform';
import { Button, showToast } from '../../ui';
import { formatDateTime } from '../entities/display';
import { lastAutoBackupAt } from './autoBackup';
import {
  backupNow,
  keepsBackupFiles,
  readBackupFile,
  restoreFromBackup,
  unsentLoss,
  type BackupStage,
  type RestoreOutcome,
} from './backupActions';
import type { UnsentLoss } from '../../db/restoreOutbox';
import { BackupList } from './BackupList';
import { useBackupT } from './messages';
import { RestoreConfirmDialog } from './RestoreConfirmDialog';
import { ensureSpaceFor, estimateBackupBytes, SpaceRefused } from '../storage/guard';
import './backup.css';

interface Busy {
  stage: BackupStage;
  /** 0..1, or null while the step cannot say */
  fraction: number | null;
}

interface PendingRestore {
  source: string;
  backup: ValidatedBackup;
  /** the unsent changes the restore drops, counted before the confirmation shows */
  unsent: UnsentLoss;
}

const BACKUP_ACCEPT = ['.zip', 'application/zip'];
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function BackupPanel() {
  const t = useBackupT();
  const lang = useLang();
  const desktop = keepsBackupFiles(platform);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const deviceId = useDeviceId();
  const lastAuto = useLiveQuery(() => lastAutoBackupAt(getDb()), [refreshKey]);
  const listBackups = useCallback(() => platform.listBackups?.() ?? Promise.resolve([]), []);

  const progress = {
    onStage: (stage: BackupStage) => setBusy({ stage, fraction: null }),
    onProgress: (done: number, total: number) =>
      setBusy((b) => (b ? { ...b, fraction: total > 0 ? done / total : 1 } : b)),
  };

  const onBackupNow = async () => {
    setError(null);
    setBusy({ stage: 'dump', fraction: 0 });
    try {
      const outcome = await backupNow({ db: getDb(), platform }, 'manual', progress);
      showToast(
        outcome.kind === 'written'
          ? { message: t('done.written', { name: outcome.entry.fileName }), tone: 'success' }
          : outcome.kind === 'downloaded'
            ? { message: t('done.downloaded', { name: outcome.fileName }), tone: 'success' }
            : { message: t('done.cancelled') },
      );
    } catch (e) {
      setError(t('failed', { message: errorText(e) }));
    } finally {
      setBusy(null);
      setRefreshKey((k) => k + 1);
    }
  };

  /** Validates EVERYTHING first; only an accepted file reaches the confirmation. */
  const validate = async (source: string, bytes: Uint8Array) => {
    setBusy({ stage: 'read', fraction: null });
    const result = await readBackupFile(getDb(), bytes, lang);
    if (!result.ok) {
      setBusy(null);
      setError(t('invalid', { message: result.error.message }));
      return;
    }
    const { ok: _ok, ...backup } = result;
    const unsent = await unsentLoss(getDb(), backup);
    setBusy(null);
    setPending({ source, backup, unsent });
  };

  const onRestoreFile = async () => {
    setError(null);
    try {
      // A backup may exceed the general open-file cap (100MB): allow what backup:write allows.
      const file = await platform.openFile({
        accept: BACKUP_ACCEPT,
        title: t('restore'),
        maxBytes: IPC_LIMITS.backupBytes,
      });
      if (file) await validate(file.name, file.bytes);
    } catch (e) {
      setBusy(null);
      setError(t('invalid', { message: errorText(e) }));
    }
  };

  const onRestoreListed = async (entry: BackupEntry) => {
    setError(null);
    setBusy({ stage: 'read', fraction: null });
    try {
      const file = await platform.readBackup!(entry.fileName);
      await validate(entry.fileName, file.bytes);
    } catch (e) {
      setBusy(null);
      setError(t('invalid', { message: errorText(e) }));
    }
  };

  const onConfirm = async () => {
    if (!pending) return;
    const { backup } = pending;
    setPending(null);
    setBusy({ stage: desktop ? 'safety' : 'restore', fraction: 0 });
    // restoreFromBackup throws only BEFORE its transaction committed: then, and only then, the
    // data is unchanged. Every step after it reports failures as "restored, but…".
    let outcome: RestoreOutcome;
    try {
      // Refused before the safety backup and the restore when the backup may not fit.
      await ensureSpaceFor('restore', estimateBackupBytes(backup.tables), { lang });
      outcome = await restoreFromBackup({ db: getDb(), platform }, backup, { ...progress, lang });
    } catch (e) {
      setError(
        e instanceof SpaceRefused ? e.message : t('restoreFailed', { message: errorText(e) }),
      );
      setBusy(null);
      setRefreshKey((k) => k + 1);
      return;
    }
    let afterCommit = outcome.afterCommitProblem;
    try {
      // Screens re-read through their live queries; the language is a setting like any other.
      await restoreSavedLang();
    } catch (e) {
      afterCommit ??= errorText(e);
    }
    showToast({
      message: t('done.restored', {
        date: formatDateTime(backup.manifest.createdAt),
        n: formatNumber(outcome.records, lang),
      }),
      tone: 'success',
      durationMs: 8000,
    });
    if (outcome.safetyBackup) {
      showToast({ message: t('done.safety', { name: outcome.safetyBackup.fileName }) });
    }
    if (afterCommit) setError(t('restoredWithProblem', { message: afterCommit }));
    setBusy(null);
    setRefreshKey((k) => k + 1);
  };

  return (
    <section className="backup-panel" data-testid="backup-panel" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('title')}</h2>
      <p className="hint">
        {t('intro')} {desktop ? t('introDesktop') : t('introBrowser')}
      </p>
      <div className="backup-actions">
        <Button
          variant="primary"
          data-testid="backup-now"
          disabled={busy !== null}
          onClick={() => void onBackupNow()}
        >
          {t('now')}
        </Button>
        <Button
          data-testid="backup-restore"
          disabled={busy !== null}
          onClick={() => void onRestoreFile()}
        >
          {t('restore')}
        </Button>
      </div>
      {busy && (
        <div className="backup-progress" role="status">
          <progress
            data-testid="backup-progress"
            aria-label={t('progressLabel')}
            max={1}
            {...(busy.fraction === null ? {} : { value: busy.fraction })}
          />
          <span>{t(`stage.${busy.stage}`)}</span>
        </div>
      )}
      {error && (
        <p className="backup-error" role="alert" data-testid="backup-error">
          {error}
        </p>
      )}
      {desktop && (
        <>
          {lastAuto && (
            <p className="hint" data-testid="backup-last-auto">
              {t('list.lastAuto', { date: formatDateTime(lastAuto) })}
            </p>
          )}
          <BackupList
            list={listBackups}
            refreshKey={refreshKey}
            busy={busy !== null}
            lang={lang}
            onRestore={(entry) => void onRestoreListed(entry)}
          />
        </>
      )}
      {pending && (
        <RestoreConfirmDialog
          source={pending.source}
          manifest={pending.backup.manifest}
          upgradedFrom={pending.backup.upgradedFrom}
          unsent={pending.unsent}
          thisDeviceId={deviceId}
          desktop={desktop}
          lang={lang}
          onConfirm={() => void onConfirm()}
          onCancel={() => setPending(null)}
        />
      )}
    </section>
  );
}
