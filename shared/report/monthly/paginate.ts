/**
 * Splits tables into printed pages of a fixed number of rows. Rows are one line high in print
 * (cells never wrap), so a page of ROWS_PER_PAGE rows always fits A4 and the page count is known
 * before printing: the PDF test checks it, and "3 / 12" in the footer is right.
 *
 * The print cap (issue 8, docs/ARCHITECTURE.md "Monthly report"): a table prints at most
 * PRINT_ROWS_MAX lines. A longer one prints its first PRINT_ROWS_MAX − 1 rows and, as its last
 * line, "외 N건 — 부록 XLSX 참조"; every row stays in the model, so the XLSX annex and a closed
 * month's stored copy hold the whole listing. 1,600-row listings made a 116-page PDF that took
 * 18 s to print; nobody reads them on paper.
 */
import type {
  Correction,
  DefinitionEntry,
  MonthlyReportModel,
  ReportTable,
  TablePage,
} from './types';

export const ROWS_PER_PAGE = 30;
/** Lines a table prints at most (two pages), the "외 N건" line included. */
export const PRINT_ROWS_MAX = 2 * ROWS_PER_PAGE;
/** Definitions are several lines each; this many fit one A4 page. */
export const DEFINITIONS_PER_PAGE = 12;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The rows a table prints and how many it leaves to the annex (see the header). */
export function printedRows(t: ReportTable, max = PRINT_ROWS_MAX) {
  if (t.rows.length <= max) return { rows: t.rows, omitted: 0 };
  const rows = t.rows.slice(0, max - 1);
  return { rows, omitted: t.rows.length - rows.length };
}

/**
 * An empty table still takes one page (with a "none" row), so every section appears. The "외 N건"
 * line counts as a row of the last page, so a capped table fills exactly its pages.
 */
export function paginateTable(t: ReportTable, size = ROWS_PER_PAGE): TablePage[] {
  const { rows, omitted } = printedRows(t);
  const parts = chunk(rows, size);
  // A capped table's note line would not fit a full last page: it gets a page of its own then.
  if (omitted > 0 && (parts.at(-1)?.length ?? 0) >= size) parts.push([]);
  return parts.map((r, i) => ({
    table: t.id,
    part: i + 1,
    parts: parts.length,
    rows: r,
    omitted: i === parts.length - 1 ? omitted : 0,
  }));
}

/** The corrections' pages: none when there is no correction (the page is left out). */
export function paginateCorrections(corrections: readonly Correction[]): Correction[][] {
  return corrections.length === 0 ? [] : chunk(corrections, ROWS_PER_PAGE);
}

export function paginateAppendix(entries: readonly DefinitionEntry[]): DefinitionEntry[][] {
  return chunk(entries, DEFINITIONS_PER_PAGE);
}

/**
 * The report's pages in order: cover, key figures with the chart, corrections (only when there
 * are some), the indicator pages, each table's pages, the notes, the appendix. The printed page
 * count equals this.
 */
export function pageCount(
  model: Pick<MonthlyReportModel, 'indicators' | 'tables' | 'appendix' | 'corrections'>,
) {
  const cover = 1;
  const figures = 1;
  const notes = 1;
  const corrections = paginateCorrections(model.corrections).length;
  const indicators = chunk(model.indicators, ROWS_PER_PAGE).length;
  const tablePages = model.tables.reduce((n, t) => n + paginateTable(t).length, 0);
  return (
    cover +
    figures +
    corrections +
    indicators +
    tablePages +
    notes +
    paginateAppendix(model.appendix).length
  );
}
