/**
 * The conflict inbox's one action: re-apply the value this device lost as a NEW change through
 * mutate() — it gets a fresh stamp, so it wins from now on and is pushed like any edit (the
 * other device then finds the value it lost in its own inbox, if it edited concurrently again).
 * The conflict is filed away only when the write succeeded.
 */
import type { EntityName } from '../../shared/registry';
import { mutate, type ConflictRow, type PumasiDb } from '../db';
import { CONFLICTS_TABLE } from '../db/remoteApply';

const sameLoss = (a: ConflictRow, b: ConflictRow) =>
  a.recordId === b.recordId &&
  a.field === b.field &&
  a.lostHlc === b.lostHlc &&
  a.wonHlc === b.wonHlc;

/**
 * One row per lost write. The same loss can be filed twice: by the push answer (the server saw
 * our write lose) and again when the winning write is pulled and applied here.
 */
export function distinctConflicts(rows: readonly ConflictRow[]): ConflictRow[] {
  const out: ConflictRow[] = [];
  for (const row of rows) if (!out.some((o) => sameLoss(o, row))) out.push(row);
  return out;
}

export async function reapplyMine(
  db: PumasiDb,
  row: ConflictRow,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await mutate(db, [
    {
      entity: row.entity as EntityName,
      op: 'update',
      id: row.recordId,
      values: { [row.field]: row.lostValue },
    },
  ]);
  if (!result.ok) {
    return { ok: false, message: result.errors.map((e) => `${e.field}: ${e.message}`).join('; ') };
  }
  const table = db.table<ConflictRow, string>(CONFLICTS_TABLE);
  const same = await table.where('recordId').equals(row.recordId).toArray();
  await table.bulkDelete(same.filter((r) => sameLoss(r, row)).map((r) => r.id));
  return { ok: true };
}
