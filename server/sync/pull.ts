/**
 * Reads for a token: the change log after a cursor (pull), a device's lost writes (conflicts)
 * and the network's shared records (read-only network API). Visibility is one rule everywhere
 * (`canRead`): hq reads everything, a team its own cluster plus what is shared.
 */
import type { Conflict, PullResponse, RecordChange, Who } from '../../shared/sync/protocol';
import type { StampedFields } from '../../shared/sync/merge';
import type { ConflictLogRow } from '../../shared/sync/serverMerge';
import type { TokenPrincipal } from '../auth/tokens';
import type { Queryable } from '../db/types';

const toWire = (fields: StampedFields): RecordChange['fields'] => {
  const out: RecordChange['fields'] = {};
  for (const [name, f] of Object.entries(fields)) {
    out[name] = f.base
      ? { value: f.value, hlc: f.hlc, base: f.base }
      : { value: f.value, hlc: f.hlc };
  }
  return out;
};

export async function pullChanges(
  db: Queryable,
  principal: TokenPrincipal,
  after: number,
  limit: number,
): Promise<PullResponse> {
  const r = await db.query<{
    seq: number;
    entity: string;
    id: string;
    cluster_id: string;
    fields: StampedFields;
    who: Who | null;
  }>(
    `SELECT seq, entity, id, cluster_id, fields, who FROM changes
     WHERE seq > $1 AND ($2::boolean OR cluster_id = $3 OR shared)
     ORDER BY seq LIMIT $4`,
    [after, principal.role === 'hq', principal.clusterCode, limit + 1],
  );
  const hasMore = r.rows.length > limit;
  const rows = hasMore ? r.rows.slice(0, limit) : r.rows;
  return {
    serverTime: Date.now(),
    changes: rows.map((row) => {
      const change: RecordChange = {
        entity: row.entity,
        id: row.id,
        clusterId: row.cluster_id,
        fields: toWire(row.fields),
      };
      if (row.who) change.who = row.who;
      return change;
    }),
    cursor: String(rows.length > 0 ? rows[rows.length - 1]!.seq : after),
    hasMore,
  };
}

export async function notePull(db: Queryable, deviceId: string, clusterCode: string) {
  await db.query(
    `INSERT INTO devices (device_id, cluster_code, last_pull_at) VALUES ($1, $2, now())
     ON CONFLICT (device_id) DO UPDATE SET last_pull_at = now()
     WHERE devices.cluster_code = EXCLUDED.cluster_code`,
    [deviceId, clusterCode],
  );
}

export async function deviceCluster(db: Queryable, deviceId: string): Promise<string | undefined> {
  const r = await db.query<{ cluster_code: string }>(
    'SELECT cluster_code FROM devices WHERE device_id = $1',
    [deviceId],
  );
  return r.rows[0]?.cluster_code;
}

/** A stored conflict row as read back (push answers and /v1/sync/conflicts): the logged row
 *  without its device, which the query already selected by. */
export type ConflictRowSql = Omit<ConflictLogRow, 'device_id'>;

export const conflictFromRow = (c: ConflictRowSql): Conflict => ({
  entity: c.entity,
  id: c.record_id,
  field: c.field,
  lostValue: c.lost_value,
  lostHlc: c.lost_hlc,
  wonValue: c.won_value,
  wonHlc: c.won_hlc,
});

export async function conflictsOf(
  db: Queryable,
  deviceId: string,
  after: number,
  limit: number,
): Promise<{ conflicts: Array<Conflict & { seq: number }>; cursor: string; hasMore: boolean }> {
  const r = await db.query<ConflictRowSql & { seq: number }>(
    `SELECT seq, entity, record_id, field, lost_value, lost_hlc, won_value, won_hlc
     FROM conflicts WHERE device_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [deviceId, after, limit + 1],
  );
  const hasMore = r.rows.length > limit;
  const rows = hasMore ? r.rows.slice(0, limit) : r.rows;
  return {
    conflicts: rows.map((c) => ({ seq: c.seq, ...conflictFromRow(c) })),
    cursor: String(rows.length > 0 ? rows[rows.length - 1]!.seq : after),
    hasMore,
  };
}

/** Current, not deleted records of one entity the caller may read, as plain values. */
export async function visibleRecords(
  db: Queryable,
  principal: TokenPrincipal,
  entity: string,
): Promise<Array<Record<string, unknown> & { id: string; clusterId: string }>> {
  const r = await db.query<{ id: string; cluster_id: string; fields: StampedFields }>(
    `SELECT id, cluster_id, fields FROM records
     WHERE entity = $1 AND ($2::boolean OR cluster_id = $3 OR shared)
     ORDER BY cluster_id, id`,
    [entity, principal.role === 'hq', principal.clusterCode],
  );
  return r.rows
    .filter((row) => row.fields.deleted?.value !== 1)
    .map((row) => {
      const values: Record<string, unknown> = {};
      for (const [name, f] of Object.entries(row.fields))
        if (name !== 'deleted') values[name] = f.value;
      return { ...values, id: row.id, clusterId: row.cluster_id };
    });
}

export async function lastSyncByCluster(db: Queryable) {
  const r = await db.query<{
    cluster_code: string;
    last_push_at: number | null;
    last_pull_at: number | null;
  }>(
    // epoch milliseconds, like every `serverTime`: no time-zone or DateStyle in the answer
    `SELECT c.code AS cluster_code,
            floor(extract(epoch FROM max(d.last_push_at)) * 1000)::float8 AS last_push_at,
            floor(extract(epoch FROM max(d.last_pull_at)) * 1000)::float8 AS last_pull_at
     FROM clusters c LEFT JOIN devices d ON d.cluster_code = c.code
     GROUP BY c.code ORDER BY c.code`,
  );
  return r.rows.map((row) => ({
    clusterId: row.cluster_code,
    lastPushAt: row.last_push_at,
    lastPullAt: row.last_pull_at,
  }));
}
