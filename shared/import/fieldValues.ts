/**
 * One cell → the input `validateRecord` expects for one field. Only what the validator cannot
 * know is done here: money units (백만원 → 원), `X` in number cells, Excel serials and Date cells,
 * `외 N 종` after an industry name, numbers that must stay text (codes). Everything else (`1,234`,
 * `2006.4.1`, Korean enum labels, `，` between KSIC codes) the registry's validator already reads.
 */
import type { FieldDef, RecordData } from '../registry';
import { digitsOnly } from '../korean/ids';
import { parseDate } from '../format/dates';
import { importMessage } from './messages';
import { parseNumberCell, toStorageAmount, type MoneyScale } from './units';
import type { CellValue } from './rawSheet';

export interface FieldInput {
  value: unknown;
  notes: string[];
}

const MORE_INDUSTRIES = /\s*(외\s*\d+\s*종)\s*$/;

/**
 * The export's formula-injection marker (shared/export/cells.ts): a text cell starting with a
 * character a spreadsheet could run (`= + - @`, tab, CR, LF, NUL) was written with a `'` in
 * front. Removing exactly that `'` gives the stored text back (`+82-54-…`, `-주식회사`,
 * `=HYPERLINK(…)` as plain text). Nothing is ever evaluated: the value stays text.
 */
const NEUTRALISED = /^'[=+\-@\t\r\n\0]/;

export function unneutraliseFormula(cell: CellValue): CellValue {
  return typeof cell === 'string' && NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** Multi-line text as written: line breaks (LF or CRLF) and inner spacing kept, outer blanks trimmed. */
function asLongText(v: CellValue): string | null {
  if (v === null) return null;
  if (v instanceof Date) return parseDate(v);
  return String(v).trim() || null;
}

/**
 * Tags are free words such as `CAD/CAE` or `R&D; 시험`: only a comma (`,` `，`) or a line break
 * separates them, never `/` or `;`. Split here so the registry's own list splitting (for typed
 * input) never sees the cell.
 */
function asTags(v: CellValue): string[] | null {
  if (v === null) return null;
  const text = v instanceof Date ? (parseDate(v) ?? '') : String(v);
  const tags = text
    .split(/[,，\r\n]+/)
    .map((t) => t.replace(/[\u00a0\u3000\s]+/g, ' ').trim())
    .filter(Boolean);
  return tags.length > 0 ? tags : null;
}

/** Whitespace asText would rewrite: any blank but a plain space, two spaces, outer spaces. */
const UNTIDY_SPACE = /[^\S ]| {2}|^ | $/;

function asText(v: CellValue): string | null {
  if (v === null) return null;
  if (v instanceof Date) return parseDate(v);
  // Most cells are tidy already: skip the two rewrites (100k-row imports call this per cell).
  if (typeof v === 'string' && !UNTIDY_SPACE.test(v)) return v || null;
  return (
    String(v)
      .replace(/[\u00a0\u3000]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || null
  );
}

/**
 * Converts one cell for `field`; `scale` is the money unit the column is written in.
 * `hasCodeColumn`: the file has a KSIC code column, so a cut `외 N 종` is still there.
 */
export function fieldInput(
  field: FieldDef,
  cell: CellValue,
  scale: MoneyScale | null,
  hasCodeColumn = false,
): FieldInput {
  const notes: string[] = [];
  switch (field.kind) {
    case 'money':
    case 'integer':
    case 'decimal':
    case 'percent': {
      const n = parseNumberCell(cell);
      if (n.suppressed) {
        notes.push(importMessage('suppressed', { column: field.label.ko }));
        return { value: null, notes };
      }
      if (!n.ok || n.value === null) return { value: n.ok ? null : cell, notes };
      if (field.kind !== 'money') return { value: n.value, notes };
      // Only a unit of the field's own currency applies (a 천달러 column never feeds a KRW field).
      const usable = scale && scale.currency === (field.unit ?? 'KRW') ? scale : null;
      return { value: toStorageAmount(n.value, usable), notes };
    }
    case 'date': {
      if (typeof cell === 'number' && /^\d{8}$/.test(String(cell))) {
        return { value: parseDate(String(cell)) ?? cell, notes };
      }
      return { value: cell === null ? null : (parseDate(cell) ?? cell), notes };
    }
    case 'brn':
    case 'crn':
      return { value: typeof cell === 'number' ? String(cell) : asText(cell), notes };
    case 'ksic':
      // A numeric KSIC cell has already lost its leading zeros in Excel; keep what is there.
      return { value: typeof cell === 'number' ? String(cell) : asText(cell), notes };
    case 'boolean':
      return { value: typeof cell === 'string' ? cell.trim() : cell, notes };
    case 'longText':
      return { value: asLongText(cell), notes };
    case 'tags':
      return { value: asTags(cell), notes };
    case 'multiEnum':
      // Line breaks separate labels too: keep them for the registry's list splitting.
      return { value: asLongText(cell), notes };
    case 'text': {
      const text = asText(cell);
      const more = text ? MORE_INDUSTRIES.exec(text) : null;
      if (text && more && more.index > 0) {
        const suffix = more[1]!.replace(/\s+/g, ' ');
        // Only claim the codes are elsewhere when the file has a code column.
        notes.push(
          importMessage(hasCodeColumn ? 'industryMore' : 'industryMoreNoCode', { suffix }),
        );
        return { value: text.slice(0, more.index), notes };
      }
      return { value: text, notes };
    }
    default:
      return { value: cell instanceof Date ? parseDate(cell) : asText(cell), notes };
  }
}

const LEGAL_FORMS =
  /\(\s*(주|유|사|재|합|株)\s*\)|주식회사|유한회사|유한책임회사|합자회사|합명회사|사단법인|재단법인/g;

/**
 * Normalises a value for duplicate matching only (never stored): `(주)`, `㈜` and `주식회사` are
 * the same company, spaces/NBSP/punctuation and letter case do not matter, BRNs compare by digits.
 */
export function matchKey(field: FieldDef | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const s = Array.isArray(value) ? value.join(',') : String(value);
  if (field?.kind === 'brn' || field?.kind === 'crn') return digitsOnly(s);
  return s
    .normalize('NFKC')
    .replace(LEGAL_FORMS, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();
}

/** The natural-key strings of a record, in the entity's priority order (blank keys left out). */
export function naturalKeyStrings(
  keySets: readonly string[][],
  fields: readonly FieldDef[],
  values: RecordData,
): string[] {
  const out: string[] = [];
  for (const set of keySets) {
    const parts = set.map((k) =>
      matchKey(
        fields.find((f) => f.key === k),
        values[k],
      ),
    );
    if (parts.every((p) => p !== '')) out.push(`${set.join('+')}=${parts.join('\u241f')}`);
  }
  return out;
}
