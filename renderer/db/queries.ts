/**
 * The read queries behind the React hooks, as plain async functions (testable without React).
 * Grids read whole tables: one `toArray()` and a JS filter on the tombstone is much faster for
 * 100,000 rows than an index walk on `deleted`, which would fetch every row by key.
 */
import type { EntityName, StoredRecord } from '../../shared/registry';
import { entityTable, type PumasiDb } from './db';
import { countOutbox } from './outbox';

/** Every record of an entity that is not deleted. */
export async function queryRecords(db: PumasiDb, entity: EntityName): Promise<StoredRecord[]> {
  const rows = await entityTable(db, entity).toArray();
  const live: StoredRecord[] = [];
  for (const row of rows) if (row.deleted !== 1) live.push(row);
  return live;
}

/** One record by id, deleted or not (a form may show a tombstone to offer "restore"). */
export async function queryRecord(
  db: PumasiDb,
  entity: EntityName,
  id: string | undefined,
): Promise<StoredRecord | undefined> {
  if (id === undefined || id === '') return undefined;
  return entityTable(db, entity).get(id);
}

/** Writes still to push (for the status strip). */
export function queryPendingCount(db: PumasiDb): Promise<number> {
  return countOutbox(db);
}

export async function getPref<T>(db: PumasiDb, key: string): Promise<T | undefined> {
  const row = await db.prefs.get(key);
  return row?.value as T | undefined;
}

/** UI preferences are local state, not records: no history, no outbox. */
export async function setPref(db: PumasiDb, key: string, value: unknown): Promise<void> {
  await db.prefs.put({ key, value });
}
