/**
 * Live counts for the dashboard from the shared live record sets (renderer/db/liveRecords.ts):
 * the same reads the grids use, served from grid snapshots when fresh, and a write re-reads only
 * the table it touched. Deleted records (tombstones) are never in the sets.
 *
 * The entity cards count every record, as the grids they open do (so the card equals the grid);
 * the KPI figures come from the figure model (shared/report), scoped to the team's cluster from
 * settings — or every cluster while none is chosen — up to today in Korea.
 */
import { useMemo } from 'react';
import { entities, type EntityName, type StoredRecord } from '../../../shared/registry';
import {
  defaultScope,
  difficultyFigures,
  seoulToday,
  type Figure,
  type Period,
  type ResolutionRate,
  type Scope,
} from '../../../shared/report';
import { useRecordLists, useSetting } from '../../db';

export interface DashboardCounts {
  byEntity: Partial<Record<EntityName, number>>;
  total: number;
  scope: Scope;
  resolution: ResolutionRate;
  open: Figure;
  overdue: Figure;
}

const ENTITY_NAMES: readonly EntityName[] = entities.map((e) => e.name);

/** Everything received up to `today` (the dashboard's period until it gets a period picker). */
export function toDate(today: string): Period {
  return { kind: 'range', from: '0001-01-01', to: today };
}

/** Counts from one list per entity (in ENTITY_NAMES order); undefined while any is loading. */
export function countRecords(
  lists: ReadonlyArray<readonly StoredRecord[] | undefined>,
  scope: Scope,
  today: string,
): DashboardCounts | undefined {
  if (lists.some((list) => list === undefined)) return undefined;
  const byEntity: Partial<Record<EntityName, number>> = {};
  let total = 0;
  let difficulties: readonly StoredRecord[] = [];
  ENTITY_NAMES.forEach((name, i) => {
    const live = lists[i] ?? [];
    byEntity[name] = live.length;
    total += live.length;
    if (name === 'difficulty') difficulties = live;
  });
  const period = toDate(today);
  return {
    byEntity,
    total,
    scope,
    resolution: difficultyFigures.resolutionRate(difficulties, period, scope),
    open: difficultyFigures.open(difficulties, period, scope),
    overdue: difficultyFigures.overdue(difficulties, period, scope),
  };
}

/** undefined while the first reads are running. */
export function useDashboardCounts(): DashboardCounts | undefined {
  const lists = useRecordLists(ENTITY_NAMES);
  const clusterId = useSetting<string>('clusterId');
  // The day changes rarely; a new list (any write) recomputes with the current day.
  return useMemo(
    () => countRecords(lists, defaultScope(clusterId), seoulToday()),
    [lists, clusterId],
  );
}
