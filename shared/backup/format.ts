/**
 * The backup file format, version 1: one ZIP `pumasi-backup-YYYYMMDD-HHMMSS.pumasi.zip` holding
 * `manifest.json` and one `tables/<name>.json` per table (an array of records). The manifest
 * lists each table's file, record count and SHA-256, so a restore can prove the data is whole
 * before it replaces anything.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'pumasi-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** Table names become file names: letters, digits, `_` and `-` only (no path tricks). */
export const TABLE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
export const tableFile = (name: string): string => `tables/${name}.json`;

export const manifestTableSchema = z.object({
  name: z.string().regex(TABLE_NAME),
  file: z.string().max(100),
  count: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  schemaVersion: z.number().int().nonnegative(),
  appVersion: z.string().max(64),
  createdAt: z.iso.datetime({ offset: true }),
  deviceId: z.string().min(1).max(128),
  clusterId: z.string().max(64),
  tables: z.array(manifestTableSchema).max(1000),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type ManifestTable = z.infer<typeof manifestTableSchema>;

export interface BackupLimits {
  /** bytes of the .zip file itself */
  maxFileBytes: number;
  /** entries in the ZIP (manifest + tables) */
  maxEntries: number;
  /** all entries together once decompressed, declared and real */
  maxUncompressedBytes: number;
}

/** Far above a cluster's real data (tens of MB), far below what would freeze a renderer. */
export const DEFAULT_BACKUP_LIMITS: BackupLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxEntries: 200,
  maxUncompressedBytes: 1024 * 1024 * 1024,
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `pumasi-backup-20060401-093005.pumasi.zip`, in the user's local time (what they look for). */
export function backupFileName(date: Date): string {
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
  return `pumasi-backup-${day}-${time}.pumasi.zip`;
}

// Browsers and Windows add ` (1)` to a second download of the same name.
const FILE_NAME =
  /^pumasi-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?: \(\d+\))?\.pumasi\.zip$/i;

/**
 * The local date and time a backup file name carries (a path is allowed, only its last part is
 * read), or null when it is not a backup name or not a real moment (`20060230`).
 */
export function parseBackupFileName(name: string): Date | null {
  const base = name.replace(/^.*[\\/]/, '');
  const m = FILE_NAME.exec(base);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi, s);
  const same =
    date.getFullYear() === y &&
    date.getMonth() === mo - 1 &&
    date.getDate() === d &&
    date.getHours() === h &&
    date.getMinutes() === mi &&
    date.getSeconds() === s;
  return same ? date : null;
}
