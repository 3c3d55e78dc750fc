/**
 * What 백업·복원 does, without React: back up now, read and validate a backup file, restore.
 * The database and the platform are passed in (tests use fake-indexeddb and a fake platform).
 *
 * Order of a restore (each step only after the previous one succeeded):
 * 1. readBackupFile(): readBackup() validates the WHOLE file (ZIP, manifest, checksums, every
 *    table) against this database's tables and version, then prepareRestore() its content
 *    (every row, records/history/outbox agreement, clock keys; an older version upgraded);
 *    `ok: false` → nothing else happens;
 * 2. the user confirms the manifest and the list of unsent changes the restore drops
 *    (unsentLoss; BackupPanel);
 * 3. restoreFromBackup(): on desktop an automatic backup of the current data first (a failure
 *    stops here, nothing restored), then restoreDatabase() in one transaction.
 */
import { backupFileName, readBackup, type BackupManifest } from '../../../shared/backup';
import type { BackupEntry } from '../../../shared/ipc/contract';
import type { Lang } from '../../../shared/registry';
import type { PumasiDb } from '../../db';
import {
  createBackupBytes,
  prepareRestore,
  restorableTables,
  restoreDatabase,
  type ProgressCallback,
  type ValidatedBackup,
} from '../../db/backup';
import { RestoreRefusedError } from '../../db/backupContent';
import { unsentLostByRestore, type UnsentLoss } from '../../db/restoreOutbox';
import type { Platform } from '../../platform/types';

export interface BackupDeps {
  db: PumasiDb;
  platform: Platform;
  now?: () => Date;
}

/** `daily`, `before-restore`, `manual`… (desktop file-name label: `[a-z0-9-]{1,40}`) */
export type BackupLabel = 'daily' | 'before-restore' | 'manual';

export type BackupOutcome =
  | { kind: 'written'; entry: BackupEntry }
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'cancelled' };

export const BACKUP_MIME = 'application/zip';

export type BackupStage = 'dump' | 'write' | 'read' | 'safety' | 'restore';

export interface StageProgress {
  onStage?: (stage: BackupStage) => void;
  onProgress?: ProgressCallback;
}

/** True when this platform keeps backup files itself (desktop): automatic backups need it. */
export function keepsBackupFiles(
  platform: Platform,
): platform is Platform & Required<Pick<Platform, 'writeBackup' | 'listBackups' | 'readBackup'>> {
  return (
    platform.kind === 'desktop' &&
    typeof platform.writeBackup === 'function' &&
    typeof platform.listBackups === 'function' &&
    typeof platform.readBackup === 'function'
  );
}

/** Dumps the database into a backup: desktop → the backup folder, browser → a download. */
export async function backupNow(
  deps: BackupDeps,
  label: BackupLabel = 'manual',
  progress: StageProgress = {},
): Promise<BackupOutcome> {
  const now = deps.now?.() ?? new Date();
  const { version } = await deps.platform.appInfo();
  progress.onStage?.('dump');
  const bytes = await createBackupBytes(deps.db, {
    appVersion: version,
    now,
    onProgress: progress.onProgress,
  });
  progress.onStage?.('write');
  if (keepsBackupFiles(deps.platform)) {
    const entry = await deps.platform.writeBackup({ bytes, label, extension: 'zip' });
    return { kind: 'written', entry };
  }
  const fileName = backupFileName(now);
  const saved = await deps.platform.saveFile(fileName, bytes, BACKUP_MIME);
  return saved ? { kind: 'downloaded', fileName } : { kind: 'cancelled' };
}

export type BackupFileResult =
  | { ok: true; manifest: BackupManifest; tables: Record<string, unknown[]>; upgradedFrom?: number }
  | { ok: false; error: { code: string; message: string } };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Validates a backup file against THIS database, changing nothing: the file (readBackup), then
 * its content (prepareRestore: an older backup upgraded, every row checked, clock keys bounded).
 * Never throws; a refusal carries the Korean (or English) report per table and row.
 */
export async function readBackupFile(
  db: PumasiDb,
  bytes: Uint8Array,
  lang: Lang,
): Promise<BackupFileResult> {
  try {
    if (!db.isOpen()) await db.open();
  } catch (e) {
    return { ok: false, error: { code: 'zipCorrupt', message: messageOf(e) } };
  }
  const read = await readBackup(bytes, {
    maxSchemaVersion: db.verno,
    knownTables: restorableTables(db),
    lang,
  });
  if (!read.ok) return read;
  try {
    const ready = await prepareRestore(db, read, { lang });
    return { ok: true, ...ready };
  } catch (e) {
    const code = e instanceof RestoreRefusedError ? 'contentInvalid' : 'versionInvalid';
    return { ok: false, error: { code, message: messageOf(e) } };
  }
}

/** The unsent changes a restore of `backup` would drop (shown before the user confirms). */
export function unsentLoss(db: PumasiDb, backup: ValidatedBackup): Promise<UnsentLoss> {
  return unsentLostByRestore(db, backup.tables);
}

export interface RestoreOutcome {
  /** the automatic backup made just before (desktop), null in a browser */
  safetyBackup: BackupEntry | null;
  /** records restored over all tables */
  records: number;
  /** the new device id the restored database took */
  deviceId: string;
  /** a step after the commit failed: the data WAS replaced */
  afterCommitProblem?: string;
}

/**
 * Replaces the database with a validated backup; desktop backs up the current data first.
 * Throws only BEFORE the restore committed (the database is then unchanged).
 */
export async function restoreFromBackup(
  deps: BackupDeps,
  backup: ValidatedBackup,
  progress: StageProgress & { lang?: Lang } = {},
): Promise<RestoreOutcome> {
  let safetyBackup: BackupEntry | null = null;
  if (keepsBackupFiles(deps.platform)) {
    progress.onStage?.('safety');
    // If this backup fails, the restore does not happen: the current data must stay recoverable.
    const outcome = await backupNow(deps, 'before-restore', { onProgress: progress.onProgress });
    if (outcome.kind === 'written') safetyBackup = outcome.entry;
  }
  progress.onStage?.('restore');
  const restored = await restoreDatabase(deps.db, backup, {
    onProgress: progress.onProgress,
    now: deps.now?.(),
    lang: progress.lang,
  });
  const records = Object.values(backup.tables).reduce((n, rows) => n + rows.length, 0);
  return {
    safetyBackup,
    records,
    deviceId: restored.deviceId,
    ...(restored.afterCommitProblem ? { afterCommitProblem: restored.afterCommitProblem } : {}),
  };
}
