/**
 * A quick path for validateRecord (schema.ts) on records that are already in their stored form,
 * such as a pulled record merged with this device's copy: every field a value that the field's
 * zod validator would accept AND return unchanged. For such a record zod's answer is the record
 * itself (its fields in declaration order), and building that answer here costs a few type tests
 * and one NFC check per text instead of zod's preprocess pipeline per field — which was ~0.9 s of
 * the 1.3 s of merge work per 20,000 pulled records (docs/BENCHMARKS.md, "Pull after session 7").
 *
 * The rule that keeps it exact: a quick check answers `true` only where the zod validator surely
 * returns the very same value; anything else (a value zod would normalise, reject or that is not
 * covered here) makes quickValidateRecord answer `undefined`, and the caller asks zod — so the
 * verdict, the stored value and the messages are zod's (held equal by
 * tests/unit/shared/registry/quickRecord.test.ts on generated records of every entity). A change
 * to schema.ts's field rules must be made here too, or left out here (then zod decides).
 */
import { parseDate } from '../format/dates';
import { formatBrn, formatCrn, isValidBrn, isValidCrn } from '../korean/ids';
import {
  DEFAULT_MAX_LENGTH,
  PHONE_PATTERN,
  enumCode,
  enumOptions,
  validateRecord,
  type ValidationResult,
} from './schema';
import type { EntityDef, FieldDef, Lang, RecordData } from './types';

/** true: the field's zod validator accepts `value` and returns it as it is (or an equal copy) */
export type QuickField = (value: unknown) => boolean;

/** A string that NFC + trim (the text kinds' preprocessing) leaves as it is, not blank. */
const isCleanText = (v: unknown): v is string =>
  typeof v === 'string' && v !== '' && v.normalize('NFC').trim() === v;

/** The text kinds: clean, within `max` UTF-16 units (zod counts code points: never more). */
function quickText(max: number, pattern?: RegExp): QuickField {
  return (v) => isCleanText(v) && v.length <= max && (!pattern || pattern.test(v));
}

function quickNumber(f: FieldDef, integer: boolean): QuickField {
  const { min, max } = f;
  return (v) =>
    typeof v === 'number' &&
    (integer ? Number.isSafeInteger(v) : Number.isFinite(v)) &&
    (min === undefined || v >= min) &&
    (max === undefined || v <= max);
}

/** The codes enumCode maps to themselves (a label of an earlier option could shadow a code). */
function fixedCodes(f: FieldDef): Set<string> {
  const options = enumOptions(f);
  return new Set(options.map((o) => o.code).filter((c) => enumCode(options, c) === c));
}

/** A non-empty list (an empty one is blank: dropped or "required") of at most `max` items. */
function quickList(max: number, item: (x: unknown) => boolean): QuickField {
  return (v) => Array.isArray(v) && v.length > 0 && v.length <= max && v.every(item);
}

const URL_PATTERN = /^https?:\/\/\S+$/i;
const KSIC_PATTERN = /^\d{1,5}(, \d{1,5})*$/;

/** The field's quick check, or undefined for the kinds left to zod alone (email). */
export function quickFieldOf(f: FieldDef): QuickField | undefined {
  const maxText = f.maxLength ?? DEFAULT_MAX_LENGTH.text;
  switch (f.kind) {
    case 'text':
      return quickText(maxText);
    case 'longText':
      return quickText(f.maxLength ?? DEFAULT_MAX_LENGTH.longText);
    case 'phone':
      return quickText(maxText, PHONE_PATTERN);
    case 'url':
      // an address starting `www.` is rewritten by zod; this pattern never matches one
      return quickText(maxText, URL_PATTERN);
    case 'integer':
    case 'money':
      return quickNumber(f, true);
    case 'decimal':
    case 'percent':
      return quickNumber(f, false);
    case 'boolean':
      return (v) => v === true || v === false;
    case 'date':
      // parseDate gives back unchanged only an ISO date of a real day
      return (v) => typeof v === 'string' && parseDate(v) === v;
    case 'enum': {
      const codes = fixedCodes(f);
      return (v) => typeof v === 'string' && codes.has(v);
    }
    case 'multiEnum': {
      const codes = fixedCodes(f);
      return quickList(Infinity, (x) => typeof x === 'string' && codes.has(x));
    }
    case 'tags':
      // a list is not split or trimmed, only its items' lengths are checked
      return quickList(100, (x) => typeof x === 'string' && x.length <= DEFAULT_MAX_LENGTH.tags);
    case 'ref':
      return (v) => typeof v === 'string' && v.length <= 64 && v.trim() !== '';
    case 'refs':
      return quickList(500, (x) => typeof x === 'string' && x.length <= 64);
    case 'ksic':
      // already `12, 345`: the split and join at commas gives it back
      return (v) => typeof v === 'string' && KSIC_PATTERN.test(v);
    case 'brn':
      return (v) => typeof v === 'string' && isValidBrn(v) && formatBrn(v) === v;
    case 'crn':
      return (v) => typeof v === 'string' && isValidCrn(v) && formatCrn(v) === v;
    default:
      return undefined;
  }
}

interface QuickEntity {
  fields: ReadonlyArray<{ key: string; required: boolean; quick: QuickField | undefined }>;
}

/** Per declaration (immutable), like schema.ts's validator cache. */
const cache = new WeakMap<EntityDef, QuickEntity>();

function quickEntityOf(entity: EntityDef): QuickEntity {
  let q = cache.get(entity);
  if (!q) {
    q = {
      fields: entity.fields.map((f) => ({
        key: f.key,
        required: f.required === true,
        quick: quickFieldOf(f),
      })),
    };
    cache.set(entity, q);
  }
  return q;
}

/**
 * validateRecord's value for `input` when that is surely `{ ok: true, value }` with `value`
 * equal to `input`'s fields in declaration order; otherwise undefined (ask validateRecord).
 */
export function quickValidateRecord(
  entity: EntityDef,
  input: Readonly<Record<string, unknown>>,
): RecordData | undefined {
  const q = quickEntityOf(entity);
  // Built from the declared fields only: a key the entity lacks is left out, as zod strips it.
  const value: RecordData = {};
  for (const f of q.fields) {
    const v = input[f.key];
    if (v === undefined) {
      if (f.required) return undefined;
      continue;
    }
    if (!f.quick?.(v)) return undefined;
    value[f.key] = v as RecordData[string];
  }
  // The rules across fields see what validateRecord would give them; an error: zod's path
  // reports it with its message.
  for (const rule of entity.recordRules ?? []) if (rule(value, 'ko').length > 0) return undefined;
  return value;
}

/** validateRecord's answer, by the quick path where it applies: the same verdict, value, messages. */
export function validateStoredRecord(
  entity: EntityDef,
  input: Record<string, unknown>,
  lang: Lang = 'ko',
): ValidationResult {
  const value = quickValidateRecord(entity, input);
  return value ? { ok: true, value } : validateRecord(entity, input, lang);
}
