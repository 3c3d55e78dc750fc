import { statfs } from 'node:fs/promises';
import type { StorageInfo } from '../../shared/ipc/contract';

/** storage:info — where the data lives and how much room the disk has left. */
export function createStorageInfoHandler(paths: { dataDir: string; backupDir: string }) {
  // Only these two fields: callers may pass a larger object, which must never be echoed back.
  const { dataDir, backupDir } = paths;
  return async (): Promise<StorageInfo> => {
    try {
      const disk = await statfs(dataDir);
      return {
        dataDir,
        backupDir,
        freeBytes: Number(disk.bavail) * Number(disk.bsize),
        totalBytes: Number(disk.blocks) * Number(disk.bsize),
      };
    } catch {
      return { dataDir, backupDir, freeBytes: null, totalBytes: null };
    }
  };
}
