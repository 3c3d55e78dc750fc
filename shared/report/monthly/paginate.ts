/**
 * Splits tables into printed pages of a fixed number of rows. Rows are one line high in print
 * (cells never wrap), so a page of ROWS_PER_PAGE rows always fits A4 and the page count is known
 * before printing: the PDF test checks it, and "3 / 12" in the footer is right.
 */
import type { DefinitionEntry, MonthlyReportModel, ReportTable, TablePage } from './types';

export const ROWS_PER_PAGE = 30;
/** Definitions are several lines each; this many fit one A4 page. */
export const DEFINITIONS_PER_PAGE = 12;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An empty table still takes one page (with a "none" row), so every section appears. */
export function paginateTable(t: ReportTable, size = ROWS_PER_PAGE): TablePage[] {
  const parts = chunk(t.rows, size);
  return parts.map((rows, i) => ({ table: t.id, part: i + 1, parts: parts.length, rows }));
}

export function paginateAppendix(entries: readonly DefinitionEntry[]): DefinitionEntry[][] {
  return chunk(entries, DEFINITIONS_PER_PAGE);
}

/**
 * The report's pages in order: cover, key figures with the chart, the indicator pages, each
 * table's pages, the notes, the appendix. The printed page count equals this.
 */
export function pageCount(model: Pick<MonthlyReportModel, 'indicators' | 'tables' | 'appendix'>) {
  const cover = 1;
  const figures = 1;
  const notes = 1;
  const indicators = chunk(model.indicators, ROWS_PER_PAGE).length;
  const tablePages = model.tables.reduce((n, t) => n + paginateTable(t).length, 0);
  return (
    cover + figures + indicators + tablePages + notes + paginateAppendix(model.appendix).length
  );
}
