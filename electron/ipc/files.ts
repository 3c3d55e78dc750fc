/**
 * files:open and files:save. The renderer never names a path: main shows the native dialog and
 * reads or writes only the file the user picked there, within the contract's size limits.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { IPC_LIMITS, type OpenedFile, type SavedFile } from '../../shared/ipc/contract';
import type { IpcHandler } from '../../shared/ipc/register';
import { IpcFailure } from '../../shared/ipc/result';

/** The dialogs, parented to the caller's window by the adapter in ipc/index.ts. */
export interface FileDialogs {
  showOpenDialog(
    event: IpcMainInvokeEvent,
    options: OpenDialogOptions,
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(
    event: IpcMainInvokeEvent,
    options: SaveDialogOptions,
  ): Promise<{ canceled: boolean; filePath?: string }>;
}

const MiB = 1024 * 1024;

export async function readFileWithinLimit(path: string, maxBytes: number): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IpcFailure('NOT_FOUND');
    size = info.size;
  } catch (error) {
    if (error instanceof IpcFailure) throw error;
    throw new IpcFailure('NOT_FOUND');
  }
  // Checked before reading so a huge file is never loaded into memory.
  if (size > maxBytes) {
    throw new IpcFailure('TOO_LARGE', `파일이 너무 큽니다 (최대 ${Math.round(maxBytes / MiB)}MB).`);
  }
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    throw new IpcFailure('IO_ERROR');
  }
}

/** Thrown by an exclusive atomic write when the target name is already taken. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`File exists: ${path}`);
    this.name = 'FileExistsError';
  }
}

export interface AtomicWriteOptions {
  /** Never replace an existing file: throw FileExistsError instead (backups pick a new name). */
  exclusive?: boolean;
}

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/**
 * Moves the finished temporary file to `path` without replacing an existing one. A hard link is
 * atomic and fails with EEXIST; where the disk has no hard links (FAT, some network shares) we
 * fall back to check-then-rename, which is safe because backup writes are serialised in-process.
 */
async function moveIntoPlaceExclusively(temporary: string, path: string): Promise<void> {
  try {
    await link(temporary, path);
    await unlink(temporary).catch(() => undefined);
    return;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new FileExistsError(path);
  }
  const taken = await stat(path).then(
    () => true,
    () => false,
  );
  if (taken) throw new FileExistsError(path);
  await rename(temporary, path);
}

/**
 * Writes through a temporary file, flushed to disk (fsync) before the rename, so a crash or power
 * loss leaves either the old file or the complete new one, never half a file. The temporary name
 * is unique per call: two writes to the same target must not share (and corrupt) one temp file.
 */
export async function writeFileAtomically(
  path: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temporary = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  let created = false;
  try {
    const handle = await open(temporary, 'wx');
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) await moveIntoPlaceExclusively(temporary, path);
    else await rename(temporary, path);
  } catch (error) {
    if (created) await unlink(temporary).catch(() => undefined);
    if (error instanceof FileExistsError) throw error;
    throw new IpcFailure('IO_ERROR', '파일을 저장하지 못했습니다. 다른 위치를 선택해 보세요.');
  }
}

export function createFileHandlers(dialogs: FileDialogs): {
  'files:open': IpcHandler<'files:open', IpcMainInvokeEvent>;
  'files:save': IpcHandler<'files:save', IpcMainInvokeEvent>;
} {
  return {
    'files:open': async (input, event): Promise<OpenedFile | null> => {
      const picked = await dialogs.showOpenDialog(event, {
        title: input.title ?? '파일 열기',
        properties: ['openFile'],
        filters: input.filters,
      });
      const path = picked.filePaths[0];
      if (picked.canceled || !path) return null;
      const bytes = await readFileWithinLimit(path, input.maxBytes ?? IPC_LIMITS.openFileBytes);
      return { name: basename(path), bytes };
    },
    'files:save': async (input, event): Promise<SavedFile | null> => {
      const picked = await dialogs.showSaveDialog(event, {
        title: '파일 저장',
        defaultPath: input.defaultName,
        filters: input.filters,
      });
      if (picked.canceled || !picked.filePath) return null;
      await writeFileAtomically(picked.filePath, input.bytes);
      return { path: picked.filePath };
    },
  };
}
