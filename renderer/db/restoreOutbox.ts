/**
 * What a restore would leave unsent. A restore replaces the outbox with the backup's (see
 * restoreDatabase): the changes this database has not pushed yet survive only where the backup
 * holds the same outbox entry (same stamp). Everything else is listed here, per record, so the
 * confirmation can say exactly what will not be sent BEFORE the user restores (the desktop's
 * automatic backup before the restore still holds them).
 */
import { getEntity, type EntityName } from '../../shared/registry';
import { entityTable, type PumasiDb } from './db';
import { readOutbox } from './outbox';
import type { MutationOp } from './schema';

export interface UnsentRecord {
  entity: EntityName;
  recordId: string;
  /** the record's title field now ('' when it has none) */
  title: string;
  /** writes of this record not yet sent */
  writes: number;
  /** the latest of those writes */
  op: MutationOp;
}

export interface UnsentLoss {
  /** outbox entries the restore drops */
  writes: number;
  /** the records they belong to, in outbox order */
  records: UnsentRecord[];
}

/** Stamps of the backup's outbox entries (tolerant: the backup was already checked). */
function backupOutboxStamps(tables: Readonly<Record<string, unknown[]>>): Set<string> {
  const stamps = new Set<string>();
  for (const row of tables['outbox'] ?? []) {
    const entries = (row as { entries?: unknown }).entries;
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      const id = (e as { id?: unknown } | null)?.id;
      if (typeof id === 'string') stamps.add(id);
    }
  }
  return stamps;
}

/** The unsent changes of `db` that restoring `backupTables` would drop. */
export async function unsentLostByRestore(
  db: PumasiDb,
  backupTables: Readonly<Record<string, unknown[]>>,
): Promise<UnsentLoss> {
  const kept = backupOutboxStamps(backupTables);
  const pending = await readOutbox(db, Number.MAX_SAFE_INTEGER);
  const byRecord = new Map<string, UnsentRecord>();
  let writes = 0;
  for (const entry of pending) {
    if (kept.has(entry.id)) continue;
    writes++;
    const key = `${entry.entity}\u0000${entry.recordId}`;
    const known = byRecord.get(key);
    if (known) {
      known.writes++;
      known.op = entry.op;
    } else {
      byRecord.set(key, {
        entity: entry.entity,
        recordId: entry.recordId,
        title: '',
        writes: 1,
        op: entry.op,
      });
    }
  }
  const records = [...byRecord.values()];
  const perEntity = new Map<EntityName, UnsentRecord[]>();
  for (const r of records) perEntity.set(r.entity, [...(perEntity.get(r.entity) ?? []), r]);
  for (const [entity, list] of perEntity) {
    const rows = await entityTable(db, entity).bulkGet(list.map((r) => r.recordId));
    const titleField = getEntity(entity).titleField;
    list.forEach((r, i) => {
      const title = rows[i]?.[titleField];
      r.title = typeof title === 'string' ? title : '';
    });
  }
  return { writes, records };
}
