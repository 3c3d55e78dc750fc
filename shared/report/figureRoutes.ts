/**
 * Where a figure's records are listed: the entity grid (its path) and the route query that
 * filters it to exactly the records behind the figure (routeFilter.ts reads it back). A chart
 * click navigates there. Declarative queries where a definition can be written as one, so the
 * address stays short and readable; `ids` where it cannot (distinct companies, indicator rows).
 */
import { RESOLVED_STATUSES } from './definitions';
import type { Figure } from './figure';
import { periodRange, type Period } from './period';
import { periodKey } from './periodKey';
import type { Scope } from './scope';
import { yearsOf } from './network';

export interface FigureRoute {
  /** registry `path` of the grid, e.g. `difficulties` */
  path: string;
  query: Record<string, string>;
}

/** The scope as query keys: the figure model's own rule is applied by the grid filter. */
export function scopeQuery(s: Scope): Record<string, string> {
  switch (s.kind) {
    case 'all':
      return {};
    case 'cluster':
      return { clusterId: s.clusterId };
    case 'miniCluster':
      return { clusterId: s.clusterId, inMiniCluster: s.miniClusterId };
  }
}

export type DifficultyFigureKind = 'received' | 'resolved' | 'open' | 'overdue';

/** 기술애로 received / resolved / open / overdue in a period, optionally of one 애로분야 or MC. */
export function difficultyRoute(
  kind: DifficultyFigureKind,
  p: Period,
  s: Scope,
  group?: { field: 'area' | 'miniClusterId'; value: string },
): FigureRoute {
  const query: Record<string, string> = { ...scopeQuery(s) };
  const key = periodKey(p);
  switch (kind) {
    case 'received':
      query.receivedIn = key;
      break;
    case 'resolved':
      query.status = RESOLVED_STATUSES.join(',');
      query.resolvedIn = key;
      break;
    case 'open':
      query.openOn = periodRange(p).to;
      break;
    case 'overdue':
      query.overdueOn = periodRange(p).to;
      break;
  }
  if (group) query[group.field] = group.value;
  return { path: 'difficulties', query };
}

/** 활동 of one mini-cluster ('' = without one) in a period. */
export function activitiesRoute(p: Period, s: Scope, miniClusterId?: string): FigureRoute {
  const query: Record<string, string> = { ...scopeQuery(s), dateIn: periodKey(p) };
  if (miniClusterId !== undefined) query.miniClusterId = miniClusterId;
  return { path: 'activities', query };
}

export function successCasesRoute(p: Period, s: Scope): FigureRoute {
  return { path: 'success-cases', query: { ...scopeQuery(s), year: yearsOf(p).join(',') } };
}

export function resourcesSharedRoute(s: Scope): FigureRoute {
  return { path: 'resources', query: { ...scopeQuery(s), sharedWithNetwork: 'true' } };
}

/** Exactly the records of a figure's ids, on the grid of the entity they belong to. */
export function idsRoute(path: string, figure: Figure): FigureRoute {
  return { path, query: { ids: figure.ids.join(',') } };
}
