/**
 * The push's quick field checks (shared/registry/quickRecord.ts `quickFieldOf`, used by
 * server/sync/rules.ts) against the registry's zod validators:
 * for every field of every entity that has a quick check, over generated values near each kind's
 * edges, a quick yes is always zod's yes — so a change is judged exactly as by zod alone (a quick
 * no goes to zod). And the quick check does say yes to the values clients usually send.
 */
import { describe, expect, it } from 'vitest';
import { entities, enumOptions, fieldSchema, type FieldDef } from '../../../shared/registry';
import { quickFieldOf as quickCheckOf } from '../../../shared/registry/quickRecord';
import { mulberry32 } from '../../../shared/demo/random';
import { enumInputsOf, textLimitOf } from '../../support/fieldInputs';

/** seeded (mulberry32), so a failure is repeatable */
const rng = mulberry32;

// pieces whose normalisation, trimming or counting differs: a composed and a decomposed 가,
// a composition exclusion (U+0958 → 2 units under NFC), full-width and emoji, spaces of kinds
const PIECES = ['a', 'Z', '7', '-', ' ', '\u3000', '\t', '\n', '가', '\u1100\u1161', '\u0958'];
const MORE = ['😀', '\uD83D', '０', '.', '(', ')', '~', '내선', 'ext', '#', ',', 'ARS', 'e', '+'];

function values(f: FieldDef, seed: number): unknown[] {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const text = (len: number) =>
    Array.from({ length: len }, () => pick(r() < 0.7 ? PIECES : MORE)).join('');
  const max = textLimitOf(f);
  const codes = enumInputsOf(f);
  const out: unknown[] = [
    undefined,
    null,
    '',
    ' ',
    '\u3000',
    true,
    false,
    0,
    1,
    -1,
    0.5,
    -0.5,
    NaN,
    Infinity,
    -Infinity,
    2 ** 53,
    2 ** 53 - 1,
    -(2 ** 53),
    1e21,
    '1',
    '1,234',
    [],
    ['a'],
    {},
    { value: 1 },
    'x'.repeat(max),
    'x'.repeat(max + 1),
    ` ${'x'.repeat(max)} `,
    '가'.repeat(max),
    '\u0958'.repeat(Math.ceil(max / 2) + 1),
    '😀'.repeat(max),
    '2024-02-29',
    '2023-02-29',
    '2024-2-9',
    '2024.02.29',
    ' 2024-02-29',
    '02-123-4567',
    '054-123-4567 (내선 12)',
    'www.a.kr',
    'a@b.kr',
    '1234567890',
    '01J9-ref',
    'x'.repeat(64),
    'x'.repeat(65),
  ];
  if (f.min !== undefined) out.push(f.min, f.min - 1, f.min - 0.5, f.min + 0.5);
  if (f.max !== undefined) out.push(f.max, f.max + 1, f.max - 0.5, f.max + 0.5);
  for (const c of codes) out.push(c, ` ${c}`, c.toLowerCase(), c.normalize('NFD'));
  for (let i = 0; i < 150; i += 1) {
    out.push(
      pick<() => unknown>([
        () => text(int(12)),
        () => text(max - 2 + int(5)),
        () => int(2000) - 1000,
        () => (r() - 0.5) * 10 ** int(20),
        () =>
          `${2000 + int(30)}-${String(int(14)).padStart(2, '0')}-${String(int(33)).padStart(2, '0')}`,
        () => `0${int(100)}-${int(1000)}-${int(10000)}`,
        () => pick(codes.length > 0 ? codes : ['x']),
        () => text(int(70)),
      ])(),
    );
  }
  return out;
}

/** what clients send: a canonical value of the kind (the form's and the import's output) */
const TYPICAL: Partial<Record<FieldDef['kind'], (f: FieldDef) => unknown>> = {
  text: () => '구미 기업 12',
  longText: () => '첫 줄\n둘째 줄',
  phone: () => '054-123-4567',
  integer: (f) => f.min ?? 12,
  money: (f) => f.min ?? 1_000_000,
  decimal: (f) => f.min ?? 1.5,
  percent: (f) => f.min ?? 12.5,
  boolean: () => true,
  enum: (f) => enumOptions(f)[0]!.code,
  date: () => '2024-02-29',
  ref: () => '01J9ZX3K4M',
};

const checked = entities.flatMap((e) =>
  e.fields.flatMap((f) => {
    const quick = quickCheckOf(f);
    return quick ? [{ name: `${e.name}.${f.key} (${f.kind})`, f, quick }] : [];
  }),
);

describe('push quick field checks', () => {
  it('covers the common kinds of the registry', () => {
    const kinds = new Set(checked.map((c) => c.f.kind));
    for (const k of ['text', 'phone', 'integer', 'enum', 'date', 'boolean']) {
      expect(kinds.has(k as FieldDef['kind'])).toBe(true);
    }
  });

  it('says yes only where the zod validator says yes', () => {
    let yes = 0;
    let total = 0;
    checked.forEach(({ name, f, quick }, n) => {
      const schema = fieldSchema(f, 'ko');
      for (const v of values(f, 1000 + n)) {
        total += 1;
        if (!quick(v)) continue;
        yes += 1;
        if (!schema.safeParse(v).success) {
          throw new Error(`${name}: quick yes, zod no for ${JSON.stringify(v)}`);
        }
      }
    });
    // the comparison means something only if both answers occur often
    expect(yes).toBeGreaterThan(total / 10);
    expect(total - yes).toBeGreaterThan(total / 10);
  });

  it('says yes to the values clients usually send', () => {
    for (const { name, f, quick } of checked) {
      const typical = TYPICAL[f.kind]?.(f);
      if (typical === undefined || !fieldSchema(f, 'ko').safeParse(typical).success) continue;
      expect(quick(typical), name).toBe(true);
    }
  });
});
