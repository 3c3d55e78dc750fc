/**
 * Builds the monthly report model for one cluster and month from the stored records. Pure: the
 * same records give the same model, which is what a closed month stores and what the PDF shows.
 */
import { enumLabel, type Lang } from '../../registry';
import { figureDefinitions, FIGURE_KEYS } from '../definitions';
import { received, resolved } from '../difficulties';
import { monthPeriod, monthsOf, periodRange, type Period } from '../period';
import { scoped, type Scope } from '../scope';
import { KEY_FIGURE_LABELS, TABLE_RULES, TABLE_TITLES } from './definitions';
import { indicatorLines, keyFigures, type ReportRecords } from './keyFigures';
import { activityTables, difficultyTables, otherTables } from './tables';
import type { ChartPoint, DefinitionEntry, MonthlyReportModel, ReportTableId } from './types';

export interface MonthlyReportInput {
  /** `YYYY-MM` */
  month: string;
  clusterId: string;
  records: ReportRecords;
  lang?: Lang;
}

/** The 12 months ending with `month` (the chart's range). */
function chartPeriod(month: string): Period {
  const p = monthPeriod(month);
  if (p.kind !== 'month') throw new Error('unreachable');
  const from =
    p.month === 12 ? `${p.year}-01-01` : `${p.year - 1}-${String(p.month + 1).padStart(2, '0')}-01`;
  return { kind: 'range', from, to: periodRange(p).to };
}

/** Received and resolved only (monthlyDifficulties would also work out open and overdue). */
function chart(records: ReportRecords, month: string, scope: Scope): ChartPoint[] {
  const inScope = scoped(records.difficulty, scope);
  return monthsOf(chartPeriod(month)).map((m) => {
    const p = monthPeriod(m);
    return {
      month: m,
      received: received(inScope, p, scope).value ?? 0,
      resolved: resolved(inScope, p, scope).value ?? 0,
    };
  });
}

/** Every figure's definition, then every table's rule: the report's appendix. */
export function appendixEntries(): DefinitionEntry[] {
  const figures = FIGURE_KEYS.map((key) => {
    const text = figureDefinitions[key];
    // The short label is the definition's text before its first colon ("해결 건수: …").
    const label = KEY_FIGURE_LABELS[key] ?? {
      ko: text.ko.split(':')[0] ?? key,
      en: text.en.split(':')[0] ?? key,
    };
    return { key, label, text };
  });
  const tables = (Object.keys(TABLE_RULES) as ReportTableId[]).map((id) => ({
    key: `table.${id}`,
    label: TABLE_TITLES[id],
    text: TABLE_RULES[id],
  }));
  return [...figures, ...tables];
}

export function buildMonthlyReport(input: MonthlyReportInput): MonthlyReportModel {
  const lang = input.lang ?? 'ko';
  const period = monthPeriod(input.month);
  const scope: Scope = { kind: 'cluster', clusterId: input.clusterId };
  const range = periodRange(period);
  const ctx = { records: input.records, period, scope, lang };
  return {
    month: input.month,
    clusterId: input.clusterId,
    cluster: {
      ko: enumLabel('recordOwner', input.clusterId, 'ko'),
      en: enumLabel('recordOwner', input.clusterId, 'en'),
    },
    from: range.from,
    to: range.to,
    keyFigures: keyFigures(input.records, period, scope),
    indicators: indicatorLines(input.records, period, scope),
    chart: chart(input.records, input.month, scope),
    tables: [...difficultyTables(ctx), ...activityTables(ctx), ...otherTables(ctx)],
    appendix: appendixEntries(),
  };
}
