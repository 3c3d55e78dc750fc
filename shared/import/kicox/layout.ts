/**
 * Reads the layout of one KICOX table sheet: the title (period, metric), the unit row, the one to
 * three header rows (merged cells spread over the columns they cover), which columns name the
 * row (산업단지 / 구분(국가·일반) / 업종그룹) and what each value column holds (metric, quarter,
 * 업종그룹 or total). Data rows end at the first footnote. A sheet that is not such a table
 * gets a Korean reason instead.
 */
import { parseNumberCell, parseUnitHint, type UnitHint } from '../units';
import { isEmptyCell, type CellValue, type RawSheet } from '../rawSheet';
import {
  findQuarter,
  industryGroupOf,
  isComplexType,
  isDerivedLabel,
  isFootnote,
  isTotal,
  metricsIn,
  periodWordIn,
  previousQuarter,
  sameQuarterLastYear,
  squash,
  stripMarks,
  textOf,
  type KicoxMetric,
  type Quarter,
} from './labels';
import type { KicoxMessageKey } from './messages';

export interface ValueColumn {
  /** 0-based column */
  col: number;
  /** the header as read (parts joined), for notes */
  header: string;
  metric: KicoxMetric | null;
  quarter: Quarter | null;
  group: string | null;
  /** a 계/총계 column: checked against its row's groups, never imported */
  total: boolean;
  derived: boolean;
}

export interface LayoutRow {
  /** spreadsheet row number (1-based) */
  row: number;
  complex: string | null;
  complexType: string | null;
  group: string | null;
  total: boolean;
  /** the total's label as written (`국가 계`), for its scope */
  totalLabel: string;
}

export interface KicoxLayout {
  sheet: string;
  title: string;
  /** `[표4]` when the title starts with one */
  tableLabel: string;
  quarter: Quarter;
  titleMetrics: KicoxMetric[];
  unit: UnitHint | null;
  headerRows: number[];
  labelColumns: { complex: number | null; type: number | null; group: number | null };
  columns: ValueColumn[];
  rows: LayoutRow[];
  raw: RawSheet;
}

export type LayoutResult =
  { ok: true; layout: KicoxLayout } | { ok: false; reason: KicoxMessageKey; title: string };

const MAX_TITLE_ROW = 6;
const MAX_HEADER_ROWS = 3;

const isNumberLike = (v: CellValue | undefined): boolean => {
  if (v === null || v === undefined) return false;
  if (typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  const p = parseNumberCell(v);
  return p.ok && (p.value !== null || p.suppressed);
};

const filled = (row: CellValue[] | undefined) => (row ?? []).filter((v) => !isEmptyCell(v));

/** `(억원, %)` without the word 단위 is a unit row too, when every part is a unit. */
const UNIT_WORD =
  /^(천|만|백만|십억|억|조)?(원|달러|불|usd)$|^(개사|개|명|천명|%|％|개소|건|천㎡|㎡)$/i;
function unitHintOf(text: string): UnitHint | null {
  const hint = parseUnitHint(text);
  if (hint) return hint;
  const m = /^\s*[(（]([^()（）]+)[)）]\s*$/.exec(text);
  if (!m) return null;
  const parts = m[1]!.split(/[,，、/]/).map((p) => p.replace(/\s+/g, ''));
  return parts.length > 0 && parts.every((p) => UNIT_WORD.test(p))
    ? parseUnitHint(`(단위: ${m[1]})`)
    : null;
}

/** The text shown at (r, c): its own value, or that of the merge covering it. */
function headerText(sheet: RawSheet, r: number, c: number, first: number): string {
  const own = textOf(sheet.rows[r]?.[c]);
  if (own) return own;
  for (const m of sheet.merges) {
    if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && m.top >= first)
      return textOf(sheet.rows[m.top]?.[m.left]);
  }
  return '';
}

function classifyColumn(
  col: number,
  parts: string[],
  title: { quarter: Quarter; metrics: KicoxMetric[] },
): ValueColumn {
  const header = parts.join(' ');
  let quarter: Quarter | null = null;
  let metric: KicoxMetric | null = null;
  let group: string | null = null;
  let total = false;
  const derived = parts.some(isDerivedLabel);
  for (const p of parts) {
    const word = periodWordIn(p);
    if (word === 'current') quarter = title.quarter;
    else if (word === 'previous') quarter = previousQuarter(title.quarter);
    else if (word === 'lastYear') quarter = sameQuarterLastYear(title.quarter);
    else quarter = findQuarter(p) ?? quarter;
    const m = metricsIn(p);
    if (m.length === 1) metric = m[0]!;
    group = industryGroupOf(p) ?? group;
    if (isTotal(p)) total = true;
  }
  // A year and a quarter in two header rows (`2026` over `1분기`) name one quarter together.
  if (!quarter && !derived) quarter = findQuarter(parts.join(' '));
  if (!metric && title.metrics.length === 1) metric = title.metrics[0]!;
  return { col, header, metric, quarter, group, total, derived };
}

function findTitle(sheet: RawSheet): { row: number; text: string; quarter: Quarter } | null {
  for (let r = 0; r < Math.min(MAX_TITLE_ROW, sheet.rows.length); r++) {
    for (const v of filled(sheet.rows[r])) {
      const text = textOf(v);
      const quarter = findQuarter(text);
      if (quarter && /[가-힣]/.test(text.replace(/년|분기/g, ''))) return { row: r, text, quarter };
    }
  }
  return null;
}

export function readLayout(sheet: RawSheet): LayoutResult {
  if (sheet.rows.every((r) => filled(r).length === 0))
    return { ok: false, reason: 'skipEmpty', title: '' };
  const title = findTitle(sheet);
  if (!title) return { ok: false, reason: 'skipNoPeriod', title: textOf(filled(sheet.rows[0])[0]) };
  const titleMetrics = metricsIn(title.text);
  const tableLabel =
    /^\s*[[<(【]?\s*(표|table)\s*[\d-]+\s*[\]>)】]?/i.exec(title.text)?.[0]?.trim() ?? '';

  // Unit rows and blank rows sit between the title and the header.
  let unit: UnitHint | null = null;
  let r = title.row + 1;
  for (; r < sheet.rows.length; r++) {
    const cells = filled(sheet.rows[r]);
    if (cells.length === 0) continue;
    const hint = cells.length <= 2 ? unitHintOf(cells.map(textOf).join(', ')) : null;
    if (hint) unit = hint;
    else if (cells.length >= 2) break;
  }
  // Header rows: text rows up to the first row holding numbers (or `X`).
  const headerRows: number[] = [];
  for (; r < sheet.rows.length && headerRows.length < MAX_HEADER_ROWS; r++) {
    const row = sheet.rows[r] ?? [];
    if (filled(row).length === 0) {
      if (headerRows.length > 0) break;
      continue;
    }
    if (row.some((v, c) => c > 0 && isNumberLike(v) && !isYear(v))) break;
    // Years (`2026 | 2025`) head a header only when a text header row follows them.
    if (row.some((v, c) => c > 0 && isYear(v)) && !textRowFollows(sheet, r)) break;
    headerRows.push(r);
  }
  if (headerRows.length === 0) return { ok: false, reason: 'skipNoHeader', title: title.text };
  const first = headerRows[0]!;
  const width = Math.max(...sheet.rows.map((row) => row.length));
  const parts: string[][] = Array.from({ length: width }, (_, c) => {
    const seen: string[] = [];
    for (const hr of headerRows) {
      const t = headerText(sheet, hr, c, first);
      if (t && !seen.includes(t)) seen.push(t);
    }
    return seen;
  });

  // Data rows: from below the header to the first footnote.
  const dataStart = headerRows[headerRows.length - 1]! + 1;
  const data: number[] = [];
  for (let d = dataStart; d < sheet.rows.length; d++) {
    const row = sheet.rows[d] ?? [];
    const cells = filled(row);
    if (cells.length === 0) continue;
    const firstText = textOf(cells[0]);
    if (isFootnote(firstText)) break;
    if (cells.length === 1 && !row.some(isNumberLike) && firstText.length > 12 && data.length > 0)
      break;
    data.push(d);
  }

  // Label columns hold text in most data rows; value columns hold numbers.
  const labelCols: number[] = [];
  const valueCols: number[] = [];
  for (let c = 0; c < width; c++) {
    let text = 0;
    let numbers = 0;
    for (const d of data) {
      const v = sheet.rows[d]?.[c];
      if (isEmptyCell(v)) continue;
      if (isNumberLike(v) || textOf(v) === '-') numbers++;
      else text++;
    }
    if (text > numbers && text > 0) labelCols.push(c);
    else if (numbers > 0 || parts[c]!.length > 0) valueCols.push(c);
  }
  const share = (c: number, test: (s: string) => boolean) => {
    const vals = data.map((d) => textOf(sheet.rows[d]?.[c])).filter((s) => s && !isTotal(s));
    return vals.length === 0 ? 0 : vals.filter(test).length / vals.length;
  };
  const typeCol = labelCols.find((c) => share(c, isComplexType) >= 0.6) ?? null;
  const groupCol =
    labelCols.find((c) => c !== typeCol && share(c, (s) => industryGroupOf(s) !== null) >= 0.6) ??
    null;
  const rest = labelCols.filter((c) => c !== typeCol && c !== groupCol);
  const complexCol =
    rest.find((c) => parts[c]!.some((p) => /단지|지역|권역/.test(squash(p)))) ?? rest[0] ?? null;

  const quarterCtx = { quarter: title.quarter, metrics: titleMetrics };
  const columns = valueCols
    .filter((c) => c > Math.min(...(labelCols.length ? labelCols : [-1])))
    .map((c) => classifyColumn(c, parts[c]!, quarterCtx));
  // A wide table without period words holds the title's quarter in every value column.
  if (!columns.some((c) => c.quarter))
    for (const c of columns) if (!c.derived) c.quarter = title.quarter;
  if (!columns.some((c) => c.metric) && titleMetrics.length === 0)
    return { ok: false, reason: 'skipNoMetric', title: title.text };
  if (!columns.some((c) => c.quarter && !c.derived && c.metric))
    return { ok: false, reason: 'skipNoHeader', title: title.text };

  const rows: LayoutRow[] = [];
  let lastComplex: string | null = null;
  for (const d of data) {
    const row = sheet.rows[d] ?? [];
    const at = (c: number | null) => (c === null ? '' : stripMarks(textOf(row[c])));
    let complex = at(complexCol) || null;
    const typeText = at(typeCol);
    const groupText = at(groupCol);
    // A complex merged over its 업종 rows keeps its value only in the top cell.
    if (!complex && groupCol !== null && groupText) complex = lastComplex;
    const labels = [complex ?? '', typeText, groupText].filter(Boolean);
    const totalLabel = labels.find(isTotal) ?? '';
    if (complex && !isTotal(complex)) lastComplex = complex;
    if (labels.length === 0) continue;
    rows.push({
      row: d + 1,
      complex: complex && !isTotal(complex) ? complex : null,
      complexType: typeText && isComplexType(typeText) ? typeText : null,
      group: groupText ? industryGroupOf(groupText) : null,
      total: totalLabel !== '',
      totalLabel,
    });
  }
  if (!rows.some((x) => !x.total)) return { ok: false, reason: 'skipNoRows', title: title.text };
  return {
    ok: true,
    layout: {
      sheet: sheet.name,
      title: title.text,
      tableLabel,
      quarter: title.quarter,
      titleMetrics,
      unit,
      headerRows: headerRows.map((h) => h + 1),
      labelColumns: { complex: complexCol, type: typeCol, group: groupCol },
      columns,
      rows,
      raw: sheet,
    },
  };
}

function textRowFollows(sheet: RawSheet, r: number): boolean {
  for (let n = r + 1; n < sheet.rows.length; n++) {
    const row = sheet.rows[n] ?? [];
    if (filled(row).length === 0) continue;
    // The next row is a header too: text, and no figures (a data row always has some).
    return (
      row.some((v, c) => c > 0 && !isEmptyCell(v) && !isNumberLike(v)) &&
      !row.some((v, c) => c > 0 && isNumberLike(v) && !isYear(v))
    );
  }
  return false;
}

/** A year written as a number in a header (`2025 | 2026`), not a value. */
function isYear(v: CellValue | undefined): boolean {
  const n = typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1990 && n <= 2100;
}
