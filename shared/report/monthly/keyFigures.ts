/**
 * The report's key figures and indicator lines: each figure of the month next to last month and
 * the same month last year, computed by the figure model (shared/report) and nothing else.
 */
import { enumLabel } from '../../registry';
import { activityCount, attendance } from '../activities';
import type { FigureKey } from '../definitions';
import * as d from '../difficulties';
import type { Figure } from '../figure';
import { compareIndicator, complexesOf } from '../indicators';
import { previousPeriod, sameLastYear, type Period } from '../period';
import { scoped, type FigureRecord, type Scope } from '../scope';
import type { Label } from '../../registry/types';
import { KEY_FIGURE_LABELS } from './definitions';
import type { IndicatorLine, IndicatorUnit, KeyFigure, KeyFigureUnit } from './types';

export interface ReportRecords {
  difficulty: readonly FigureRecord[];
  activity: readonly FigureRecord[];
  successCase: readonly FigureRecord[];
  resource: readonly FigureRecord[];
  plan: readonly FigureRecord[];
  miniCluster: readonly FigureRecord[];
  organization: readonly FigureRecord[];
  indicator: readonly FigureRecord[];
}

type FigureFn = (r: ReportRecords, p: Period, s: Scope) => Figure;

const KEY_FIGURES: Array<{ key: FigureKey; unit: KeyFigureUnit; fn: FigureFn }> = [
  { key: 'difficultiesReceived', unit: 'count', fn: (r, p, s) => d.received(r.difficulty, p, s) },
  { key: 'difficultiesResolved', unit: 'count', fn: (r, p, s) => d.resolved(r.difficulty, p, s) },
  {
    key: 'difficultiesPartlyResolved',
    unit: 'count',
    fn: (r, p, s) => d.partlyResolved(r.difficulty, p, s),
  },
  { key: 'difficultiesOpen', unit: 'count', fn: (r, p, s) => d.open(r.difficulty, p, s) },
  { key: 'difficultiesOverdue', unit: 'count', fn: (r, p, s) => d.overdue(r.difficulty, p, s) },
  {
    key: 'resolutionRate',
    unit: 'percent',
    fn: (r, p, s) => d.resolutionRate(r.difficulty, p, s).rate,
  },
  {
    key: 'medianDaysToResolve',
    unit: 'days',
    fn: (r, p, s) => d.medianDaysToResolve(r.difficulty, p, s),
  },
  { key: 'activities', unit: 'count', fn: (r, p, s) => activityCount(r.activity, p, s) },
  { key: 'attendance', unit: 'people', fn: (r, p, s) => attendance(r.activity, p, s) },
];

const diff = (a: number | null, b: number | null): number | null =>
  a === null || b === null ? null : a - b;

/**
 * The records the key figures read, scoped once: each of the 27 figure calls would otherwise
 * filter every record of the database again (the functions still apply the scope themselves).
 */
function scopedOnce(records: ReportRecords, s: Scope): ReportRecords {
  return {
    ...records,
    difficulty: scoped(records.difficulty, s),
    activity: scoped(records.activity, s),
  };
}

/** Each key figure's value for one period only (what a month close stores and re-checks). */
export function keyFigureValues(
  all: ReportRecords,
  p: Period,
  s: Scope,
): Array<{ key: FigureKey; label: Label; unit: KeyFigureUnit; value: number | null }> {
  const records = scopedOnce(all, s);
  return KEY_FIGURES.map(({ key, unit, fn }) => ({
    key,
    label: KEY_FIGURE_LABELS[key] ?? { ko: key, en: key },
    unit,
    value: fn(records, p, s).value,
  }));
}

export function keyFigures(all: ReportRecords, p: Period, s: Scope): KeyFigure[] {
  const records = scopedOnce(all, s);
  const prev = previousPeriod(p);
  const lastYear = sameLastYear(p);
  return KEY_FIGURES.map(({ key, unit, fn }) => {
    const value = fn(records, p, s).value;
    const previous = fn(records, prev, s).value;
    const ly = fn(records, lastYear, s).value;
    return {
      key,
      label: KEY_FIGURE_LABELS[key] ?? { ko: key, en: key },
      unit,
      value,
      previous,
      lastYear: ly,
      changePrevious: diff(value, previous),
      changeLastYear: diff(value, ly),
    };
  });
}

const INDICATOR_METRICS: Array<{ metric: string; unit: IndicatorUnit }> = [
  { metric: 'production', unit: 'krw' },
  { metric: 'exports', unit: 'usd' },
  { metric: 'employment', unit: 'people' },
  { metric: 'tenants', unit: 'count' },
  { metric: 'operating', unit: 'count' },
  { metric: 'operatingRate', unit: 'percent' },
];

export function indicatorLines(records: ReportRecords, p: Period, s: Scope): IndicatorLine[] {
  return INDICATOR_METRICS.flatMap(({ metric, unit }) =>
    complexesOf(records.indicator, metric, s).map((complex) => {
      const c = compareIndicator(records.indicator, { metric, complex }, p, s);
      return {
        metric,
        label: {
          ko: enumLabel('indicatorMetric', metric, 'ko'),
          en: enumLabel('indicatorMetric', metric, 'en'),
        },
        complex,
        unit,
        value: c.value.value,
        changePrevious: c.changePrevious.value,
        changeLastYear: c.changeLastYear.value,
      };
    }),
  );
}
