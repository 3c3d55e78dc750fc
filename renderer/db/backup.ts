/**
 * Dump and restore of the WHOLE local database (issue "Spreadsheets in and out"). The backup
 * file format itself (ZIP, manifest, checksums, validation) is shared/backup; this module only
 * reads and replaces IndexedDB tables.
 *
 * - dumpDatabase(): every table of the open database (entity tables with their tombstones,
 *   history, outbox, settings, prefs, importLog…) in ONE read transaction, so the backup is a
 *   consistent snapshot even while the app writes. The grid snapshots' bookkeeping
 *   (`gridSnapshots`, `tableRevisions`: derived and local, see gridSnapshot.ts) is dumped empty.
 * - restoreDatabase(): checks the content in full first (prepareRestore: an older backup is
 *   upgraded, every row validated, records/history/outbox must agree, clock keys bounded), then
 *   replaces every table (clear + bulkPut) in ONE rw transaction: a failure anywhere rolls the
 *   whole database back to what it was. Call it with what readBackup() accepted (the file is
 *   whole and checksummed); everything about the CONTENT is checked here.
 * - backupBeforeUpgrade(): before the app opens a database stored at an older version, dump it
 *   with its OWN (old) schema and hand the bytes to a writer (desktop: the backup folder).
 *
 * Backup records need a string `id` (shared/backup). Tables keyed by `id` are dumped as they
 * are; key-value tables (`settings`, `prefs`, keyed by `key`) get `id` = their key in the file,
 * and lose it again on restore. Their rows never hold an `id` of their own (dump refuses one).
 */
import Dexie, { type Table } from 'dexie';
import { buildBackup, type BackupManifest } from '../../shared/backup';
import { entities, type Lang } from '../../shared/registry';
import { isHlc } from '../../shared/sync/hlc';
import { newId } from '../../shared/sync/ids';
import { checkBackupContent, RestoreRefusedError } from './backupContent';
import { BackupVersionError, upgradeBackup } from './backupUpgrade';
import { getClock } from './clock';
import type { PumasiDb } from './db';
import { getDeviceId, setSetting, type SettingKey } from './settings';
import { UNBACKED_TABLES, invalidateSnapshots, refreshAfterLargeWrite } from './gridSnapshot';
import { BOOKKEEPING_STORES, historyRow, type HistoryRow } from './schema';
import { LATEST_DB_VERSION, type DbVersion } from './versions';

export interface DatabaseDump {
  /** table name → its rows, each with a string `id` (see the header) */
  tables: Record<string, unknown[]>;
  /** the database version the rows were read at (Dexie `verno`) */
  schemaVersion: number;
}

/** What readBackup() returns when it accepted a file (upgraded: see backupUpgrade.ts). */
export interface ValidatedBackup {
  manifest: BackupManifest;
  tables: Record<string, unknown[]>;
  upgradedFrom?: number;
}

/** Settings key of the note a restore leaves: which backup this database came from. */
export const RESTORED_FROM_KEY: SettingKey = 'restoredFrom';

export interface RestoredFrom {
  /** the backup's `createdAt` */
  createdAt: string;
  /** the device that made the backup (NOT this device's id: see restoreDatabase) */
  deviceId: string;
  clusterId: string;
  schemaVersion: number;
  /** ISO time of the restore */
  restoredAt: string;
  /** the device id this database had before the restore (it took a new one) */
  previousDeviceId: string;
}

export type ProgressCallback = (done: number, total: number) => void;

const restoreMessages = {
  unknownTable: (name: string) => `이 프로그램의 데이터베이스에 없는 표입니다: ${name}`,
  newerSchema: (v: number, max: number) =>
    `더 새로운 데이터 버전(${v})의 백업이라 복원할 수 없습니다 (이 데이터베이스: ${max})`,
  badKey: (table: string) => `${table} 표의 기본 키를 백업할 수 없는 형식입니다`,
  idClash: (table: string, key: string) =>
    `${table} 표의 "${key}" 항목에 id가 이미 있어 백업할 수 없습니다`,
} as const;

/** The primary key path of a table when it is one property; null for outbound/compound keys. */
function keyPathOf(table: Table): string | null {
  const path = table.schema.primKey.keyPath;
  return typeof path === 'string' && path !== '' ? path : null;
}

function toDumpRow(table: Table, row: unknown): unknown {
  const keyPath = keyPathOf(table);
  if (keyPath === null) throw new Error(restoreMessages.badKey(table.name));
  if (keyPath === 'id') return row;
  const record = row as Record<string, unknown>;
  const key = record[keyPath];
  if (typeof key !== 'string') throw new Error(restoreMessages.badKey(table.name));
  // restore drops `id` from these rows again: one of their own would be lost.
  if ('id' in record) throw new Error(restoreMessages.idClash(table.name, key));
  return { id: key, ...record };
}

function fromDumpRow(table: Table, row: unknown): unknown {
  // The history index field is rebuilt from the entries, never trusted from the file (v5).
  if (table.name === 'history') return historyRow((row as HistoryRow).entries);
  if (keyPathOf(table) === 'id') return row;
  const { id: _id, ...record } = row as Record<string, unknown>;
  return record;
}

/** Every table's rows in one read transaction (a consistent snapshot). */
export async function dumpDatabase(
  db: Dexie,
  opts: { onProgress?: ProgressCallback } = {},
): Promise<DatabaseDump> {
  if (!db.isOpen()) await db.open();
  const tables: Record<string, unknown[]> = {};
  const all = db.tables;
  await db.transaction('r', all, async () => {
    let done = 0;
    for (const table of all) {
      // Grid snapshot bookkeeping is derived and local: present in the file, always empty.
      const rows = UNBACKED_TABLES.has(table.name) ? [] : await table.toArray();
      tables[table.name] = rows.map((r) => toDumpRow(table, r));
      opts.onProgress?.(++done, all.length);
    }
  });
  return { tables, schemaVersion: db.verno };
}

/** The table names this database can restore (readBackup's `knownTables`). */
export function restorableTables(db: Dexie): string[] {
  return db.tables.map((t) => t.name);
}

/** Throws (Korean message) when this database cannot take the backup's tables at all. */
function checkRestorable(db: PumasiDb, backup: ValidatedBackup): void {
  const names = new Set(restorableTables(db));
  for (const name of Object.keys(backup.tables)) {
    if (!names.has(name)) throw new BackupVersionError(restoreMessages.unknownTable(name));
  }
  const from = backup.manifest.schemaVersion;
  if (from > db.verno) throw new BackupVersionError(restoreMessages.newerSchema(from, db.verno));
}

export interface RestoreOptions {
  onProgress?: ProgressCallback;
  now?: Date;
  lang?: Lang;
  /** only tests pass this: the versions `db` was opened with (default: DB_VERSIONS) */
  versions?: readonly DbVersion[];
  /** only tests: the clock bound of the content check */
  maxClockAheadMs?: number;
}

/**
 * Everything a restore checks, with NOTHING written to `db`: an older backup is upgraded
 * (backupUpgrade.ts), then its tables are checked against this database and its content in full
 * (backupContent.ts: registry validation, agreement of records/history/outbox, clock bounds).
 * Throws BackupVersionError or RestoreRefusedError (`committed: false`, Korean per-row report).
 */
export async function prepareRestore(
  db: PumasiDb,
  backup: ValidatedBackup,
  opts: RestoreOptions = {},
): Promise<ValidatedBackup> {
  if (!db.isOpen()) await db.open();
  const lang = opts.lang ?? 'ko';
  checkRestorable(db, backup);
  if (checkedTables.has(backup.tables)) return backup;
  const upgraded = await upgradeBackup(backup, { versions: opts.versions, lang });
  checkRestorable(db, upgraded);
  // Stamps are bounded against the clock the HLC itself reads (Date.now), not `opts.now`.
  const problems = checkBackupContent(upgraded.tables, {
    lang,
    maxClockAheadMs: opts.maxClockAheadMs,
  });
  if (problems.length > 0) throw new RestoreRefusedError(problems, lang);
  checkedTables.add(deepFreeze(upgraded.tables));
  return upgraded;
}

/**
 * Tables prepareRestore() checked, frozen so that what was checked is exactly what a restore
 * writes: the confirmation step (readBackupFile) checks once, and restoreDatabase does not
 * validate every record a second time (validation is most of a large restore's cost).
 */
const checkedTables = new WeakSet<object>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export interface RestoreResult {
  /** the new device id this database took (never the old one, never the backup's) */
  deviceId: string;
  /** the data version the file was made at, when it was upgraded on the way */
  upgradedFrom?: number;
  /** set when a step AFTER the commit failed: the data WAS replaced (say so, never "unchanged") */
  afterCommitProblem?: string;
}

/**
 * Checks everything (prepareRestore), then replaces EVERY table with the backup's rows in one rw
 * transaction (tables the backup lacks end empty). Any failure before or inside the transaction
 * leaves the database as it was; once it committed, this never throws (see RestoreResult).
 *
 * Database identity (docs/SYNC.md "Database identity"): the restored database takes a NEW
 * device id, in the same transaction — neither the backup's (two installs would write under
 * one id: their HLC stamps could collide and the server could not tell their writes apart) nor
 * the one it had (the server knows that device's acknowledged history, which the restored data
 * went back on). So a restored database registers as a new device on its next sync. Its outbox
 * is the backup's: the backup's unsent changes are still pushed (under their original stamps,
 * so a change the server already has merges as a no-op); the unsent changes of the replaced
 * data are NOT kept: the confirmation lists them first (restoreOutbox.ts). What the data came
 * from is recorded in settings (`restoredFrom`).
 * (i12a keeps the database identity outside IndexedDB as well: that copy must follow this id.)
 */
export async function restoreDatabase(
  db: PumasiDb,
  backup: ValidatedBackup,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  const ready = await prepareRestore(db, backup, opts);
  const previousDeviceId = await getDeviceId(db);
  const deviceId = newId();
  const { manifest } = backup;
  const note: RestoredFrom = {
    createdAt: manifest.createdAt,
    deviceId: manifest.deviceId,
    clusterId: manifest.clusterId,
    schemaVersion: ready.upgradedFrom ?? manifest.schemaVersion,
    restoredAt: (opts.now ?? new Date()).toISOString(),
    previousDeviceId,
  };
  // The grid snapshot bookkeeping is not replaced but invalidated (below): revisions only grow.
  const all = db.tables.filter((t) => !UNBACKED_TABLES.has(t.name));
  await db.transaction('rw', db.tables, async () => {
    let done = 0;
    for (const table of all) {
      await table.clear();
      const rows = ready.tables[table.name] ?? [];
      if (rows.length > 0) await table.bulkPut(rows.map((r) => fromDumpRow(table, r)));
      opts.onProgress?.(++done, all.length);
    }
    // Every entity table was rewritten: bump its revision and drop every grid snapshot, in this
    // transaction (gridSnapshot.ts), so no snapshot of the replaced data is ever read again.
    const entityTables = all.map((t) => t.name).filter((name) => !(name in BOOKKEEPING_STORES));
    await invalidateSnapshots(db, entityTables);
    // setSetting also forgets the cached id; on an abort the stored (old) id is read again.
    await setSetting(db, 'deviceId', deviceId);
    await db.settings.put({ key: RESTORED_FROM_KEY, value: note });
  });
  // Committed. The restored history may hold stamps newer than this device's clock has seen:
  // later local writes must sort after them. The stamps were checked against the clock bound
  // before the transaction, so this cannot overflow; if it fails anyway the restore stands
  // (the clock also seeds from the newest history key on the next start).
  const result: RestoreResult = { deviceId, upgradedFrom: ready.upgradedFrom };
  try {
    const newest = await db.history.orderBy(':id').lastKey();
    if (isHlc(newest)) (await getClock(db)).receive(newest);
  } catch (e) {
    result.afterCommitProblem = e instanceof Error ? e.message : String(e);
  }
  // The restore dropped every grid snapshot: rebuild those of large tables now, so the first
  // open of a restored 100,000-row grid reads ~10 values, not the table (only an accelerator).
  await refreshAfterLargeWrite(
    db,
    entities.map((e) => [e.name, ready.tables[e.table]?.length ?? 0] as const),
  );
  return result;
}

export interface BackupBytesInput {
  appVersion: string;
  now?: Date;
  onProgress?: ProgressCallback;
}

async function settingOf(db: Dexie, key: string): Promise<unknown> {
  if (!db.tables.some((t) => t.name === 'settings')) return undefined;
  const row = (await db.table('settings').get(key)) as { value?: unknown } | undefined;
  return row?.value;
}

/** dumpDatabase + buildBackup: the `.pumasi.zip` bytes of this database. */
export async function createBackupBytes(db: Dexie, input: BackupBytesInput): Promise<Uint8Array> {
  const dump = await dumpDatabase(db, { onProgress: input.onProgress });
  const deviceId = await settingOf(db, 'deviceId');
  const clusterId = await settingOf(db, 'clusterId');
  return buildBackup({
    tables: dump.tables,
    schemaVersion: dump.schemaVersion,
    appVersion: input.appVersion,
    // A database that never wrote has no device id yet; the manifest still needs one.
    deviceId: typeof deviceId === 'string' && deviceId !== '' ? deviceId : 'unknown',
    clusterId: typeof clusterId === 'string' ? clusterId : '',
    createdAt: input.now ?? new Date(),
  });
}

export interface UpgradeBackup {
  bytes: Uint8Array;
  /** for the file name, e.g. `before-upgrade-v3` */
  label: string;
  fromVersion: number;
  toVersion: number;
}

export type UpgradeBackupWriter = (backup: UpgradeBackup) => Promise<unknown>;

export type BeforeUpgradeResult =
  | { status: 'no-database' }
  | { status: 'up-to-date'; version: number }
  | { status: 'written'; fromVersion: number };

/**
 * Before the app opens database `name`: when it is stored at a version older than
 * LATEST_DB_VERSION, dump it with its own schema (`new Dexie(name)` without versions opens the
 * existing schema as it is — no upgrade runs) and await `writer` with the backup. Must run
 * before anything opens the database with the app's versions (that open would upgrade it).
 * A writer failure propagates: the caller decides whether to start anyway.
 */
export async function backupBeforeUpgrade(
  name: string,
  writer: UpgradeBackupWriter,
  opts: { appVersion?: string; now?: Date } = {},
): Promise<BeforeUpgradeResult> {
  // exists() never creates the database (a plain open would, as an empty version 1).
  if (!(await Dexie.exists(name))) return { status: 'no-database' };
  const old = new Dexie(name);
  try {
    await old.open();
    const version = old.verno;
    if (version >= LATEST_DB_VERSION) return { status: 'up-to-date', version };
    const bytes = await createBackupBytes(old, {
      appVersion: opts.appVersion ?? 'unknown',
      now: opts.now,
    });
    await writer({
      bytes,
      label: `before-upgrade-v${LATEST_DB_VERSION}`,
      fromVersion: version,
      toVersion: LATEST_DB_VERSION,
    });
    return { status: 'written', fromVersion: version };
  } finally {
    // Closed before the app opens it: an open connection would block the upgrade.
    old.close();
  }
}
