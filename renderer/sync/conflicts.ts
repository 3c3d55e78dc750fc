/**
 * The conflict inbox's one action: re-apply the value this device lost as a NEW change through
 * mutate() — it gets a fresh stamp, so it wins from now on and is pushed like any edit (the
 * other device then finds the value it lost in its own inbox, if it edited concurrently again).
 * The conflict is filed away only when the write succeeded.
 */
import type { EntityName } from '../../shared/registry';
import { mutate, type ConflictRow, type PumasiDb } from '../db';
import { CONFLICTS_TABLE } from '../db/remoteApply';

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
  await db.table(CONFLICTS_TABLE).delete(row.id);
  return { ok: true };
}
