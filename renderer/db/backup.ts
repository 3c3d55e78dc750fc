/**
 * Dump and restore of the WHOLE local database (issue "Spreadsheets in and out"). The backup
 * file format itself (ZIP, manifest, checksums, validation) is shared/backup; this module only
 * reads and replaces IndexedDB tables.
 *
 * - dumpDatabase(): every table of the open database (entity tables with their tombstones,
 *   history, outbox, settings, prefs, importLog…) in ONE read transaction, so the backup is a
 *   consistent snapshot even while the app writes. The grid snapshots' bookkeeping
 *   (`gridSnapshots`, `tableRevisions`: derived and local, see gridSnapshot.ts) is dumped empty.
 * - restoreDatabase(): replaces every table (clear + bulkPut) in ONE rw transaction: a failure
 *   anywhere rolls the whole database back to what it was. Call it only with what readBackup()
 *   accepted; it re-checks only what readBackup cannot know (this database's tables/versions).
 * - backupBeforeUpgrade(): before the app opens a database stored at an older version, dump it
 *   with its OWN (old) schema and hand the bytes to a writer (desktop: the backup folder).
 *
 * Backup records need a string `id` (shared/backup). Tables keyed by `id` are dumped as they
 * are; key-value tables (`settings`, `prefs`, keyed by `key`) get `id` = their key in the file,
 * and lose it again on restore. Their rows never hold an `id` of their own (dump refuses one).
 */
import Dexie, { type Table } from 'dexie';
import { buildBackup, type BackupManifest } from '../../shared/backup';
import { isHlc } from '../../shared/sync/hlc';
import { stampMetaProblem } from '../../shared/sync/recordStamps';
import { getClock } from './clock';
import type { PumasiDb } from './db';
import { getDeviceId, type SettingKey } from './settings';
import { UNBACKED_TABLES, invalidateSnapshots } from './gridSnapshot';
import { BOOKKEEPING_STORES } from './schema';
import { DB_VERSIONS, LATEST_DB_VERSION } from './versions';

export interface DatabaseDump {
  /** table name → its rows, each with a string `id` (see the header) */
  tables: Record<string, unknown[]>;
  /** the database version the rows were read at (Dexie `verno`) */
  schemaVersion: number;
}

/** What readBackup() returns when it accepted a file. */
export interface ValidatedBackup {
  manifest: BackupManifest;
  tables: Record<string, unknown[]>;
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
}

export type ProgressCallback = (done: number, total: number) => void;

const restoreMessages = {
  unknownTable: (name: string) => `이 프로그램의 데이터베이스에 없는 표입니다: ${name}`,
  newerSchema: (v: number, max: number) =>
    `더 새로운 데이터 버전(${v})의 백업이라 복원할 수 없습니다 (이 데이터베이스: ${max})`,
  needsMigration: (v: number) =>
    `데이터 버전 ${v}의 백업은 자료 변환이 필요해 바로 복원할 수 없습니다. 같은 버전의 품앗이에서 복원하세요`,
  badKey: (table: string) => `${table} 표의 기본 키를 백업할 수 없는 형식입니다`,
  idClash: (table: string, key: string) =>
    `${table} 표의 "${key}" 항목에 id가 이미 있어 백업할 수 없습니다`,
  badRow: (table: string, id: string, what: string) =>
    `백업 파일의 ${table} 표 "${id}" 항목이 올바르지 않아 복원하지 않습니다: ${what}`,
} as const;

const isRecordObject = (row: unknown): row is Record<string, unknown> =>
  typeof row === 'object' && row !== null;

/**
 * What every row must look like for the app to keep working after a restore: a history or
 * outbox row is keyed by an HLC stamp (the clock seeds from the newest history key; a bad key
 * would make every later write fail) and holds an entries array; an entity row carries its
 * bookkeeping (version, tombstone flag, owning cluster). Checked before anything is replaced.
 */
function rowProblem(table: string, row: Record<string, unknown>): string | null {
  if (table === 'history' || table === 'outbox') {
    if (!isHlc(row['id'])) return 'id가 HLC 시각값이 아닙니다';
    if (!Array.isArray(row['entries'])) return 'entries 목록이 없습니다';
    return null;
  }
  if (table in BOOKKEEPING_STORES) return null;
  if (typeof row['version'] !== 'number' || !Number.isInteger(row['version']))
    return 'version이 정수가 아닙니다';
  if (row['deleted'] !== 0 && row['deleted'] !== 1) return 'deleted가 0 또는 1이 아닙니다';
  if (typeof row['clusterId'] !== 'string') return 'clusterId가 없습니다';
  return stampMetaProblem(row); // per-field stamps (docs/SYNC.md, "Record meta")
}

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

/** Throws (Korean message) when this database cannot take the backup as it is. */
function checkRestorable(db: PumasiDb, backup: ValidatedBackup): void {
  const names = new Set(restorableTables(db));
  for (const name of Object.keys(backup.tables)) {
    if (!names.has(name)) throw new Error(restoreMessages.unknownTable(name));
  }
  for (const [name, rows] of Object.entries(backup.tables)) {
    for (const row of rows) {
      const problem = isRecordObject(row) ? rowProblem(name, row) : '객체가 아닙니다';
      if (problem) {
        const id = isRecordObject(row) ? String(row['id'] ?? '') : '';
        throw new Error(restoreMessages.badRow(name, id, problem));
      }
    }
  }
  const from = backup.manifest.schemaVersion;
  if (from > db.verno) throw new Error(restoreMessages.newerSchema(from, db.verno));
  // Rows of an older version are written as they are: right only while no version in between
  // migrates data. Once one does, restoring must run that migration; refuse until it exists.
  if (DB_VERSIONS.some((v) => v.version > from && v.version <= db.verno && v.upgrade)) {
    throw new Error(restoreMessages.needsMigration(from));
  }
}

/**
 * Replaces EVERY table with the backup's rows in one rw transaction (tables the backup lacks end
 * empty). Any failure rolls everything back.
 *
 * Database identity (docs/SYNC.md "Database identity"): the restored database keeps THIS
 * device's id, never the backup's — otherwise two installs (the original and this one) would
 * write under one device id, their HLC stamps could collide, and the server could not tell their
 * writes apart. What the data came from is recorded instead in settings (`restoredFrom`: the
 * backup's createdAt, device, cluster), so the sync layer can detect the restore and re-register.
 */
export async function restoreDatabase(
  db: PumasiDb,
  backup: ValidatedBackup,
  opts: { onProgress?: ProgressCallback; now?: Date } = {},
): Promise<void> {
  if (!db.isOpen()) await db.open();
  checkRestorable(db, backup);
  const deviceId = await getDeviceId(db);
  const { manifest } = backup;
  const note: RestoredFrom = {
    createdAt: manifest.createdAt,
    deviceId: manifest.deviceId,
    clusterId: manifest.clusterId,
    schemaVersion: manifest.schemaVersion,
    restoredAt: (opts.now ?? new Date()).toISOString(),
  };
  // The grid snapshot bookkeeping is not replaced but invalidated (below): revisions only grow.
  const all = db.tables.filter((t) => !UNBACKED_TABLES.has(t.name));
  await db.transaction('rw', db.tables, async () => {
    let done = 0;
    for (const table of all) {
      await table.clear();
      const rows = backup.tables[table.name] ?? [];
      if (rows.length > 0) await table.bulkPut(rows.map((r) => fromDumpRow(table, r)));
      opts.onProgress?.(++done, all.length);
    }
    // Every entity table was rewritten: bump its revision and drop every grid snapshot, in this
    // transaction (gridSnapshot.ts), so no snapshot of the replaced data is ever read again.
    const entityTables = all.map((t) => t.name).filter((name) => !(name in BOOKKEEPING_STORES));
    await invalidateSnapshots(db, entityTables);
    await db.settings.put({ key: 'deviceId', value: deviceId });
    await db.settings.put({ key: RESTORED_FROM_KEY, value: note });
  });
  // The restored history may hold stamps newer than this device's clock has seen: later local
  // writes must sort after them (and never reuse a history key).
  const newest = await db.history.orderBy(':id').lastKey();
  if (isHlc(newest)) (await getClock(db)).receive(newest);
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
