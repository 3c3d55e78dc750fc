/**
 * Live counts for the dashboard, read straight from IndexedDB with `useLiveQuery` (counts only:
 * no rows are kept in React state). Deleted records (tombstones) are not counted. A whole-table
 * read filtered in JS (queryRecords) is much faster than a Dexie `filter()` cursor walk.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { entities, type EntityName } from '../../../shared/registry';
import { getDb, queryRecords } from '../../db';
import { difficultyStatusKey, resolutionRate, type ResolutionRate } from './kpi';

export interface DashboardCounts {
  byEntity: Partial<Record<EntityName, number>>;
  total: number;
  resolution: ResolutionRate;
}

async function readCounts(): Promise<DashboardCounts> {
  const db = getDb();
  const lists = await Promise.all(entities.map((e) => queryRecords(db, e.name)));
  const byEntity: Partial<Record<EntityName, number>> = {};
  let total = 0;
  let statuses: unknown[] = [];
  const statusKey = difficultyStatusKey();
  entities.forEach((e, i) => {
    const live = lists[i] ?? [];
    byEntity[e.name] = live.length;
    total += live.length;
    if (e.name === 'difficulty') statuses = live.map((r) => r[statusKey]);
  });
  return { byEntity, total, resolution: resolutionRate(statuses) };
}

/** undefined while the first read is running. */
export function useDashboardCounts(): DashboardCounts | undefined {
  return useLiveQuery(readCounts, []);
}
