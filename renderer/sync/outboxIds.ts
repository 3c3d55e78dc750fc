/** Which records of an entity have writes not yet sent (the grids' "아직 보내지 않음" marker). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { EntityName } from '../../shared/registry';
import { getDb, type PumasiDb } from '../db';

export async function unsentRecordIds(db: PumasiDb, entity: EntityName): Promise<Set<string>> {
  const ids = new Set<string>();
  await db.outbox.each((row) => {
    for (const e of row.entries) if (e.entity === entity) ids.add(e.recordId);
  });
  return ids;
}

/** Live: re-read whenever the outbox changes (a save queues, a push acknowledges). */
export function useUnsentIds(entity: EntityName): Set<string> | undefined {
  return useLiveQuery(() => unsentRecordIds(getDb(), entity), [entity]);
}
