/**
 * The quick path of validateRecord (shared/registry/quickRecord.ts) against zod's: on generated
 * records of every entity of the registry — stored-form values, values zod would normalise or
 * reject, missing and unknown fields — validateStoredRecord gives exactly validateRecord's
 * answer (verdict, value with its key order, messages), and the quick path does answer for the
 * records a pull usually brings (so the comparison is not vacuous).
 */
import { describe, expect, it } from 'vitest';
import {
  entities,
  enumOptions,
  validateRecord,
  validateStoredRecord,
  type EntityDef,
  type FieldDef,
  type Lang,
} from '../../../../shared/registry';
import { quickValidateRecord } from '../../../../shared/registry/quickRecord';
import { mulberry32 } from '../../../../shared/demo/random';
import { generateDemoData } from '../../../../shared/demo';
import { enumInputsOf, textLimitOf } from '../../../support/fieldInputs';
import { brnCheckDigit, crnCheckDigit } from '../../../../shared/korean/ids';

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;

const WORDS = ['구미', '기업', 'Acme', '광주', '지원', '12', '(주)', 'a.b', '–', '\u1100\u1161'];

/** A value in the field's stored form (what the app writes and a pull brings). */
function storedValue(f: FieldDef, r: Rand): unknown {
  const codes = enumOptions(f).map((o) => o.code);
  const max = f.maxLength ?? (f.kind === 'longText' ? 10_000 : 200);
  const words = (n: number) =>
    Array.from({ length: n }, () => pick(r, WORDS.slice(0, 8))).join(' ');
  const inRange = (int: boolean) => {
    const lo = f.min ?? -1000;
    const hi = f.max ?? 1_000_000;
    const v = lo + r() * (hi - lo);
    return int ? Math.floor(v) : Math.round(v * 100) / 100;
  };
  switch (f.kind) {
    case 'text':
      return r() < 0.05 ? '가'.repeat(max) : words(1 + int(r, 4));
    case 'longText':
      return `${words(1 + int(r, 6))}\n${words(2)}`;
    case 'phone':
      return pick(r, ['054-123-4567', '02-123-4567 (내선 12)', '1588-1234', 'ARS-1566-2718']);
    case 'url':
      return pick(r, ['https://example.co.kr', 'http://a.kr/b?c=1']);
    case 'email':
      return 'a@b.kr';
    case 'integer':
    case 'money':
      return inRange(true);
    case 'decimal':
    case 'percent':
      return inRange(false);
    case 'boolean':
      return r() < 0.5;
    case 'date':
      return `20${10 + int(r, 20)}-0${1 + int(r, 9)}-${10 + int(r, 18)}`;
    case 'enum':
      return pick(r, codes);
    case 'multiEnum':
      return [pick(r, codes), pick(r, codes)];
    case 'tags':
      return ['CAD/CAE', pick(r, WORDS)];
    case 'ref':
      return `01J9ZX${int(r, 10_000)}`;
    case 'refs':
      return [`01J9ZX${int(r, 100)}`, `01J9ZY${int(r, 100)}`];
    case 'ksic':
      return pick(r, ['29', '29, 291', '01234']);
    case 'brn': {
      const d = String(100_000_000 + int(r, 899_999_999));
      return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}${brnCheckDigit(d)}`;
    }
    case 'crn': {
      const d = String(100_000_000_000 + int(r, 899_999_999_999));
      return `${d.slice(0, 6)}-${d.slice(6)}${crnCheckDigit(d)}`;
    }
  }
}

// pieces whose normalisation, trimming or counting differs (as in the push's field-check test)
const PIECES = ['a', '7', '-', ' ', '\u3000', '\t', '\n', '가', '\u1100\u1161', '\u0958', '😀'];

/** A value near the kind's edges: one zod normalises, rejects, or takes as it is. */
function edgeValue(f: FieldDef, r: Rand): unknown {
  const max = textLimitOf(f);
  const codes = enumInputsOf(f);
  const stored = storedValue(f, r);
  const text = (n: number) => Array.from({ length: n }, () => pick(r, PIECES)).join('');
  return pick<() => unknown>(r, [
    () => pick(r, [null, '', ' ', '\u3000', [], {}, NaN, Infinity, -0, 2 ** 53, 1e21]),
    () => pick(r, [true, false, 0, 1, -1, 0.5, '1', '1,234', 'Y', '예', '2024-02-29']),
    () => pick(r, ['2023-02-29', '2024-2-9', '2024.02.29', ' 2024-02-29', 'www.a.kr']),
    () => pick(r, ['x'.repeat(max + 1), '\u0958'.repeat(Math.ceil(max / 2) + 1), 'x'.repeat(65)]),
    () => pick(r, ['1234567890', '1234561234567', '29,291', '29， 291', '02-123-4567 ext 9']),
    () => (typeof stored === 'string' ? ` ${stored}` : stored),
    () => (typeof stored === 'string' ? stored.normalize('NFD') : [stored]),
    () => (typeof stored === 'number' ? String(stored) : stored),
    () => (f.min !== undefined ? f.min - pick(r, [0, 0.5, 1]) : stored),
    () => (f.max !== undefined ? f.max + pick(r, [0, 0.5, 1]) : stored),
    () => (codes.length > 0 ? pick(r, codes) : text(int(r, 8))),
    () => (codes.length > 0 ? [pick(r, codes), pick(r, codes).toLowerCase()] : [text(3)]),
    () => text(int(r, 12)),
    () => Array.from({ length: pick(r, [0, 1, 101, 501]) }, () => 'x'),
  ])();
}

/** A record of `entity`: mostly stored-form values, some absent, some edge values. */
function generatedRecord(entity: EntityDef, r: Rand, edgeRate: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of entity.fields) {
    const roll = r();
    if (roll < 0.15 && !f.required) continue;
    if (roll < 0.17) continue; // a required field may be missing too (a partial new record)
    out[f.key] = r() < edgeRate ? edgeValue(f, r) : storedValue(f, r);
    if (r() < 0.02) out[f.key] = undefined;
  }
  if (r() < 0.03) out.notAField = 'x';
  return out;
}

/** validateStoredRecord and validateRecord give the same answer, keys in the same order. */
function expectSame(entity: EntityDef, input: Record<string, unknown>, lang: Lang): boolean {
  const quick = quickValidateRecord(entity, input);
  const got = validateStoredRecord(entity, input, lang);
  const want = validateRecord(entity, input, lang);
  const where = `${entity.name} ${lang} ${JSON.stringify(input)}`;
  expect(got, where).toEqual(want);
  if (got.ok && want.ok) expect(Object.keys(got.value), where).toEqual(Object.keys(want.value));
  return quick !== undefined;
}

describe('quick record validation', () => {
  it('gives validateRecord’s answer on generated records of every entity', () => {
    for (const [n, entity] of entities.entries()) {
      const r = mulberry32(9000 + n);
      let quick = 0;
      let slow = 0;
      for (let i = 0; i < 300; i += 1) {
        const lang: Lang = i % 4 === 3 ? 'en' : 'ko';
        const input = generatedRecord(entity, r, i % 3 === 0 ? 0 : 0.08);
        if (expectSame(entity, input, lang)) quick += 1;
        else slow += 1;
      }
      // both paths must occur for the comparison to mean something
      expect(quick, entity.name).toBeGreaterThan(15);
      expect(slow, entity.name).toBeGreaterThan(15);
    }
  });

  it('takes the quick path for the demo data’s stored records, with zod’s answer', () => {
    let quick = 0;
    let total = 0;
    for (const { entity: name, rows } of generateDemoData()) {
      const entity = entities.find((e) => e.name === name)!;
      for (const row of rows.slice(0, 200)) {
        total += 1;
        if (expectSame(entity, row.values, 'ko')) quick += 1;
      }
    }
    expect(quick).toBeGreaterThan(total * 0.9);
  });

  it('leaves a record with a rule error across fields to zod (its message)', () => {
    const entity = entities.find((e) => (e.recordRules ?? []).length > 0)!;
    const r = mulberry32(77);
    let ruleErrors = 0;
    for (let i = 0; i < 400; i += 1) {
      const input = generatedRecord(entity, r, 0);
      const want = validateRecord(entity, input, 'ko');
      if (!want.ok && Object.keys(input).length > 0) ruleErrors += 1;
      expectSame(entity, input, 'ko');
    }
    expect(ruleErrors).toBeGreaterThan(0);
  });
});
