/**
 * What a column's values say about the field it could be (issue 6: mapping looked only at
 * headers, so a `구분` column holding 1, 2, 3 … mapped to 기관유형 at 100 % and every row failed).
 * A sample of each column is scored against a candidate field's kind: the share of values that
 * are options or synonyms of an enum, valid 사업자등록번호 check digits, dates, numbers. Serial
 * number columns (순번, 연번, No, or 1..N) are recognised and left unmapped.
 */
import type { FieldDef } from '../registry';
import { enumCode, enumOptions } from '../registry/schema';
import { digitsOnly, isValidBrn, isValidCrn } from '../korean/ids';
import { parseDate } from '../format/dates';
import { normalizeHeader } from './mapping';
import { noValueMarker } from './optionalValues';
import type { CellValue } from './rawSheet';
import { parseNumberCell } from './units';

/** Rows sampled per column: enough to judge, cheap on a 100,000-row file. */
export const SAMPLE_ROWS = 200;
/** Fewer non-blank values than this: the values give no opinion. */
const MIN_VALUES = 3;
/** A candidate whose values fit less than this share is refused. */
export const MIN_VALUE_FIT = 0.5;

/** The first SAMPLE_ROWS values of each column (blanks kept, so 1..N stays visible). */
export function sampleColumns(
  rows: ReadonlyArray<{ cells: readonly CellValue[]; isTotal?: boolean }>,
  width: number,
): CellValue[][] {
  const out: CellValue[][] = Array.from({ length: width }, () => []);
  let taken = 0;
  for (const r of rows) {
    if (r.isTotal) continue;
    for (let c = 0; c < width; c++) out[c]!.push(r.cells[c] ?? null);
    if (++taken >= SAMPLE_ROWS) break;
  }
  return out;
}

const SERIAL_HEADERS = new Set([
  '순번',
  '연번',
  '번호',
  '일련번호',
  '순서',
  'no',
  'num',
  '#',
  '번',
]);

const asInteger = (v: CellValue): number | null => {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*\d{1,7}\s*$/.test(v)) return Number(v);
  return null;
};

/** 순번 / 연번 / No, or values 1, 2, 3 … counting up by one from the first row. */
export function isSerialColumn(header: string, values: readonly CellValue[]): boolean {
  if (SERIAL_HEADERS.has(normalizeHeader(header))) return true;
  const filled = values.filter((v) => v !== null && v !== '');
  if (filled.length < 5 || filled.length < values.length) return false;
  const first = asInteger(filled[0]!);
  if (first === null || first > 1) return false;
  return filled.every((v, i) => asInteger(v) === first + i);
}

function fits(field: FieldDef, v: CellValue): boolean {
  switch (field.kind) {
    case 'enum': {
      const options = enumOptions(field);
      const code = enumCode(options, v);
      return options.some((o) => o.code === code);
    }
    case 'multiEnum': {
      const options = enumOptions(field);
      return String(v)
        .split(/[,;/\n]+/)
        .filter((x) => x.trim())
        .every((x) => options.some((o) => o.code === enumCode(options, x)));
    }
    case 'brn':
      return isValidBrn(digitsOnly(String(v)));
    case 'crn':
      return isValidCrn(digitsOnly(String(v)));
    case 'date':
      return (
        v instanceof Date ||
        // an Excel date serial, or 20060401 written as a number
        (typeof v === 'number' && ((v > 0 && v < 100_000) || /^\d{8}$/.test(String(v)))) ||
        parseDate(v) !== null
      );
    case 'integer':
    case 'decimal':
    case 'money':
    case 'percent': {
      const n = parseNumberCell(v);
      return n.ok;
    }
    case 'ksic':
      return /^\s*\d{1,5}/.test(String(v));
    case 'email':
      return String(v).includes('@');
    default:
      return true;
  }
}

/** Kinds whose values can be judged; text kinds give no opinion. */
const JUDGED = new Set([
  'enum',
  'multiEnum',
  'brn',
  'crn',
  'date',
  'integer',
  'decimal',
  'money',
  'percent',
  'ksic',
  'email',
]);

export interface ValueFit {
  /** share of the sampled non-blank values that fit the field */
  share: number;
  /** a few values that do not fit, as written */
  misfits: string[];
}

/** How well a column's sampled values fit `field`; null when they give no opinion. */
export function valueFit(field: FieldDef, values: readonly CellValue[]): ValueFit | null {
  if (!JUDGED.has(field.kind)) return null;
  const filled = values.filter(
    (v) => v !== null && v !== '' && !(typeof v === 'string' && noValueMarker(field, v) !== null),
  );
  if (filled.length < MIN_VALUES) return null;
  let ok = 0;
  const misfits: string[] = [];
  for (const v of filled) {
    if (fits(field, v)) ok++;
    else if (misfits.length < 3) misfits.push(v instanceof Date ? v.toISOString() : String(v));
  }
  return { share: ok / filled.length, misfits };
}
