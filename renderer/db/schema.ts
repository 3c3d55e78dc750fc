/**
 * The Dexie schema generated from the entity registry, and the shape of the bookkeeping tables.
 *
 * Entity tables: primary key `id` (a ULID made on the device — never auto-increment, ids must not
 * collide when devices meet on the server), then `clusterId`, every field marked `indexed`, and
 * the entity's `compoundIndexes`. Nothing else is indexed: each index slows every write, and
 * grids read whole tables with one `toArray()` anyway.
 *
 * Bookkeeping tables. mutate() must stay within 2× of a raw bulkPut of the same records
 * (tests/bench). In Chromium the cost of an IndexedDB write is mostly per request, not per byte:
 * one history row and one outbox row PER RECORD measured 0.25–0.3× of bulkPut on the bench
 * machine. So both tables store CHUNKS: one row per WRITE_CHUNK mutations of a mutate() call,
 * `{ id, entries }`, where `id` is the HLC stamp of the chunk's LAST entry (rows sort in causal
 * order, chunks never overlap, and the newest history key is the newest stamp — the clock seeds
 * from it). A UI edit of one record writes rows of one entry, which is the same as per-record.
 * - `history`: entries `{ id: hlc, entity, recordId, op, version, before, who? }` with only the
 *   before-image of the changed fields (null for a create) and, since issue 7, who made the
 *   change (the install's user profile; older entries have none). Since v5 every row also
 *   carries `recordIds` (the distinct record ids of its entries) under a multiEntry index, so
 *   "history of one record" (queryRecordHistory, the desk's timeline) reads only the rows that
 *   mention it instead of scanning the table. Record ids are ULIDs, unique across entities.
 * - `outbox`: entries are small pointers `{ id: hlc, entity, recordId, op, version, hlc, bases }`
 *   (`bases`: the stamps the written fields had before). buildPushBatch (push.ts) collapses the
 *   entries of one record into one change read from the record's CURRENT state, freezes the
 *   batch until ackPushed. Read and acknowledge only through outbox.ts / push.ts, which hide
 *   the chunking.
 * - `settings`: app settings (device id, cluster, language…), `{ key, value }`.
 * - `prefs`: UI state (grid column state, last filters…), `{ key, value }`.
 * - `importLog` (v2): one entry per committed import (importLog.ts), indexed by file checksum.
 * - `gridSnapshots`, `tableRevisions` (v3): an entity table's live records as a few large values
 *   and the per-table write counter that says whether they are fresh (gridSnapshot.ts). Local
 *   only: never backed up, never synced.
 * - `syncKeptAside`, `syncConflicts`, `syncPushBatch` (v4): pulled changes this app could not
 *   apply (with the reason), the conflict inbox, and the push batch frozen until the server
 *   acknowledges it (remoteApply.ts, push.ts; docs/SYNC.md "Client store").
 * - `monthCloses` (v8): closed months (monthCloses.ts, shared/report/close): each close's report
 *   model and figures, kept as closed. Backed up; never synced (the team's own record of what it
 *   reported, like `prefs`).
 *
 * This module only DESCRIBES the latest schema; what Dexie opens is the frozen list in
 * versions.ts, and a unit test requires the two to be equal (so a registry change forces a new
 * database version instead of silently diverging).
 */
import type { EntityDef, EntityName } from '../../shared/registry';

/** Dexie `stores()` argument: table name → index spec (first entry is the primary key). */
export type StoresSpec = Readonly<Record<string, string>>;

export type MutationOp = 'create' | 'update' | 'delete' | 'restore';

export interface HistoryEntry {
  /** HLC stamp of the write (primary key) */
  id: string;
  entity: EntityName;
  recordId: string;
  op: MutationOp;
  /** record version after the write */
  version: number;
  /** previous values of the fields this write changed (absent fields as null); null for a create */
  before: Record<string, unknown> | null;
  /** who made the change (the writer's user profile; on a pulled entry the sender's, as pushed);
   *  absent on older entries and when the writer had no profile */
  who?: HistoryWho;
}

/** The person behind a change: the profile's name and 직책 (staffRole code). */
export interface HistoryWho {
  name: string;
  role?: string;
}

/** A pointer to a write the sync engine must push; the record itself is read when pushing. */
export interface OutboxEntry {
  /** HLC stamp of the write (primary key; the mutation id for server-side idempotency) */
  id: string;
  entity: EntityName;
  recordId: string;
  op: MutationOp;
  /** record version after the write */
  version: number;
  /** same as id; kept as its own field so sync code reads it by name */
  hlc: string;
  /** field → the stamp it had before this write (null: none), for the push's `base`; absent on
   *  a create (every field new) and on entries queued before v4 (bases unknown) */
  bases?: Record<string, string | null>;
  /** kept queued after the server answered it lacks the record: the next push sends it whole
   *  (shared/sync/pushBatch.ts); absent on every other entry */
  whole?: true;
}

/** How many mutations share one history row and one outbox row (see the header). */
export const WRITE_CHUNK = 1_000;

/** A stored history or outbox row: the entries of up to WRITE_CHUNK writes of one mutate(). */
export interface ChunkRow<E> {
  /** HLC stamp of the last entry (primary key) */
  id: string;
  entries: E[];
}
export type HistoryRow = ChunkRow<HistoryEntry> & {
  /** distinct record ids of the entries, multiEntry-indexed (v5); absent only before v5 */
  recordIds?: string[];
};

/** The history row of a chunk of entries, with its record-id index field (see the header). */
export function historyRow(entries: HistoryEntry[]): HistoryRow {
  const last = entries[entries.length - 1] as HistoryEntry;
  return { id: last.id, entries, recordIds: [...new Set(entries.map((e) => e.recordId))] };
}
export type OutboxRow = ChunkRow<OutboxEntry>;

export interface KeyValueRow {
  key: string;
  value: unknown;
}

export const BOOKKEEPING_STORES: StoresSpec = {
  history: 'id, *recordIds',
  outbox: 'id',
  settings: 'key',
  prefs: 'key',
  importLog: 'id, checksum',
  gridSnapshots: 'key',
  tableRevisions: 'key',
  syncKeptAside: 'id, recordId',
  syncConflicts: 'id, recordId',
  syncPushBatch: 'id',
  monthCloses: 'id, [clusterId+month]',
};

/** Index spec of one entity table: `id, clusterId, <indexed fields>, <compound indexes>`. */
export function entityStoreSpec(entity: EntityDef): string {
  const indexes = ['id', 'clusterId'];
  for (const f of entity.fields) if (f.indexed) indexes.push(f.key);
  for (const c of entity.compoundIndexes ?? []) indexes.push(c);
  // A duplicate index (a field declared indexed twice) makes Dexie throw at open: drop it here.
  return [...new Set(indexes)].join(', ');
}

/**
 * Canonical form for comparing schemas: tables sorted, primary key first, secondary indexes
 * sorted. Dexie itself compares index SETS, so reordering fields in the registry is not a
 * schema change and must not force a new version.
 */
export function normalizeStores(stores: StoresSpec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of Object.keys(stores).sort()) {
    const [primary = '', ...secondary] = (stores[table] ?? '').split(',').map((s) => s.trim());
    out[table] = [primary, ...secondary.filter(Boolean).sort()].join(', ');
  }
  return out;
}

/** The full schema the registry asks for right now (entity tables + bookkeeping). */
export function generateStores(registry: readonly EntityDef[]): StoresSpec {
  const stores: Record<string, string> = {};
  for (const e of registry) {
    if (e.table in stores || e.table in BOOKKEEPING_STORES) {
      throw new Error(`table name used twice: ${e.table}`);
    }
    stores[e.table] = entityStoreSpec(e);
  }
  return { ...stores, ...BOOKKEEPING_STORES };
}
