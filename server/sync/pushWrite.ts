/**
 * The writes of a push (or of one chunk of it, push.ts) in ONE statement: the ledger row
 * (the batch's new mutation ids), a plain INSERT of the records the server lacked and an UPDATE
 * of the ones it had (known from the push's read, which locked them: no INSERT … ON CONFLICT,
 * whose speculative insertion costs more per row), then the change-log rows in batch order. Each
 * is a multi-row statement over ONE jsonb parameter (jsonb_to_recordset; one JSON.stringify per
 * statement): a VALUES list of ~10,000 parameters measured slower on both back ends
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
  /** mutation ids for the ledger (a push's chunks: all of them in the first) */
  freshIds: string[];
  states: ReadonlyMap<string, ServerRecordState>;
  /** keys of the records the database holds (read, or written by an earlier chunk); the other
   *  dirty ones are new. The records this write carries are added to it. */
  stored: Set<string>;
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

/**
 * The write statement's parameters for the dirty records and `changes`, or undefined when there
 * is nothing to write. The records it carries are marked written (clean, and in `stored`): a
 * later chunk of the same push that changes one of them again UPDATEs it.
 */
export function prepareWrite(w: PushWrite): [string, string] | undefined {
  // Short keys, and a false flag left out (NULL, read as false): the parameter is sent, parsed
  // and copied whole, so its size costs on both sides. Records: e entity, i id, c cluster_id,
  // f fields, s shared, u stored (an UPDATE, not an INSERT).
  const records: RecordParam[] = [];
  const recordIndex = new Map<string, number>();
  for (const [key, st] of w.states) {
    if (!st.dirty) continue;
    const [e, i] = key.split('\u0000') as [string, string];
    const row: RecordParam = { e, i, c: st.clusterId, f: st.fields };
    if (st.shared) row.s = true;
    if (w.stored.has(key)) row.u = true;
    recordIndex.set(key, records.length);
    records.push(row);
  }
  if (w.freshIds.length + records.length + w.changes.length === 0) return undefined;
  // Changes: r the record's position when the row carries the record's whole fields (they,
  // its entity, id and owner come from the record's row), else e, i, c, f; s shared, w who.
  const changes = w.changes.map((c): ChangeParam => {
    const key = recordKey(c.entity, c.id);
    const row: ChangeParam = carriesWholeRecord(c, w.states.get(key))
      ? { r: recordIndex.get(key)! }
      : { e: c.entity, i: c.id, c: c.cluster_id, f: c.fields };
    if (c.shared) row.s = true;
    if (c.who) row.w = c.who;
    return row;
  });
  for (const key of recordIndex.keys()) {
    w.states.get(key)!.dirty = false;
    w.stored.add(key);
  }
  return [w.deviceId, JSON.stringify({ ids: w.freshIds, records, changes })];
}

export const WRITE_SQL = `WITH rec AS (
       SELECT r.e AS entity, r.i AS id, r.c AS cluster_id, r.f AS fields,
              COALESCE(r.s, false) AS shared, COALESCE(r.u, false) AS stored, r.n
       FROM ROWS FROM (jsonb_to_recordset($2::jsonb -> 'records') AS (e text, i text, c text,
         f jsonb, s boolean, u boolean)) WITH ORDINALITY AS r(e, i, c, f, s, u, n)
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
     SELECT COALESCE(c.e, rec.entity), COALESCE(c.i, rec.id), COALESCE(c.c, rec.cluster_id),
            COALESCE(c.s, false), COALESCE(c.f, rec.fields), $1, c.w
     FROM ROWS FROM (jsonb_to_recordset($2::jsonb -> 'changes') AS (r bigint, e text, i text,
       c text, f jsonb, s boolean, w jsonb)) WITH ORDINALITY AS c(r, e, i, c, f, s, w, n)
     LEFT JOIN rec ON rec.n = c.r + 1
     ORDER BY c.n`;
// ORDER BY n: the change log's seq follows the batch order (and a push's chunks are written in
// order).

export async function writePush(tx: Queryable, w: PushWrite): Promise<void> {
  const params = prepareWrite(w);
  if (params) await tx.query(WRITE_SQL, params);
}

interface RecordParam {
  e: string;
  i: string;
  c: string;
  f: ServerRecordState['fields'];
  s?: true;
  u?: true;
}

interface ChangeParam {
  r?: number;
  e?: string;
  i?: string;
  c?: string;
  f?: ChangeLogRow['fields'];
  s?: true;
  w?: ChangeLogRow['who'];
}
