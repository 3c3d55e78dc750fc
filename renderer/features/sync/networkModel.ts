/**
 * The 공동활용 네트워크 page's model: other clusters' shared resources, success cases and
 * indicators as they stand in the local store after the last pull (read-only; no network call,
 * so it works offline and shows exactly what was last received).
 */
import { entityByName, type EntityName, type StoredRecord } from '../../../shared/registry';
import type { PumasiDb } from '../../db';

export const NETWORK_ENTITIES = [
  'resource',
  'successCase',
  'indicator',
] as const satisfies readonly EntityName[];
export type NetworkEntity = (typeof NETWORK_ENTITIES)[number];

/** Shared by another cluster: not ours, not deleted, and (where the entity has the flag) shared. */
export function isNetworkRecord(
  entity: NetworkEntity,
  record: StoredRecord,
  ownCluster: string | undefined,
) {
  if (record.deleted || record.clusterId === ownCluster) return false;
  const hasFlag = entityByName[entity].fields.some((f) => f.key === 'sharedWithNetwork');
  return !hasFlag || record['sharedWithNetwork'] === true;
}

export async function loadNetwork(
  db: PumasiDb,
  ownCluster: string | undefined,
): Promise<Record<NetworkEntity, StoredRecord[]>> {
  const out = {} as Record<NetworkEntity, StoredRecord[]>;
  for (const entity of NETWORK_ENTITIES) {
    const rows = await db
      .table<StoredRecord, string>(entityByName[entity].table)
      .filter((r) => isNetworkRecord(entity, r, ownCluster))
      .toArray();
    // Newest first: what changed lately is what a team looks for.
    out[entity] = rows.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
  }
  return out;
}
