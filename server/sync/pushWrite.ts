/**
 * Every write of a push in ONE statement (one round trip whatever the back end; a server allowed
 * pushes over 1,000 mutations uses one per 1,000 rows, in order): the ledger row
 * (the batch's new mutation ids), a plain INSERT of the records the server lacked, an UPDATE of
 * the ones it had (known from the push's read: no upsert, whose speculative insertion costs more
 * on every row) and the change-log rows in batch order. Values travel as parameters of VALUES
 * lists, the shape of the benchmark's raw INSERT: measured faster than one jsonb parameter
 * unpacked by jsonb_to_recordset on both back ends (docs/BENCHMARKS.md, "Push after session 6").
 * A value repeated in the push (the entity, the cluster, a new record's fields that are also its
 * change-log row) is sent once.
 */
import type { ChangeLogRow, ServerRecordState } from '../../shared/sync/serverMerge';
import type { Queryable } from '../db/types';

/** Parameters of one statement, each distinct value of a type sent once; every use is cast. */
class Params {
  readonly values: unknown[] = [];
  private readonly seen = new Map<string, string>();

  private ref(type: string, key: string, value: unknown): string {
    // A parameter has one type in PostgreSQL: the same text as text and as jsonb are two.
    const k = `${type}\u0000${key}`;
    let r = this.seen.get(k);
    if (r === undefined) {
      this.values.push(value);
      r = `$${this.values.length}::${type}`;
      this.seen.set(k, r);
    }
    return r;
  }
  text = (v: string) => this.ref('text', v, v);
  json = (v: unknown) => {
    const s = JSON.stringify(v);
    return this.ref('jsonb', s, s);
  };
  /** SQL NULL for null (not the JSON null), as jsonb_to_recordset stored it before */
  jsonOrNull = (v: unknown) => (v === null ? this.ref('jsonb', '', null) : this.json(v));
  bool = (v: boolean) => this.ref('boolean', String(v), v);
  int = (v: number) => this.ref('integer', String(v), v);
  textArray = (v: string[]) => {
    this.values.push(v);
    return `$${this.values.length}::text[]`;
  };
}

export interface PushWrite {
  deviceId: string;
  freshIds: string[];
  states: ReadonlyMap<string, ServerRecordState>;
  /** keys of the records read from the database (the other dirty ones are new) */
  stored: ReadonlySet<string>;
  changes: ChangeLogRow[];
}

/** Rows per statement: about 13,000 parameters at most, far below PostgreSQL's 65,535 (a
 *  server configured for larger pushes writes them in several statements, in order). */
const ROWS_PER_STATEMENT = 1_000;

export async function writePush(tx: Queryable, w: PushWrite): Promise<void> {
  const dirty = [...w.states].filter(([, st]) => st.dirty);
  const steps = Math.max(
    w.freshIds.length > 0 ? 1 : 0,
    Math.ceil(dirty.length / ROWS_PER_STATEMENT),
    Math.ceil(w.changes.length / ROWS_PER_STATEMENT),
  );
  for (let step = 0; step < steps; step += 1) {
    const from = step * ROWS_PER_STATEMENT;
    const to = from + ROWS_PER_STATEMENT;
    const p = new Params();
    const parts = [
      ...(step === 0 ? ledgerInsert(p, w.deviceId, w.freshIds) : []),
      ...recordWrites(p, dirty.slice(from, to), w.stored),
      ...changeInserts(p, w.deviceId, w.changes.slice(from, to)),
    ];
    if (parts.length > 0) await tx.query(asOneStatement(parts), p.values);
  }
}

function ledgerInsert(p: Params, deviceId: string, ids: string[]): string[] {
  if (ids.length === 0) return [];
  // COLLATE "C": the range bounds compare byte-wise on both back ends (migration 0003).
  return [
    `INSERT INTO push_ledger (device_id, first_id, last_id, ids)
     SELECT ${p.text(deviceId)}, min(x COLLATE "C"), max(x COLLATE "C"), array_agg(x)
     FROM unnest(${p.textArray(ids)}) AS x`,
  ];
}

function recordWrites(
  p: Params,
  dirty: Array<[string, ServerRecordState]>,
  stored: ReadonlySet<string>,
): string[] {
  const inserts: string[] = [];
  const updates: string[] = [];
  for (const [key, st] of dirty) {
    const [entity, id] = key.split('\u0000') as [string, string];
    const head = `${p.text(entity)}, ${p.text(id)}`;
    const tail = `${p.json(st.fields)}, ${p.bool(st.shared)}`;
    // A record keeps its owner (keepOwnersRecords): an update leaves cluster_id alone.
    if (stored.has(key)) updates.push(`(${head}, ${tail})`);
    else inserts.push(`(${head}, ${p.text(st.clusterId)}, ${tail})`);
  }
  const parts: string[] = [];
  if (inserts.length > 0) {
    parts.push(`INSERT INTO records (entity, id, cluster_id, fields, shared)
      VALUES ${inserts.join(', ')}`);
  }
  if (updates.length > 0) {
    parts.push(`UPDATE records r SET fields = u.fields, shared = u.shared
      FROM (VALUES ${updates.join(', ')}) AS u(entity, id, fields, shared)
      WHERE r.entity = u.entity AND r.id = u.id`);
  }
  return parts;
}

function changeInserts(p: Params, deviceId: string, changes: ChangeLogRow[]): string[] {
  if (changes.length === 0) return [];
  const rows = changes.map(
    (c, n) =>
      `(${p.int(n)}, ${p.text(c.entity)}, ${p.text(c.id)}, ${p.text(c.cluster_id)}, ` +
      `${p.bool(c.shared)}, ${p.json(c.fields)}, ${p.jsonOrNull(c.who ?? null)})`,
  );
  // ORDER BY n: the change log's seq follows the batch order.
  return [
    `INSERT INTO changes (entity, id, cluster_id, shared, fields, device_id, who)
     SELECT c.entity, c.id, c.cluster_id, c.shared, c.fields, ${p.text(deviceId)}, c.who
     FROM (VALUES ${rows.join(', ')}) AS c(n, entity, id, cluster_id, shared, fields, who)
     ORDER BY c.n`,
  ];
}

/** Several data-modifying statements as one: all but the last become WITH items. */
function asOneStatement(parts: string[]): string {
  const last = parts.at(-1)!;
  if (parts.length === 1) return last;
  const items = parts.slice(0, -1).map((sql, i) => `w${i} AS (${sql})`);
  return `WITH ${items.join(', ')} ${last}`;
}
