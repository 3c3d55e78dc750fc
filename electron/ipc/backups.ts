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
  type IpcParsedInput,
} from '../../shared/ipc/contract';
import type { IpcHandler } from '../../shared/ipc/register';
import { IpcFailure } from '../../shared/ipc/result';
import { FileExistsError, readFileWithinLimit, writeFileAtomically } from './files';

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

/**
 * Deletes all but the newest `keep` backups; returns the deleted names. `justWritten` is never
 * deleted and counts as one of the kept: names follow the wall clock, so after the clock went back
 * the new backup sorts oldest, and deleting it would lose the very backup just asked for.
 */
export async function rotateBackups(
  backupDir: string,
  keep: number,
  justWritten?: string,
): Promise<string[]> {
  const names = await listBackupNames(backupDir);
  const others = justWritten === undefined ? names : names.filter((n) => n !== justWritten);
  const keepOthers = justWritten === undefined ? keep : Math.max(0, keep - 1);
  const stale = others.slice(keepOthers);
  for (const name of stale) await unlink(join(backupDir, name)).catch(() => undefined);
  return stale;
}

/** How many later names a backup write tries before giving up (same-ms writes, other copies). */
const MAX_NAME_ATTEMPTS = 1000;

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
  let writeQueue: Promise<unknown> = Promise.resolve();

  async function writeBackup(input: IpcParsedInput<'backup:write'>): Promise<BackupEntry> {
    await mkdir(backupDir, { recursive: true });
    const existing = new Set(await listBackupNames(backupDir));
    // Two backups in the same millisecond must not overwrite each other: step the clock. The write
    // itself is exclusive too, in case another copy of the app wrote that name meanwhile.
    let at = now();
    for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
      const fileName = backupFileName(at, input.extension, input.label);
      at = new Date(at.getTime() + 1);
      if (existing.has(fileName)) continue;
      try {
        await writeFileAtomically(join(backupDir, fileName), input.bytes, { exclusive: true });
      } catch (error) {
        if (error instanceof FileExistsError) continue;
        throw error;
      }
      await rotateBackups(backupDir, keep, fileName);
      return entryOf(backupDir, fileName);
    }
    throw new IpcFailure(
      'IO_ERROR',
      '백업 파일 이름을 정하지 못했습니다. 잠시 후 다시 시도해 주세요.',
    );
  }

  return {
    // Serialised: concurrent writes would pick the same free name, and one rotation could delete
    // the file another write is about to stat.
    'backup:write': (input) => {
      const run = writeQueue.then(() => writeBackup(input));
      writeQueue = run.catch(() => undefined);
      return run;
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
