import { describe, expect, it } from 'vitest';
import { entityByName } from '../../../../shared/registry';
import {
  activitiesByMiniCluster,
  activitiesRoute,
  applyRouteFilter,
  buildRouteFilter,
  difficultyFigures as f,
  difficultyRoute,
  idsRoute,
  monthPeriod,
  participatingCompanies,
  resourcesShared,
  resourcesSharedRoute,
  successCases,
  successCasesRoute,
  type DifficultyFigureKind,
  type FigureRecord,
  type FigureRoute,
  type Scope,
} from '../../../../shared/report';
import { demoRecords } from './demoRecords';

const entityOfPath = (path: string) => {
  const e = Object.values(entityByName).find((x) => x.path === path);
  if (!e) throw new Error(path);
  return e;
};
/** The ids a grid shows for a route: the route filter over the grid's rows. */
const gridIds = (route: FigureRoute, rows: readonly FigureRecord[]): string[] =>
  applyRouteFilter(rows, buildRouteFilter(entityOfPath(route.path), route.query)).map((r) => r.id);

const difficulty = entityByName.difficulty;
const d = (id: string, fields: Record<string, unknown>, clusterId = 'gumi'): FigureRecord => ({
  id,
  clusterId,
  receivedOn: '2006-03-01',
  status: 'received',
  ...fields,
});

describe('route filter, small cases', () => {
  const rows = [
    d('solved', { status: 'resolved', resolvedOn: '2006-03-10', area: 'finance' }),
    d('follow', { status: 'followUp', resolvedOn: '2006-03-31' }),
    d('april', { status: 'resolved', resolvedOn: '2006-04-01' }),
    d('ulsan', { status: 'resolved', resolvedOn: '2006-03-10' }, 'ulsan'),
    d('open', { dueOn: '2006-03-15' }),
  ];

  it('filter by a comma list of statuses, a period of a date field and the cluster', () => {
    const filter = buildRouteFilter(difficulty, {
      status: 'resolved,followUp',
      resolvedIn: '2006-03',
      clusterId: 'gumi',
    });
    expect(filter?.ignored).toEqual([]);
    expect(applyRouteFilter(rows, filter).map((r) => r.id)).toEqual(['solved', 'follow']);
    const q1 = buildRouteFilter(difficulty, { resolvedIn: '2006-Q2' });
    expect(applyRouteFilter(rows, q1).map((r) => r.id)).toEqual(['april']);
  });

  it('match an empty value to an empty field (the "none" group of a breakdown)', () => {
    const filter = buildRouteFilter(difficulty, { area: '' });
    expect(applyRouteFilter(rows, filter).map((r) => r.id)).toEqual([
      'follow',
      'april',
      'ulsan',
      'open',
    ]);
  });

  it('ignore unknown keys and unreadable values, and say which, without failing', () => {
    const filter = buildRouteFilter(difficulty, {
      status: 'resolved',
      colour: 'red',
      resolvedIn: '2006-13',
      openOn: 'yesterday',
      '<img src=x onerror=alert(1)>': '1',
    });
    expect(filter?.ignored).toEqual([
      'colour',
      'resolvedIn',
      'openOn',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(applyRouteFilter(rows, filter).map((r) => r.id)).toEqual(['solved', 'april', 'ulsan']);
    // only unknown keys: nothing is filtered, everything is shown
    const none = buildRouteFilter(difficulty, { colour: 'red' });
    expect(applyRouteFilter(rows, none)).toHaveLength(rows.length);
    expect(buildRouteFilter(difficulty, {})).toBeNull();
  });

  it('filter open and overdue on a day as the figures define them', () => {
    expect(gridIds({ path: 'difficulties', query: { overdueOn: '2006-03-31' } }, rows)).toEqual([
      'open',
    ]);
    expect(gridIds({ path: 'difficulties', query: { openOn: '2006-03-31' } }, rows)).toEqual([
      'april',
      'open',
    ]);
  });
});

describe('route filter equals the figure over the demo data', () => {
  const gumi: Scope = { kind: 'cluster', clusterId: 'gumi' };
  const difficulties = demoRecords('difficulty');
  const periods = [
    monthPeriod('2006-03'),
    { kind: 'quarter' as const, year: 2005, quarter: 4 },
    { kind: 'year' as const, year: 2006 },
    { kind: 'range' as const, from: '2005-12-15', to: '2006-02-10' },
  ];
  const figureOf = { received: f.received, resolved: f.resolved, open: f.open, overdue: f.overdue };

  it.each(periods)('for difficulties received, resolved, open and overdue in %o', (p) => {
    for (const scope of [gumi, { kind: 'all' } as Scope]) {
      for (const kind of Object.keys(figureOf) as DifficultyFigureKind[]) {
        const fig = figureOf[kind](difficulties, p, scope);
        expect(gridIds(difficultyRoute(kind, p, scope), difficulties)).toEqual(fig.ids);
      }
    }
  });

  it('for difficulties by 애로분야, and in a mini-cluster scope', () => {
    const p = { kind: 'year' as const, year: 2006 };
    const byArea = f.byField(f.received, 'area', difficulties, p, gumi);
    expect(byArea.length).toBeGreaterThan(1);
    for (const { group, figure } of byArea) {
      const route = difficultyRoute('received', p, gumi, { field: 'area', value: group });
      expect(gridIds(route, difficulties)).toEqual(figure.ids);
    }
    const mc = difficulties.find((r) => r.clusterId === 'gumi' && r.miniClusterId)?.miniClusterId;
    const mcScope: Scope = { kind: 'miniCluster', clusterId: 'gumi', miniClusterId: String(mc) };
    const fig = f.resolved(difficulties, p, mcScope);
    expect(fig.value).toBeGreaterThan(0);
    expect(gridIds(difficultyRoute('resolved', p, mcScope), difficulties)).toEqual(fig.ids);
  });

  it('for activities per mini-cluster, success cases, shared resources and companies', () => {
    const p = { kind: 'year' as const, year: 2006 };
    const activities = demoRecords('activity');
    for (const row of activitiesByMiniCluster(activities, p, gumi)) {
      const route = activitiesRoute(p, gumi, row.miniClusterId);
      expect(gridIds(route, activities)).toEqual(row.activities.ids);
    }
    const cases = demoRecords('successCase');
    expect(gridIds(successCasesRoute(p, gumi), cases)).toEqual(successCases(cases, p, gumi).ids);
    const resources = demoRecords('resource');
    expect(gridIds(resourcesSharedRoute({ kind: 'all' }), resources)).toEqual(
      resourcesShared(resources, { kind: 'all' }).ids,
    );
    const companies = participatingCompanies(demoRecords('membership'), p, gumi);
    const orgs = demoRecords('organization');
    expect(new Set(gridIds(idsRoute('organizations', companies), orgs))).toEqual(
      new Set(companies.ids),
    );
  });
});
