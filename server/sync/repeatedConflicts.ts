/**
 * The losses a repeated push must report again. A push answer can be lost after the server
 * committed (a cut or dropped response); the client then resends the very same frozen batch,
 * whose mutation ids are `duplicate` and merge nothing — so, without this, the conflicts the
 * first delivery recorded for the device would never reach its inbox (the pull files a loss only
 * while the device still holds the losing value). The client files the answer of one batch once
 * (a stale ack token changes nothing), so reporting them again cannot file a loss twice.
 */
import type { Conflict, PushRequest } from '../../shared/sync/protocol';
import type { Queryable } from '../db/types';
import { conflictFromRow, type ConflictRowSql } from './pull';

type Mutation = PushRequest['mutations'][number];

const keyOf = (entity: string, id: string, field: string, lostHlc: string) =>
  `${entity}\u0000${id}\u0000${field}\u0000${lostHlc}`;

/** Conflicts stored for `deviceId` whose lost write is one of `repeated`'s fields. */
export async function conflictsOfRepeated(
  tx: Queryable,
  deviceId: string,
  repeated: readonly Mutation[],
): Promise<Conflict[]> {
  if (repeated.length === 0) return [];
  const wanted = new Set<string>();
  const stamps = new Set<string>();
  for (const { change } of repeated) {
    for (const [field, f] of Object.entries(change.fields)) {
      wanted.add(keyOf(change.entity, change.id, field, f.hlc));
      stamps.add(f.hlc);
    }
  }
  const r = await tx.query<ConflictRowSql>(
    `SELECT entity, record_id, field, lost_value, lost_hlc, won_value, won_hlc
     FROM conflicts WHERE device_id = $1 AND lost_hlc = ANY ($2::text[]) ORDER BY seq`,
    [deviceId, [...stamps]],
  );
  return r.rows
    .filter((c) => wanted.has(keyOf(c.entity, c.record_id, c.field, c.lost_hlc)))
    .map(conflictFromRow);
}
