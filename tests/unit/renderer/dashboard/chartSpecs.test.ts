import { describe, expect, it } from 'vitest';
import {
  difficultiesByGroupSpec,
  monthlyDifficultiesSpec,
  seriesPeriod,
} from '../../../../renderer/features/dashboard/charts/difficultySpecs';
import {
  indicatorSpec,
  targetSpec,
} from '../../../../renderer/features/dashboard/charts/indicatorSpecs';
import {
  activitiesSpec,
  participationSpec,
} from '../../../../renderer/features/dashboard/charts/peopleSpecs';
import { entityByName } from '../../../../shared/registry';
import {
  applyRouteFilter,
  buildRouteFilter,
  monthPeriod,
  type FigureRecord,
  type FigureRoute,
  type Scope,
} from '../../../../shared/report';
import type { ChartSpec } from '../../../../renderer/features/dashboard/charts/chartSpec';
import { demoRecords } from '../../shared/report/demoRecords';

const t = (key: string) => key;
const gumi: Scope = { kind: 'cluster', clusterId: 'gumi' };
const march = monthPeriod('2006-03');
const name = (id: string) => `MC ${id}`;

/** What the grid of a route shows: the route filter over that entity's records. */
function shown(route: FigureRoute | null, records: readonly FigureRecord[]): number {
  if (!route) return 0;
  const entity = Object.values(entityByName).find((e) => e.path === route.path);
  if (!entity) throw new Error(route.path);
  return applyRouteFilter(records, buildRouteFilter(entity, route.query)).length;
}

/** Every point of every series: the grid behind it shows as many records as the value. */
function expectClicksMatch(spec: ChartSpec, records: readonly FigureRecord[], series = [0, 1]) {
  let points = 0;
  for (const si of series) {
    const s = spec.series[si];
    if (!s) throw new Error(`no series ${si}`);
    s.values.forEach((v, i) => {
      expect(shown(s.routes[i] ?? null, records), `${s.label} ${spec.labels[i]}`).toBe(v ?? 0);
      points += 1;
    });
  }
  expect(points).toBeGreaterThan(0);
}

describe('dashboard chart specs', () => {
  const difficulties = demoRecords('difficulty');

  it('show a picked month with the eleven months before it', () => {
    const spec = monthlyDifficultiesSpec(difficulties, march, gumi, t, 'ko');
    expect(spec.labels).toHaveLength(12);
    expect(spec.labels[0]).toBe('2005-04');
    expect(spec.labels.at(-1)).toBe('2006-03');
    expect(seriesPeriod({ kind: 'year', year: 2006 })).toEqual({ kind: 'year', year: 2006 });
    expect(spec.series.map((s) => s.label)).toEqual(['received', 'resolved', 'open', 'overdue']);
  });

  it('route every bar of the monthly chart to a grid showing exactly its count', () => {
    const spec = monthlyDifficultiesSpec(difficulties, march, gumi, t, 'ko');
    expectClicksMatch(spec, difficulties, [0, 1, 2, 3]);
    // an independent count of March's received, written here
    const own = difficulties.filter(
      (d) => d.clusterId === 'gumi' && String(d.receivedOn).startsWith('2006-03'),
    ).length;
    expect(spec.series[0]?.values.at(-1)).toBe(own);
  });

  it('route breakdowns by 애로분야 and mini-cluster, and activities, to matching grids', () => {
    const year = { kind: 'year' as const, year: 2006 };
    const byArea = difficultiesByGroupSpec('area', difficulties, year, gumi, t, 'ko', name);
    expect(byArea.labels).toContain('기술');
    expectClicksMatch(byArea, difficulties);
    expectClicksMatch(
      difficultiesByGroupSpec('miniClusterId', difficulties, year, gumi, t, 'ko', name),
      difficulties,
    );
    const activities = demoRecords('activity');
    const act = activitiesSpec(activities, year, gumi, t, 'ko', name);
    expect(act.series[1]?.secondAxis).toBe(true);
    expectClicksMatch(act, activities, [0]);
    // attendance points list the activities with a reported attendance
    act.series[1]?.routes.forEach((r, i) => {
      expect(shown(r, activities)).toBe(act.series[0]?.values[i]);
    });
  });

  it('route participation points to the companies and experts counted', () => {
    const spec = participationSpec(demoRecords('membership'), march, gumi, t, 'ko');
    expect(spec.type).toBe('line');
    expectClicksMatch(spec, [...demoRecords('organization'), ...demoRecords('expert')]);
  });

  it('compare an indicator per complex with last period and last year, keeping gaps', () => {
    const spec = indicatorSpec(demoRecords('indicator'), 'exports', march, gumi, t, 'ko');
    expect(spec.series.map((s) => s.label)).toEqual([
      'indicator.now',
      'indicator.previous',
      'indicator.lastYear',
    ]);
    expect(spec.series[0]?.metric).toBe('exports');
    for (const s of spec.series) {
      s.values.forEach((v, i) => {
        // a value has its row behind it; no value, no route (never a route to nothing)
        expect(s.routes[i] === null).toBe(v === null);
      });
    }
  });

  it('draw the national exports goal as a path from 67.0 to 194.0 billion USD, 2003 → 2013', () => {
    const spec = targetSpec(
      demoRecords('target'),
      demoRecords('indicator'),
      { kind: 'all' },
      t,
      'ko',
    );
    expect(spec).not.toBeNull();
    expect(spec?.labels[0]).toBe('2003');
    expect(spec?.labels.at(-1)).toBe('2013');
    const path = spec?.series[0]?.values ?? [];
    expect(path[0]).toBe(67_000_000_000);
    expect(path.at(-1)).toBe(194_000_000_000);
    expect(path[5]).toBeCloseTo(67e9 + (127e9 * 5) / 10);
    expect(spec?.series[1]?.values[0]).toBe(67_000_000_000);
  });
});
