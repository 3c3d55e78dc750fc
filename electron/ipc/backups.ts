/**
 * Backup files outside IndexedDB: written on request (and before every schema upgrade by the
 * renderer), listed newest first, read back for restore, and rotated so the newest
 * IPC_LIMITS.backupsKept stay. Only files whose names match BACKUP_FILE_PATTERN are ever listed,
 * read or deleted, so nothing else a user puts in the folder is touched.
 */
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BACKUP_FILE_PATTERN,
  IPC_LIMITS,
  type BackupEntry,
  type BackupFile,
} from '../../shared/ipc/contract';
import type { IpcHandler } from '../../shared/ipc/register';
import { IpcFailure } from '../../shared/ipc/result';
import { readFileWithinLimit, writeFileAtomically } from './files';

export interface BackupOptions {
  backupDir: string;
  keep?: number;
  now?: () => Date;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `pumasi-backup-20060401-093000-123[-label].json`, in UTC so names sort in time order. */
export function backupFileName(at: Date, extension: 'json' | 'zip', label?: string): string {
  const day = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  const suffix = label ? `-${label}` : '';
  return `pumasi-backup-${day}-${time}-${pad(at.getUTCMilliseconds(), 3)}${suffix}.${extension}`;
}

/** The creation time encoded in a backup file name (ISO, UTC). */
export function backupCreatedAt(fileName: string): string {
  const m = /^pumasi-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})/.exec(fileName);
  if (!m) return '';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/** Backup file names in the folder, newest first; a missing folder has none. */
export async function listBackupNames(backupDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(backupDir);
  } catch {
    return [];
  }
  return names.filter((n) => BACKUP_FILE_PATTERN.test(n)).sort((a, b) => (a < b ? 1 : -1));
}

/** Deletes all but the newest `keep` backups; returns the deleted names. */
export async function rotateBackups(backupDir: string, keep: number): Promise<string[]> {
  const stale = (await listBackupNames(backupDir)).slice(keep);
  for (const name of stale) await unlink(join(backupDir, name)).catch(() => undefined);
  return stale;
}

async function entryOf(backupDir: string, fileName: string): Promise<BackupEntry> {
  const { size } = await stat(join(backupDir, fileName));
  return { fileName, size, createdAt: backupCreatedAt(fileName) };
}

export function createBackupHandlers(options: BackupOptions): {
  'backup:write': IpcHandler<'backup:write', unknown>;
  'backup:list': IpcHandler<'backup:list', unknown>;
  'backup:read': IpcHandler<'backup:read', unknown>;
} {
  const { backupDir, keep = IPC_LIMITS.backupsKept, now = () => new Date() } = options;

  return {
    'backup:write': async (input): Promise<BackupEntry> => {
      await mkdir(backupDir, { recursive: true });
      const existing = new Set(await listBackupNames(backupDir));
      // Two backups in the same millisecond must not overwrite each other: step the clock.
      let at = now();
      let fileName = backupFileName(at, input.extension, input.label);
      while (existing.has(fileName)) {
        at = new Date(at.getTime() + 1);
        fileName = backupFileName(at, input.extension, input.label);
      }
      await writeFileAtomically(join(backupDir, fileName), input.bytes);
      await rotateBackups(backupDir, keep);
      return entryOf(backupDir, fileName);
    },
    'backup:list': async (): Promise<BackupEntry[]> => {
      const names = await listBackupNames(backupDir);
      const entries = await Promise.all(names.map((n) => entryOf(backupDir, n).catch(() => null)));
      return entries.filter((e): e is BackupEntry => e !== null);
    },
    'backup:read': async (input): Promise<BackupFile> => {
      // The schema already restricts the name to BACKUP_FILE_PATTERN (no folders, no `..`).
      if (!BACKUP_FILE_PATTERN.test(input.fileName)) throw new IpcFailure('INVALID_INPUT');
      const bytes = await readFileWithinLimit(
        join(backupDir, input.fileName),
        IPC_LIMITS.backupBytes,
      );
      return { fileName: input.fileName, bytes };
    },
  };
}
