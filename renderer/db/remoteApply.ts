/**
 * applyRemote(): the ONE way pulled changes land in the local store (mutate() is for this
 * device's own writes). The merge is the pure planRemoteChange() of shared/sync.
 *
 * In ONE rw transaction over the touched entity tables + history + syncKeptAside +
 * syncConflicts (+ tableRevisions):
 * - every change is planned against the record's current state (several changes of one record
 *   in a batch apply in order); the sender's stamps are kept, never restamped; the record's
 *   `deviceId`/`updatedAt` follow its newest stamp, `createdAt` stays (a new record takes its
 *   oldest stamp's time); `version` counts the states THIS database has held (+1), so a form
 *   opened before the pull sees that the record moved;
 * - tombstones arrive as the field `deleted`;
 * - a change that cannot be applied (unknown entity or field, a value the local schema rejects,
 *   a stamp beyond the drift bound…) is kept aside in `syncKeptAside` with its reason, and the
 *   batch goes on; queryKeptAside() lists them;
 * - fields this device lost to a concurrent write go to the conflict inbox `syncConflicts`
 *   (both values, which won and why); queryConflicts() lists them;
 * - the clock receives the newest applied stamp (drift-bounded), so later local writes sort
 *   after it; history gets one entry per applied record, keyed by a local stamp;
 * - nothing is written to the outbox: a pulled change is never echoed back;
 * - the records are sent to IndexedDB every 100 planned changes, not awaited: the storage
 *   process writes them while the next ones are planned (all in the one transaction);
 * - with `cursor`, the pull cursor is stored in the same transaction: a page's changes and the
 *   cursor past them are durable together (a crash never leaves one without the other).
 */
import type { Table } from 'dexie';
import type { EntityDef, Lang, StoredRecord } from '../../shared/registry';
import { validateStoredRecord } from '../../shared/registry';
import {
  planRemoteChange,
  type KeptAsideReason,
  type LostField,
  type RecordRules,
  type RemotePlan,
} from '../../shared/sync/applyChange';
import { SYNC_MAX_DRIFT_MS, parseHlc } from '../../shared/sync/hlc';
import { newId } from '../../shared/sync/ids';
import type { RecordChange } from '../../shared/sync/protocol';
import type { StampMeta } from '../../shared/sync/recordStamps';
import { lookupEntity } from './apply';
import { catchUpWithOtherTabs, getClock } from './clock';
import type { PumasiDb } from './db';
import {
  TABLE_REVISIONS_TABLE,
  nextRevisions,
  readRevisions,
  tracksRevisions,
} from './gridSnapshot';
import { historyRow, type HistoryEntry } from './schema';

export const KEPT_ASIDE_TABLE = 'syncKeptAside';
export const CONFLICTS_TABLE = 'syncConflicts';

/** A pulled (or refused pushed) change this app could not apply, kept to show and retry later. */
export interface KeptAsideRow {
  id: string;
  entity: string;
  recordId: string;
  reason: KeptAsideReason | `refused:${string}`;
  /** detail: the field, the stamp, or the local schema's message */
  message: string;
  change: RecordChange;
  /** ISO time it was kept aside */
  at: string;
  direction: 'pull' | 'push';
}

/** One field this device lost to a concurrent write (the conflict inbox). */
export interface ConflictRow extends LostField {
  id: string;
  entity: string;
  recordId: string;
  at: string;
  /** where it was found: applying a pull here, or reported by the server for a push */
  source: 'pull' | 'push';
}

export interface ApplyRemoteOptions {
  /** refuse stamps further ahead of the physical clock than this (default 5 minutes) */
  maxDriftMs?: number;
  /** the physical clock (tests) */
  now?: () => number;
  lang?: Lang;
  /** these changes are the kept-aside rows with these ids, applied again (retryKeptAside) */
  retrying?: readonly string[];
  /** the pull cursor past these changes: stored in the same transaction (the sync store port) */
  cursor?: string;
}

/** The settings key of the pull cursor (opaque to the client; '0' when absent). */
export const SYNC_CURSOR_KEY = 'syncCursor';

/** Changes planned between two sends of their records to IndexedDB (applyRemote's flushWrites). */
const WRITE_CHUNK = 100;

/** Below this many ids a page's records are read key by key (bulkGet) without a range count. */
const RANGE_READ_MIN_IDS = 16;

/**
 * The stored records of `ids` in one table. A large page is read by one key range (its lowest
 * to its highest id) when that range holds few other records — a first pull into an empty or
 * small table costs one count instead of 1,000 gets; otherwise (the page's ids spread over a
 * large table) key by key.
 */
async function readCurrent(
  table: Table<StoredRecord, string>,
  ids: readonly string[],
): Promise<Array<StoredRecord | undefined>> {
  if (ids.length < RANGE_READ_MIN_IDS) return table.bulkGet([...ids]);
  // IndexedDB orders string keys by UTF-16 code units, as Array#sort does.
  const sorted = [...ids].sort();
  const range = table.where(':id').between(sorted[0], sorted[sorted.length - 1], true, true);
  const inRange = await range.count();
  if (inRange === 0) return ids.map(() => undefined);
  if (inRange > ids.length * 2) return table.bulkGet([...ids]);
  const byId = new Map((await range.toArray()).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id));
}

export interface ApplyRemoteResult {
  applied: number;
  unchanged: number;
  keptAside: number;
  conflicts: number;
}

/** One RecordRules per entity and language: a pull page applies up to 1,000 changes. */
const rulesCache = new WeakMap<EntityDef, Map<Lang, RecordRules>>();

function rulesFor(def: EntityDef, lang: Lang): RecordRules {
  let byLang = rulesCache.get(def);
  if (!byLang) rulesCache.set(def, (byLang = new Map()));
  let rules = byLang.get(lang);
  if (!rules) byLang.set(lang, (rules = makeRules(def, lang)));
  return rules;
}

function makeRules(def: EntityDef, lang: Lang): RecordRules {
  const keys = new Set(def.fields.map((f) => f.key));
  return {
    hasField: (field) => keys.has(field),
    validate(data) {
      // A merged record is mostly in stored form already: the quick path gives zod's answer
      // without zod's pipeline per field, and asks zod for anything else (quickRecord.ts).
      const r = validateStoredRecord(def, data, lang);
      if (r.ok) return { ok: true, value: r.value };
      return { ok: false, message: r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') };
    },
  };
}

const isoOf = (stamp: string): string => new Date(parseHlc(stamp).wallMs).toISOString();

/** A new record's creation time: its oldest stamp's (`newestIso`: the time of meta.hlc). */
function createdAtOf(meta: StampMeta, newestIso: string): string {
  const oldest = [meta.baseHlc ?? meta.hlc, ...Object.values(meta.fieldHlc ?? {})].sort()[0];
  return oldest === undefined || oldest === meta.hlc ? newestIso : isoOf(oldest);
}

/** The stored record a plan leads to. */
function recordOf(
  plan: Extract<RemotePlan, { kind: 'apply' }>,
  change: RecordChange,
  current: StoredRecord | undefined,
): StoredRecord {
  const { meta } = plan;
  const newest = parseHlc(meta.hlc); // parsed once: device, time of update (and of creation)
  const updatedAt = new Date(newest.wallMs).toISOString();
  const record: Record<string, unknown> = {
    ...plan.data,
    id: change.id,
    clusterId: current?.clusterId ?? change.clusterId,
    version: (current?.version ?? 0) + 1,
    hlc: meta.hlc,
    deviceId: newest.deviceId,
    createdAt: current?.createdAt ?? createdAtOf(meta, updatedAt),
    updatedAt,
    deleted: plan.deleted,
  };
  if (meta.baseHlc) record.baseHlc = meta.baseHlc;
  if (meta.fieldHlc) record.fieldHlc = meta.fieldHlc;
  return record as StoredRecord;
}

export async function applyRemote(
  db: PumasiDb,
  changes: readonly RecordChange[],
  opts: ApplyRemoteOptions = {},
): Promise<ApplyRemoteResult> {
  const result: ApplyRemoteResult = { applied: 0, unchanged: 0, keptAside: 0, conflicts: 0 };
  const { cursor } = opts;
  if (changes.length === 0) {
    if (cursor !== undefined) await db.settings.put({ key: SYNC_CURSOR_KEY, value: cursor });
    return result;
  }
  const lang = opts.lang ?? 'ko';
  const maxDriftMs = opts.maxDriftMs ?? SYNC_MAX_DRIFT_MS;
  const clock = await getClock(db);
  const defs = changes.map((c) => lookupEntity(c.entity as EntityDef['name']));
  const idsByTable = new Map<string, Set<string>>();
  defs.forEach((def, i) => {
    if (!def) return;
    let ids = idsByTable.get(def.table);
    if (!ids) idsByTable.set(def.table, (ids = new Set()));
    ids.add((changes[i] as RecordChange).id);
  });
  const tables = [...idsByTable.keys()];
  const bumps = tracksRevisions(db);
  const scope = [
    ...tables,
    'history',
    KEPT_ASIDE_TABLE,
    CONFLICTS_TABLE,
    ...(bumps ? [TABLE_REVISIONS_TABLE] : []),
    ...(cursor !== undefined ? ['settings'] : []),
  ];

  await db.transaction('rw', scope, async () => {
    const state = new Map<string, Map<string, StoredRecord | undefined>>();
    let revisions: number[] = [];
    await Promise.all([
      catchUpWithOtherTabs(db, clock),
      bumps && readRevisions(db, tables).then((r) => (revisions = r)),
      ...tables.map(async (table) => {
        const ids = [...(idsByTable.get(table) as Set<string>)];
        const rows = await readCurrent(db.table<StoredRecord, string>(table), ids);
        state.set(table, new Map(ids.map((id, k) => [id, rows[k]])));
      }),
    ]);
    const at = new Date().toISOString();
    const physicalMs = (opts.now ?? Date.now)();
    const kept: KeptAsideRow[] = [];
    const keptIndexes = new Set<number>();
    const conflicts: ConflictRow[] = [];
    // Records to write, flushed every WRITE_CHUNK changes (see flushWrites).
    const writes = new Map<string, Map<string, StoredRecord>>();
    const touched = new Set<string>();
    const puts: Array<Promise<unknown>> = [];
    /**
     * Sends the records planned so far to IndexedDB without waiting: the database writes them
     * while the next changes are planned (the merge and the validation run on this thread, the
     * writes in the browser's storage process). Same transaction, same order: a record planned
     * twice in a page is put twice, the later state last.
     */
    const flushWrites = () => {
      for (const [table, rows] of writes) {
        const put = db.table(table).bulkPut([...rows.values()]);
        // awaited with the others below; should planning throw first, the aborted transaction
        // fails this put too, and that is no second, unhandled error
        put.catch(() => undefined);
        puts.push(put);
        touched.add(table);
      }
      writes.clear();
    };
    const applied: Array<{
      entity: EntityDef;
      record: StoredRecord;
      before: Record<string, unknown> | null;
      who: RecordChange['who'];
    }> = [];
    let newest = '';

    changes.forEach((change, i) => {
      if (i > 0 && i % WRITE_CHUNK === 0) flushWrites();
      const def = defs[i];
      const rows = def && state.get(def.table);
      const current = rows?.get(change.id);
      const ctx = {
        rules: def && rulesFor(def, lang),
        localDevice: clock.deviceId,
        physicalMs,
        maxDriftMs,
      };
      const plan = planRemoteChange(current as (StoredRecord & StampMeta) | undefined, change, ctx);
      if (plan.kind === 'unchanged') {
        result.unchanged++;
        return;
      }
      if (plan.kind === 'keptAside') {
        keptIndexes.add(i);
        kept.push({
          id: newId(),
          entity: change.entity,
          recordId: change.id,
          reason: plan.reason,
          message: plan.message,
          change,
          at,
          direction: 'pull',
        });
        return;
      }
      const d = def as EntityDef;
      const record = recordOf(plan, change, current);
      (rows as Map<string, StoredRecord | undefined>).set(record.id, record); // later changes see it
      let tableWrites = writes.get(d.table);
      if (!tableWrites) writes.set(d.table, (tableWrites = new Map()));
      tableWrites.set(record.id, record);
      if (plan.meta.hlc > newest) newest = plan.meta.hlc;
      const before = current
        ? Object.fromEntries(plan.changed.map((f) => [f, current[f] ?? null]))
        : null;
      applied.push({ entity: d, record, before, who: change.who });
      for (const lost of plan.lost) {
        conflicts.push({
          ...lost,
          id: newId(),
          entity: change.entity,
          recordId: change.id,
          at,
          source: 'pull',
        });
      }
    });

    // Every applied stamp passed the drift bound in planRemoteChange (against `physicalMs`).
    if (newest) clock.receive(newest);
    const history: HistoryEntry[] = applied.map(({ entity, record, before, who }) => {
      const entry: HistoryEntry = {
        id: clock.tick(), // a local stamp: when this device learned it; the record keeps the sender's
        entity: entity.name,
        recordId: record.id,
        op: before === null ? 'create' : 'update',
        version: record.version,
        before,
      };
      // the sender's profile, as the server validated it (protocol `who`); absent: none sent
      if (who) entry.who = who.role ? { name: who.name, role: who.role } : { name: who.name };
      return entry;
    });
    flushWrites();
    if (cursor !== undefined) puts.push(db.settings.put({ key: SYNC_CURSOR_KEY, value: cursor }));
    if (history.length > 0) puts.push(db.history.add(historyRow(history)));
    if (opts.retrying) {
      // A retried change that applied (or has nothing left to apply) leaves the kept-aside table
      // in this same transaction; one kept aside again stays as it was (no second row).
      const done = opts.retrying.filter((_, i) => !keptIndexes.has(i));
      if (done.length > 0) puts.push(db.table(KEPT_ASIDE_TABLE).bulkDelete(done));
    } else if (kept.length > 0) puts.push(db.table(KEPT_ASIDE_TABLE).bulkAdd(kept));
    if (conflicts.length > 0) puts.push(db.table(CONFLICTS_TABLE).bulkAdd(conflicts));
    if (bumps && touched.size > 0) {
      const names = [...touched];
      const current = names.map((t) => revisions[tables.indexOf(t)] ?? 0);
      puts.push(db.table(TABLE_REVISIONS_TABLE).bulkPut(nextRevisions(names, current)));
    }
    await Promise.all(puts);
    result.applied = applied.length;
    result.keptAside = kept.length;
    result.conflicts = conflicts.length;
  });
  return result;
}

/**
 * Applies the pulled changes kept aside again, oldest first, and removes those that now apply.
 * A stamp beyond the drift bound is within it once this clock has caught up; a partial change
 * finds its record once the whole one applied; an app update knows a new field. Without this a
 * change kept aside once stayed out for good while the cursor moved past it, and this device
 * never converged (found by the sync simulation, tests/sim). The engine calls it after every
 * pull; the merge is order-independent, so applying late is harmless.
 */
export async function retryKeptAside(
  db: PumasiDb,
  opts: Omit<ApplyRemoteOptions, 'retrying'> = {},
): Promise<ApplyRemoteResult> {
  const rows = (await queryKeptAside(db)).filter((r) => r.direction === 'pull');
  if (rows.length === 0) return { applied: 0, unchanged: 0, keptAside: 0, conflicts: 0 };
  const changes = rows.map((r) => r.change);
  return applyRemote(db, changes, { ...opts, retrying: rows.map((r) => r.id) });
}

/** Kept-aside changes, oldest first (the sync screen lists them with their reasons). */
export async function queryKeptAside(db: PumasiDb): Promise<KeptAsideRow[]> {
  return db.table<KeptAsideRow, string>(KEPT_ASIDE_TABLE).orderBy('id').toArray();
}

/** The conflict inbox, oldest first; with `recordId`, one record's conflicts (its form). */
export async function queryConflicts(db: PumasiDb, recordId?: string): Promise<ConflictRow[]> {
  const table = db.table<ConflictRow, string>(CONFLICTS_TABLE);
  const rows =
    recordId === undefined
      ? await table.orderBy('id').toArray()
      : await table.where('recordId').equals(recordId).sortBy('id');
  return rows;
}
