/**
 * Every write of a push in ONE statement (one round trip whatever the back end): the ledger row
 * (the batch's new mutation ids), a plain INSERT of the records the server lacked and an UPDATE
 * of the ones it had (known from the push's read, which locked them: no INSERT … ON CONFLICT,
 * whose speculative insertion costs more per row), then the change-log rows in batch order. Each
 * is a multi-row statement over ONE jsonb parameter (jsonb_to_recordset; one JSON.stringify per
 * push): a VALUES list of ~10,000 parameters measured slower on both back ends
 * (docs/BENCHMARKS.md, "Push after session 6").
 */
import type { ChangeLogRow, ServerRecordState } from '../../shared/sync/serverMerge';
import type { Queryable } from '../db/types';

export interface PushWrite {
  deviceId: string;
  freshIds: string[];
  states: ReadonlyMap<string, ServerRecordState>;
  /** keys of the records read from the database (the other dirty ones are new) */
  stored: ReadonlySet<string>;
  changes: ChangeLogRow[];
}

interface RecordRow {
  entity: string;
  id: string;
  cluster_id: string;
  fields: ServerRecordState['fields'];
  shared: boolean;
}

export async function writePush(tx: Queryable, w: PushWrite): Promise<void> {
  const inserts: RecordRow[] = [];
  const updates: RecordRow[] = [];
  for (const [key, st] of w.states) {
    if (!st.dirty) continue;
    const [entity, id] = key.split('\u0000') as [string, string];
    const row = { entity, id, cluster_id: st.clusterId, fields: st.fields, shared: st.shared };
    (w.stored.has(key) ? updates : inserts).push(row);
  }
  const nothing = w.freshIds.length + inserts.length + updates.length + w.changes.length === 0;
  if (nothing) return;
  await tx.query(
    `WITH ledger AS (
       INSERT INTO push_ledger (device_id, first_id, last_id, ids)
       SELECT $1, min(x COLLATE "C"), max(x COLLATE "C"), array_agg(x)
       FROM jsonb_array_elements_text($2::jsonb -> 'ids') AS x
       HAVING count(*) > 0
     ), inserted AS (
       INSERT INTO records (entity, id, cluster_id, fields, shared)
       SELECT r.entity, r.id, r.cluster_id, r.fields, r.shared
       FROM jsonb_to_recordset($2::jsonb -> 'inserts')
         AS r(entity text, id text, cluster_id text, fields jsonb, shared boolean)
     ), updated AS (
       -- a record keeps its owner (keepOwnersRecords): cluster_id is left alone
       UPDATE records t SET fields = u.fields, shared = u.shared
       FROM jsonb_to_recordset($2::jsonb -> 'updates')
         AS u(entity text, id text, fields jsonb, shared boolean)
       WHERE t.entity = u.entity AND t.id = u.id
     )
     INSERT INTO changes (entity, id, cluster_id, shared, fields, device_id, who)
     SELECT c.entity, c.id, c.cluster_id, c.shared, c.fields, $1, c.who
     FROM ROWS FROM (jsonb_to_recordset($2::jsonb -> 'changes') AS (entity text, id text,
       cluster_id text, shared boolean, fields jsonb, who jsonb))
       WITH ORDINALITY AS c(entity, id, cluster_id, shared, fields, who, n)
     ORDER BY c.n`,
    // ORDER BY n: the change log's seq follows the batch order.
    [
      w.deviceId,
      JSON.stringify({
        ids: w.freshIds,
        inserts,
        updates,
        changes: w.changes.map((c) => ({ ...c, who: c.who ?? null })),
      }),
    ],
  );
}
