/**
 * 성과지표 figures per complex: the value for a period, its change on the previous period and on
 * the same period last year, and progress against 목표. A value that was not reported (no row,
 * an empty or withheld value) is null and stays null through every sum and difference — a
 * missing month must never read as a collapse to 0.
 */
import type { Figure } from './figure';
import { indicatorPeriodKey, monthsOf, previousPeriod, sameLastYear, type Period } from './period';
import { scoped, type FigureRecord, type Scope } from './scope';

/** Flows add up over months; stocks are read at the period's last month. */
const FLOW_METRICS = new Set(['production', 'exports']);

const known = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export interface IndicatorQuery {
  metric: string;
  /** `indicator.complex`; '' = the cluster-wide rows without a complex */
  complex: string;
}

/** The total row (no industry group) of one metric, complex and period key. */
function row(
  rows: readonly FigureRecord[],
  q: IndicatorQuery,
  periodKey: string,
): FigureRecord | undefined {
  return rows.find(
    (r) =>
      r.metric === q.metric &&
      r.period === periodKey &&
      (typeof r.complex === 'string' ? r.complex : '') === q.complex &&
      (r.industryGroup == null || r.industryGroup === ''),
  );
}

function monthValue(
  rows: readonly FigureRecord[],
  q: IndicatorQuery,
  month: string,
): { value: number | null; ids: string[] } {
  const r = row(rows, q, month);
  return r && known(r.value) ? { value: r.value, ids: [r.id] } : { value: null, ids: [] };
}

export function indicatorValue(
  records: readonly FigureRecord[],
  q: IndicatorQuery,
  p: Period,
  s: Scope,
): Figure {
  const rows = scoped(records, s);
  const key = indicatorPeriodKey(p);
  const direct = key === null ? undefined : row(rows, q, key);
  if (direct) {
    return {
      key: 'indicatorValue',
      value: known(direct.value) ? direct.value : null,
      ids: [direct.id],
    };
  }
  // A month is the smallest reported period: without its row there is nothing to build it from.
  if (p.kind === 'month') return { key: 'indicatorValue', value: null, ids: [] };
  // A custom range covers every month it touches (indicators are monthly at the finest).
  const months = monthsOf(p);
  const last = months[months.length - 1];
  if (last === undefined) return { key: 'indicatorValue', value: null, ids: [] };
  if (FLOW_METRICS.has(q.metric)) {
    const parts = months.map((m) => monthValue(rows, q, m));
    if (parts.some((x) => x.value === null)) return { key: 'indicatorValue', value: null, ids: [] };
    return {
      key: 'indicatorValue',
      value: parts.reduce((n, x) => n + (x.value as number), 0),
      ids: parts.flatMap((x) => x.ids),
    };
  }
  if (q.metric === 'operatingRate') {
    const op = monthValue(rows, { ...q, metric: 'operating' }, last);
    const ten = monthValue(rows, { ...q, metric: 'tenants' }, last);
    if (op.value !== null && ten.value !== null && ten.value > 0) {
      return {
        key: 'indicatorValue',
        value: Math.round((op.value / ten.value) * 1000) / 10,
        ids: [...op.ids, ...ten.ids],
      };
    }
  }
  const end = monthValue(rows, q, last);
  return { key: 'indicatorValue', value: end.value, ids: end.ids };
}

export interface IndicatorComparison {
  value: Figure;
  previous: Figure;
  lastYear: Figure;
  changePrevious: Figure;
  changeLastYear: Figure;
}

function change(key: Figure['key'], now: Figure, then: Figure): Figure {
  return {
    key,
    value: now.value === null || then.value === null ? null : now.value - then.value,
    ids: [...now.ids, ...then.ids],
  };
}

export function compareIndicator(
  records: readonly FigureRecord[],
  q: IndicatorQuery,
  p: Period,
  s: Scope,
): IndicatorComparison {
  const value = indicatorValue(records, q, p, s);
  const previous = indicatorValue(records, q, previousPeriod(p), s);
  const lastYear = indicatorValue(records, q, sameLastYear(p), s);
  return {
    value,
    previous,
    lastYear,
    changePrevious: change('indicatorChangePrevious', value, previous),
    changeLastYear: change('indicatorChangeLastYear', value, lastYear),
  };
}

/** The complexes that report a metric in scope ('' = cluster-wide rows), sorted. */
export function complexesOf(records: readonly FigureRecord[], metric: string, s: Scope): string[] {
  const set = new Set<string>();
  for (const r of scoped(records, s)) {
    if (r.metric === metric) set.add(typeof r.complex === 'string' ? r.complex : '');
  }
  return [...set].sort();
}

export interface TargetProgress {
  targetId: string;
  targetYear: number;
  target: number;
  /** the latest yearly value up to the target year, and its year */
  actualYear: number | null;
  progress: Figure;
  /** the straight path from the earliest yearly value to the target, one point per year */
  path: Array<{ year: number; value: number }>;
}

/** Progress of every target of a metric in scope against the yearly indicator values. */
export function targetProgress(
  targets: readonly FigureRecord[],
  indicators: readonly FigureRecord[],
  metric: string,
  s: Scope,
): TargetProgress[] {
  const rows = scoped(indicators, s);
  return scoped(targets, s)
    .filter((t) => t.metric === metric && known(t.value) && known(t.year))
    .map((t) => {
      const complex = typeof t.complex === 'string' ? t.complex : '';
      const year = t.year as number;
      const target = t.value as number;
      const yearly = rows
        .filter(
          (r) =>
            r.metric === metric &&
            (typeof r.complex === 'string' ? r.complex : '') === complex &&
            typeof r.period === 'string' &&
            /^\d{4}$/.test(r.period) &&
            Number(r.period) <= year &&
            known(r.value) &&
            (r.industryGroup == null || r.industryGroup === ''),
        )
        .sort((a, b) => String(a.period).localeCompare(String(b.period)));
      const latest = yearly[yearly.length - 1];
      const base = yearly[0];
      const path: Array<{ year: number; value: number }> = [];
      if (base) {
        const y0 = Number(base.period);
        const v0 = base.value as number;
        for (let y = y0; y <= year; y++) {
          path.push({
            year: y,
            value:
              y === year || year === y0 ? target : v0 + ((target - v0) * (y - y0)) / (year - y0),
          });
        }
      }
      return {
        targetId: t.id,
        targetYear: year,
        target,
        actualYear: latest ? Number(latest.period) : null,
        progress: {
          key: 'targetProgress',
          value: latest && target !== 0 ? ((latest.value as number) / target) * 100 : null,
          ids: latest ? [t.id, latest.id] : [t.id],
        },
        path,
      };
    });
}
