/**
 * The outbox and history as lists of entries. Both tables store chunks of entries (schema.ts
 * explains why); everything outside renderer/db reads them only through these functions, so
 * the storage layout can change in a new database version without touching the sync engine.
 */
import type { EntityName } from '../../shared/registry';
import { recordKey } from '../../shared/sync/serverMerge';
import type { PumasiDb } from './db';
import type { HistoryEntry, OutboxEntry } from './schema';

/** The oldest `limit` writes still to push, oldest first. */
export async function readOutbox(db: PumasiDb, limit = 500): Promise<OutboxEntry[]> {
  const out: OutboxEntry[] = [];
  await db.outbox
    .orderBy(':id')
    .until(() => out.length >= limit)
    .each((row) => {
      for (const e of row.entries) if (out.length < limit) out.push(e);
    });
  return out;
}

/** Number of writes still to push (the status strip's "pending changes"). */
export async function countOutbox(db: PumasiDb): Promise<number> {
  let count = 0;
  await db.outbox.each((row) => (count += row.entries.length));
  return count;
}

/**
 * Removes acknowledged writes (by entry id = HLC stamp) in one transaction. A row whose entries
 * are all acknowledged is deleted; a partly acknowledged row keeps the rest under the same key.
 * Writes of a record in `keepWhole` (recordKey) stay instead, marked `whole`: the server lacks
 * that record, the next batch sends it whole (shared/sync/pushBatch.ts, resendWhole).
 */
export async function ackOutbox(
  db: PumasiDb,
  ids: readonly string[],
  keepWhole: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (ids.length === 0) return;
  const acked = new Set(ids);
  let min = ids[0] as string;
  let max = min;
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  await db.transaction('rw', db.outbox, async () => {
    // A row's key is its LAST entry's stamp, so the rows holding [min, max] start at the first
    // key ≥ min and end at the first key ≥ max.
    const rows = await db.outbox
      .where(':id')
      .aboveOrEqual(min)
      .until((row) => row.id >= max, true)
      .toArray();
    const emptied: string[] = [];
    const changed = [];
    for (const row of rows) {
      let touched = false;
      const rest: OutboxEntry[] = [];
      for (const e of row.entries) {
        if (!acked.has(e.id)) rest.push(e);
        else if (keepWhole.has(recordKey(e.entity, e.recordId))) {
          rest.push({ ...e, whole: true });
          touched = true;
        } else touched = true;
      }
      if (rest.length === 0) emptied.push(row.id);
      else if (touched) changed.push({ id: row.id, entries: rest });
    }
    await Promise.all([db.outbox.bulkDelete(emptied), db.outbox.bulkPut(changed)]);
  });
}

/**
 * Every write of one record, oldest first. Reads only the rows whose `recordIds` index names it
 * (v5, schema.ts), never the whole table; rows come back in key (= stamp) order.
 */
export async function queryRecordHistory(
  db: PumasiDb,
  entity: EntityName,
  recordId: string,
): Promise<HistoryEntry[]> {
  const rows = await db.history.where('recordIds').equals(recordId).sortBy('id');
  const found: HistoryEntry[] = [];
  for (const row of rows) {
    for (const e of row.entries) if (e.recordId === recordId && e.entity === entity) found.push(e);
  }
  return found;
}

/** Every history entry, oldest first (tests, export of the audit trail). */
export async function readHistory(db: PumasiDb): Promise<HistoryEntry[]> {
  const rows = await db.history.orderBy(':id').toArray();
  return rows.flatMap((row) => row.entries);
}
