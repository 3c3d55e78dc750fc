/**
 * Applies one push in one transaction: records the batch's new mutation ids per device (a
 * repeated id applies nothing), merges each change field by field with the same `mergeFields`
 * the clients run, appends what changed to the change log and keeps every lost concurrent write
 * as a conflict for the device that made it. Reads and writes are multi-row statements: a
 * 1,000-mutation push costs five round trips on either back end (lock, device, records read by
 * primary key, ledger read, one statement writing ledger + records + change log: pushWrite.ts).
 */
import type { EntityDef } from '../../shared/registry';
import type { StampedFields } from '../../shared/sync/merge';
import type { Conflict, PushRequest, PushResponse } from '../../shared/sync/protocol';
import {
  keepOwnersRecords,
  mergePush,
  recordKey as keyOf,
  type AcceptedMutation,
  type ConflictLogRow,
  type PushResult,
  type ServerRecordState as RecordState,
} from '../../shared/sync/serverMerge';
import type { TokenPrincipal } from '../auth/tokens';
import type { Db, Queryable } from '../db/types';
import { writePush } from './pushWrite';
import { conflictsOfRepeated } from './repeatedConflicts';
import { checkChange, isShared } from './rules';

export type { PushResult };

export class DeviceClusterMismatch extends Error {}

/** advisory lock key that serialises push transactions */
const PUSH_LOCK = 8_007_002;

type Accepted = AcceptedMutation<EntityDef>;

export async function applyPush(
  db: Db,
  principal: TokenPrincipal,
  req: PushRequest,
  serverNow: number,
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
  await db.transaction(async (tx) => {
    // The reads go out one after the other while the rules judge the changes here (checkAll
    // yields between slices, so each read leaves as soon as the one before returned): PostgreSQL,
    // a process of its own, runs them meanwhile, and on two cores the checks cost no time of
    // their own. The reads cover every candidate (a refused change's record is merely locked too).
    // One push at a time (PostgreSQL serves several connections; PGlite has one anyway); the
    // lock is its own statement, before the reads, so their snapshots see the last push:
    // - two pushes creating the same record would each merge from nothing, and the later
    //   write would drop the other's fields;
    // - the change log's seq must commit in order, or a pull could pass a seq that commits later
    //   and never see it. A network of a few dozen devices pushes far below this lock's limit.
    const reads = (async () => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
      await registerDevice(tx, req.deviceId, principal.clusterCode);
      const states = await loadRecords(tx, candidates);
      return { states, known: await knownMutationIds(tx, req.deviceId, candidates) };
    })();
    reads.catch(() => undefined); // awaited below: a failure meanwhile is not unhandled
    const accepted = await checkAll(principal, req.mutations, firsts, serverNow, results);
    const { states, known } = await reads;
    const stored = new Set(states.keys());
    // A record keeps the owner it was created with: a change naming another owner is refused.
    const owned = keepOwnersRecords(accepted, states, results);
    const freshIds = owned.map((a) => a.mutation.mutationId).filter((id) => !known.has(id));
    // The merge itself is pure (shared/sync/serverMerge.ts): the simulation runs the same code.
    const merged = mergePush({
      deviceId: req.deviceId,
      owned,
      fresh: new Set(freshIds),
      states,
      results,
      isShared,
    });
    conflicts.push(...merged.conflicts);
    await writePush(tx, {
      deviceId: req.deviceId,
      freshIds,
      states,
      stored,
      changes: merged.changeRows,
    });
    await insertConflicts(tx, merged.conflictRows);
    // A resent batch (its answer was lost) hears again of the losses its first delivery made.
    const repeated = owned.filter((a) => known.has(a.mutation.mutationId)).map((a) => a.mutation);
    conflicts.push(...(await conflictsOfRepeated(tx, req.deviceId, repeated)));
  });
  return { serverTime: Date.now(), results, conflicts };
}

/** Changes judged per slice: between slices the pg client gets to send the next queued read. */
const CHECK_SLICE = 100;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The rules' verdict on each first occurrence (refusals go into `results`), in request order. */
async function checkAll(
  principal: TokenPrincipal,
  mutations: PushRequest['mutations'],
  firsts: readonly number[],
  serverNow: number,
  results: PushResult[],
): Promise<Accepted[]> {
  const accepted: Accepted[] = [];
  for (let k = 0; k < firsts.length; k += 1) {
    if (k > 0 && k % CHECK_SLICE === 0) await nextTurn();
    const index = firsts[k]!;
    const mutation = mutations[index]!;
    const check = checkChange(principal, mutation.change, serverNow);
    if ('reason' in check) {
      results[index] = { mutationId: mutation.mutationId, status: 'refused', ...check };
    } else accepted.push({ index, entity: check.entity, mutation });
  }
  return accepted;
}

async function registerDevice(tx: Queryable, deviceId: string, clusterCode: string) {
  // A device syncs for one cluster: a second cluster's token cannot pose as it.
  const r = await tx.query(
    `INSERT INTO devices (device_id, cluster_code, last_push_at) VALUES ($1, $2, now())
     ON CONFLICT (device_id) DO UPDATE SET last_push_at = now()
     WHERE devices.cluster_code = EXCLUDED.cluster_code
     RETURNING device_id`,
    [deviceId, clusterCode],
  );
  if (r.rows.length === 0) throw new DeviceClusterMismatch(deviceId);
}

type Mutation = PushRequest['mutations'][number];

async function loadRecords(
  tx: Queryable,
  candidates: Mutation[],
): Promise<Map<string, RecordState>> {
  const states = new Map<string, RecordState>();
  if (candidates.length === 0) return states;
  const keys = new Map<string, { entity: string; id: string }>();
  for (const mutation of candidates) {
    keys.set(keyOf(mutation.change.entity, mutation.change.id), mutation.change);
  }
  const r = await tx.query<{
    entity: string;
    id: string;
    cluster_id: string;
    fields: StampedFields;
    shared: boolean;
  }>(
    // One primary-key lookup per pushed record (LATERAL): a join the planner may turn into a
    // scan of the whole table, which grows with every push, is never chosen.
    `SELECT r.entity, r.id, r.cluster_id, r.fields, r.shared
     FROM unnest($1::text[], $2::text[]) AS k(entity, id)
     CROSS JOIN LATERAL (
       SELECT * FROM records
       WHERE records.entity = k.entity AND records.id = k.id
       FOR UPDATE
     ) AS r`,
    [[...keys.values()].map((k) => k.entity), [...keys.values()].map((k) => k.id)],
  );
  for (const row of r.rows) {
    states.set(keyOf(row.entity, row.id), {
      clusterId: row.cluster_id,
      fields: row.fields,
      shared: row.shared,
      dirty: false,
    });
  }
  return states;
}

/**
 * The batch's mutation ids this device sent before (push_ledger, migration 0003: one row per
 * push with its new ids and their range). Only rows whose range overlaps the batch's are read:
 * for a device pushing in order that is none; a file imported late reads the few later rows.
 */
async function knownMutationIds(tx: Queryable, deviceId: string, candidates: Mutation[]) {
  if (candidates.length === 0) return new Set<string>();
  const r = await tx.query<{ id: string }>(
    `WITH batch AS (SELECT x COLLATE "C" AS id FROM unnest($2::text[]) AS x)
     SELECT DISTINCT m AS id
     FROM push_ledger l, unnest(l.ids) AS m
     WHERE l.device_id = $1
       AND l.last_id >= (SELECT min(id) FROM batch)
       AND l.first_id <= (SELECT max(id) FROM batch)
       AND m = ANY ($2::text[])`,
    [deviceId, candidates.map((m) => m.mutationId)],
  );
  return new Set(r.rows.map((row) => row.id));
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
