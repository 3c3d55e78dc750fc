/**
 * What links to one record (a company's difficulties, memberships, activities, success cases),
 * read from the local store. An indexed reference field is read through its index; a list field
 * (`refs`) or an unindexed one is a filtered scan of that table, bounded by what one cluster holds.
 */
import { entities, incomingRefs, refersTo, type EntityName } from '../../../shared/registry';
import { entityTable, type PumasiDb } from '../../db';
import { recordTitle } from './display';

/** Links listed per group; the count says how many there are in all. */
export const LINKS_SHOWN = 10;

export interface LinkGroup {
  entity: EntityName;
  path: string;
  field: string;
  count: number;
  items: Array<{ id: string; title: string }>;
}

export async function readLinkedRecords(
  db: PumasiDb,
  target: EntityName,
  id: string,
  lang: 'ko' | 'en',
): Promise<LinkGroup[]> {
  const groups: LinkGroup[] = [];
  for (const ref of incomingRefs(entities, target)) {
    const table = entityTable(db, ref.entity.name);
    const indexed = !ref.many && ref.entity.fields.some((f) => f.key === ref.field && f.indexed);
    const rows = indexed
      ? await table.where(ref.field).equals(id).toArray()
      : await table.filter((r) => refersTo(r[ref.field], id)).toArray();
    const live = rows.filter((r) => r.deleted !== 1);
    if (live.length === 0) continue;
    groups.push({
      entity: ref.entity.name,
      path: ref.entity.path,
      field: ref.field,
      count: live.length,
      items: live
        .slice(0, LINKS_SHOWN)
        .map((r) => ({ id: r.id, title: recordTitle(ref.entity, r, lang) })),
    });
  }
  return groups;
}
