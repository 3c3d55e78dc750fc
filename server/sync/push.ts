/**
 * Applies one push in one transaction: records the batch's new mutation ids per device (a
 * repeated id applies nothing), merges each change field by field with the same `mergeFields`
 * the clients run, appends what changed to the change log and keeps every lost concurrent write
 * as a conflict for the device that made it. All writes are multi-row statements over one jsonb
 * parameter, so a 1,000-mutation batch costs a handful of round trips on either back end.
 */
import type { EntityDef } from '../../shared/registry';
import type { StampedFields } from '../../shared/sync/merge';
import type { Conflict, PushRequest, PushResponse } from '../../shared/sync/protocol';
import {
  keepOwnersRecords,
  mergePush,
  recordKey as keyOf,
  type AcceptedMutation,
  type PushResult,
  type ServerRecordState as RecordState,
} from '../../shared/sync/serverMerge';
import type { TokenPrincipal } from '../auth/tokens';
import type { Db, Queryable } from '../db/types';
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
    const owned = keepOwnersRecords(accepted, states, results);
    const fresh = await recordMutationIds(tx, req.deviceId, owned);
    // The merge itself is pure (shared/sync/serverMerge.ts): the simulation runs the same code.
    const merged = mergePush({ deviceId: req.deviceId, owned, fresh, states, results, isShared });
    conflicts.push(...merged.conflicts);
    await writeRecords(tx, states);
    await insertRows(tx, 'changes', merged.changeRows);
    await insertRows(tx, 'conflicts', merged.conflictRows);
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
     JOIN jsonb_to_recordset($1::jsonb) AS k(entity text, id text)
       ON r.entity = k.entity AND r.id = k.id
     FOR UPDATE OF r`,
    [JSON.stringify([...keys.values()].map(({ entity, id }) => ({ entity, id })))],
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

/** The ids this device had not sent before (`ON CONFLICT DO NOTHING` returns only new rows). */
async function recordMutationIds(tx: Queryable, deviceId: string, owned: Accepted[]) {
  if (owned.length === 0) return new Set<string>();
  const r = await tx.query<{ mutation_id: string }>(
    `INSERT INTO applied_mutations (device_id, mutation_id)
     SELECT $1, x FROM jsonb_array_elements_text($2::jsonb) AS x
     ON CONFLICT DO NOTHING
     RETURNING mutation_id`,
    [deviceId, JSON.stringify(owned.map((a) => a.mutation.mutationId))],
  );
  return new Set(r.rows.map((row) => row.mutation_id));
}

async function writeRecords(tx: Queryable, states: Map<string, RecordState>) {
  const rows: unknown[] = [];
  for (const [key, st] of states) {
    if (!st.dirty) continue;
    const [entity, id] = key.split('\u0000');
    rows.push({ entity, id, cluster_id: st.clusterId, fields: st.fields, shared: st.shared });
  }
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO records (entity, id, cluster_id, fields, shared)
     SELECT x.entity, x.id, x.cluster_id, x.fields, x.shared
     FROM jsonb_to_recordset($1::jsonb)
       AS x(entity text, id text, cluster_id text, fields jsonb, shared boolean)
     ON CONFLICT (entity, id) DO UPDATE SET fields = EXCLUDED.fields, shared = EXCLUDED.shared`,
    [JSON.stringify(rows)],
  );
}

const COLUMNS = {
  changes: 'entity text, id text, cluster_id text, shared boolean, fields jsonb, device_id text',
  conflicts:
    'device_id text, entity text, record_id text, field text, lost_value jsonb, lost_hlc text, won_value jsonb, won_hlc text',
} as const;

async function insertRows(tx: Queryable, table: keyof typeof COLUMNS, rows: unknown[]) {
  if (rows.length === 0) return;
  const names = COLUMNS[table]
    .split(',')
    .map((c) => c.trim().split(' ')[0])
    .join(', ');
  // Insertion order is kept (ORDINALITY), so the change log's seq follows the batch order.
  await tx.query(
    `INSERT INTO ${table} (${names})
     SELECT ${names}
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (${COLUMNS[table]}))
       WITH ORDINALITY AS x(${names}, n)
     ORDER BY n`,
    [JSON.stringify(rows)],
  );
}
