/**
 * Record ↔ form conversion. A form holds what the user sees and types (text with thousands
 * separators, `2006.4.1`, comma-separated tags); a record holds typed values. Validation and
 * normalisation proper stay in the registry (validateRecord); this module only reshapes.
 */
import type { EntityDef, FieldDef, RecordData, StoredRecord } from '../../../shared/registry';
import { parseDate } from '../../../shared/format/dates';
import { parseKoreanNumber } from '../../../shared/format/numbers';

export type FormValue = string | string[] | boolean;
export type FormValues = Record<string, FormValue>;

const NUMERIC = new Set(['integer', 'decimal', 'money', 'percent']);
export const isNumericField = (f: FieldDef): boolean => NUMERIC.has(f.kind);
const isListField = (f: FieldDef) => f.kind === 'multiEnum' || f.kind === 'refs';

/** `1234567.5` → `1,234,567.5`: separators on the integer part only, fraction kept as typed. */
export function groupThousands(plain: string): string {
  const m = /^(-?)(\d+)(\.\d*)?$/.exec(plain);
  if (!m) return plain;
  const int = (m[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${m[1] ?? ''}${int}${m[3] ?? ''}`;
}

/** A number as the form shows it: `1,234,000` (no unit, no rounding). */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return '';
  // toString would give `1e21` for huge values; fixed notation is what people type back.
  const plain = Math.abs(n) >= 1e21 ? n.toFixed(0) : String(n);
  return groupThousands(plain);
}

/**
 * On blur: `1234567` → `1,234,567`, `1.2억` → `120,000,000`. Text that is not a number is
 * left alone so the user sees what they typed next to the error.
 */
export function normaliseNumberText(text: string, plainDigits = false): string {
  if (text.trim() === '') return '';
  const n = parseKoreanNumber(text);
  if (n === null) return text;
  // A year or code reads as written: "2006", never "2,006".
  return plainDigits ? String(n) : numberToText(n);
}

/** On blur: `2006.4.1` / `20060401` → `2006-04-01`; not a date → left alone (error shows). */
export function normaliseDateText(text: string): string {
  if (text.trim() === '') return '';
  return parseDate(text) ?? text;
}

export function emptyFormValue(field: FieldDef): FormValue {
  if (field.kind === 'boolean') return false;
  if (isListField(field)) return [];
  return '';
}

/** One stored value as the form shows it. */
export function toFormValue(field: FieldDef, value: unknown): FormValue {
  if (value === undefined || value === null) return emptyFormValue(field);
  if (field.kind === 'boolean') return value === true;
  if (isListField(field)) return Array.isArray(value) ? value.map(String) : [];
  if (field.kind === 'tags') return Array.isArray(value) ? value.join(', ') : String(value);
  if (isNumericField(field) && typeof value === 'number') {
    return field.plainDigits ? String(value) : numberToText(value);
  }
  return String(value);
}

/** A stored record (or nothing, for a new one) → the form's values for every field. */
export function recordToFormValues(
  entity: EntityDef,
  record?: StoredRecord | RecordData | Readonly<Record<string, unknown>>,
): FormValues {
  const values: FormValues = {};
  for (const f of entity.fields) values[f.key] = toFormValue(f, record?.[f.key]);
  return values;
}

const splitTags = (text: string): string[] =>
  text
    .split(/[,，;\n]+/)
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * One form value → the input validateRecord/mutate expect. Blank → undefined. Numbers with
 * separators or 억/만 become numbers; unreadable text is passed on as is, so validation reports
 * "숫자를 입력하세요" instead of the value silently vanishing.
 */
export function formValueToInput(field: FieldDef, value: FormValue | undefined): unknown {
  if (value === undefined) return undefined;
  if (field.kind === 'boolean') return value === true;
  if (Array.isArray(value)) return value.length === 0 ? undefined : [...value];
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (isNumericField(field)) return parseKoreanNumber(text) ?? text;
  if (field.kind === 'date') return parseDate(text) ?? text;
  if (field.kind === 'tags') {
    const tags = splitTags(text);
    return tags.length === 0 ? undefined : tags;
  }
  // Keep inner whitespace and line breaks as typed; the schema trims the ends.
  return value;
}

/** All form values → record input; blank fields are left out (a new record stays small). */
export function formValuesToInput(entity: EntityDef, values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of entity.fields) {
    const v = formValueToInput(f, values[f.key]);
    if (v !== undefined) input[f.key] = v;
  }
  return input;
}

export const sameFormValue = (a: FormValue | undefined, b: FormValue | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Keys whose form value differs from the initial one. */
export function changedFieldKeys(
  entity: EntityDef,
  initial: FormValues,
  current: FormValues,
): string[] {
  return entity.fields.map((f) => f.key).filter((k) => !sameFormValue(initial[k], current[k]));
}

/**
 * The partial patch of an update: only changed fields. A cleared field is sent as `null`
 * (not left out, which would mean "unchanged"; null also survives JSON in the outbox).
 */
export function updatePatch(
  entity: EntityDef,
  initial: FormValues,
  current: FormValues,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of changedFieldKeys(entity, initial, current)) {
    const field = entity.fields.find((f) => f.key === key);
    if (!field) continue;
    patch[key] = formValueToInput(field, current[key]) ?? null;
  }
  return patch;
}

/** Field errors keyed by field; the first message per field wins (the most basic problem). */
export function errorsByField(
  errors: ReadonlyArray<{ field: string; message: string }>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) if (!(e.field in out)) out[e.field] = e.message;
  return out;
}
