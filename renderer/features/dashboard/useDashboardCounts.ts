/**
 * Live counts for the dashboard from the shared live record sets (renderer/db/liveRecords.ts):
 * the same reads the grids use, served from grid snapshots when fresh, and a write re-reads only
 * the table it touched. Counts only leave this hook; deleted records (tombstones) are never in
 * the sets.
 */
import { useMemo } from 'react';
import { entities, type EntityName, type StoredRecord } from '../../../shared/registry';
import { useRecordLists } from '../../db';
import { difficultyStatusKey, resolutionRate, type ResolutionRate } from './kpi';

export interface DashboardCounts {
  byEntity: Partial<Record<EntityName, number>>;
  total: number;
  resolution: ResolutionRate;
}

const ENTITY_NAMES: readonly EntityName[] = entities.map((e) => e.name);

/** Counts from one list per entity (in ENTITY_NAMES order); undefined while any is loading. */
export function countRecords(
  lists: ReadonlyArray<readonly StoredRecord[] | undefined>,
): DashboardCounts | undefined {
  if (lists.some((list) => list === undefined)) return undefined;
  const byEntity: Partial<Record<EntityName, number>> = {};
  let total = 0;
  let statuses: unknown[] = [];
  const statusKey = difficultyStatusKey();
  ENTITY_NAMES.forEach((name, i) => {
    const live = lists[i] ?? [];
    byEntity[name] = live.length;
    total += live.length;
    if (name === 'difficulty') statuses = live.map((r) => r[statusKey]);
  });
  return { byEntity, total, resolution: resolutionRate(statuses) };
}

/** undefined while the first reads are running. */
export function useDashboardCounts(): DashboardCounts | undefined {
  const lists = useRecordLists(ENTITY_NAMES);
  return useMemo(() => countRecords(lists), [lists]);
}
