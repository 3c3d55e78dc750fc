/**
 * Restoring a backup into a database that vanished: the same validation and restore as
 * 설정 › 백업·복원 (backupActions), after a free-space check, and WITHOUT the usual safety
 * backup of the current data first: that data is the empty database that replaced the lost one,
 * and as the newest backup file it would push a real backup out and be offered next time.
 */
import type { Lang } from '../../../shared/registry';
import type { PumasiDb } from '../../db';
import { platform as appPlatform } from '../../platform';
import type { Platform } from '../../platform/types';
import { readBackupFile, restoreFromBackup } from '../backup/backupActions';
import { ensureSpaceFor, estimateBackupBytes } from './guard';
import { databaseRestored } from './presenceStore';

export type VanishedRestoreOutcome =
  { ok: true; records: number; createdAt: string } | { ok: false; message: string };

export async function restoreVanishedDatabase(
  db: PumasiDb,
  bytes: Uint8Array,
  lang: Lang,
  onProgress?: (done: number, total: number) => void,
  platform: Platform = appPlatform,
): Promise<VanishedRestoreOutcome> {
  const read = await readBackupFile(db, bytes, lang);
  if (!read.ok) return { ok: false, message: read.error.message };
  const backup = { manifest: read.manifest, tables: read.tables };
  await ensureSpaceFor('restore', estimateBackupBytes(backup.tables), { lang });
  const noSafetyBackup: Platform = { ...platform, writeBackup: undefined };
  const outcome = await restoreFromBackup({ db, platform: noSafetyBackup }, backup, { onProgress });
  databaseRestored();
  return { ok: true, records: outcome.records, createdAt: backup.manifest.createdAt };
}
