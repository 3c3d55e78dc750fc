import { describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../../shared/demo/facts';
import {
  compareIndicator,
  complexesOf,
  indicatorValue,
  monthPeriod,
  targetProgress,
  type FigureRecord,
  type Scope,
} from '../../../../shared/report';
import { demoRecords } from './demoRecords';

const indicators = demoRecords('indicator');
const targets = demoRecords('target');
const gumi: Scope = { kind: 'cluster', clusterId: 'gumi' };
const [gumiComplex] = complexesOf(indicators, 'exports', gumi);
const q1 = { kind: 'quarter' as const, year: 2006, quarter: 1 };

/** The demo's monthly row, found here without shared/report. */
function monthRow(metric: string, month: string, rows = indicators): FigureRecord | undefined {
  return rows.find(
    (r) =>
      r.clusterId === 'gumi' &&
      r.metric === metric &&
      r.period === month &&
      r.periodType === 'month',
  );
}

describe('indicator figures per complex', () => {
  it('find one complex per cluster in the demo, and only in scope', () => {
    expect(complexesOf(indicators, 'exports', gumi)).toHaveLength(1);
    expect(complexesOf(indicators, 'exports', { kind: 'all' }).length).toBeGreaterThan(7);
  });

  it('read a month as stored and compare it with last month and the same month last year', () => {
    const query = { metric: 'exports', complex: gumiComplex ?? '' };
    const c = compareIndicator(indicators, query, monthPeriod('2006-05'), gumi);
    const now = monthRow('exports', '2006-05')?.value as number;
    const prev = monthRow('exports', '2006-04')?.value as number;
    const lastYear = monthRow('exports', '2005-05')?.value as number;
    expect(c.value.value).toBe(now);
    expect(c.value.ids).toEqual([monthRow('exports', '2006-05')?.id]);
    expect(c.changePrevious.value).toBe(now - prev);
    expect(c.changeLastYear.value).toBe(now - lastYear);
    // The demo starts in 2005-04: March 2005 has no row, so there is no change to show.
    const march = compareIndicator(indicators, query, monthPeriod('2006-03'), gumi);
    expect(march.lastYear.value).toBeNull();
    expect(march.changeLastYear.value).toBeNull();
  });

  it('build a quarter from its months: flows summed, stocks and the rate at the last month', () => {
    const q = (metric: string) =>
      indicatorValue(indicators, { metric, complex: gumiComplex ?? '' }, q1, gumi);
    const months = ['2006-01', '2006-02', '2006-03'];
    const exports = months.map((m) => monthRow('exports', m)?.value as number);
    expect(q('exports').value).toBe(exports[0]! + exports[1]! + exports[2]!);
    expect(q('exports').ids).toHaveLength(3);
    expect(q('employment').value).toBe(monthRow('employment', '2006-03')?.value);
    expect(q('operatingRate').value).toBe(monthRow('operatingRate', '2006-03')?.value);
  });

  it('never count a missing or withheld month as 0: the figure and its changes have no value', () => {
    const withoutFeb = indicators.filter((r) => r !== monthRow('exports', '2006-02'));
    const q = indicatorValue(
      withoutFeb,
      { metric: 'exports', complex: gumiComplex ?? '' },
      q1,
      gumi,
    );
    expect(q.value).toBeNull();
    const april = monthRow('exports', '2006-04');
    const withheld = indicators.map((r) => (r === april ? { ...r, value: null } : r));
    const query = { metric: 'exports', complex: gumiComplex ?? '' };
    const c = compareIndicator(withheld, query, monthPeriod('2006-05'), gumi);
    expect(c.previous.value).toBeNull();
    expect(c.changePrevious.value).toBeNull();
    expect(c.changeLastYear.value).not.toBeNull();
    const q2 = { kind: 'quarter' as const, year: 2006, quarter: 2 };
    expect(indicatorValue(withheld, query, q2, gumi).value).toBeNull();
    expect(indicatorValue(indicators, query, q2, gumi).value).not.toBeNull();
  });

  it('prefer a published yearly row to the sum of months (Wonju exports 2006)', () => {
    const wonju: Scope = { kind: 'cluster', clusterId: 'wonju' };
    const [complex] = complexesOf(indicators, 'exports', wonju);
    const query = { metric: 'exports', complex: complex ?? '' };
    const y = indicatorValue(indicators, query, { kind: 'year', year: 2006 }, wonju);
    expect(y.value).toBe(DEMO_FACTS.wonjuExportsUsd[2006]);
    expect(y.ids).toHaveLength(1);
  });
});

describe('progress against 목표', () => {
  it('measure the national exports goal and its path: 67.0 (2003) → 194.0 bn USD (2013)', () => {
    const n = DEMO_FACTS.nationalExportsUsd;
    const [national] = targetProgress(targets, indicators, 'exports', {
      kind: 'cluster',
      clusterId: 'central',
    });
    expect(national?.target).toBe(n.target);
    expect(national?.actualYear).toBe(n.baseYear);
    expect(national?.progress.value).toBeCloseTo((n.base / n.target) * 100, 6);
    expect(national?.path).toHaveLength(n.targetYear - n.baseYear + 1);
    expect(national?.path[0]).toEqual({ year: 2003, value: n.base });
    expect(national?.path[5]?.value).toBeCloseTo(n.base + (n.target - n.base) / 2, 0);
    expect(national?.path.at(-1)).toEqual({ year: 2013, value: n.target });
  });

  it('reach 100 % when the yearly value meets the target, and show no progress without one', () => {
    const wonju = targetProgress(targets, indicators, 'exports', {
      kind: 'cluster',
      clusterId: 'wonju',
    });
    const y2006 = wonju.find((t) => t.targetYear === 2006);
    expect(y2006?.progress.value).toBe(100);
    const noActual = targetProgress(targets, [], 'exports', {
      kind: 'cluster',
      clusterId: 'wonju',
    });
    expect(noActual.every((t) => t.progress.value === null && t.path.length === 0)).toBe(true);
  });
});
