/**
 * Automatic backups (desktop only: a browser has no backup folder, and a download nobody asked
 * for would only confuse). Three moments:
 * - before a schema upgrade: prepareStorageAtStartup() runs before anything opens the database
 *   (app/start.tsx awaits it) and dumps an older-version database with its own schema;
 * - once a day: at start and then hourly while the app stays open, a backup is made when the last
 *   one is 24 h old (its time is kept in settings, `lastAutoBackupAt`);
 * - before every restore (backupActions.restoreFromBackup).
 * The Electron handler keeps the newest 30 files (electron/ipc/backups.ts, IPC_LIMITS.backupsKept).
 */
import {
  DEFAULT_DB_NAME,
  getDb,
  getSetting,
  setSetting,
  type PumasiDb,
  type SettingKey,
} from '../../db';
import { backupBeforeUpgrade } from '../../db/backup';
import { platform as appPlatform } from '../../platform';
import type { Platform } from '../../platform/types';
import { showToast } from '../../ui';
import { backupNow, keepsBackupFiles, type BackupDeps } from './backupActions';
import { backupT } from './messages';

/** Settings key (raw `settings` row): ISO time of the last daily backup. */
export const LAST_AUTO_BACKUP_KEY: SettingKey = 'lastAutoBackupAt';
export const AUTO_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How often an open app checks whether the daily backup is due (cheap: one settings read). */
export const AUTO_BACKUP_CHECK_MS = 60 * 60 * 1000;

/** Due when there was none, it is unreadable, 24 h old, or in the future (the clock went back). */
export function isAutoBackupDue(last: unknown, now: Date): boolean {
  if (typeof last !== 'string') return true;
  const at = Date.parse(last);
  if (Number.isNaN(at)) return true;
  const age = now.getTime() - at;
  return age < 0 || age >= AUTO_BACKUP_INTERVAL_MS;
}

export async function lastAutoBackupAt(db: PumasiDb): Promise<string | undefined> {
  const value = await getSetting<unknown>(db, LAST_AUTO_BACKUP_KEY);
  return typeof value === 'string' ? value : undefined;
}

/** Makes the daily backup when due. 'skipped' in a browser or before the team set its cluster. */
export async function runAutoBackupIfDue(deps: BackupDeps): Promise<'written' | 'skipped'> {
  if (!keepsBackupFiles(deps.platform)) return 'skipped';
  const now = deps.now?.() ?? new Date();
  // Before the first run there is nothing worth a backup yet.
  const cluster = await getSetting<unknown>(deps.db, 'clusterId');
  if (typeof cluster !== 'string' || cluster === '') return 'skipped';
  if (!isAutoBackupDue(await lastAutoBackupAt(deps.db), now)) return 'skipped';
  await backupNow({ ...deps, now: () => now }, 'daily');
  await setSetting(deps.db, LAST_AUTO_BACKUP_KEY, now.toISOString());
  return 'written';
}

/** Checks now and every AUTO_BACKUP_CHECK_MS; returns a stop function. */
export function startAutoBackups(deps: BackupDeps): () => void {
  if (!keepsBackupFiles(deps.platform)) return () => undefined;
  let running = false;
  const check = async () => {
    if (running) return; // a slow backup must not overlap the next check
    running = true;
    try {
      await runAutoBackupIfDue(deps);
    } catch (e) {
      console.error('[pumasi] automatic backup failed', e);
      showToast({
        message: backupT('failed', { message: e instanceof Error ? e.message : String(e) }),
        tone: 'error',
      });
    } finally {
      running = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), AUTO_BACKUP_CHECK_MS);
  return () => clearInterval(timer);
}

/**
 * App start, BEFORE the database is first opened (app/start.tsx): on desktop, back up a database
 * stored at an older version, then start the daily backups. Never rejects: a failed backup is
 * reported and the app still starts (refusing to start would keep the team from its data).
 */
export async function prepareStorageAtStartup(platform: Platform = appPlatform): Promise<void> {
  if (!keepsBackupFiles(platform)) return;
  try {
    const { version } = await platform.appInfo();
    await backupBeforeUpgrade(
      DEFAULT_DB_NAME,
      (b) => platform.writeBackup({ bytes: b.bytes, label: b.label, extension: 'zip' }),
      { appVersion: version },
    );
  } catch (e) {
    console.error('[pumasi] backup before upgrade failed', e);
    showToast({
      message: backupT('startup.upgradeFailed', {
        message: e instanceof Error ? e.message : String(e),
      }),
      tone: 'error',
      durationMs: 15_000,
    });
  }
  startAutoBackups({ db: getDb(), platform });
}
