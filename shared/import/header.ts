/**
 * Finds the header row of a messy public spreadsheet: title, footnote and unit rows sit above it,
 * and the header itself may be two rows (a merged parent like `산업시설구역` over `분양`, `미분양`).
 * Rows near the top are scored: short text cells count, cells that name a registry field count
 * double, numbers count against; a row with a single distinct value (a merged title) scores 0.
 */
import { columnLetter } from './limits';
import { headerStem, normalizeHeader } from './mapping';
import { parseNumberCell } from './units';
import { isEmptyCell, type CellValue, type MergeRange, type RawSheet } from './rawSheet';

export interface HeaderResult {
  /** 0-based indexes of the header rows (one or two), top first */
  rows: number[];
  /** one text per column; two-row headers combined as `parent child` */
  headers: string[];
}

const SCAN_ROWS = 40;
const MAX_HEADER_CHARS = 40;

export const cellText = (v: CellValue): string =>
  v === null
    ? ''
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v)
          .replace(/[\s\u00a0\u3000]+/g, ' ')
          .trim();

const isNumeric = (v: CellValue): boolean =>
  typeof v === 'number' ||
  (typeof v === 'string' && parseNumberCell(v).value !== null) ||
  v instanceof Date;

/** `(단위 : 개, 백만원)`, even when a CSV split it at its commas: never a header. */
export const isUnitRow = (row: CellValue[] | undefined): boolean =>
  (row ?? []).some((v) => typeof v === 'string' && /단위\s*[:：]/.test(v));

function scoreRow(row: CellValue[], vocabulary: Set<string>): number {
  if (isUnitRow(row)) return 0;
  const filled = row.filter((v) => !isEmptyCell(v));
  const distinct = new Set(filled.map(cellText));
  if (distinct.size < 2) return 0;
  let score = 0;
  for (const v of filled) {
    if (isNumeric(v)) score -= 1;
    else if (typeof v === 'string' && cellText(v).length <= MAX_HEADER_CHARS) {
      score += 1;
      if (vocabulary.has(normalizeHeader(v)) || vocabulary.has(headerStem(v))) score += 2;
    }
  }
  return score;
}

/** A row that can be part of a header: text only, short cells, at least one value. */
function isHeaderish(row: CellValue[] | undefined): boolean {
  if (!row || isUnitRow(row)) return false;
  const filled = row.filter((v) => !isEmptyCell(v));
  return (
    filled.length > 0 &&
    filled.every(
      (v) => typeof v === 'string' && !isNumeric(v) && cellText(v).length <= MAX_HEADER_CHARS,
    )
  );
}

const inHorizontalMerge = (merges: MergeRange[], r: number, c: number) =>
  merges.find(
    (m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right && m.right > m.left,
  );

/** True when `lower` has a cell under an empty or horizontally merged cell of `upper`. */
function nestsUnder(sheet: RawSheet, upper: number, lower: number): boolean {
  const up = sheet.rows[upper] ?? [];
  const low = sheet.rows[lower] ?? [];
  return low.some(
    (v, c) =>
      !isEmptyCell(v) &&
      (isEmptyCell(up[c]) || inHorizontalMerge(sheet.merges, upper, c) !== undefined) &&
      up.slice(0, c).some((x) => !isEmptyCell(x)),
  );
}

/** Parent text of column c in a header row: its own, its merge's, or (no merge) the one to its left. */
function parentText(sheet: RawSheet, r: number, c: number, childPresent: boolean): string {
  const row = sheet.rows[r] ?? [];
  if (!isEmptyCell(row[c])) return cellText(row[c] ?? null);
  const merge = inHorizontalMerge(sheet.merges, r, c);
  if (merge) return cellText(sheet.rows[merge.top]?.[merge.left] ?? null);
  if (!childPresent) return '';
  for (let k = c - 1; k >= 0; k--) if (!isEmptyCell(row[k])) return cellText(row[k] ?? null);
  return '';
}

export function detectHeader(sheet: RawSheet, vocabulary: Set<string>): HeaderResult | null {
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const s = scoreRow(sheet.rows[r] ?? [], vocabulary);
    if (s > bestScore) {
      bestScore = s;
      best = r;
    }
  }
  // One-column files: no row has two distinct cells; the first text row is the header.
  if (best < 0) best = sheet.rows.findIndex((r) => isHeaderish(r));
  if (best < 0) return null;
  let rows = [best];
  const above = sheet.rows[best - 1];
  const below = sheet.rows[best + 1];
  const distinctAbove = new Set((above ?? []).filter((v) => !isEmptyCell(v)).map(cellText));
  if (isHeaderish(above) && distinctAbove.size >= 2 && nestsUnder(sheet, best - 1, best)) {
    rows = [best - 1, best];
  } else if (isHeaderish(below) && nestsUnder(sheet, best, best + 1)) {
    rows = [best, best + 1];
  }
  const width = Math.max(...rows.map((r) => sheet.rows[r]?.length ?? 0));
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    if (rows.length === 1) {
      headers.push(cellText(sheet.rows[rows[0]!]?.[c] ?? null));
      continue;
    }
    const child = cellText(sheet.rows[rows[1]!]?.[c] ?? null);
    const parent = parentText(sheet, rows[0]!, c, child !== '');
    headers.push(parent && child && parent !== child ? `${parent} ${child}` : parent || child);
  }
  return { rows, headers };
}

/** `(A열)` for a column without header text, so every column can be named in the UI. */
export const headerOrLetter = (headers: string[], c: number): string =>
  headers[c] || `(${columnLetter(c)}열)`;
