/**
 * Which problems make a row an error and which only a note (issue 6): public files write "no
 * value" as 미등록, 없음, 해당없음, `-` …; such a cell is blank, with a note. An optional field
 * whose value still cannot be read is left empty with a note and the row imports. Only required
 * and identity fields (a natural-key part, 사업자등록번호 / 법인등록번호) make a row an error.
 */
import type { EntityDef, FieldDef } from '../registry';
import { enumCode, enumOptions } from '../registry/schema';
import type { CellValue } from './rawSheet';

/** Spellings of "no value" (compared without spaces, case-insensitively). */
const NO_VALUE = new Set(
  [
    '미등록',
    '없음',
    '해당없음',
    '해당사항없음',
    '미상',
    '미기재',
    '미입력',
    '비공개',
    '미공개',
    '모름',
    '-',
    '--',
    '—',
    '–',
    '―',
    'n/a',
    'na',
    '.',
  ].map((s) => s.toLowerCase()),
);

/** First characters of the markers (and blanks): most cells are rejected on this alone. */
const FIRST = new Set([...NO_VALUE].map((s) => s[0]!).concat([' ', '\u00a0', '\u3000', 'N']));

/** The marker a cell holds (as written), or null when it holds a value. */
export function noValueMarker(field: FieldDef, cell: CellValue): string | null {
  // Called for every cell of a 100,000-row import: reject cheaply before any string work.
  if (typeof cell !== 'string' || cell.length > 12 || !FIRST.has(cell[0]!)) return null;
  const squashed = cell.replace(/[\s\u00a0\u3000]+/g, '').toLowerCase();
  if (!NO_VALUE.has(squashed)) return null;
  // An enum that has the word as an option (e.g. a status `없음`) reads it as that option.
  if ((field.kind === 'enum' || field.kind === 'multiEnum') && enumOptions(field).length > 0) {
    const code = enumCode(enumOptions(field), cell);
    if (enumOptions(field).some((o) => o.code === code)) return null;
  }
  return cell.trim();
}

/** Fields whose bad value makes the row an error: required ones and identity ones. */
export function identityFields(entity: EntityDef): Set<string> {
  const out = new Set<string>();
  for (const f of entity.fields) {
    if (f.required || f.kind === 'brn' || f.kind === 'crn') out.add(f.key);
  }
  for (const set of entity.naturalKeys ?? []) for (const k of set) out.add(k);
  return out;
}
