/**
 * How the report prints numbers: counts as `1,234` (the column says 건), changes with a sign
 * (`+3`, `−2`, `0`), percent changes in percentage points (`+1.2%p`), money in 억원 and 만 달러,
 * and an unknown value as `–` (never 0).
 */
import {
  formatKrwSummary,
  formatNumber,
  formatPercent,
  formatUsdSummary,
} from '../../../shared/format/numbers';
import type { Lang } from '../../../shared/registry';
import type {
  ColumnKind,
  IndicatorUnit,
  KeyFigureUnit,
  ReportCell,
} from '../../../shared/report/monthly';

export const UNKNOWN = '–';
const MINUS = '−';

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function formatFigure(n: number | null, unit: KeyFigureUnit | IndicatorUnit, lang: Lang) {
  if (n === null) return UNKNOWN;
  switch (unit) {
    case 'percent':
      return formatPercent(n, 1, lang);
    case 'days':
      return formatNumber(round1(n), lang);
    case 'krw':
      return formatKrwSummary(n, lang);
    case 'usd':
      return formatUsdSummary(n, lang);
    default:
      return formatNumber(n, lang);
  }
}

/** A change with its sign; `0` has none. */
export function formatChange(
  n: number | null,
  unit: KeyFigureUnit | IndicatorUnit,
  lang: Lang,
): string {
  if (n === null) return UNKNOWN;
  const v = unit === 'percent' || unit === 'days' ? round1(n) : n;
  if (v === 0) return unit === 'percent' ? '0%p' : '0';
  const sign = v > 0 ? '+' : MINUS;
  const abs = Math.abs(v);
  const body =
    unit === 'percent'
      ? `${formatNumber(abs, lang)}%p`
      : formatFigure(abs, unit === 'days' ? 'count' : unit, lang);
  return `${sign}${body}`;
}

/**
 * Characters of 9pt text that fit a column of `widthPercent` of the A4 text width (180 mm; a
 * Korean glyph is about 3.2 mm wide, Latin ones narrower), so a row stays one line.
 */
export function columnChars(widthPercent: number): number {
  return Math.max(2, Math.floor(widthPercent * 0.5));
}

/**
 * A cell's text, cut with '…' to what fits its column. Cut here rather than by CSS
 * `overflow: hidden`: a clipped cell becomes a clip path in the PDF, and thousands of them made
 * printing a long report several times slower (docs/BENCHMARKS.md).
 */
export function formatCell(
  value: ReportCell,
  kind: ColumnKind,
  lang: Lang,
  widthPercent = 100,
): string {
  if (value === null || value === '') return kind === 'count' || kind === 'number' ? UNKNOWN : '';
  const text = typeof value === 'number' ? formatNumber(value, lang) : value;
  const max = columnChars(widthPercent);
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}
