/**
 * Backup ZIP bytes → validated tables, checking EVERYTHING before the caller replaces any data:
 * the ZIP (readable, bounded: a zip bomb is refused), the manifest (shape, format, versions),
 * every listed file (present, CRC-32 and SHA-256, JSON, record count, string ids, no repeated
 * id), no unknown table and no unlisted file. Never throws: a problem is `{ ok: false }` with a
 * Korean (or English) message naming the file or table at fault.
 */
import type { Lang } from '../registry';
import { checkRecordIds, sha256Hex } from './build';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DEFAULT_BACKUP_LIMITS,
  MANIFEST_FILE,
  manifestSchema,
  tableFile,
  type BackupLimits,
  type BackupManifest,
} from './format';
import { backupMessage, type BackupErrorCode, type BackupMessageParams } from './messages';
import { readZip, type ZipProblem } from './zip';

export interface ReadBackupOptions {
  /** the newest data schema this app can restore; a newer backup is refused */
  maxSchemaVersion: number;
  /** table names this app knows (Dexie tables) */
  knownTables: readonly string[];
  limits?: Partial<BackupLimits>;
  lang?: Lang;
}

export interface BackupReadError {
  code: BackupErrorCode;
  message: string;
}

export type ReadBackupResult =
  | { ok: true; manifest: BackupManifest; tables: Record<string, unknown[]> }
  | { ok: false; error: BackupReadError };

class Refusal {
  constructor(
    readonly code: BackupErrorCode,
    readonly params: BackupMessageParams = {},
  ) {}
}

const toMb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

function zipRefusal(p: ZipProblem): Refusal {
  switch (p.code) {
    case 'fileTooLarge':
    case 'tooLarge':
      return new Refusal(p.code, { size: toMb(p.size), max: toMb(p.max) });
    case 'tooManyEntries':
      return new Refusal(p.code, { entries: p.entries, max: p.max });
    case 'zipUnsupported':
      return new Refusal(p.code, { detail: p.detail });
    case 'zipCorrupt':
    case 'checksumMismatch':
      return new Refusal(p.code, { file: p.file });
    default:
      return new Refusal(p.code);
  }
}

function parseJson(bytes: Uint8Array, file: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Refusal('badJson', { file });
  }
}

/** The manifest, checked from the outside in so each refusal says what is actually wrong. */
function readManifest(files: Map<string, Uint8Array>, opts: ReadBackupOptions): BackupManifest {
  const bytes = files.get(MANIFEST_FILE);
  if (!bytes) throw new Refusal('manifestMissing');
  const raw = parseJson(bytes, MANIFEST_FILE);
  const head = (raw ?? {}) as {
    format?: unknown;
    formatVersion?: unknown;
    schemaVersion?: unknown;
  };
  if (typeof raw !== 'object' || Array.isArray(raw) || head.format !== BACKUP_FORMAT) {
    throw new Refusal('notPumasiBackup', { format: String(head.format ?? '-') });
  }
  if (typeof head.formatVersion === 'number' && head.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new Refusal('newerFormat', { version: head.formatVersion });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refusal('manifestInvalid', { detail: issue?.path.join('.') || 'manifest' });
  }
  const manifest = parsed.data;
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new Refusal('manifestInvalid', { detail: 'formatVersion' });
  }
  if (manifest.schemaVersion > opts.maxSchemaVersion) {
    throw new Refusal('newerSchema', {
      version: manifest.schemaVersion,
      max: opts.maxSchemaVersion,
    });
  }
  return manifest;
}

/** Table list against the app and the archive: known, unique, right file name, no extras. */
function checkListing(
  manifest: BackupManifest,
  files: Map<string, Uint8Array>,
  known: Set<string>,
) {
  const names = new Set<string>();
  for (const t of manifest.tables) {
    if (!known.has(t.name)) throw new Refusal('unknownTable', { table: t.name });
    if (names.has(t.name)) throw new Refusal('duplicateTable', { table: t.name });
    names.add(t.name);
    if (t.file !== tableFile(t.name)) {
      throw new Refusal('badFilePath', { table: t.name, file: t.file });
    }
    if (!files.has(t.file)) throw new Refusal('fileMissing', { file: t.file });
  }
  const listed = new Set([MANIFEST_FILE, ...manifest.tables.map((t) => t.file)]);
  for (const name of files.keys()) {
    if (!listed.has(name)) throw new Refusal('unexpectedFile', { file: name });
  }
}

async function readTables(
  manifest: BackupManifest,
  files: Map<string, Uint8Array>,
): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const t of manifest.tables) {
    const bytes = files.get(t.file)!;
    if ((await sha256Hex(bytes)) !== t.sha256)
      throw new Refusal('checksumMismatch', { file: t.file });
    const records = parseJson(bytes, t.file);
    if (!Array.isArray(records)) throw new Refusal('notArray', { file: t.file });
    if (records.length !== t.count) {
      throw new Refusal('countMismatch', {
        file: t.file,
        expected: t.count,
        actual: records.length,
      });
    }
    const ids = checkRecordIds(records);
    if (ids.missingAt > 0)
      throw new Refusal('recordWithoutId', { file: t.file, index: ids.missingAt });
    if (ids.duplicate !== null)
      throw new Refusal('duplicateId', { file: t.file, id: ids.duplicate });
    tables[t.name] = records;
  }
  return tables;
}

/** Reads and validates a backup; the tables are returned only when every check passed. */
export async function readBackup(
  bytes: Uint8Array,
  opts: ReadBackupOptions,
): Promise<ReadBackupResult> {
  const lang = opts.lang ?? 'ko';
  const limits = { ...DEFAULT_BACKUP_LIMITS, ...opts.limits };
  try {
    const zip = readZip(bytes, limits);
    if (!zip.ok) throw zipRefusal(zip.problem);
    const manifest = readManifest(zip.files, opts);
    checkListing(manifest, zip.files, new Set(opts.knownTables));
    const tables = await readTables(manifest, zip.files);
    return { ok: true, manifest, tables };
  } catch (e) {
    const r = e instanceof Refusal ? e : new Refusal('zipCorrupt', { file: '?' });
    return { ok: false, error: { code: r.code, message: backupMessage(r.code, r.params, lang) } };
  }
}
