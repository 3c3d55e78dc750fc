/**
 * Applies one push in one transaction: records the batch's new mutation ids per device (a
 * repeated id applies nothing), merges each change field by field with the same `mergeFields`
 * the clients run, appends what changed to the change log and keeps every lost concurrent write
 * as a conflict for the device that made it. Reads and writes are multi-row statements: a
 * 1,000-mutation push costs BEGIN with the push lock; one statement registering the device and
 * reading records and ledger (pushRead.ts); on PostgreSQL two statements writing ledger +
 * records + change log (pushWrite.ts), each while the next is merged (PGlite: one); COMMIT.
 */
import type { EntityDef } from '../../shared/registry';
import type { Conflict, PushRequest, PushResponse } from '../../shared/sync/protocol';
import {
  keepOwnersRecords,
  mergePush,
  type AcceptedMutation,
  type ConflictLogRow,
  type PushResult,
  type ServerRecordState,
} from '../../shared/sync/serverMerge';
import type { TokenPrincipal } from '../auth/tokens';
import type { Db, Queryable } from '../db/types';
import { readForPush } from './pushRead';
import { prepareWrite, WRITE_SQL } from './pushWrite';
import { conflictsOfRepeated } from './repeatedConflicts';
import { checkChange, isShared } from './rules';

export type { PushResult };

export { DeviceClusterMismatch } from './pushRead';

/** advisory lock key that serialises push transactions */
const PUSH_LOCK = 8_007_002;

type Accepted = AcceptedMutation<EntityDef>;

/**
 * Mutations merged and written per write statement. PostgreSQL, a process of its own, runs one
 * chunk's write while Node merges and serialises the next (on two free cores that Node work
 * then costs no wall time). Each further statement costs PostgreSQL CPU (replayed 1,000-mutation
 * writes: +0.5 ms in two statements, +2 ms in four), which a busy machine pays without the
 * overlap: two chunks per full push. PGlite runs in this very thread: chunks would only add
 * statements.
 */
const WRITE_CHUNK: Record<Db['kind'], number> = { postgres: 500, pglite: Infinity };

export interface PushOptions {
  /** mutations per write statement (tests: small, to cross chunk boundaries) */
  writeChunk?: number;
}

export async function applyPush(
  db: Db,
  principal: TokenPrincipal,
  req: PushRequest,
  serverNow: number,
  opts: PushOptions = {},
): Promise<PushResponse & { results: PushResult[] }> {
  const results: PushResult[] = new Array(req.mutations.length);
  // A mutation id repeated within the request applies once: its first occurrence.
  const firsts: number[] = [];
  const seenIds = new Set<string>();
  req.mutations.forEach(({ mutationId }, index) => {
    if (seenIds.has(mutationId)) results[index] = { mutationId, status: 'duplicate' };
    else {
      seenIds.add(mutationId);
      firsts.push(index);
    }
  });
  const candidates = firsts.map((index) => req.mutations[index]!);

  const conflicts: Conflict[] = [];
  await db.transaction(
    async (tx) => {
      // One push at a time (PostgreSQL serves several connections; PGlite has one anyway), by a
      // lock taken with BEGIN, before the reads, so their snapshots see the last push:
      // - two pushes creating the same record would each merge from nothing, and the later
      //   write would drop the other's fields;
      // - the change log's seq must commit in order, or a pull could pass a seq that commits later
      //   and never see it. A network of a few dozen devices pushes far below this lock's limit.
      // The reads (one statement, pushRead.ts) leave at once; PostgreSQL, a process of its own,
      // runs them while the rules judge the changes here, so on two cores the checks cost no time
      // of their own. They cover every candidate: a refused change's record is merely locked too.
      const reads = readForPush(tx, req.deviceId, principal.clusterCode, candidates);
      reads.catch(() => undefined); // awaited below: a failure meanwhile is not unhandled
      const accepted = checkAll(principal, req.mutations, firsts, serverNow, results);
      const { states, known } = await reads;
      const stored = new Set(states.keys());
      // A record keeps the owner it was created with: a change naming another owner is refused.
      const owned = keepOwnersRecords(accepted, states, results);
      const freshIds = owned.map((a) => a.mutation.mutationId).filter((id) => !known.has(id));
      const conflictRows = await mergeAndWrite(tx, {
        deviceId: req.deviceId,
        owned,
        fresh: new Set(freshIds),
        freshIds,
        states,
        stored,
        results,
        conflicts,
        chunk: opts.writeChunk ?? WRITE_CHUNK[db.kind],
      });
      await insertConflicts(tx, conflictRows);
      // A resent batch (its answer was lost) hears again of the losses its first delivery made.
      const repeated = owned.filter((a) => known.has(a.mutation.mutationId)).map((a) => a.mutation);
      conflicts.push(...(await conflictsOfRepeated(tx, req.deviceId, repeated)));
    },
    { advisoryLock: PUSH_LOCK },
  );
  return { serverTime: Date.now(), results, conflicts };
}

interface MergeAndWrite {
  deviceId: string;
  owned: readonly Accepted[];
  fresh: ReadonlySet<string>;
  freshIds: string[];
  states: Map<string, ServerRecordState>;
  stored: Set<string>;
  results: PushResult[];
  /** the pushing device's own losses, appended */
  conflicts: Conflict[];
  chunk: number;
}

/**
 * Merges and writes `owned` in request order, `chunk` mutations per write statement: chunk k+1
 * is merged and serialised while chunk k's statement runs (never two statements at once on the
 * connection: pg allows one). Merging chunk by chunk over the same `states` gives what one
 * merge of all would; a record written by an earlier chunk counts as stored (UPDATE). The ledger
 * row (every fresh id) goes with the first statement. Returns the conflict log's rows.
 */
async function mergeAndWrite(tx: Queryable, m: MergeAndWrite): Promise<ConflictLogRow[]> {
  const conflictRows: ConflictLogRow[] = [];
  let running: Promise<unknown> | undefined;
  let ledgerIds = m.freshIds;
  const size = Math.max(1, m.chunk);
  for (let start = 0; start === 0 || start < m.owned.length; start += size) {
    const merged = mergePush({
      deviceId: m.deviceId,
      owned: m.owned.slice(start, start + size),
      fresh: m.fresh,
      states: m.states,
      results: m.results,
      isShared,
    });
    m.conflicts.push(...merged.conflicts);
    conflictRows.push(...merged.conflictRows);
    const params = prepareWrite({
      deviceId: m.deviceId,
      freshIds: ledgerIds,
      states: m.states,
      stored: m.stored,
      changes: merged.changeRows,
    });
    ledgerIds = [];
    await running; // the previous chunk's statement: merged and serialised this one meanwhile
    running = params && tx.query(WRITE_SQL, params);
    running?.catch(() => undefined); // awaited above or below: a failure meanwhile is not unhandled
  }
  await running;
  return conflictRows;
}

/** The rules' verdict on each first occurrence (refusals go into `results`), in request order. */
function checkAll(
  principal: TokenPrincipal,
  mutations: PushRequest['mutations'],
  firsts: readonly number[],
  serverNow: number,
  results: PushResult[],
): Accepted[] {
  const accepted: Accepted[] = [];
  for (const index of firsts) {
    const mutation = mutations[index]!;
    const check = checkChange(principal, mutation.change, serverNow);
    if ('reason' in check) {
      results[index] = { mutationId: mutation.mutationId, status: 'refused', ...check };
    } else accepted.push({ index, entity: check.entity, mutation });
  }
  return accepted;
}

async function insertConflicts(tx: Queryable, rows: ConflictLogRow[]) {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO conflicts
       (device_id, entity, record_id, field, lost_value, lost_hlc, won_value, won_hlc)
     SELECT x.device_id, x.entity, x.record_id, x.field, x.lost_value, x.lost_hlc, x.won_value,
            x.won_hlc
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (device_id text, entity text,
       record_id text, field text, lost_value jsonb, lost_hlc text, won_value jsonb, won_hlc text))
       WITH ORDINALITY AS x(device_id, entity, record_id, field, lost_value, lost_hlc, won_value,
       won_hlc, n)
     ORDER BY x.n`,
    [JSON.stringify(rows)],
  );
}
