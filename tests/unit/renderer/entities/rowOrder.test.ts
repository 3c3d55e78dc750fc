import { describe, expect, it } from 'vitest';
// AG Grid's own default comparator: the order the grid's sort must reproduce.
import { _defaultComparator as agDefaultComparator } from 'ag-stack';
import {
  codeUnitOrder,
  defaultCompare,
  orderByRanks,
  rankValues,
  type Comparator,
} from '../../../../renderer/features/entities/rowOrder';
import { textComparator } from '../../../../renderer/features/entities/columns';
import { getEntity } from '../../../../shared/registry';

/** AG Grid's algorithm: a stable Array sort, descending by negating the comparison. */
function agOrder(values: readonly unknown[], compare: Comparator, descending = false): number[] {
  return values
    .map((_, i) => i)
    .sort((a, b) => {
      const r = compare(values[a], values[b]);
      return descending ? -r : r;
    });
}

function ourOrder(values: readonly unknown[], compare?: Comparator, descending = false): number[] {
  const ranks = rankValues(values, compare);
  return Array.from(orderByRanks(values.length, [{ ...ranks, descending }]));
}

/** Deterministic pseudo-random generator (same rows on every run). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s;
  };
}

const HEADS = ['한빛', '대성', '삼우', 'ABC', 'abc', '(주)', '㈜', ' ', '', '한', '한빛정밀'];
function names(count: number, seed: number): unknown[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const r = next() % 20;
    if (r === 0) return null;
    if (r === 1) return undefined;
    if (r === 2) return '';
    // Shared prefixes, duplicates, prefixes of each other: the hard cases of a radix sort.
    const head = HEADS[next() % HEADS.length] as string;
    return `${head}${next() % 3 === 0 ? '' : String(next() % 50).padStart(2, '0')}`;
  });
}

describe('rowOrder: the grid sort reproduces AG Grid exactly', () => {
  it('restates AG Grid`s default comparator', () => {
    const values = [null, undefined, '', 'a', 'B', '가', 3, 10, -1];
    for (const a of values)
      for (const b of values) {
        expect(Math.sign(defaultCompare(a, b))).toBe(Math.sign(agDefaultComparator(a, b)));
      }
  });

  it('orders text in code-unit order with blanks first and ties in input order, both ways', () => {
    for (const seed of [1, 2, 3]) {
      const values = names(3_000, seed);
      expect(ourOrder(values)).toEqual(agOrder(values, agDefaultComparator));
      expect(ourOrder(values, undefined, true)).toEqual(agOrder(values, agDefaultComparator, true));
    }
  });

  it('sorts long shared prefixes and equal strings without losing stability', () => {
    const keys = ['aaab', 'aaa', 'aaab', 'aa', 'aaa', 'b', 'aaab', ''].flatMap((k) => [k, k]);
    const order = Array.from(codeUnitOrder(keys));
    expect(order).toEqual(agOrder(keys, agDefaultComparator));
  });

  it('orders numbers and mixed blanks by value', () => {
    const next = random(7);
    const values = Array.from({ length: 2_000 }, () =>
      next() % 10 === 0 ? null : (next() % 500) - 250 + (next() % 2) / 2,
    );
    expect(ourOrder(values)).toEqual(agOrder(values, agDefaultComparator));
    expect(ourOrder(values, undefined, true)).toEqual(agOrder(values, agDefaultComparator, true));
  });

  it('uses a column`s own comparator, by key when it has one (tags by their shown text)', () => {
    const tags = getEntity('expert').fields.find((f) => f.key === 'expertise');
    if (!tags) throw new Error('expert.expertise missing');
    const compare = textComparator('ko', tags);
    const next = random(11);
    const words = ['LED', '광학설계', '금형', '반도체', 'led'];
    const values = Array.from({ length: 1_500 }, () =>
      next() % 7 === 0 ? null : [words[next() % 5], words[next() % 5]].slice(0, 1 + (next() % 2)),
    );
    expect(ourOrder(values, compare)).toEqual(agOrder(values, compare));
    expect(ourOrder(values, compare, true)).toEqual(agOrder(values, compare, true));
    // A plain comparator without keys: ranked over the distinct values.
    const byLength: Comparator = (a, b) => String(a ?? '').length - String(b ?? '').length;
    expect(ourOrder(values.map(String), byLength)).toEqual(agOrder(values.map(String), byLength));
  });

  it('sorts by several columns in sort-index order, each in its direction', () => {
    const next = random(5);
    const first = Array.from({ length: 1_000 }, () => ['가', '나', null][next() % 3]);
    const second = Array.from({ length: 1_000 }, () => next() % 20);
    const order = orderByRanks(1_000, [
      { ...rankValues(first), descending: true },
      { ...rankValues(second), descending: false },
    ]);
    const expected = first
      .map((_, i) => i)
      .sort(
        (a, b) =>
          -agDefaultComparator(first[a], first[b]) || agDefaultComparator(second[a], second[b]),
      );
    expect(Array.from(order)).toEqual(expected);
  });
});
