import { describe, expect, it } from 'vitest';
import { checkPullPage } from '../../../../renderer/sync/pullPage';
import { pullResponseSchema } from '../../../../shared/sync/protocol';
import { mulberry32 } from '../../../../shared/demo/random';

let noise = 1;

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
function prng(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
    /** an error's chance, scaled per case: some cases are mostly valid, some mostly not */
    bad: (p: number) => next() < p * noise,
  };
}
type Rng = ReturnType<typeof prng>;

const STAMP = '1700000000000-0000-01HZZZZZZZZZZZZZZZZZZZZZZA';
const stamps = [STAMP, '1700000000001-00ff-01HZZZZZZZZZZZZZZZZZZZZZZB', '1700000000002-0001-X'];
/** Strings around every bound: empty, 1, 40/41, 64/65, 100/101 units, surrogate pairs. */
const strings = [
  '',
  'a',
  'organization',
  '회사',
  'a'.repeat(40),
  'a'.repeat(41),
  'a'.repeat(64),
  'a'.repeat(65),
  'a'.repeat(100),
  'a'.repeat(101),
  '😀'.repeat(33), // 66 units, 33 code points
  '😀'.repeat(51), // 102 units, 51 code points
  '😀'.repeat(65),
  '\ud800', // a lone surrogate
  '__proto__',
  'value',
];
const badStamps = ['', 'x', '1700000000000-0000-', '170000000000-0000-D', '1700000000000-00FF-D'];
const junk = [null, 0, 1.5, -1, true, false, [], {}, [1, 'a'], { a: 1 }];

function anyValue(r: Rng): unknown {
  return r.pick<unknown>([...junk, r.pick(strings), r.pick(stamps)]);
}

function fieldChange(r: Rng): unknown {
  const f: Record<string, unknown> = {};
  if (!r.bad(0.05)) f['value'] = anyValue(r);
  if (!r.bad(0.03)) {
    f['hlc'] = r.bad(0.1) ? r.pick<unknown>([...badStamps, 5, null]) : r.pick(stamps);
  }
  if (r.chance(0.3)) {
    f['base'] = r.bad(0.2)
      ? r.pick<unknown>([...badStamps, 7])
      : r.pick<unknown>([null, ...stamps]);
  }
  if (r.chance(0.05)) f['extra'] = anyValue(r);
  return r.bad(0.03) ? r.pick<unknown>([null, 'x', [f]]) : f;
}

function fieldsText(r: Rng): string {
  // built as text so a `__proto__` key arrives as JSON.parse makes it: an own property
  const keys = Array.from({ length: r.int(20) }, () =>
    r.bad(0.15) ? r.pick(strings) : `f${r.int(30)}`,
  );
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(fieldChange(r))}`).join(',')}}`;
}

function changeText(r: Rng): string {
  const parts: string[] = [];
  const str = (key: string) => {
    if (r.bad(0.03)) return; // missing
    const v = !r.bad(0.15) ? `x${r.int(1000)}` : r.chance(0.8) ? r.pick(strings) : r.pick(junk);
    parts.push(`${JSON.stringify(key)}:${JSON.stringify(v)}`);
  };
  str('entity');
  str('id');
  str('clusterId');
  if (!r.bad(0.03)) {
    parts.push(`"fields":${r.bad(0.05) ? JSON.stringify(r.pick(junk)) : fieldsText(r)}`);
  }
  if (r.chance(0.4)) {
    const who: Record<string, unknown> = {};
    if (!r.bad(0.05)) who['name'] = r.bad(0.3) ? r.pick<unknown>([...strings, 3]) : '김담당';
    if (r.chance(0.5)) who['role'] = r.bad(0.3) ? r.pick<unknown>([...strings, null]) : 'manager';
    if (r.chance(0.1)) who['extra'] = 1;
    parts.push(`"who":${JSON.stringify(r.bad(0.05) ? r.pick(junk) : who)}`);
  }
  if (r.chance(0.05)) parts.push(`"extra":${JSON.stringify(anyValue(r))}`);
  return r.bad(0.02) ? JSON.stringify(r.pick(junk)) : `{${parts.join(',')}}`;
}

function bodyText(r: Rng): string {
  const parts: string[] = [];
  if (!r.bad(0.03)) parts.push(`"serverTime":${r.bad(0.05) ? '"1"' : 1_700_000_000_000}`);
  if (!r.bad(0.03)) {
    const changes = Array.from({ length: r.int(6) }, () => changeText(r));
    parts.push(`"changes":${r.bad(0.03) ? '{}' : `[${changes.join(',')}]`}`);
  }
  if (!r.bad(0.03)) parts.push(`"cursor":${r.bad(0.05) ? '42' : '"42"'}`);
  if (!r.bad(0.03)) parts.push(`"hasMore":${r.bad(0.05) ? '"true"' : 'true'}`);
  if (r.chance(0.1)) parts.push(`"extra":[1]`);
  return r.bad(0.02) ? JSON.stringify(r.pick(junk)) : `{${parts.join(',')}}`;
}

describe('the hand-written pull page check', () => {
  it('accepts and rejects exactly what the zod schema does, with the same result', () => {
    const r = prng(9);
    let accepted = 0;
    const cases = 600;
    for (let i = 0; i < cases; i++) {
      noise = i % 2 === 0 ? 0.05 : 1;
      const text = bodyText(r);
      const zod = pullResponseSchema.safeParse(JSON.parse(text));
      const hand = checkPullPage(JSON.parse(text));
      expect({ text, success: hand.success }).toEqual({ text, success: zod.success });
      if (hand.success && zod.success) {
        expect(hand.data).toStrictEqual(zod.data);
        accepted++;
      }
    }
    // both verdicts are exercised, not just one
    expect(accepted).toBeGreaterThan(cases * 0.15);
    expect(accepted).toBeLessThan(cases * 0.85);
  });

  it('strips unknown keys, skips a __proto__ field and says where a page is wrong', () => {
    const text = `{"serverTime":1,"cursor":"7","hasMore":false,"x":1,"changes":[{"entity":"organization","id":"a","clusterId":"gumi","fields":{"__proto__":{"value":1,"hlc":"bad"},"name":{"value":"A","hlc":"${STAMP}","junk":1}}}]}`;
    const ok = checkPullPage(JSON.parse(text));
    expect(ok).toEqual({
      success: true,
      data: {
        serverTime: 1,
        cursor: '7',
        hasMore: false,
        changes: [
          {
            entity: 'organization',
            id: 'a',
            clusterId: 'gumi',
            fields: { name: { value: 'A', hlc: STAMP } },
          },
        ],
      },
    });
    if (ok.success)
      expect(Object.getPrototypeOf(ok.data.changes[0]?.fields)).toBe(Object.prototype);
    const bad = checkPullPage(JSON.parse(text.replace(`"hlc":"${STAMP}"`, '"hlc":"nope"')));
    expect(bad).toEqual({
      success: false,
      error: { message: 'changes[0].fields.name.hlc: not an HLC stamp' },
    });
  });
});
