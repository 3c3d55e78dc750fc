/**
 * Grid snapshots: a derived, disposable copy of an entity table's LIVE records, stored as a few
 * large IndexedDB values, so opening a 100,000-row grid reads ~10 values instead of 100,000.
 *
 * Why: Chromium's IndexedDB cost is per stored entry. On the bench VM a `toArray()` of 100,000
 * companies took ~1,100 ms, reading the same records as 5–20 chunks of 5,000–20,000 ~340 ms.
 *
 * Correctness rests on ONE rule: every write to an entity table bumps that table's revision
 * (`tableRevisions`, `{ key: table, revision }`) in the SAME transaction — mutate() does (via
 * nextRevisions), restoreDatabase() does (bumpRevisions + clearing every snapshot). A revision
 * only ever grows, so equal revisions mean equal data. A snapshot records the revision and the
 * database version (`verno`) it was built from, and a read uses it ONLY when, in the same
 * readonly transaction, both still match; otherwise it reads the table (`toArray()`). A missing
 * revision row counts as 0 (a table nothing has written since v3 existed).
 * Schema upgrades may migrate rows without bumping: the `verno` check covers them.
 *
 * Rows of `gridSnapshots` (primary key `key`): a header `{ key: '<table>/head', revision,
 * schemaVersion, format, chunks, rows, rankFields, rankSizes }` and data rows
 * `{ key: '<table>/<n>', revision, rows, fields, columns, ranks }` for n = 0…chunks-1: format 3
 * stores each chunk's records as columns (snapshotColumns.ts; text joined, numbers typed) plus the sort ranks of the
 * entity's title field over the whole snapshot (recordRanks.ts). A snapshot of another format
 * (1: arrays of record objects; 2: columns as plain arrays) is never read, only rebuilt. Backups hold both tables empty
 * (backup.ts). The opening route's snapshot may already have been read by the early read
 * (earlySnapshot.ts) before this module loaded: readLiveRecords takes it over when its revision
 * and database version still match.
 */
import { getEntity, type EntityName, type StoredRecord } from '../../shared/registry';
import { rankValues, type Ranks } from '../features/entities/rowOrder';
import { entityTable, type PumasiDb } from './db';
import { takeEarlyRead } from './earlySnapshot';
import { rememberRanks } from './recordRanks';
import {
  assembleSnapshot,
  encodeColumns,
  type ColumnarChunk,
  type SnapshotContent,
  type SnapshotHeader,
} from './snapshotColumns';
import {
  chunkKey,
  GRID_SNAPSHOTS_TABLE,
  headerKey,
  SNAPSHOT_FORMAT,
  TABLE_REVISIONS_TABLE,
} from './snapshotKeys';

export { GRID_SNAPSHOTS_TABLE, TABLE_REVISIONS_TABLE, SNAPSHOT_FORMAT };
/** Local bookkeeping that backups leave out: derived (snapshots) or local-only (revisions). */
export const UNBACKED_TABLES: ReadonlySet<string> = new Set([
  GRID_SNAPSHOTS_TABLE,
  TABLE_REVISIONS_TABLE,
]);

/** Records per stored value: 5k and 20k measured the same; 10k keeps each put short. */
export const SNAPSHOT_CHUNK = 10_000;
export interface RevisionRow {
  /** the entity table's name */
  key: string;
  revision: number;
}

const snapshots = (db: PumasiDb) =>
  db.table<SnapshotHeader | ColumnarChunk, string>(GRID_SNAPSHOTS_TABLE);
const revisions = (db: PumasiDb) => db.table<RevisionRow, string>(TABLE_REVISIONS_TABLE);

/**
 * Whether this database has revisions at all: not when opened at a version before v3, which
 * only tests do (and then it has no snapshots either, so nothing can go stale).
 */
export function tracksRevisions(db: PumasiDb): boolean {
  return db.tables.some((t) => t.name === TABLE_REVISIONS_TABLE);
}

/** Current revisions of `tables` (0 when never written); call inside the writer's transaction. */
export async function readRevisions(db: PumasiDb, tables: string[]): Promise<number[]> {
  const rows = await revisions(db).bulkGet(tables);
  return rows.map((row) => row?.revision ?? 0);
}

/** The rows that bump `tables` from `current` (same order, from readRevisions). */
export function nextRevisions(tables: string[], current: number[]): RevisionRow[] {
  return tables.map((key, i) => ({ key, revision: (current[i] ?? 0) + 1 }));
}

/**
 * Bumps `tables` and drops every snapshot, inside the caller's rw transaction; for bulk writers
 * outside mutate() (restore). Never clears the revisions: they must only grow.
 */
export async function invalidateSnapshots(db: PumasiDb, tables: string[]): Promise<void> {
  if (!tracksRevisions(db)) return;
  await revisions(db).bulkPut(nextRevisions(tables, await readRevisions(db, tables)));
  await snapshots(db).clear();
}

export interface LiveRead {
  /** the entity's records that are not deleted */
  records: StoredRecord[];
  /** the table's revision these records are */
  revision: number;
  /** true when read from a fresh snapshot; false when the table itself was read */
  fromSnapshot: boolean;
}

function isFreshHeader(
  db: PumasiDb,
  header: SnapshotHeader | undefined,
  revision: number,
): header is SnapshotHeader {
  return (
    header !== undefined &&
    header.format === SNAPSHOT_FORMAT &&
    header.schemaVersion === db.verno &&
    header.revision === revision
  );
}

async function readFreshSnapshot(
  db: PumasiDb,
  table: string,
  revision: number,
): Promise<SnapshotContent | undefined> {
  const header = (await snapshots(db).get(headerKey(table))) as SnapshotHeader | undefined;
  if (!header || !isFreshHeader(db, header, revision)) return undefined;
  const keys = Array.from({ length: header.chunks }, (_, n) => chunkKey(table, n));
  // A partial or mixed snapshot is never trusted (cannot happen: written in one transaction).
  return assembleSnapshot(header, await snapshots(db).bulkGet(keys), revision);
}

/** The records of a snapshot read, its stored ranks remembered for the grid's sort. */
function snapshotRecords(content: SnapshotContent): StoredRecord[] {
  rememberRanks(content.records, content.ranks);
  return content.records;
}

/**
 * The entity's live records: from its snapshot when that is fresh, else from the table — in ONE
 * readonly transaction with the revision, so the answer is never a mix of two states.
 */
export async function readLiveRecords(db: PumasiDb, entity: EntityName): Promise<LiveRead> {
  const table = entityTable(db, entity);
  const scope = [table.name, TABLE_REVISIONS_TABLE, GRID_SNAPSHOTS_TABLE];
  return db.transaction('r', scope, async () => {
    const [revision = 0] = await readRevisions(db, [table.name]);
    // Read before the app loaded: valid only at the revision and version read here, in this
    // transaction (so this liveQuery still observes the revision row).
    const early = takeEarlyRead(table.name, revision, db.verno);
    if (early) return { records: snapshotRecords(early), revision, fromSnapshot: true };
    const fromSnapshot = await readFreshSnapshot(db, table.name, revision);
    if (fromSnapshot)
      return { records: snapshotRecords(fromSnapshot), revision, fromSnapshot: true };
    const rows = await table.toArray();
    const records: StoredRecord[] = [];
    for (const row of rows) if (row.deleted !== 1) records.push(row);
    return { records, revision, fromSnapshot: false };
  });
}

/**
 * Stores `records` (what readLiveRecords returned at `revision`) as the entity's snapshot, unless
 * the table was written since: then nothing is written and false is returned.
 */
export async function writeGridSnapshot(
  db: PumasiDb,
  entity: EntityName,
  records: readonly StoredRecord[],
  revision: number,
  /** tests pass a small one to get several chunks from a few records */
  chunkSize: number = SNAPSHOT_CHUNK,
): Promise<boolean> {
  const { table, titleField } = getEntity(entity);
  return db.transaction('rw', [GRID_SNAPSHOTS_TABLE, TABLE_REVISIONS_TABLE], async () => {
    const [current = 0] = await readRevisions(db, [table]);
    if (current !== revision) return false;
    // Already fresh at this revision (e.g. refreshGridSnapshot ran after an import and the grid's
    // own stale read then scheduled a rebuild): same data, nothing to rewrite.
    const head = (await snapshots(db).get(headerKey(table))) as SnapshotHeader | undefined;
    if (isFreshHeader(db, head, revision)) return true;
    // Every row of this table's previous snapshot ('/' + digits or 'head' sort below '/\uffff').
    await snapshots(db).where(':id').between(`${table}/`, `${table}/\uffff`).delete();
    // Tombstones never belong in a snapshot, whatever the caller passed.
    const live = records.filter((r) => r.deleted !== 1);
    const chunks = Math.ceil(live.length / chunkSize);
    // The title field's collation key: the ranks the grid's sort of that column would compute
    // (rankValues over the raw field values, as gridSort.ts does for a column without a
    // comparator), stored so the first sort after an open is a counting sort.
    const rankFields = [titleField];
    const ranked = rankFields.map((field) => rankValues(live.map((r) => r[field])));
    // One value per put, awaited: each put serialises SNAPSHOT_CHUNK records on the main thread.
    for (let n = 0; n < chunks; n++) {
      const from = n * chunkSize;
      const slice = live.slice(from, from + chunkSize);
      const chunk: ColumnarChunk = {
        key: chunkKey(table, n),
        revision,
        rows: slice.length,
        ...encodeColumns(slice),
        ranks: ranked.map((r) => r.ranks.slice(from, from + slice.length)),
      };
      await snapshots(db).put(chunk);
    }
    const header: SnapshotHeader = {
      key: headerKey(table),
      revision,
      schemaVersion: db.verno,
      format: SNAPSHOT_FORMAT,
      chunks,
      rows: live.length,
      rankFields,
      rankSizes: ranked.map((r) => r.size),
    };
    await snapshots(db).put(header);
    // The grid may be showing these very records (a table read): its first sort can use them too.
    rememberRanks(live, new Map(rankFields.map((field, f) => [field, ranked[f] as Ranks])));
    return true;
  });
}

/**
 * Builds the entity's snapshot NOW (one read, one write), for a writer that has just replaced much
 * of a table, such as an import's commit: the grid's next open then reads ~10 values instead of
 * the whole table, instead of waiting for the idle rebuild (≥ 15 s after start, 8 s after the
 * last write). Returns whether a fresh snapshot is there afterwards; false when another write came
 * in between (the idle rebuild then catches up) or the database tracks no revisions.
 */
export async function refreshGridSnapshot(db: PumasiDb, entity: EntityName): Promise<boolean> {
  if (!tracksRevisions(db)) return false;
  const read = await readLiveRecords(db, entity);
  if (read.fromSnapshot) return true;
  return writeGridSnapshot(db, entity, read.records, read.revision);
}

/**
 * A write that left at least this many records in one table refreshes that table's snapshot at
 * once (refreshAfterLargeWrite). Below it the idle rebuild is enough: a table read of a few
 * thousand records costs tens of ms, the rebuild's read + write of 100,000 about a second.
 */
export const LARGE_WRITE_RECORDS = 1_000;

/**
 * After a bulk write that bumped revisions outside an import (a sync pull, a restore, the demo
 * load): rebuilds the snapshot of every entity with ≥ LARGE_WRITE_RECORDS records written, one
 * after the other, so the next open of its grid reads ~10 values instead of the whole table.
 * Only an accelerator: failures are swallowed (the idle rebuild catches up). Returns the
 * entities whose snapshot is fresh afterwards.
 */
export async function refreshAfterLargeWrite(
  db: PumasiDb,
  written: Iterable<readonly [EntityName, number]>,
): Promise<EntityName[]> {
  const fresh: EntityName[] = [];
  for (const [entity, count] of written) {
    if (count < LARGE_WRITE_RECORDS) continue;
    if (await refreshGridSnapshot(db, entity).catch(() => false)) fresh.push(entity);
  }
  return fresh;
}

/** How long after the last stale read (≈ the last write) a rebuild waits. */
export const REBUILD_DEBOUNCE_MS = 8_000;
/** No rebuild during the app's first seconds: the first screen has the main thread. */
export const START_QUIET_MS = 15_000;
const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());
let loadedAt = now();

/** Starts the quiet period again from now (tests: the module may have loaded long before). */
export function restartQuietPeriod(): void {
  loadedAt = now();
}

const pending = new Map<string, ReturnType<typeof setTimeout>>();

/** Runs `task` when the browser is idle (soon anyway), or right away without requestIdleCallback. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 10_000 });
  else task();
}

/**
 * After a read that found the snapshot stale or missing: rebuild it from that read's records
 * later, debounced per table (each newer stale read replaces the pending one), in idle time.
 * Failures are ignored: the snapshot is only an accelerator, reads fall back to the table.
 */
export function scheduleSnapshotRebuild(db: PumasiDb, entity: EntityName, read: LiveRead): void {
  const key = `${db.name}\u0000${entity}`;
  clearTimeout(pending.get(key));
  const delay = Math.max(REBUILD_DEBOUNCE_MS, START_QUIET_MS - (now() - loadedAt));
  const timer = setTimeout(() => {
    pending.delete(key);
    whenIdle(() => {
      if (!db.isOpen()) return;
      writeGridSnapshot(db, entity, read.records, read.revision).catch(() => undefined);
    });
  }, delay);
  pending.set(key, timer);
}

/** Drops pending rebuilds (tests; closing a database). */
export function cancelSnapshotRebuilds(): void {
  for (const timer of pending.values()) clearTimeout(timer);
  pending.clear();
}
