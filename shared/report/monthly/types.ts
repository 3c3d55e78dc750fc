/**
 * The monthly report's model (월간 실적 보고서): everything the print view shows, as plain data,
 * computed from records by pure functions, so the print view, the PDF test, XLSX export and a
 * closed month's stored copy all read the same thing.
 */
import type { Label } from '../../registry/types';

export type KeyFigureUnit = 'count' | 'percent' | 'days' | 'people';

/** One key figure of the month with last month and the same month last year. */
export interface KeyFigure {
  /** a FigureKey of shared/report/definitions.ts */
  key: string;
  label: Label;
  unit: KeyFigureUnit;
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  /** value − previous; null when either is unknown (never read as 0) */
  changePrevious: number | null;
  changeLastYear: number | null;
}

export type IndicatorUnit = 'krw' | 'usd' | 'count' | 'people' | 'percent';

export interface IndicatorLine {
  metric: string;
  label: Label;
  complex: string;
  unit: IndicatorUnit;
  value: number | null;
  changePrevious: number | null;
  changeLastYear: number | null;
}

export type ColumnKind = 'text' | 'date' | 'count' | 'number';

export interface ReportColumn {
  key: string;
  label: Label;
  kind: ColumnKind;
  /** share of the table width in percent (the print layout is fixed, so rows never reflow) */
  width: number;
}

export type ReportCell = string | number | null;

export type ReportTableId =
  | 'keyFigures'
  | 'indicators'
  | 'activitiesByMiniCluster'
  | 'difficultiesResolved'
  | 'difficultiesReceived'
  | 'activities'
  | 'successCases'
  | 'resourcesShared'
  | 'nextMonthPlans';

export interface ReportTable {
  id: ReportTableId;
  title: Label;
  columns: ReportColumn[];
  rows: ReportCell[][];
}

/** One printed page of a table: at most ROWS_PER_PAGE rows, so a page never overflows. */
export interface TablePage {
  table: ReportTableId;
  /** 1-based, and how many pages the table takes */
  part: number;
  parts: number;
  rows: ReportCell[][];
  /** on the last page of a capped table: how many rows were left to the XLSX annex (else 0) */
  omitted: number;
}

/**
 * A figure of an earlier closed month whose value, recomputed now, differs from the value last
 * reported for it (shared/report/close/corrections.ts): printed as "3월 해결 건수 정정: 41 → 42".
 */
export interface Correction {
  /** the closed month the figure belongs to, `YYYY-MM` */
  month: string;
  /** a key figure's FigureKey, or `indicator:<metric>:<complex>` */
  key: string;
  label: Label;
  unit: KeyFigureUnit | IndicatorUnit;
  /** the value last reported (null: unknown then) */
  before: number | null;
  /** the value computed now from the records */
  after: number | null;
}

export interface ChartPoint {
  month: string;
  received: number;
  resolved: number;
}

export interface DefinitionEntry {
  key: string;
  label: Label;
  text: Label;
}

export interface MonthlyReportModel {
  /** `YYYY-MM` */
  month: string;
  clusterId: string;
  cluster: Label;
  /** first and last day of the month */
  from: string;
  to: string;
  keyFigures: KeyFigure[];
  indicators: IndicatorLine[];
  /** received and resolved for the 12 months ending with this one */
  chart: ChartPoint[];
  tables: ReportTable[];
  /** figures of earlier closed months that changed since they were reported (oldest first) */
  corrections: Correction[];
  appendix: DefinitionEntry[];
}
