/**
 * The generic table stage: a RawSheet with a known header → data rows with spreadsheet row
 * numbers, cleaned cells, totals rows flagged (`계`, `합계`, `총계`, `소계`, `총합`), hierarchy
 * levels from NBSP/`▷` indentation (a parent equals the sum of its children, so sums must use
 * either parents or children, never both), `X` → empty with a note, parents filled down.
 */
import { columnLetter } from './limits';
import { importMessage } from './messages';
import { parseNumberCell } from './units';
import { isEmptyCell, type CellValue, type RawSheet } from './rawSheet';

export interface RowNote {
  /** 0-based column, or null for the whole row */
  column: number | null;
  message: string;
  /** the row cannot be imported as is (e.g. a cell over 32,767 characters) */
  error?: boolean;
}

export interface TableRow {
  /** the spreadsheet's own row number (1-based), as the user sees it in Excel */
  rowNumber: number;
  cells: CellValue[];
  /** 0 = top level; 1, 2… = indented child rows */
  level: number;
  /** a totals row: listed, but never imported or summed */
  isTotal: boolean;
  /** has indented child rows whose values add up to it */
  isParent: boolean;
  /** row number of the parent of an indented row */
  parentRowNumber: number | null;
  notes: RowNote[];
  /**
   * 0-based columns whose value in this row was filled down from the row above (blank in the
   * file). buildPreview blanks them again when the file turns out to be an entity export.
   */
  filledDown?: number[];
}

/** `auto`: fill down columns shaped like hierarchy parents; `off`: never (entity exports). */
export type FillDownMode = 'auto' | 'off';

export interface RowsResult {
  rows: TableRow[];
  numericColumns: number[];
  filledDownColumns: number[];
  footnotes: string[];
}

const INDENT = /^[\s\u00a0\u3000▷▶►▸└ㄴ→]+/;
const MARKER = /[\u00a0\u3000▷▶►▸└ㄴ→]/;

/** Width of a cell's indentation, or 0. Plain single spaces alone do not count (typos). */
function indentWidth(v: CellValue): number {
  if (typeof v !== 'string') return 0;
  // The anchored INDENT fails on the first character of almost every cell: test it first.
  const m = INDENT.exec(v);
  if (!m || m[0].length === v.length || /[\r\n]/.test(v)) return 0;
  return MARKER.test(m[0]) || m[0].length >= 2 ? [...m[0]].length : 0;
}

/**
 * Anything cleanText could change: outer blanks (which trim() removes, the same set as `\s`), an
 * indent marker at the start, NBSP or ideographic spaces, runs of spaces or tabs. Most cells hold
 * none of these and are returned untouched without the four rewrites below (100k-row files).
 */
const NEEDS_CLEANING = /^[\s▷▶►▸└ㄴ→]|\s$|[\u00a0\u3000]|[ \t]{2}/;

function cleanText(v: string): string {
  if (!NEEDS_CLEANING.test(v)) return v;
  // A multi-line cell is prose (notes, solutions), never an indented label: keep it as written.
  if (/[\r\n]/.test(v)) return v.trim();
  return v
    .replace(INDENT, (m) => (MARKER.test(m) || m.length >= 2 ? '' : m))
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * Every total label holds `계` or `합` (계, 합계, 총계, 소계, 총합, 총합계). A cell without them
 * can only become one through NFKC composing jamo (conjoining, half-width, compatibility,
 * parenthesised or circled), so only those go on to the full check; the rest (nearly every
 * cell) is rejected without normalising.
 */
const MAYBE_TOTAL = /[계합\u1100-\u11ff\u3130-\u318f\u3200-\u327f\uffa0-\uffdc]/;

/** `합계`, `소계`, `총 계`, `국가산업단지 합계 : 2개`, `총합 : 17개` → true. */
export function isTotalLabel(v: CellValue): boolean {
  if (typeof v !== 'string' || !MAYBE_TOTAL.test(v)) return false;
  const s = v.normalize('NFKC').replace(/\s+/g, '');
  const core = s.replace(/[:：]?\d[\d,]*개?$/, '').replace(/[()[\]]/g, '');
  if (/^(계|합계|총계|소계|총합|총합계)$/.test(core)) return true;
  return core.length <= 20 && /.(합계|총계|소계)$/.test(core);
}

const FOOTNOTE = /^\s*(\*|※|주\s*[):：]|자료\s*[:：]|출처\s*[:：])/;

/**
 * A column is filled down only when it behaves like the parent level of a hierarchy (KSIC:
 * 대분류 코드/항목명 blank on the rows continuing the group), not like an optional field of
 * independent records:
 * - at least 30% blanks (but not all), its first data cell filled;
 * - a (nearly) always filled column D lies to its right: the most specific level;
 * - nesting: wherever the column has a value (a new group starts), every column between it and
 *   D has one too (the sub-groups start on the same row). An optional field of a sparse record
 *   list fails this as soon as a row fills it but leaves a neighbour blank.
 * Blanks in such a column mean "same as above", not "unknown".
 */
function fillDownColumns(rows: CellValue[][], width: number): number[] {
  if (rows.length < 3) return [];
  const filled = Array.from(
    { length: width },
    (_, c) => rows.filter((r) => !isEmptyCell(r[c])).length,
  );
  const dense = (c: number) => filled[c]! >= rows.length * 0.95;
  const out: number[] = [];
  for (let c = 0; c < width - 1; c++) {
    const blankRate = 1 - filled[c]! / rows.length;
    if (blankRate < 0.3 || blankRate >= 1 || isEmptyCell(rows[0]![c])) continue;
    let d = c + 1;
    while (d < width && !dense(d)) d++;
    if (d >= width) continue;
    const nests = rows.every((r) => {
      if (isEmptyCell(r[c])) return true;
      for (let k = c + 1; k < d; k++) if (isEmptyCell(r[k])) return false;
      return true;
    });
    if (nests) out.push(c);
  }
  return out;
}

export function buildRows(
  sheet: RawSheet,
  firstDataRow: number,
  width: number,
  fillDown: FillDownMode = 'auto',
): RowsResult {
  const footnotes: string[] = [];
  const picked: Array<{ index: number; cells: CellValue[]; indent: number; filled: number[] }> = [];
  // Vertical merges inside the data: every row of the merge carries the master's value.
  const merged = new Map<string, CellValue>();
  for (const m of sheet.merges) {
    if (m.bottom <= m.top || m.top < firstDataRow) continue;
    const v = sheet.rows[m.top]?.[m.left] ?? null;
    for (let r = m.top + 1; r <= m.bottom; r++) merged.set(`${r}:${m.left}`, v);
  }
  // Rows whose cells the reader emptied with an error (a cell over 32,767 characters): kept even
  // when nothing else is left in them, so the error reaches the preview instead of vanishing.
  const rowsWithErrors = new Set(sheet.notes.filter((n) => n.error).map((n) => n.row));
  for (let r = firstDataRow; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r] ?? [];
    const filled = raw.filter((v) => !isEmptyCell(v));
    if (filled.length === 0 && !rowsWithErrors.has(r)) continue;
    if (filled.length === 1 && typeof filled[0] === 'string' && FOOTNOTE.test(filled[0])) {
      footnotes.push(filled[0].trim());
      continue;
    }
    let indent = 0;
    const cells: CellValue[] = [];
    for (let c = 0; c < width; c++) {
      let v = raw[c] ?? merged.get(`${r}:${c}`) ?? null;
      if (typeof v === 'string') {
        indent = indent || indentWidth(v);
        v = cleanText(v);
        if (v === '') v = null;
      }
      cells.push(v);
    }
    picked.push({ index: r, cells, indent, filled: [] });
  }

  const filledDownColumns =
    fillDown === 'off'
      ? []
      : fillDownColumns(
          picked.map((p) => p.cells),
          width,
        );
  for (const c of filledDownColumns) {
    let last: CellValue = null;
    for (const p of picked) {
      if (!isEmptyCell(p.cells[c])) last = p.cells[c] ?? null;
      else if (last !== null) {
        p.cells[c] = last;
        p.filled.push(c);
      }
    }
  }

  // Numeric columns: most filled cells read as numbers (so `X` there means "withheld").
  const numericColumns: number[] = [];
  for (let c = 0; c < width; c++) {
    let filled = 0;
    for (const p of picked) if (!isEmptyCell(p.cells[c] ?? null)) filled++;
    let numbers = 0;
    let others = 0;
    for (const p of picked) {
      const v = p.cells[c] ?? null;
      if (isEmptyCell(v)) continue;
      if (typeof v === 'number' || (typeof v === 'string' && parseNumberCell(v).value !== null))
        numbers++;
      // More than half are not numbers: the column cannot reach the 50% any more.
      else if (++others * 2 > filled) break;
    }
    if (filled > 0 && numbers / filled >= 0.5) numericColumns.push(c);
  }

  const indentLevels = [...new Set(picked.map((p) => p.indent).filter((w) => w > 0))].sort(
    (a, b) => a - b,
  );
  // Notes grouped by row once: filtering all notes for every row is O(rows × notes).
  const notesByRow = new Map<number, RowNote[]>();
  for (const n of sheet.notes) {
    let list = notesByRow.get(n.row);
    if (!list) notesByRow.set(n.row, (list = []));
    list.push({ column: n.col, message: n.message, error: n.error });
  }
  const rows: TableRow[] = picked.map((p) => {
    const notes: RowNote[] = notesByRow.get(p.index) ?? [];
    for (const c of numericColumns) {
      const v = p.cells[c] ?? null;
      if (typeof v === 'string' && parseNumberCell(v).suppressed) {
        p.cells[c] = null;
        notes.push({
          column: c,
          message: importMessage('suppressed', { column: columnLetter(c) }),
        });
      }
    }
    const labels = p.cells.filter((v) => !isEmptyCell(v)).slice(0, 3);
    return {
      rowNumber: p.index + 1,
      cells: p.cells,
      level: p.indent > 0 ? indentLevels.indexOf(p.indent) + 1 : 0,
      isTotal: labels.some(isTotalLabel),
      isParent: false,
      parentRowNumber: null,
      notes,
      ...(p.filled.length > 0 ? { filledDown: p.filled } : {}),
    };
  });
  linkHierarchy(rows);
  return { rows, numericColumns, filledDownColumns, footnotes };
}

/** Each indented row's parent is the nearest row above it with a lower level. */
function linkHierarchy(rows: TableRow[]): void {
  const stack: TableRow[] = [];
  for (const row of rows) {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= row.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (row.level > 0 && parent) {
      parent.isParent = true;
      row.parentRowNumber = parent.rowNumber;
    }
    if (!row.isTotal) stack.push(row);
  }
}

/**
 * Sums a numeric column without double counting: a parent already equals the sum of its
 * children, so only top-level rows count. A parent whose own cell is empty (withheld) is
 * replaced by its children. Totals rows never count.
 */
export function sumColumn(rows: readonly TableRow[], column: number): number {
  const children = new Map<number, TableRow[]>();
  for (const r of rows) {
    if (r.parentRowNumber === null) continue;
    const list = children.get(r.parentRowNumber) ?? [];
    list.push(r);
    children.set(r.parentRowNumber, list);
  }
  const valueOf = (r: TableRow): number => {
    const n = parseNumberCell(r.cells[column] ?? null).value;
    if (n !== null || !r.isParent) return n ?? 0;
    return (children.get(r.rowNumber) ?? []).reduce((s, c) => s + valueOf(c), 0);
  };
  return rows
    .filter((r) => !r.isTotal && r.parentRowNumber === null)
    .reduce((s, r) => s + valueOf(r), 0);
}
