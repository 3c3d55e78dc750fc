/** The common shape CSV and XLSX readers produce before header detection (table.ts). */

/** A cell as read: text, a number, a boolean or a date (XLSX date cells); null when empty. */
export type CellValue = string | number | boolean | Date | null;

/** 0-based, inclusive merged-cell range. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A note attached to one cell while reading (formula error, cell too long…). */
export interface CellNote {
  /** 0-based row index in `rows` (= spreadsheet row − 1) */
  row: number;
  col: number;
  message: string;
  /** true when the row cannot be imported as is */
  error?: boolean;
}

export interface RawSheet {
  name: string;
  /** rows[i] is spreadsheet row i + 1; cells[j] is column j (A = 0). Trailing empties trimmed. */
  rows: CellValue[][];
  merges: MergeRange[];
  notes: CellNote[];
}

export const isEmptyCell = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Drops trailing empty cells (a used range 16,326 columns wide holds ~20 real ones). */
export function trimRow(cells: CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && isEmptyCell(cells[end - 1])) end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

export function sheetWidth(rows: CellValue[][]): number {
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}
