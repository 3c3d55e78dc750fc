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
import { parseKoreanNumber } from '../format/numbers';

/** Default length limits: a cell larger than this is an error, never silently truncated. */
export const DEFAULT_MAX_LENGTH = { text: 200, longText: 10_000, tags: 50 } as const;

const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/**
 * `1,234`, ` 1 234 `, full-width digits, `1.2억`, `3,500만원`, `△1,234` → a number; anything
 * else is left for zod to reject with the field's message.
 */
function toNumber(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.normalize('NFKC').replace(/[,\s]/g, '');
  if (/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(s)) return Number(s);
  return parseKoreanNumber(v) ?? v;
}

/** Spreadsheet cells of text columns often arrive as numbers (a year `2006`, a code `4719`). */
const numberToText = (v: unknown): unknown =>
  typeof v === 'number' && Number.isFinite(v) ? String(v) : v;

/** Spacing and separators people vary in labels: `창립·정기총회`, `창립 정기총회`, `인증/규제`. */
const looseKey = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s·・.,/_-]/g, '')
    .toLowerCase();

export function enumOptions(f: FieldDef): EnumOption[] {
  return (enums as Record<string, EnumOption[]>)[f.enumId ?? ''] ?? [];
}

/**
 * Maps a code, a label (ko/en) or a synonym to the option's code; failing an exact match, the
 * same ignoring spaces, dots and slashes. Unknown values are returned for zod to reject.
 */
export function enumCode(options: EnumOption[], v: unknown): unknown {
  // Numeric codes (satisfaction 1–5, KSIC revision 10/11) arrive as numbers from spreadsheets.
  if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
  if (typeof v !== 'string') return v;
  const s = v.normalize('NFKC').trim();
  const hit =
    options.find(
      (o) =>
        o.code === s ||
        o.label.ko.normalize('NFKC') === s ||
        o.label.en.toLowerCase() === s.toLowerCase() ||
        (o.synonyms ?? []).some((x) => x.normalize('NFKC') === s),
    ) ??
    options.find((o) =>
      [o.code, o.label.ko, o.label.en, ...(o.synonyms ?? [])].some(
        (x) => looseKey(x) === looseKey(s),
      ),
    );
  return hit ? hit.code : s;
}

const TRUE_WORDS = new Set(['y', 'yes', 'true', 'o', '○', '예', '네', '유', '여', '공유']);
const FALSE_WORDS = new Set([
  'n',
  'no',
  'false',
  'x',
  '×',
  '아니오',
  '아니요',
  '무',
  '부',
  '미공유',
]);

const splitList = (v: unknown): unknown =>
  typeof v === 'string'
    ? v
        .normalize('NFKC')
        .split(/[,;/\n]+/)
        .map((x) => x.trim())
        .filter(Boolean)
    : v;

/**
 * Typed tags split at commas (`,` `，`), `;` and line breaks, never at `/`: `CAD/CAE` is one
 * tag. (Imports split tag cells themselves, at commas and line breaks only: shared/import.)
 */
const splitTags = (v: unknown): unknown =>
  typeof v === 'string'
    ? v
        .normalize('NFKC')
        .split(/[,，;\r\n]+/)
        .map((x) => x.trim())
        .filter(Boolean)
    : v;

/**
 * Phone numbers as people write them: `02-123-4567`, `1588-1234`, `ARS-1566-2718`,
 * `051-123-4567~8` (a range of lines), `02-123-4567 (내선 123)` / `ext. 12`. Kept as written.
 */
export const PHONE_PATTERN =
  /^(?:ARS\s*[-:.]?\s*)?[0-9+()\-.\s~,/]{2,40}(?:\s*[([]?\s*(?:내선|ext\.?|#)\s*[:.]?\s*[0-9\-~,\s]{1,12}[)\]]?)?$/i;

/**
 * One quick check answers "zod says yes, value unchanged" without zod and must follow a change
 * here: shared/registry/quickRecord.ts, used for the push's verdict per field (server/sync/
 * rules.ts) and the pull's whole record (tests/unit/server/fieldCheck.test.ts and
 * tests/unit/shared/registry/quickRecord.test.ts compare it with zod on generated values).
 */
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
    z.preprocess((v) => {
      const t = numberToText(v);
      return typeof t === 'string' ? t.normalize('NFC').trim() : t;
    }, s);
  const numeric = (int: boolean) => {
    let n = z.number(typeErr('validation.notNumber'));
    if (int) n = n.int({ error: msg('validation.notInteger') });
    if (f.min !== undefined) n = n.min(f.min, { error: msg('validation.min', { min: f.min }) });
    if (f.max !== undefined) n = n.max(f.max, { error: msg('validation.max', { max: f.max }) });
    return z.preprocess(toNumber, n);
  };

  // `' , ; '` splits into no items: a required list reports it, an optional one stores nothing.
  const list = <T extends z.ZodArray>(arr: T): z.ZodType =>
    f.required
      ? arr.min(1, { error: msg('validation.required') })
      : arr.transform((items) => (items.length === 0 ? undefined : items));

  switch (f.kind) {
    case 'text':
    case 'longText':
      return trimmed(text());
    case 'phone':
      return trimmed(text().regex(PHONE_PATTERN, { error: msg('validation.phone') }));
    case 'email':
      return trimmed(
        z
          .email({ error: msg('validation.email') })
          .max(maxLen, { error: msg('validation.tooLong', { max: maxLen }) }),
      );
    case 'url':
      // Public lists write `www.example.co.kr` without a scheme: that is still a web address.
      return z.preprocess(
        (v) => (typeof v === 'string' && /^\s*www\./i.test(v) ? `http://${v.trim()}` : v),
        trimmed(text().regex(/^https?:\/\/\S+$/i, { error: msg('validation.url') })),
      );
    case 'integer':
    case 'money':
      return numeric(true);
    case 'decimal':
    case 'percent':
      return numeric(false);
    case 'boolean':
      // Spreadsheets mark yes/no as Y/N, O/X, 예/아니오, 유/무, ○/×.
      return z.preprocess(
        (v) => {
          if (v === 1) return true;
          if (v === 0) return false;
          if (typeof v !== 'string') return v;
          const s = v.normalize('NFKC').trim().toLowerCase();
          if (TRUE_WORDS.has(s)) return true;
          if (FALSE_WORDS.has(s)) return false;
          return v;
        },
        z.boolean(typeErr('validation.invalid')),
      );
    case 'date':
      return z.preprocess(
        (v) => parseDate(v) ?? v,
        z
          .string(typeErr('validation.date'))
          // parseDate(s) === s only for a real ISO date: `2006-02-30` has the shape but no day.
          .refine((s) => parseDate(s) === s, { error: msg('validation.date') }),
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
        (v) => {
          const items = Array.isArray(v) ? v : splitList(v);
          // a non-list (number, object) goes to zod untouched to be rejected, not crash here
          return Array.isArray(items) ? items.map((x) => enumCode(enumOptions(f), x)) : items;
        },
        list(z.array(z.enum(codes, { error: msg('validation.enum') }), typeErr('validation.enum'))),
      );
    }
    case 'tags':
      return z.preprocess(
        splitTags,
        list(
          z
            .array(
              z.string(typeErr('validation.invalid')).max(DEFAULT_MAX_LENGTH.tags, {
                error: msg('validation.tooLong', { max: DEFAULT_MAX_LENGTH.tags }),
              }),
              typeErr('validation.invalid'),
            )
            .max(100, { error: msg('validation.invalid') }),
        ),
      );
    case 'ref':
      return z
        .string(typeErr('validation.ref'))
        .min(1, { error: msg('validation.ref') })
        .max(64);
    case 'refs':
      return z
        .array(z.string(typeErr('validation.ref')).max(64), typeErr('validation.ref'))
        .max(500, { error: msg('validation.invalid') });
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
    // Checked before the kind's own schema so list kinds (tags, multiEnum) get this message too.
    const required = vm(lang, 'validation.required', { field: f.label[lang] });
    return z.preprocess((v, ctx) => {
      if (!isBlank(v)) return v;
      ctx.addIssue({ code: 'custom', message: required, input: v });
      return z.NEVER;
    }, base);
  }
  return z.preprocess((v) => (isBlank(v) ? undefined : v), base.optional());
}

/**
 * Keyed by the declaration object, not its name: a test or a future per-cluster variant may build
 * another EntityDef of the same name, and must not receive the first one's validator.
 */
const cache = new WeakMap<EntityDef, Partial<Record<Lang, z.ZodType<RecordData>>>>();

/** The entity's validator in one language (cached: declarations are immutable). */
export function entitySchema(entity: EntityDef, lang: Lang = 'ko'): z.ZodType<RecordData> {
  let byLang = cache.get(entity);
  if (!byLang) cache.set(entity, (byLang = {}));
  let s = byLang[lang];
  if (!s) {
    const shape: Record<string, z.ZodType> = {};
    for (const f of entity.fields) shape[f.key] = fieldSchema(f, lang);
    s = z.object(shape) as unknown as z.ZodType<RecordData>;
    byLang[lang] = s;
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
    const ruleErrors = (entity.recordRules ?? []).flatMap((rule) => rule(value, lang));
    if (ruleErrors.length > 0) return { ok: false, errors: ruleErrors };
    return { ok: true, value };
  }
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })),
  };
}
