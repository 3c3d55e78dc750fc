/**
 * Demo data never leaves the machine. Demo rows are written with origin 'demo' (never queued),
 * but a user's later edit of a demo record IS queued, and a pull would mix real and invented
 * records. So connecting to a real endpoint with demo data loaded first asks to remove it:
 * removeDemoData() deletes every demo record (ids carry a fixed demo time part: shared/demo/ids)
 * with origin 'demo' (not queued), drops queued writes of demo records from the outbox and the
 * frozen push batch, and clears `demoLoaded`.
 */
import { entities, type EntityName } from '../../shared/registry';
import { demoIdPrefix } from '../../shared/demo/ids';
import { ackOutbox, entityTable, getSetting, mutate, setSetting, type PumasiDb } from '../db';
import { PUSH_BATCH_TABLE } from '../db/push';

export async function hasDemoData(db: PumasiDb): Promise<boolean> {
  // A load cut off midway (demoLoadInterrupted) left demo records too.
  return (
    (await getSetting<boolean>(db, 'demoLoaded')) === true ||
    (await getSetting<boolean>(db, 'demoLoadInterrupted')) === true
  );
}

const isDemo = (entity: string, id: string) =>
  entities.some((e) => e.name === entity) && id.startsWith(demoIdPrefix(entity as EntityName));

/** Removes every demo record; returns how many were deleted. */
export async function removeDemoData(db: PumasiDb): Promise<number> {
  let removed = 0;
  for (const e of entities) {
    if (!db.tables.some((t) => t.name === e.table)) continue;
    const ids = (await entityTable(db, e.name)
      .where(':id')
      .startsWith(demoIdPrefix(e.name))
      .filter((r) => !r.deleted)
      .primaryKeys()) as string[];
    if (ids.length === 0) continue;
    const result = await mutate(
      db,
      ids.map((id) => ({ entity: e.name, op: 'delete' as const, id })),
      { origin: 'demo' },
    );
    if (!result.ok) throw new Error(result.errors[0]?.message ?? 'demo removal failed');
    removed += ids.length;
  }
  // Queued writes of demo records (a user's edit of one) must not be pushed either.
  const queued: string[] = [];
  await db.outbox.each((row) => {
    for (const entry of row.entries)
      if (isDemo(entry.entity, entry.recordId)) queued.push(entry.id);
  });
  if (queued.length > 0) {
    await ackOutbox(db, queued);
    await db.table(PUSH_BATCH_TABLE).clear(); // rebuilt from what is left on the next sync
  }
  await setSetting(db, 'demoLoaded', false);
  await setSetting(db, 'demoLoadInterrupted', false);
  return removed;
}
