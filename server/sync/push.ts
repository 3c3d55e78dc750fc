/**
 * Applies one push in one transaction: records the batch's new mutation ids per device (a
 * repeated id applies nothing), merges each change field by field with the same `mergeFields`
 * the clients run, appends what changed to the change log and keeps every lost concurrent write
 * as a conflict for the device that made it. Reads and writes are multi-row statements: a
 * 1,000-mutation push costs five round trips on either back end (lock, device, records read,
 * ledger read, one statement writing ledger + records + change log).
 */
import type { EntityDef } from '../../shared/registry';
import { mergeFields, type FieldConflict, type StampedFields } from '../../shared/sync/merge';
import type {
  Conflict,
  MutationResult,
  PushRequest,
  PushResponse,
  Who,
} from '../../shared/sync/protocol';
import type { TokenPrincipal } from '../auth/tokens';
import type { Db, Queryable } from '../db/types';
import { checkChange, isShared } from './rules';

export class DeviceClusterMismatch extends Error {}

/** advisory lock key that serialises push transactions */
const PUSH_LOCK = 8_007_002;

interface RecordState {
  clusterId: string;
  fields: StampedFields;
  shared: boolean;
  dirty: boolean;
}

interface Accepted {
  index: number;
  entity: EntityDef;
  mutation: PushRequest['mutations'][number];
}

const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;

/** `MutationResult` plus a human message for refusals (extra keys are ignored by the schema). */
export type PushResult = MutationResult & { message?: string };

export async function applyPush(
  db: Db,
  principal: TokenPrincipal,
  req: PushRequest,
  serverNow: number,
): Promise<PushResponse & { results: PushResult[] }> {
  const results: PushResult[] = new Array(req.mutations.length);
  const accepted: Accepted[] = [];
  const seenIds = new Set<string>();
  req.mutations.forEach((mutation, index) => {
    if (seenIds.has(mutation.mutationId)) {
      results[index] = { mutationId: mutation.mutationId, status: 'duplicate' };
      return;
    }
    seenIds.add(mutation.mutationId);
    const check = checkChange(principal, mutation.change, serverNow);
    if ('reason' in check) {
      results[index] = { mutationId: mutation.mutationId, status: 'refused', ...check };
    } else accepted.push({ index, entity: check.entity, mutation });
  });

  const conflicts: Conflict[] = [];
  await db.transaction(async (tx) => {
    // One push at a time (PostgreSQL serves several connections; PGlite has one anyway):
    // - two pushes creating the same record would each merge from nothing, and the later
    //   upsert would drop the other's fields;
    // - the change log's seq must commit in order, or a pull could pass a seq that commits later
    //   and never see it. A network of a few dozen devices pushes far below this lock's limit.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
    await registerDevice(tx, req.deviceId, principal.clusterCode);
    const states = await loadRecords(tx, accepted);
    // A record keeps the owner it was created with: a change naming another owner is refused.
    const owned = accepted.filter((a) => {
      const st = states.get(keyOf(a.mutation.change.entity, a.mutation.change.id));
      if (!st || st.clusterId === a.mutation.change.clusterId) return true;
      results[a.index] = {
        mutationId: a.mutation.mutationId,
        status: 'refused',
        reason: 'cluster_mismatch',
        message: `기록의 소속(${st.clusterId})과 다릅니다 / record belongs to another owner`,
      };
      return false;
    });
    const known = await knownMutationIds(tx, req.deviceId, owned);
    const freshIds: string[] = [];
    const changeRows: ChangeRow[] = [];
    const conflictRows: ReturnType<typeof conflictRow>[] = [];
    for (const a of owned) {
      const { mutationId, change } = a.mutation;
      if (known.has(mutationId)) {
        results[a.index] = { mutationId, status: 'duplicate' };
        continue;
      }
      freshIds.push(mutationId);
      results[a.index] = { mutationId, status: 'applied' };
      const key = keyOf(change.entity, change.id);
      const st = states.get(key) ?? {
        clusterId: change.clusterId,
        fields: {},
        shared: false,
        dirty: false,
      };
      states.set(key, st);
      const merged = mergeFields(st.fields, change.fields);
      for (const c of merged.conflicts) {
        conflictRows.push(conflictRow(change.entity, change.id, c));
        if (c.loserDevice === req.deviceId) conflicts.push(toConflict(change.entity, change.id, c));
      }
      if (merged.changed.length === 0) continue;
      const sharedBefore = st.shared;
      st.fields = merged.fields;
      st.shared = isShared(a.entity, st.fields);
      st.dirty = true;
      // A record that just became visible to other clusters goes to them whole, not as a diff.
      const names = st.shared && !sharedBefore ? Object.keys(st.fields) : merged.changed;
      const fields: StampedFields = {};
      for (const n of names) fields[n] = st.fields[n]!;
      changeRows.push({
        entity: change.entity,
        id: change.id,
        clusterId: st.clusterId,
        shared: sharedBefore || st.shared,
        fields,
        who: change.who,
      });
    }
    await writePush(tx, req.deviceId, freshIds, states, changeRows);
    await insertConflicts(tx, conflictRows);
  });
  return { serverTime: Date.now(), results, conflicts };
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

async function loadRecords(tx: Queryable, accepted: Accepted[]): Promise<Map<string, RecordState>> {
  const states = new Map<string, RecordState>();
  if (accepted.length === 0) return states;
  const keys = new Map<string, { entity: string; id: string }>();
  for (const { mutation } of accepted) {
    keys.set(keyOf(mutation.change.entity, mutation.change.id), mutation.change);
  }
  const r = await tx.query<{
    entity: string;
    id: string;
    cluster_id: string;
    fields: StampedFields;
    shared: boolean;
  }>(
    `SELECT r.entity, r.id, r.cluster_id, r.fields, r.shared
     FROM records r
     JOIN unnest($1::text[], $2::text[]) AS k(entity, id)
       ON r.entity = k.entity AND r.id = k.id
     FOR UPDATE OF r`,
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
async function knownMutationIds(tx: Queryable, deviceId: string, owned: Accepted[]) {
  if (owned.length === 0) return new Set<string>();
  const r = await tx.query<{ id: string }>(
    `WITH batch AS (SELECT x COLLATE "C" AS id FROM unnest($2::text[]) AS x)
     SELECT DISTINCT m AS id
     FROM push_ledger l, unnest(l.ids) AS m
     WHERE l.device_id = $1
       AND l.last_id >= (SELECT min(id) FROM batch)
       AND l.first_id <= (SELECT max(id) FROM batch)
       AND m = ANY ($2::text[])`,
    [deviceId, owned.map((a) => a.mutation.mutationId)],
  );
  return new Set(r.rows.map((row) => row.id));
}

interface ChangeRow {
  entity: string;
  id: string;
  clusterId: string;
  shared: boolean;
  fields: StampedFields;
  who: Who | undefined;
}

/**
 * Every write of the push in ONE statement: the ledger row (the batch's new mutation ids), the
 * merged records (upsert) and the change-log rows, each a multi-row insert over ONE jsonb
 * parameter (jsonb_to_recordset: measured as fast as or faster than `unnest` of arrays or a
 * VALUES list on both back ends, and one JSON.stringify per push), so a 1,000-mutation push is
 * one round trip and three inserts whatever the back end.
 */
async function writePush(
  tx: Queryable,
  deviceId: string,
  freshIds: string[],
  states: Map<string, RecordState>,
  changes: ChangeRow[],
) {
  const records: unknown[] = [];
  for (const [key, st] of states) {
    if (!st.dirty) continue;
    const [entity, id] = key.split('\u0000') as [string, string];
    records.push({ entity, id, cluster_id: st.clusterId, fields: st.fields, shared: st.shared });
  }
  if (freshIds.length === 0 && records.length === 0 && changes.length === 0) return;
  await tx.query(
    `WITH ledger AS (
       INSERT INTO push_ledger (device_id, first_id, last_id, ids)
       SELECT $1, min(x COLLATE "C"), max(x COLLATE "C"), array_agg(x)
       FROM jsonb_array_elements_text($2::jsonb -> 'ids') AS x
       HAVING count(*) > 0
     ), upsert AS (
       INSERT INTO records (entity, id, cluster_id, fields, shared)
       SELECT r.entity, r.id, r.cluster_id, r.fields, r.shared
       FROM jsonb_to_recordset($2::jsonb -> 'records')
         AS r(entity text, id text, cluster_id text, fields jsonb, shared boolean)
       ON CONFLICT (entity, id) DO UPDATE SET fields = EXCLUDED.fields, shared = EXCLUDED.shared
     )
     INSERT INTO changes (entity, id, cluster_id, shared, fields, device_id, who)
     SELECT c.entity, c.id, c.cluster_id, c.shared, c.fields, $1, c.who
     FROM ROWS FROM (jsonb_to_recordset($2::jsonb -> 'changes') AS (entity text, id text,
       cluster_id text, shared boolean, fields jsonb, who jsonb))
       WITH ORDINALITY AS c(entity, id, cluster_id, shared, fields, who, n)
     ORDER BY c.n`,
    // ORDER BY n: the change log's seq follows the batch order.
    [
      deviceId,
      JSON.stringify({
        ids: freshIds,
        records,
        changes: changes.map((c) => ({
          entity: c.entity,
          id: c.id,
          cluster_id: c.clusterId,
          shared: c.shared,
          fields: c.fields,
          who: c.who ?? null,
        })),
      }),
    ],
  );
}

async function insertConflicts(tx: Queryable, rows: ReturnType<typeof conflictRow>[]) {
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

// JSON has no `undefined`: a missing value travels and is kept as null.
const conflictRow = (entity: string, id: string, c: FieldConflict) => ({
  device_id: c.loserDevice,
  entity,
  record_id: id,
  field: c.field,
  lost_value: c.loser.value ?? null,
  lost_hlc: c.loser.hlc,
  won_value: c.winner.value ?? null,
  won_hlc: c.winner.hlc,
});

const toConflict = (entity: string, id: string, c: FieldConflict): Conflict => ({
  entity,
  id,
  field: c.field,
  lostValue: c.loser.value ?? null,
  lostHlc: c.loser.hlc,
  wonValue: c.winner.value ?? null,
  wonHlc: c.winner.hlc,
});
