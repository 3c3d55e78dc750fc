/**
 * What the global search indexes of a record: its title, its registration numbers and KSIC
 * codes. Versioned by the record's `version` (+1 on every write by mutate() and by applied
 * pulls), so the shared index re-folds only records that changed.
 */
import {
  entities,
  type EntityDef,
  type EntityName,
  type StoredRecord,
} from '../../../shared/registry';
import { SearchIndex, type SearchDoc } from '../../../shared/korean/search';

/** Entities the global search covers: those the registry marks `searchable`. */
export const SEARCHABLE_ENTITIES: readonly EntityName[] = entities
  .filter((e) => e.searchable === true)
  .map((e) => e.name);

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

/**
 * Brings the entity's records into the index: upserts changed versions, drops vanished ids.
 * Returns how many records were re-indexed. A record at the indexed version costs one map
 * lookup (no document is built), so following a write to one record of 100,000 re-folds one.
 */
export function syncEntity(
  index: SearchIndex,
  entity: EntityDef,
  records: readonly StoredRecord[],
  previous: readonly StoredRecord[] | undefined,
): number {
  let changed = 0;
  for (const r of records) {
    if (index.isCurrent(r.id, r.version)) continue;
    index.upsert(recordDoc(entity, r));
    changed++;
  }
  if (previous && previous.length > 0) {
    const ids = new Set<string>();
    for (const r of records) ids.add(r.id);
    for (const r of previous) if (!ids.has(r.id) && index.remove(r.id)) changed++;
  }
  return changed;
}

/**
 * Syncs the global index with a live list, once per new array identity (every committed write,
 * local or pulled, gives the entity's live list a new array). Returns the re-indexed count.
 */
export function syncGlobal(
  entity: EntityDef,
  records: readonly StoredRecord[] | undefined,
): number {
  if (!records) return 0;
  const previous = lastLists.get(entity.name);
  if (previous === records) return 0;
  const changed = syncEntity(globalIndex, entity, records, previous);
  lastLists.set(entity.name, records);
  return changed;
}
