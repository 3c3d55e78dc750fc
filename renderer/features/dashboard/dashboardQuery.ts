/**
 * The dashboard's choices live in its address (`#/dashboard?period=2006-03&scope=mc:…`), so a
 * view can be bookmarked and Back returns to it. Pure reading of that query, with defaults:
 * the month of the latest difficulty received (up to today) and the team's own cluster.
 */
import {
  defaultScope,
  monthOfDay,
  parsePeriodKey,
  type FigureRecord,
  type Period,
  type Scope,
} from '../../../shared/report';

export interface DashboardChoice {
  period: Period;
  scope: Scope;
  metric: string;
}

/** The latest month with a difficulty received, not after today; today's month without any. */
export function defaultPeriod(difficulties: readonly FigureRecord[], today: string): Period {
  let latest = '';
  for (const d of difficulties) {
    const day = typeof d.receivedOn === 'string' ? d.receivedOn.slice(0, 10) : '';
    if (day > latest && day <= today) latest = day;
  }
  return monthOfDay(latest || today);
}

export function readDashboardQuery(
  query: Readonly<Record<string, string>>,
  clusterId: string | undefined,
  fallbackPeriod: () => Period,
): DashboardChoice {
  const period = (query.period && parsePeriodKey(query.period)) || fallbackPeriod();
  let scope: Scope = defaultScope(clusterId);
  if (query.scope === 'all') scope = { kind: 'all' };
  else if (query.scope?.startsWith('mc:') && clusterId) {
    scope = { kind: 'miniCluster', clusterId, miniClusterId: query.scope.slice(3) };
  }
  return { period, scope, metric: query.metric || 'exports' };
}

/** The scope as the `scope` query value ('' = the default, left out of the address). */
export function scopeParam(scope: Scope): string {
  return scope.kind === 'all'
    ? 'all'
    : scope.kind === 'miniCluster'
      ? `mc:${scope.miniClusterId}`
      : '';
}
