/**
 * Tables → backup ZIP bytes. The caller (db layer) reads every table in one read transaction
 * and passes plain records; this module only serialises, hashes and zips. Deterministic: the
 * same input gives the same bytes (entry times are `createdAt`), which keeps tests exact.
 */
import { zipSync, type Zippable } from 'fflate';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_FILE,
  TABLE_NAME,
  manifestSchema,
  tableFile,
  type BackupManifest,
} from './format';
import { BackupError } from './messages';

export interface BuildBackupInput {
  /** table name → its records (JSON-safe objects, each with a string `id`) */
  tables: Readonly<Record<string, readonly unknown[]>>;
  schemaVersion: number;
  appVersion: string;
  deviceId: string;
  clusterId: string;
  createdAt: Date | string;
}

/** SHA-256 as lowercase hex (WebCrypto: Node 20+ and browsers). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The position (1-based) of the first record without a usable id, and the first repeated id. */
export function checkRecordIds(records: readonly unknown[]): {
  missingAt: number;
  duplicate: string | null;
} {
  const seen = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const id =
      r !== null && typeof r === 'object' && !Array.isArray(r)
        ? (r as { id?: unknown }).id
        : undefined;
    if (typeof id !== 'string' || id === '') return { missingAt: i + 1, duplicate: null };
    // A restore writes records by id: two of one id would silently keep only one.
    if (seen.has(id)) return { missingAt: -1, duplicate: id };
    seen.add(id);
  }
  return { missingAt: -1, duplicate: null };
}

/** ZIP entry times are DOS dates (1980–2099); outside that, fflate's default (now) is used. */
function zipTime(date: Date): Date | undefined {
  const y = date.getFullYear();
  return y >= 1980 && y <= 2099 ? date : undefined;
}

/** Builds the backup. Throws BackupError when the input could not be restored later. */
export async function buildBackup(input: BuildBackupInput): Promise<Uint8Array> {
  const created = new Date(input.createdAt);
  const encoder = new TextEncoder();
  const files: Zippable = {};
  const tables: BackupManifest['tables'] = [];
  for (const [name, records] of Object.entries(input.tables)) {
    if (!TABLE_NAME.test(name)) throw new BackupError('badTableName', { table: name });
    const file = tableFile(name);
    const ids = checkRecordIds(records);
    if (ids.missingAt > 0) throw new BackupError('recordWithoutId', { file, index: ids.missingAt });
    if (ids.duplicate !== null) throw new BackupError('duplicateId', { file, id: ids.duplicate });
    const bytes = encoder.encode(JSON.stringify(records));
    files[file] = bytes;
    tables.push({ name, file, count: records.length, sha256: await sha256Hex(bytes) });
  }
  const manifest = manifestSchema.safeParse({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: input.schemaVersion,
    appVersion: input.appVersion,
    createdAt: Number.isNaN(created.getTime()) ? String(input.createdAt) : created.toISOString(),
    deviceId: input.deviceId,
    clusterId: input.clusterId,
    tables,
  });
  if (!manifest.success) {
    const issue = manifest.error.issues[0];
    throw new BackupError('manifestInvalid', {
      detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    });
  }
  files[MANIFEST_FILE] = encoder.encode(JSON.stringify(manifest.data, null, 2));
  const mtime = zipTime(created);
  return zipSync(files, mtime ? { level: 6, mtime } : { level: 6 });
}
