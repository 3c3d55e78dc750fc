/**
 * One stored value → one typed export cell, shared by the CSV and XLSX writers so both files say
 * the same thing.
 *
 * Formula-injection rule (OWASP "CSV injection", as extended by ASVS 5.0 V1.2.10):
 * - every TEXT cell whose first character is `=`, `+`, `-`, `@`, tab, CR, LF or NUL gets a single
 *   quote `'` in front, in CSV and XLSX alike. Text means anything that is not a genuine number,
 *   date or timestamp: free text, codes (BRN, KSIC, phone), enum labels, reference titles, tags.
 * - a NUMBER cell is a finite JS number in a number-kind column (integer, decimal, money,
 *   percent). It is written as a number, negative ones included: `-5` in a money column is the
 *   number -5 in XLSX and the characters `-5` in CSV. Excel reads `-5` as a number, never a
 *   formula, and the writer formats it itself (`String(n)`), so no user text reaches that path.
 * - a number-kind column holding something that is not a finite number (bad data) falls back to
 *   text and is neutralised like any other text: `-5x` → `'-5x`.
 * Re-importing strips exactly one such quote (shared/import `unneutraliseFormula`), so values
 * round-trip unchanged; a stored text that itself starts with `'` + trigger gets a second quote.
 */
import { enumLabel, type EntityName, type Lang } from '../registry';
import { parseDate } from '../format/dates';
import { metaColumnFormat, type ExportColumn } from './columns';

/** Title of a referenced record; null/undefined when unknown (the id is written instead). */
export type ResolveRef = (entity: EntityName, id: string) => string | null | undefined;

export interface CellContext {
  lang: Lang;
  resolveRef?: ResolveRef;
}

export type ExportCell =
  | { type: 'empty' }
  | { type: 'number'; value: number; numFmt: string }
  /** ISO `YYYY-MM-DD` */
  | { type: 'date'; iso: string }
  /** a timestamp in the runtime's local time zone (the user's clock), to the minute */
  | { type: 'datetime'; local: string; parts: LocalParts }
  /** already neutralised */
  | { type: 'text'; text: string };

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export const NUMBER_FORMATS = {
  integer: '#,##0',
  money: '#,##0',
  decimal: '#,##0.0##',
  // Stored percentages are already ×100 (78.7 means 78.7 %): a literal `%`, not Excel's `0%`
  // which would multiply by 100 again.
  percent: '0.0"%"',
} as const;

const FORMULA_TRIGGER = /^[=+\-@\t\r\n\0]/;
/** Text that already looks neutralised (`'=x`) gets one more quote, so the importer's single
 *  strip (shared/import unneutraliseFormula) gives back exactly what was stored. */
const LOOKS_NEUTRALISED = /^'[=+\-@\t\r\n\0]/;

/** Prefixes `'` to text a spreadsheet could take for a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) || LOOKS_NEUTRALISED.test(text) ? `'${text}` : text;
}

const text = (s: string): ExportCell =>
  s === '' ? { type: 'empty' } : { type: 'text', text: neutraliseFormula(s) };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function datetimeCell(value: unknown): ExportCell {
  const d = typeof value === 'string' || typeof value === 'number' ? new Date(value) : value;
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return plainText(value);
  const parts: LocalParts = {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
  };
  const local = `${parts.year}-${pad(parts.month)}-${pad(parts.day)} ${pad(parts.hour)}:${pad(parts.minute)}`;
  return { type: 'datetime', local, parts };
}

/** Any value as text: arrays joined, objects as JSON (never `[object Object]`). */
function plainText(value: unknown): ExportCell {
  if (value === null || value === undefined) return { type: 'empty' };
  if (Array.isArray(value)) return text(value.map((v) => String(v)).join(', '));
  if (typeof value === 'object') return text(JSON.stringify(value));
  return text(String(value));
}

const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((v) => String(v))
    : value === null || value === undefined
      ? []
      : [String(value)];

function refTitle(col: ExportColumn, id: string, ctx: CellContext): string {
  if (!col.ref || !ctx.resolveRef) return id;
  return ctx.resolveRef(col.ref, id) ?? id;
}

export const booleanWord = (v: boolean, lang: Lang): string =>
  lang === 'ko' ? (v ? '예' : '아니오') : v ? 'Yes' : 'No';

/** Converts one stored value of `col` into the cell both writers emit. */
export function exportCell(col: ExportColumn, value: unknown, ctx: CellContext): ExportCell {
  if (value === null || value === undefined || value === '') return { type: 'empty' };
  switch (col.kind) {
    case 'integer':
    case 'money':
    case 'decimal':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value)
        ? { type: 'number', value, numFmt: col.plainDigits ? '0' : NUMBER_FORMATS[col.kind] }
        : plainText(value);
    case 'date': {
      const iso = typeof value === 'string' ? parseDate(value) : null;
      // Only a real ISO date becomes a date cell; anything else is kept as the text it is.
      return iso !== null && iso === value ? { type: 'date', iso } : plainText(value);
    }
    case 'boolean':
      return typeof value === 'boolean' ? text(booleanWord(value, ctx.lang)) : plainText(value);
    case 'enum':
      return text(enumLabel(col.enumId ?? '', String(value), ctx.lang));
    case 'multiEnum':
      return text(
        list(value)
          .map((c) => enumLabel(col.enumId ?? '', c, ctx.lang))
          .join(', '),
      );
    case 'ref':
      return text(refTitle(col, String(value), ctx));
    case 'refs':
      return text(
        list(value)
          .map((id) => refTitle(col, id, ctx))
          .join(', '),
      );
    case 'meta':
      if (metaColumnFormat(col.key) === 'datetime') return datetimeCell(value);
      return col.enumId ? text(enumLabel(col.enumId, String(value), ctx.lang)) : plainText(value);
    default:
      // text, longText, brn, crn, ksic, phone, email, url, tags: text, codes keep their zeros.
      return plainText(value);
  }
}

/** The cell as CSV text (before RFC 4180 quoting). */
export function cellText(cell: ExportCell): string {
  switch (cell.type) {
    case 'empty':
      return '';
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.iso;
    case 'datetime':
      return cell.local;
    case 'text':
      return cell.text;
  }
}
