/** 기술애로 charts: per month (received, resolved, open, overdue) and by 애로분야 / mini-cluster. */
import { enumLabel, type Lang } from '../../../../shared/registry';
import {
  difficultyFigures as f,
  difficultyRoute,
  figureDefinitions,
  monthPeriod,
  monthsOf,
  periodRange,
  type DifficultyFigureKind,
  type FigureRecord,
  type Period,
  type Scope,
} from '../../../../shared/report';
import type { ChartSpec, ChartsT } from './chartSpec';

/** A month alone is one bar group: show it with the eleven months before it, for context. */
export function seriesPeriod(p: Period): Period {
  if (p.kind !== 'month') return p;
  const back = p.year * 12 + (p.month - 1) - 11;
  return {
    kind: 'range',
    from: `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}-01`,
    to: periodRange(p).to,
  };
}

const KINDS: readonly DifficultyFigureKind[] = ['received', 'resolved', 'open', 'overdue'];
const DEF_KEYS = {
  received: 'difficultiesReceived',
  resolved: 'difficultiesResolved',
  open: 'difficultiesOpen',
  overdue: 'difficultiesOverdue',
} as const;

const definitionOf = (kinds: readonly DifficultyFigureKind[], lang: Lang): string =>
  kinds.map((k) => figureDefinitions[DEF_KEYS[k]][lang]).join('\n');

export function monthlyDifficultiesSpec(
  records: readonly FigureRecord[],
  p: Period,
  s: Scope,
  t: ChartsT,
  lang: Lang,
): ChartSpec {
  const months = monthsOf(seriesPeriod(p));
  const rows = f.monthlyDifficulties(records, seriesPeriod(p), s);
  return {
    id: 'chart-monthly',
    title: t('monthly.title'),
    definition: definitionOf(KINDS, lang),
    type: 'bar',
    labels: months,
    series: KINDS.map((kind) => ({
      label: t(kind),
      unit: 'cases',
      values: rows.map((r) => r[kind].value),
      routes: months.map((m) => difficultyRoute(kind, monthPeriod(m), s)),
    })),
  };
}

/** received and resolved in the period, per 애로분야 or per mini-cluster. */
export function difficultiesByGroupSpec(
  field: 'area' | 'miniClusterId',
  records: readonly FigureRecord[],
  p: Period,
  s: Scope,
  t: ChartsT,
  lang: Lang,
  miniClusterName: (id: string) => string,
): ChartSpec {
  const kinds: DifficultyFigureKind[] = ['received', 'resolved'];
  const fn = { received: f.received, resolved: f.resolved };
  const perKind = kinds.map((k) =>
    f.byField(fn[k as 'received' | 'resolved'], field, records, p, s),
  );
  // Groups of the received breakdown; byField lists every group in scope, so both agree.
  const groups = (perKind[0] ?? []).map((b) => b.group);
  const name = (g: string): string =>
    g === ''
      ? t('none')
      : field === 'area'
        ? enumLabel('difficultyArea', g, lang)
        : miniClusterName(g);
  return {
    id: field === 'area' ? 'chart-by-area' : 'chart-by-mc',
    title: t(field === 'area' ? 'byArea.title' : 'byMc.title'),
    definition: definitionOf(kinds, lang),
    type: 'bar',
    labels: groups.map(name),
    series: kinds.map((kind, i) => ({
      label: t(kind),
      unit: 'cases',
      values: groups.map((g) => perKind[i]?.find((b) => b.group === g)?.figure.value ?? null),
      routes: groups.map((g) => difficultyRoute(kind, p, s, { field, value: g })),
    })),
  };
}
