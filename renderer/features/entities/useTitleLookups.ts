import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getEntity, type EntityDef, type Lang } from '../../../shared/registry';
import { getDb, queryRecords } from '../../db';
import { recordTitle, refTargets, type TitleLookups } from './display';

/**
 * id → title maps of every entity `entity` references, live (a renamed company shows its new
 * name in the difficulties grid at once). One live query reads all targets, because the number
 * of targets differs per entity and hooks cannot be called in a loop (so not one useRecords
 * per target, but the same queryRecords read). Deleted records are left out: their ids then
 * read "(삭제된 항목)".
 * `undefined` while loading.
 */
export function useTitleLookups(entity: EntityDef, lang: Lang): TitleLookups | undefined {
  const targets = useMemo(() => refTargets(entity), [entity]);
  const targetsKey = targets.join(',');
  return useLiveQuery(
    async () => {
      const db = getDb();
      const lookups: TitleLookups = {};
      for (const target of targets) {
        const def = getEntity(target);
        const map = new Map<string, string>();
        for (const r of await queryRecords(db, target)) map.set(r.id, recordTitle(def, r, lang));
        lookups[target] = map;
      }
      return lookups;
    },
    // targets is derived from targetsKey; the key keeps the query stable across renders.
    [targetsKey, lang],
  );
}
