/**
 * mutate(): the ONE write path for entity records. Screens, import, demo data and the sync
 * engine all write through it; nothing else puts into an entity table.
 *
 * All in ONE rw transaction over the touched entity tables + history + outbox + tableRevisions:
 * 1. one bulkGet per table for every record an update/delete/restore (or a create with an
 *    explicit id) touches — never a per-row await;
 * 2. the batch in chunks of WRITE_CHUNK: a tight synchronous loop validates each mutation with
 *    the registry's zod schema (updates: the patch merged onto the current record), stamps it
 *    with the next HLC tick and builds its history and outbox entries; then the chunk is written
 *    (one bulkPut per entity table, one history row, one outbox row) WITHOUT waiting, and the
 *    next chunk is validated while IndexedDB writes — validation costs about as much as the
 *    writes, and overlapping them is what keeps mutate() near raw bulkPut speed;
 * 3. if ANY mutation failed, the transaction is aborted: chunks already sent are rolled back,
 *    and the errors (index, field, message in the asked language) are returned. A failing write
 *    aborts it the same way, so records, history and outbox never disagree.
 * While chunks are in flight the loop only ever awaits IndexedDB requests of this transaction
 * (never a timer or fetch), so the transaction stays alive; the browser still gets to paint
 * between chunks, which is when onProgress reports.
 *
 * Semantics: update = patch merged onto the current record, the merged result validated (a blank
 * value clears the field); delete = tombstone (deleted: 1), restore = its undo; updating,
 * deleting or restoring a missing id is an error, and so is a create with an existing id.
 * Several mutations of one record in a batch apply in order. Pulled changes never come through
 * here: they keep their senders' stamps and go through applyRemote() (remoteApply.ts).
 *
 * Stamps: every field a write sets gets the write's stamp (per-field stamps, recordStamps.ts in
 * shared/sync); its outbox entry keeps the stamps those fields had before (`bases`). Before the
 * first tick, the clock receives the newest history key read IN this transaction: every write
 * transaction touches `history`, so IndexedDB runs them one at a time across tabs, and a tab's
 * stamps always sort after those another tab committed before it (docs/SYNC.md, "Tabs").
 * Every record of a batch gets the same updatedAt (one transaction, one moment).
 *
 * The outbox holds small pointers `{ id, entity, recordId, op, version, hlc, bases }`: the push
 * reads the record's current state from its table (see schema.ts, push.ts).
 * 'demo' writes are not queued (demo data stays local). Cost target: ≥ 0.5× the throughput of a raw bulkPut of the same rows (tests/bench).
 *
 * `importLog`: an import passes its log entry here so it is written in the SAME transaction as
 * the records, after them — a rejected or failed batch leaves no log entry, and a log entry
 * always has its records (importLog.ts). An empty batch writes nothing, log included.
 *
 * Each call also bumps the revision of every entity table it touched (`tableRevisions`, one
 * small put per table, same transaction): that is what tells a grid snapshot it is stale.
 */
import type { EntityDef, Lang, StoredRecord } from '../../shared/registry';
import {
  applyMutation,
  isValidId,
  lookupEntity,
  storeMessage,
  type ApplyContext,
  type Mutation,
  type MutationError,
  type MutationOrigin,
} from './apply';
import { catchUpWithOtherTabs, getClock } from './clock';
import { expectConflicts } from './expect';
import type { PumasiDb } from './db';
import {
  WRITE_CHUNK,
  historyRow,
  type HistoryEntry,
  type HistoryWho,
  type OutboxEntry,
} from './schema';
import { getSetting } from './settings';
import {
  TABLE_REVISIONS_TABLE,
  nextRevisions,
  readRevisions,
  tracksRevisions,
} from './gridSnapshot';
import { IMPORT_LOG_TABLE, importLogTable, type ImportLogInput } from './importLog';
import { newId } from '../../shared/sync/ids';

export interface MutateOptions {
  origin?: MutationOrigin;
  lang?: Lang;
  onProgress?: (done: number, total: number) => void;
  /** an import's log entry, written in the same transaction (see the header) */
  importLog?: ImportLogInput;
  /** aborts the transaction (nothing of the batch is committed); its reason is thrown */
  signal?: AbortSignal;
}

export type MutateResult =
  { ok: true; records: StoredRecord[] } | { ok: false; errors: MutationError[] }; // nothing written

const UNQUEUED_ORIGINS: ReadonlySet<MutationOrigin> = new Set(['demo']);
/** Chunks written but not yet confirmed; more only queues work without speeding it up. */
const CHUNKS_IN_FLIGHT = 2;

/**
 * Who this install's user is, for the history entries (issue 7): the profile set at first run or
 * in 설정. Read once per call, outside the transaction; no profile yet → entries without `who`.
 */
export async function currentWho(db: PumasiDb): Promise<HistoryWho | undefined> {
  const profile = await getSetting<unknown>(db, 'profile');
  if (typeof profile !== 'object' || profile === null) return undefined;
  const { name, role } = profile as { name?: unknown; role?: unknown };
  if (typeof name !== 'string' || name.trim() === '') return undefined;
  return typeof role === 'string' && role !== '' ? { name, role } : { name };
}

/** Aborts a transaction that may already have finished (then there is nothing to abort). */
function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // already committed or failed: the caller learns that from the transaction's own result
  }
}

/** Thrown inside the transaction to abort it when a mutation was rejected. */
class BatchRejected extends Error {}

interface Lookup {
  defs: Array<EntityDef | undefined>;
  /** ids whose current state is needed, per table */
  readIds: Map<string, Set<string>>;
  errors: MutationError[];
  needsDefaultCluster: boolean;
}

/** Entity lookups and id checks: everything that needs neither the database nor zod. */
function lookUp(mutations: Mutation[], lang: Lang): Lookup {
  const msg = storeMessage(lang);
  const result: Lookup = {
    defs: new Array(mutations.length),
    readIds: new Map(),
    errors: [],
    needsDefaultCluster: false,
  };
  mutations.forEach((m, index) => {
    const def = lookupEntity(m.entity);
    if (!def) {
      result.errors.push({ index, field: 'entity', message: msg.unknownEntity(String(m.entity)) });
      return;
    }
    result.defs[index] = def;
    let ids = result.readIds.get(def.table);
    if (!ids) result.readIds.set(def.table, (ids = new Set()));
    if (m.op === 'create' && !m.clusterId) result.needsDefaultCluster = true;
    if (m.id === undefined && m.op === 'create') return;
    if (isValidId(m.id)) ids.add(m.id);
    else result.errors.push({ index, field: 'id', message: msg.badId() });
  });
  return result;
}

/** The rows one chunk writes. */
class Chunk {
  readonly records = new Map<string, Map<string, StoredRecord>>();
  readonly history: HistoryEntry[] = [];
  readonly outbox: OutboxEntry[] = [];

  add(table: string, record: StoredRecord): void {
    let rows = this.records.get(table);
    if (!rows) this.records.set(table, (rows = new Map()));
    rows.set(record.id, record); // one record written twice in a chunk: its last state
  }

  /** Sends every write of the chunk; resolves when IndexedDB confirmed them all. */
  write(db: PumasiDb): Promise<unknown> {
    const writes: Array<Promise<unknown>> = [];
    for (const [table, rows] of this.records) {
      writes.push(db.table<StoredRecord, string>(table).bulkPut([...rows.values()]));
    }
    if (this.history.length > 0) writes.push(db.history.add(historyRow(this.history)));
    if (this.outbox.length > 0) {
      const last = this.outbox[this.outbox.length - 1] as OutboxEntry;
      writes.push(db.outbox.add({ id: last.id, entries: this.outbox }));
    }
    return Promise.all(writes);
  }
}

export async function mutate(
  db: PumasiDb,
  mutations: Mutation[],
  opts: MutateOptions = {},
): Promise<MutateResult> {
  const origin = opts.origin ?? 'local';
  const lang = opts.lang ?? 'ko';
  const total = mutations.length;
  if (total === 0) return { ok: true, records: [] };

  const { defs, readIds, errors, needsDefaultCluster } = lookUp(mutations, lang);
  const ctx: ApplyContext = {
    lang,
    origin,
    errors,
    state: new Map(),
    defaultClusterId:
      needsDefaultCluster || opts.importLog ? await getSetting<string>(db, 'clusterId') : undefined,
  };
  const clock = await getClock(db);
  const who = await currentWho(db);
  const queued = !UNQUEUED_ORIGINS.has(origin);
  const tables = [...readIds.keys()];
  const bumps = tracksRevisions(db);
  const scope = [
    ...tables,
    'history',
    'outbox',
    ...(bumps ? [TABLE_REVISIONS_TABLE] : []),
    ...(opts.importLog ? [IMPORT_LOG_TABLE] : []),
  ];

  try {
    const records = await db.transaction('rw', scope, async (tx) => {
      // The storage guard's stall watchdog aborts a write that stopped making progress.
      const { signal } = opts;
      if (signal?.aborted) throw signal.reason;
      signal?.addEventListener('abort', () => abortQuietly(tx), { once: true });
      let revisions: number[] = [];
      await Promise.all([
        catchUpWithOtherTabs(db, clock),
        bumps && readRevisions(db, tables).then((current) => (revisions = current)),
        ...tables.map(async (table) => {
          const ids = [...(readIds.get(table) as Set<string>)];
          if (ids.length === 0) return;
          const rows = await db.table<StoredRecord, string>(table).bulkGet(ids);
          ctx.state.set(table, new Map(ids.map((id, k) => [id, rows[k]])));
        }),
      ]);
      const written: StoredRecord[] = new Array(total);
      const inFlight: Array<Promise<unknown>> = [];
      const now = new Date().toISOString(); // one moment per transaction

      for (let start = 0; start < total; start += WRITE_CHUNK) {
        const end = Math.min(total, start + WRITE_CHUNK);
        const chunk = new Chunk();
        for (let i = start; i < end; i++) {
          const def = defs[i];
          if (!def) continue;
          const m = mutations[i] as Mutation;
          if (m.op === 'update' && m.expect) {
            // Conditional update: compared here, inside the write transaction (expect.ts).
            const conflicts = expectConflicts(m, i, ctx.state.get(def.table)?.get(m.id), lang);
            if (conflicts.length > 0) {
              errors.push(...conflicts);
              continue;
            }
          }
          const stamp = { hlc: clock.tick(), deviceId: clock.deviceId, now };
          const applied = applyMutation(ctx, m, i, def, stamp);
          if (!applied || errors.length > 0) continue; // once anything failed, only validate
          const { record, op, before, bases } = applied;
          chunk.add(def.table, record);
          written[i] = record;
          const pointer = {
            id: stamp.hlc,
            entity: def.name,
            recordId: record.id,
            op,
            version: record.version,
          };
          chunk.history.push(who ? { ...pointer, before, who } : { ...pointer, before });
          if (queued) chunk.outbox.push({ ...pointer, hlc: stamp.hlc, ...(bases && { bases }) });
        }
        if (errors.length === 0) inFlight.push(chunk.write(db));
        if (end < total) {
          opts.onProgress?.(end, total);
          // Awaiting our own IndexedDB writes (never a timer) keeps the transaction alive.
          if (inFlight.length >= CHUNKS_IN_FLIGHT) await inFlight.shift();
        }
      }
      if (errors.length > 0) {
        for (const pending of inFlight) pending.catch(() => undefined); // rolled back by the abort
        throw new BatchRejected();
      }
      // Every touched table's revision, in this transaction: a grid snapshot of it is now stale
      // (gridSnapshot.ts). A rejected or failed batch aborts above, leaving revisions unchanged.
      if (bumps) {
        inFlight.push(db.table(TABLE_REVISIONS_TABLE).bulkPut(nextRevisions(tables, revisions)));
      }
      await Promise.all(inFlight);
      if (opts.importLog) {
        const { who, ...entry } = opts.importLog;
        await importLogTable(db).add({
          ...entry,
          id: newId(),
          at: now,
          deviceId: clock.deviceId,
          clusterId: ctx.defaultClusterId ?? null,
          who: who ?? clock.deviceId,
        });
      }
      return written;
    });
    opts.onProgress?.(total, total);
    return { ok: true, records };
  } catch (error) {
    if (opts.signal?.aborted) throw opts.signal.reason; // the abort's cause, not Dexie's AbortError
    if (!(error instanceof BatchRejected) && errors.length === 0) throw error;
    errors.sort((a, b) => a.index - b.index);
    return { ok: false, errors };
  }
}
