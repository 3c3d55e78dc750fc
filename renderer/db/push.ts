/**
 * The push side of the outbox: buildPushBatch() → POST /v1/sync/push → ackPushed().
 *
 * - buildPushBatch(limit) collapses the oldest queued writes into at most `limit` mutations, one
 *   per record (assembly: shared/sync/pushBatch.ts), and FREEZES them in `syncPushBatch` in the
 *   same transaction. Until ackPushed() is called with its token, every call returns that very
 *   batch — same mutation ids, same payloads — whatever was written meanwhile (later writes are
 *   new outbox entries with higher stamps: they go in the next batch). That is what makes a
 *   retry after a lost response safe: the server sees exactly the same mutations again.
 * - ackPushed(token, response) removes the batch's writes from the outbox, keeps refused
 *   mutations aside (`syncKeptAside`, direction 'push') and files the server's conflicts that
 *   this device lost into the inbox. Call it only after a 2xx answer: the server applied the
 *   whole batch (or refused parts of it for good). One refusal is not for good: a change for a
 *   record the server lacks (`unknown_record_incomplete`: its create was refused earlier) keeps
 *   its writes queued, marked to send the record whole (shared/sync/pushBatch.ts, resendWhole).
 */
import type { EntityName, StoredRecord } from '../../shared/registry';
import { winReason } from '../../shared/sync/applyChange';
import { parseHlc } from '../../shared/sync/hlc';
import { newId } from '../../shared/sync/ids';
import {
  SYNC_LIMITS,
  WHO_LIMITS,
  type Mutation,
  type PushResponse,
  type Who,
} from '../../shared/sync/protocol';
import {
  assembleMutations,
  collapseWrites,
  resendWhole,
  wholeRecords,
  type CurrentRecord,
} from '../../shared/sync/pushBatch';
import { recordKey } from '../../shared/sync/serverMerge';
import { lookupEntity } from './apply';
import type { PumasiDb } from './db';
import { currentWho } from './mutate';
import { ackOutbox } from './outbox';
import {
  CONFLICTS_TABLE,
  KEPT_ASIDE_TABLE,
  type ConflictRow,
  type KeptAsideRow,
} from './remoteApply';
import { BOOKKEEPING_STORES, type HistoryWho, type OutboxEntry } from './schema';
import { getDeviceId } from './settings';

export const PUSH_BATCH_TABLE = 'syncPushBatch';
const PENDING = 'pending';
/** Outbox rows read at a time while collapsing (a row holds up to WRITE_CHUNK entries). */
const ROWS_PER_READ = 4;

export interface PushBatch {
  /** ascending by mutation id; empty when nothing is queued */
  mutations: Mutation[];
  /** pass to ackPushed(); '' when there is nothing to push */
  ackToken: string;
}

interface PushBatchRow extends PushBatch {
  id: typeof PENDING;
  /** outbox entry ids this batch carries: removed on ack */
  covered: string[];
  /** records (recordKey) it sends whole; absent on batches frozen before this field */
  whole?: string[];
  at: string;
}

/** The oldest queued writes, enough to fill `limit` records (or all there are). */
async function collapseOldest(db: PumasiDb, limit: number) {
  const entries: OutboxEntry[] = [];
  let after: string | undefined;
  for (;;) {
    const query =
      after === undefined ? db.outbox.orderBy(':id') : db.outbox.where(':id').above(after);
    const rows = await query.limit(ROWS_PER_READ).toArray();
    for (const row of rows) entries.push(...row.entries);
    const collapsed = collapseWrites(entries, limit);
    if (rows.length < ROWS_PER_READ || collapsed.covered.length < entries.length) return collapsed;
    after = (rows.at(-1) as { id: string }).id;
  }
}

async function currentRecords(db: PumasiDb, groups: ReturnType<typeof collapseWrites>['groups']) {
  const found = new Map<string, CurrentRecord>();
  const byTable = new Map<string, string[]>();
  for (const g of groups) {
    const def = lookupEntity(g.entity as EntityName);
    if (!def) continue; // an entity this app no longer has: nothing to send
    const ids = byTable.get(def.table) ?? [];
    ids.push(g.recordId);
    byTable.set(def.table, ids);
  }
  await Promise.all(
    [...byTable].map(async ([table, ids]) => {
      const rows = await db.table<StoredRecord, string>(table).bulkGet(ids);
      rows.forEach((r) => r && found.set(`${table}\u0000${r.id}`, r as unknown as CurrentRecord));
    }),
  );
  return (entity: string, id: string) => {
    const def = lookupEntity(entity as EntityName);
    return def && found.get(`${def.table}\u0000${id}`);
  };
}

/**
 * The sender's profile as the wire carries it (protocol `who`): cut to the server's limits, so
 * a long name never gets a whole batch refused.
 */
function wireWho(who: HistoryWho | undefined): Who | undefined {
  const name = who?.name.trim().slice(0, WHO_LIMITS.name);
  if (!who || !name) return undefined;
  const role = who.role?.slice(0, WHO_LIMITS.role);
  return role ? { name, role } : { name };
}

export async function buildPushBatch(
  db: PumasiDb,
  limit: number = SYNC_LIMITS.maxMutationsPerPush,
): Promise<PushBatch> {
  const entityTables = db.tables.map((t) => t.name).filter((n) => !(n in BOOKKEEPING_STORES));
  // Read before the transaction (settings is not in its scope), like mutate() does.
  const who = wireWho(await currentWho(db));
  return db.transaction('rw', [...entityTables, 'outbox', PUSH_BATCH_TABLE], async () => {
    const frozen = db.table<PushBatchRow, string>(PUSH_BATCH_TABLE);
    const pending = await frozen.get(PENDING);
    if (pending) return { mutations: pending.mutations, ackToken: pending.ackToken };
    for (;;) {
      const { groups, covered } = await collapseOldest(db, limit);
      if (covered.length === 0) return { mutations: [], ackToken: '' };
      const mutations = assembleMutations(groups, await currentRecords(db, groups));
      // Frozen with the batch, so a retry sends the very same `who`.
      if (who) for (const m of mutations) m.change.who = who;
      if (mutations.length === 0) {
        // Every field these writes set was overwritten since by pulled writes: nothing to send.
        await ackOutbox(db, covered);
        continue;
      }
      const row: PushBatchRow = {
        id: PENDING,
        ackToken: newId(),
        mutations,
        covered,
        whole: wholeRecords(groups),
        at: new Date().toISOString(),
      };
      await frozen.put(row);
      return { mutations, ackToken: row.ackToken };
    }
  });
}

/**
 * Acknowledges the batch `ackToken` (see the header). Returns false, changing nothing, when that
 * batch is not the pending one (already acknowledged, or replaced by a restore).
 */
export async function ackPushed(
  db: PumasiDb,
  ackToken: string,
  response: Pick<PushResponse, 'results' | 'conflicts'> = { results: [], conflicts: [] },
): Promise<boolean> {
  const deviceId = await getDeviceId(db);
  return db.transaction(
    'rw',
    ['outbox', PUSH_BATCH_TABLE, KEPT_ASIDE_TABLE, CONFLICTS_TABLE],
    async () => {
      const frozen = db.table<PushBatchRow, string>(PUSH_BATCH_TABLE);
      const pending = await frozen.get(PENDING);
      if (!pending || ackToken === '' || pending.ackToken !== ackToken) return false;
      const at = new Date().toISOString();
      const byId = new Map(pending.mutations.map((m) => [m.mutationId, m]));
      // Not kept aside: their writes stay queued and go whole in the next batch.
      const again = resendWhole(pending.mutations, response.results, pending.whole ?? []);
      const refused: KeptAsideRow[] = [];
      for (const r of response.results) {
        const m = byId.get(r.mutationId);
        if (r.status !== 'refused' || !m) continue;
        const { entity, id: recordId } = m.change;
        if (again.has(recordKey(entity, recordId))) continue;
        const reason = `refused:${r.reason ?? 'unknown'}` as const;
        refused.push({
          id: newId(),
          entity,
          recordId,
          reason,
          message: r.reason ?? '',
          change: m.change,
          at,
          direction: 'push',
        });
      }
      const lost: ConflictRow[] = response.conflicts
        .filter((c) => parseHlc(c.lostHlc).deviceId === deviceId)
        .map((c) => ({
          id: newId(),
          entity: c.entity,
          recordId: c.id,
          field: c.field,
          lostValue: c.lostValue,
          lostHlc: c.lostHlc,
          wonValue: c.wonValue,
          wonHlc: c.wonHlc,
          why: winReason(c.wonHlc, c.lostHlc),
          at,
          source: 'push',
        }));
      await Promise.all([
        ackOutbox(db, pending.covered, again),
        frozen.delete(PENDING),
        refused.length > 0 && db.table(KEPT_ASIDE_TABLE).bulkAdd(refused),
        lost.length > 0 && db.table(CONFLICTS_TABLE).bulkAdd(lost),
      ]);
      return true;
    },
  );
}
