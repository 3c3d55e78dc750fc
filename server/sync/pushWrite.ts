/**
 * Every write of a push in ONE statement (one round trip whatever the back end): the ledger row
 * (the batch's new mutation ids), a plain INSERT of the records the server lacked and an UPDATE
 * of the ones it had (known from the push's read, which locked them: no INSERT … ON CONFLICT,
 * whose speculative insertion costs more per row), then the change-log rows in batch order. Each
 * is a multi-row statement over ONE jsonb parameter (jsonb_to_recordset; one JSON.stringify per
 * push): a VALUES list of ~10,000 parameters measured slower on both back ends
 * (docs/BENCHMARKS.md, "Push after session 6"). A new record's change-log row, which holds the
 * very fields of the record, takes them from the record's row instead of carrying them again.
 */
import {
  recordKey,
  type ChangeLogRow,
  type ServerRecordState,
} from '../../shared/sync/serverMerge';
import type { Queryable } from '../db/types';

export interface PushWrite {
  deviceId: string;
  freshIds: string[];
  states: ReadonlyMap<string, ServerRecordState>;
  /** keys of the records read from the database (the other dirty ones are new) */
  stored: ReadonlySet<string>;
  changes: ChangeLogRow[];
}

/** A change-log row whose fields are the record's whole fields as written (a record made by one
 *  mutation of this push; mergePush shares the field objects): sent once, with the record. */
function carriesWholeRecord(c: ChangeLogRow, st: ServerRecordState | undefined): boolean {
  if (!st?.dirty) return false;
  const names = Object.keys(c.fields);
  if (names.length !== Object.keys(st.fields).length) return false;
  return names.every((n) => c.fields[n] === st.fields[n]);
}

export async function writePush(tx: Queryable, w: PushWrite): Promise<void> {
  const records: unknown[] = [];
  for (const [key, st] of w.states) {
    if (!st.dirty) continue;
    const [entity, id] = key.split('\u0000') as [string, string];
    const { clusterId: cluster_id, fields, shared } = st;
    records.push({ entity, id, cluster_id, fields, shared, stored: w.stored.has(key) });
  }
  if (w.freshIds.length + records.length + w.changes.length === 0) return;
  const changes = w.changes.map((c) => {
    const whole = carriesWholeRecord(c, w.states.get(recordKey(c.entity, c.id)));
    // a key left out (fields of a whole record, an absent who) is NULL in jsonb_to_recordset
    return {
      entity: c.entity,
      id: c.id,
      cluster_id: c.cluster_id,
      shared: c.shared,
      ...(whole ? {} : { fields: c.fields }),
      ...(c.who ? { who: c.who } : {}),
    };
  });
  await tx.query(
    `WITH rec AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb -> 'records') AS r(entity text, id text,
         cluster_id text, fields jsonb, shared boolean, stored boolean)
     ), ledger AS (
       INSERT INTO push_ledger (device_id, first_id, last_id, ids)
       SELECT $1, min(x COLLATE "C"), max(x COLLATE "C"), array_agg(x)
       FROM jsonb_array_elements_text($2::jsonb -> 'ids') AS x
       HAVING count(*) > 0
     ), inserted AS (
       INSERT INTO records (entity, id, cluster_id, fields, shared)
       SELECT rec.entity, rec.id, rec.cluster_id, rec.fields, rec.shared FROM rec
       WHERE NOT rec.stored
     ), updated AS (
       -- a record keeps its owner (keepOwnersRecords): cluster_id is left alone
       UPDATE records t SET fields = rec.fields, shared = rec.shared
       FROM rec
       WHERE rec.stored AND t.entity = rec.entity AND t.id = rec.id
     )
     INSERT INTO changes (entity, id, cluster_id, shared, fields, device_id, who)
     SELECT c.entity, c.id, c.cluster_id, c.shared, COALESCE(c.fields, rec.fields), $1, c.who
     FROM ROWS FROM (jsonb_to_recordset($2::jsonb -> 'changes') AS (entity text, id text,
       cluster_id text, shared boolean, fields jsonb, who jsonb))
       WITH ORDINALITY AS c(entity, id, cluster_id, shared, fields, who, n)
     LEFT JOIN rec ON c.fields IS NULL AND rec.entity = c.entity AND rec.id = c.id
     ORDER BY c.n`,
    // ORDER BY n: the change log's seq follows the batch order.
    [w.deviceId, JSON.stringify({ ids: w.freshIds, records, changes })],
  );
}
