/** 성과지표 per complex against last period and last year, and the path to a target. */
import { enumLabel, type Lang } from '../../../../shared/registry';
import {
  figureDefinitions,
  idsRoute,
  indicatorValue,
  indicatorsByComplex,
  targetProgress,
  type FigureRecord,
  type Period,
  type Scope,
} from '../../../../shared/report';
import type { ChartSpec, ChartsT } from './chartSpec';

export const CHART_METRICS = [
  'production',
  'exports',
  'employment',
  'tenants',
  'operating',
  'operatingRate',
] as const;

export function indicatorSpec(
  records: readonly FigureRecord[],
  metric: string,
  p: Period,
  s: Scope,
  t: ChartsT,
  lang: Lang,
): ChartSpec {
  const rows = indicatorsByComplex(records, metric, p, s);
  const pick = (key: 'value' | 'previous' | 'lastYear', label: string) => ({
    label,
    unit: 'metric' as const,
    metric,
    values: rows.map((r) => r[key].value),
    routes: rows.map((r) => (r[key].ids.length > 0 ? idsRoute('indicators', r[key]) : null)),
  });
  return {
    id: 'chart-indicator',
    title: t('indicator.title', { metric: enumLabel('indicatorMetric', metric, lang) }),
    definition: [
      figureDefinitions.indicatorValue[lang],
      figureDefinitions.indicatorChangePrevious[lang],
      figureDefinitions.indicatorChangeLastYear[lang],
    ].join('\n'),
    type: 'bar',
    labels: rows.map((r) => (r.complex === '' ? t('none') : r.complex)),
    series: [
      pick('value', t('indicator.now')),
      pick('previous', t('indicator.previous')),
      pick('lastYear', t('indicator.lastYear')),
    ],
  };
}

/** The first exports target in scope: its straight path and the yearly actuals beside it. */
export function targetSpec(
  targets: readonly FigureRecord[],
  indicators: readonly FigureRecord[],
  s: Scope,
  t: ChartsT,
  lang: Lang,
): ChartSpec | null {
  const metric = 'exports';
  const progress = targetProgress(targets, indicators, metric, s).find((x) => x.path.length > 1);
  if (!progress) return null;
  const target = targets.find((x) => x.id === progress.targetId);
  const complex = typeof target?.complex === 'string' ? target.complex : '';
  const actual = progress.path.map((pt) =>
    indicatorValue(indicators, { metric, complex }, { kind: 'year', year: pt.year }, s),
  );
  return {
    id: 'chart-target',
    title: t('target.title', { metric: enumLabel('indicatorMetric', metric, lang), complex }),
    definition: `${figureDefinitions.targetPath[lang]}\n${figureDefinitions.targetProgress[lang]}`,
    type: 'line',
    labels: progress.path.map((pt) => String(pt.year)),
    series: [
      {
        label: t('target.path'),
        unit: 'metric',
        metric,
        values: progress.path.map((pt) => pt.value),
        routes: progress.path.map(() => ({ path: 'targets', query: { ids: progress.targetId } })),
      },
      {
        label: t('target.actual'),
        unit: 'metric',
        metric,
        values: actual.map((a) => a.value),
        routes: actual.map((a) => (a.ids.length > 0 ? idsRoute('indicators', a) : null)),
      },
    ],
  };
}
