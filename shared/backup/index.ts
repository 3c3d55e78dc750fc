/**
 * Backups (issue "Spreadsheets in and out"): every table → one `.pumasi.zip` and back, validated
 * in full before a restore. Pure TypeScript over Uint8Array (renderer and Node); the db layer
 * reads/replaces the IndexedDB tables, electron/ writes and rotates the files.
 */
export { buildBackup, sha256Hex } from './build';
export type { BuildBackupInput } from './build';
export { readBackup } from './read';
export type { ReadBackupOptions, ReadBackupResult, BackupReadError } from './read';
export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DEFAULT_BACKUP_LIMITS,
  MANIFEST_FILE,
  backupFileName,
  parseBackupFileName,
  manifestSchema,
  tableFile,
} from './format';
export type { BackupLimits, BackupManifest, ManifestTable } from './format';
export { BackupError, backupMessage, backupMessages } from './messages';
export type { BackupErrorCode } from './messages';
