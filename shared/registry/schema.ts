/**
 * Builds the zod validator of an entity from its declaration. Input may be what a user typed or
 * what an import read (strings with commas, `2006.4.1`, Korean enum labels); output is the
 * normalised record data that is stored. Messages are already in the requested language.
 */
import { z } from 'zod';
import type { EntityDef, FieldDef, Lang, RecordData } from './types';
import { enums, type EnumOption } from './enums';
import { validationMessage as vm } from '../i18n/validation';
import { digitsOnly, formatBrn, formatCrn, isValidBrn, isValidCrn } from '../korean/ids';
import { parseDate } from '../format/dates';

/** Default length limits: a cell larger than this is an error, never silently truncated. */
export const DEFAULT_MAX_LENGTH = { text: 200, longText: 10_000, tags: 50 } as const;

const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** `1,234`, ` 1 234 `, full-width digits → 1234; anything else left for zod to reject. */
function toNumber(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.normalize('NFKC').replace(/[,\s]/g, '');
  if (s === '' || !/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(s)) return v;
  return Number(s);
}

export function enumOptions(f: FieldDef): EnumOption[] {
  return (enums as Record<string, EnumOption[]>)[f.enumId ?? ''] ?? [];
}

/** Maps a code, a label (ko/en) or a synonym to the option's code. */
export function enumCode(options: EnumOption[], v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.normalize('NFKC').trim();
  const hit = options.find(
    (o) =>
      o.code === s ||
      o.label.ko.normalize('NFKC') === s ||
      o.label.en.toLowerCase() === s.toLowerCase() ||
      (o.synonyms ?? []).some((x) => x.normalize('NFKC') === s),
  );
  return hit ? hit.code : s;
}

const splitList = (v: unknown): unknown =>
  typeof v === 'string'
    ? v
        .normalize('NFKC')
        .split(/[,;/\n]+/)
        .map((x) => x.trim())
        .filter(Boolean)
    : v;

function baseSchema(f: FieldDef, lang: Lang): z.ZodType {
  const field = f.label[lang];
  const msg = (key: Parameters<typeof vm>[1], extra: Record<string, string | number> = {}) =>
    vm(lang, key, { field, ...extra });
  const typeErr = (key: Parameters<typeof vm>[1]) => ({
    error: (iss: { input?: unknown }) =>
      iss.input === undefined ? msg('validation.required') : msg(key),
  });
  const maxLen =
    f.maxLength ?? (f.kind === 'longText' ? DEFAULT_MAX_LENGTH.longText : DEFAULT_MAX_LENGTH.text);
  const text = () =>
    z
      .string(typeErr('validation.invalid'))
      .max(maxLen, { error: msg('validation.tooLong', { max: maxLen }) });
  const trimmed = (s: z.ZodType) =>
    z.preprocess((v) => (typeof v === 'string' ? v.normalize('NFC').trim() : v), s);
  const numeric = (int: boolean) => {
    let n = z.number(typeErr('validation.notNumber'));
    if (int) n = n.int({ error: msg('validation.notInteger') });
    if (f.min !== undefined) n = n.min(f.min, { error: msg('validation.min', { min: f.min }) });
    if (f.max !== undefined) n = n.max(f.max, { error: msg('validation.max', { max: f.max }) });
    return z.preprocess(toNumber, n);
  };

  switch (f.kind) {
    case 'text':
    case 'longText':
      return trimmed(text());
    case 'phone':
      return trimmed(text().regex(/^[0-9+()\-.\s~]{2,40}$/, { error: msg('validation.phone') }));
    case 'email':
      return trimmed(z.email({ error: msg('validation.email') }).max(maxLen));
    case 'url':
      return trimmed(text().regex(/^https?:\/\/\S+$/i, { error: msg('validation.url') }));
    case 'integer':
    case 'money':
      return numeric(true);
    case 'decimal':
    case 'percent':
      return numeric(false);
    case 'boolean':
      return z.preprocess(
        (v) =>
          v === 'Y' || v === '예' || v === 'true' || v === 1
            ? true
            : v === 'N' || v === '아니오' || v === 'false' || v === 0
              ? false
              : v,
        z.boolean(typeErr('validation.invalid')),
      );
    case 'date':
      return z.preprocess(
        (v) => parseDate(v) ?? v,
        z
          .string(typeErr('validation.date'))
          .regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg('validation.date') }),
      );
    case 'enum': {
      const codes = enumOptions(f).map((o) => o.code) as [string, ...string[]];
      return z.preprocess(
        (v) => enumCode(enumOptions(f), v),
        z.enum(codes, typeErr('validation.enum')),
      );
    }
    case 'multiEnum': {
      const codes = enumOptions(f).map((o) => o.code) as [string, ...string[]];
      return z.preprocess(
        (v) =>
          (Array.isArray(v) ? v : (splitList(v) as unknown[])).map((x) =>
            enumCode(enumOptions(f), x),
          ),
        z.array(z.enum(codes, { error: msg('validation.enum') })),
      );
    }
    case 'tags':
      return z.preprocess(
        splitList,
        z
          .array(
            z
              .string()
              .max(DEFAULT_MAX_LENGTH.tags, {
                error: msg('validation.tooLong', { max: DEFAULT_MAX_LENGTH.tags }),
              }),
          )
          .max(100),
      );
    case 'ref':
      return z
        .string(typeErr('validation.ref'))
        .min(1, { error: msg('validation.ref') })
        .max(64);
    case 'refs':
      return z.array(z.string().max(64)).max(500);
    case 'ksic':
      // Several codes in one cell are common (`29, 291`, `29，291`); kept as text with leading zeros.
      return z.preprocess(
        (v) =>
          typeof v === 'number'
            ? String(v)
            : typeof v === 'string'
              ? (splitList(v.replace(/，/g, ',')) as string[]).join(', ')
              : v,
        z
          .string(typeErr('validation.ksic'))
          .regex(/^\d{1,5}(, \d{1,5})*$/, { error: msg('validation.ksic') }),
      );
    case 'brn':
      return z.preprocess(
        (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : v),
        z
          .string(typeErr('validation.brnLength'))
          .refine((s) => digitsOnly(s).length === 10, {
            error: msg('validation.brnLength'),
            abort: true,
          })
          .refine(isValidBrn, { error: msg('validation.brnChecksum') })
          .transform(formatBrn),
      );
    case 'crn':
      return z.preprocess(
        (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : v),
        z
          .string(typeErr('validation.crnLength'))
          .refine((s) => digitsOnly(s).length === 13, {
            error: msg('validation.crnLength'),
            abort: true,
          })
          .refine(isValidCrn, { error: msg('validation.crnChecksum') })
          .transform(formatCrn),
      );
  }
}

export function fieldSchema(f: FieldDef, lang: Lang): z.ZodType {
  const base = baseSchema(f, lang);
  // Blank input means "no value": optional fields drop it, required ones report it in Korean.
  if (f.required) {
    return z.preprocess((v) => (isBlank(v) ? undefined : v), base);
  }
  return z.preprocess((v) => (isBlank(v) ? undefined : v), base.optional());
}

const cache = new Map<string, z.ZodType<RecordData>>();

/** The entity's validator in one language (cached: schemas are immutable). */
export function entitySchema(entity: EntityDef, lang: Lang = 'ko'): z.ZodType<RecordData> {
  const key = `${entity.name}:${lang}`;
  let s = cache.get(key);
  if (!s) {
    const shape: Record<string, z.ZodType> = {};
    for (const f of entity.fields) shape[f.key] = fieldSchema(f, lang);
    s = z.object(shape) as unknown as z.ZodType<RecordData>;
    cache.set(key, s);
  }
  return s;
}

export interface FieldError {
  field: string;
  message: string;
}

export type ValidationResult =
  { ok: true; value: RecordData } | { ok: false; errors: FieldError[] };

/** Validates and normalises record data; every field error is listed, keyed by field. */
export function validateRecord(
  entity: EntityDef,
  input: Record<string, unknown>,
  lang: Lang = 'ko',
): ValidationResult {
  const r = entitySchema(entity, lang).safeParse(input);
  if (r.success) {
    // Drop undefined keys so stored records stay small.
    const value: RecordData = {};
    for (const [k, v] of Object.entries(r.data)) if (v !== undefined) value[k] = v;
    return { ok: true, value };
  }
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })),
  };
}
