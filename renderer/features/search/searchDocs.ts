/**
 * What the global search indexes of a record: its title, its registration numbers and KSIC
 * codes. Versioned by the record's `version` (+1 on every write by mutate() and by applied
 * pulls), so the shared index re-folds only records that changed.
 */
import type { EntityDef, EntityName, StoredRecord } from '../../../shared/registry';
import { SearchIndex, type SearchDoc } from '../../../shared/korean/search';

/** Entities the global search covers (the work list; 성과지표 rows have no useful title). */
export const SEARCHABLE_ENTITIES: readonly EntityName[] = [
  'organization',
  'expert',
  'miniCluster',
  'difficulty',
  'activity',
  'resource',
  'plan',
  'successCase',
];

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

export function recordDoc(entity: EntityDef, record: StoredRecord): SearchDoc {
  return {
    // ids are ULIDs, unique across entities; the group keeps results apart
    id: record.id,
    version: record.version,
    group: entity.name,
    title: text(record[entity.titleField]) ?? record.id,
    numbers: [text(record.brn), text(record.crn)],
    codes: text(record.ksic),
  };
}

/** The app's one global index; synced per entity list (unchanged versions are skipped). */
export const globalIndex = new SearchIndex();
const lastLists = new Map<EntityName, readonly StoredRecord[]>();

/** Brings the entity's records into the index: upserts changed versions, drops vanished ids. */
export function syncEntity(
  index: SearchIndex,
  entity: EntityDef,
  records: readonly StoredRecord[],
  previous: readonly StoredRecord[] | undefined,
): void {
  const ids = new Set<string>();
  for (const r of records) {
    ids.add(r.id);
    index.upsert(recordDoc(entity, r));
  }
  for (const r of previous ?? []) if (!ids.has(r.id)) index.remove(r.id);
}

/** Syncs the global index with a live list, once per new array identity. */
export function syncGlobal(entity: EntityDef, records: readonly StoredRecord[] | undefined): void {
  if (!records) return;
  const previous = lastLists.get(entity.name);
  if (previous === records) return;
  syncEntity(globalIndex, entity, records, previous);
  lastLists.set(entity.name, records);
}
