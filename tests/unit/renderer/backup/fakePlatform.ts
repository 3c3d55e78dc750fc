/** A desktop or browser platform in memory: backup files kept in a Map, saves recorded. */
import type { BackupEntry } from '../../../../shared/ipc/contract';
import type { BackupWriteOptions, Platform } from '../../../../renderer/platform/types';

export interface FakePlatform extends Platform {
  written: Array<BackupWriteOptions & { fileName: string }>;
  saved: Array<{ name: string; bytes: Uint8Array; mime: string }>;
  /** makes the next writeBackup calls fail */
  failWrites: boolean;
}

export function fakePlatform(kind: 'desktop' | 'browser'): FakePlatform {
  const files = new Map<string, Uint8Array>();
  const p: FakePlatform = {
    kind,
    written: [],
    saved: [],
    failWrites: false,
    appInfo: async () => ({ kind, name: 'Pumasi', version: '0.1.0-test', runtime: 'test' }),
    openFile: async () => null,
    saveFile: async (name, bytes, mime) => {
      p.saved.push({ name, bytes, mime });
      return true;
    },
    requestPersistentStorage: async () => true,
  };
  if (kind === 'desktop') {
    p.writeBackup = async (options): Promise<BackupEntry> => {
      if (p.failWrites) throw new Error('디스크 공간이 부족합니다');
      const fileName = `pumasi-backup-20060401-000000-${String(p.written.length).padStart(3, '0')}-${options.label ?? 'x'}.zip`;
      files.set(fileName, options.bytes);
      p.written.push({ ...options, fileName });
      return { fileName, size: options.bytes.length, createdAt: '2006-04-01T00:00:00.000Z' };
    };
    p.listBackups = async () =>
      [...files].map(([fileName, b]) => ({ fileName, size: b.length, createdAt: '' }));
    p.readBackup = async (fileName) => ({ fileName, bytes: files.get(fileName)! });
  }
  return p;
}
