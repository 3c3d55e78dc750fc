/**
 * Row order for the grid's sort, computed outside AG Grid (see gridSort.ts for how it is wired).
 *
 * Why: AG Grid sorts 100,000 rows by calling its comparator ~1.7 million times, each call
 * reading both cells again; on the bench VM that is most of a 300–450 ms sort. Here every row's
 * value is read ONCE, turned into a dense rank (equal values → equal rank), and rows are placed
 * by rank with a counting sort. Text in AG Grid's default order (UTF-16 code units, what `<`
 * compares) is ranked with a multikey quicksort over `charCodeAt`, integer compares only, about
 * 5× faster than comparing the strings; other values are ranked by sorting their DISTINCT values
 * with the column's own comparator (an enum or a 예/아니오 column has a handful).
 *
 * Invariant: the result is exactly AG Grid's order — a STABLE sort by the column's comparator
 * (ties keep the input order), descending by negating the comparison (so ties still keep the
 * input order), several columns compared in sort-index order. tests/unit/renderer/entities/
 * rowOrder.test.ts checks it against AG Grid's own default comparator.
 */

export type Comparator = (a: unknown, b: unknown) => number;

/**
 * A column comparator that can also say what it compares: `sortKey` maps a cell value to a
 * primitive and `compareKeys` orders those keys exactly as the comparator orders the values.
 * Ranking then dedupes by key (an array of tags has its own identity, its text does not).
 */
export interface KeyedComparator extends Comparator {
  sortKey: (value: unknown) => string | number;
  compareKeys: (a: string | number, b: string | number) => number;
}

export function isKeyedComparator(compare: Comparator): compare is KeyedComparator {
  const keyed = compare as Partial<KeyedComparator>;
  return typeof keyed.sortKey === 'function' && typeof keyed.compareKeys === 'function';
}

/** AG Grid's default comparator (ag-stack `_defaultComparator`, accentedSort off), restated. */
export function defaultCompare(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  // Same operators as AG Grid: code-unit order for strings, numeric for numbers.
  const x = a as string | number;
  const y = b as string | number;
  return x > y ? 1 : x < y ? -1 : 0;
}

/** Stable order (indices) of `keys` in code-unit order: multikey quicksort, ties by index. */
export function codeUnitOrder(keys: readonly string[], subset?: Int32Array): Int32Array {
  const order = subset ?? Int32Array.from(keys, (_, i) => i);
  // Explicit stack (lo, hi, depth): no recursion depth limit on long shared prefixes.
  const stack: number[] = [0, order.length, 0];
  while (stack.length > 0) {
    const depth = stack.pop() as number;
    const hi = stack.pop() as number;
    const lo = stack.pop() as number;
    if (hi - lo < 2) continue;
    if (hi - lo < 16) {
      insertionSortFrom(order, keys, lo, hi);
      continue;
    }
    const pivotKey = keys[order[lo + ((hi - lo) >> 1)] as number] as string;
    // -1 past the end of a string: shorter strings sort first.
    const pivot = depth < pivotKey.length ? pivotKey.charCodeAt(depth) : -1;
    let lt = lo;
    let gt = hi - 1;
    let i = lo;
    while (i <= gt) {
      const at = order[i] as number;
      const key = keys[at] as string;
      const c = depth < key.length ? key.charCodeAt(depth) : -1;
      if (c < pivot) {
        order[i++] = order[lt] as number;
        order[lt++] = at;
      } else if (c > pivot) {
        order[i] = order[gt] as number;
        order[gt--] = at;
      } else i++;
    }
    stack.push(lo, lt, depth, gt + 1, hi, depth);
    // Past the end of every string in [lt, gt]: they are equal, so input order decides.
    if (pivot >= 0) stack.push(lt, gt + 1, depth + 1);
    else order.subarray(lt, gt + 1).sort();
  }
  return order;
}

/** Small ranges: whole-string compare, equal strings by index (so the sort stays stable). */
function insertionSortFrom(order: Int32Array, keys: readonly string[], lo: number, hi: number) {
  for (let i = lo + 1; i < hi; i++) {
    const v = order[i] as number;
    const sv = keys[v] as string;
    let j = i - 1;
    while (j >= lo) {
      const w = order[j] as number;
      const sw = keys[w] as string;
      if (sw > sv || (sw === sv && w > v)) {
        order[j + 1] = w;
        j--;
      } else break;
    }
    order[j + 1] = v;
  }
}

export interface Ranks {
  /** rank of each input position; equal values share a rank, 0 = sorts first */
  ranks: Int32Array;
  /** highest rank + 1 */
  size: number;
}

/**
 * Dense ranks of `values` under `compare` (AG Grid's default when undefined): equal by the
 * comparator → equal rank.
 */
export function rankValues(values: readonly unknown[], compare?: Comparator): Ranks {
  if (!compare) {
    const texts = allTextsOrBlank(values);
    if (texts) return rankTexts(values, texts);
  }
  return rankDistinct(values, compare);
}

/** The strings when every value is a string or blank (null/undefined), else undefined. */
function allTextsOrBlank(values: readonly unknown[]): string[] | undefined {
  const texts: string[] = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string') texts[i] = v;
    else if (v === null || v === undefined) texts[i] = '';
    else return undefined;
  }
  return texts;
}

function rankTexts(values: readonly unknown[], texts: string[]): Ranks {
  const n = values.length;
  const ranks = new Int32Array(n);
  // Blanks sort before every string, '' included (AG Grid: null < ''), and equal each other.
  let blanks = 0;
  const present = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) blanks = 1;
    else present[count++] = i;
  }
  const order = codeUnitOrder(texts, present.subarray(0, count));
  let rank = blanks - 1;
  let previous: string | undefined;
  for (let k = 0; k < count; k++) {
    const i = order[k] as number;
    const text = texts[i] as string;
    if (text !== previous) rank++;
    previous = text;
    ranks[i] = rank;
  }
  return { ranks, size: rank + 1 };
}

/** Ranks by sorting the distinct values (or keys) once with the column's comparator. */
function rankDistinct(values: readonly unknown[], compare: Comparator | undefined): Ranks {
  const keyed = compare && isKeyedComparator(compare) ? compare : undefined;
  const keyOf = keyed ? keyed.sortKey : (v: unknown) => v;
  const compareDistinct: Comparator = keyed
    ? (a, b) => keyed.compareKeys(a as string | number, b as string | number)
    : (compare ?? defaultCompare);
  const slotOfKey = new Map<unknown, number>();
  const distinct: unknown[] = [];
  const slots = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const key = keyOf(values[i]);
    let slot = slotOfKey.get(key);
    if (slot === undefined) {
      slot = distinct.length;
      slotOfKey.set(key, slot);
      distinct.push(key);
    }
    slots[i] = slot;
  }
  const sorted = Int32Array.from(distinct, (_, i) => i).sort(
    (a, b) => compareDistinct(distinct[a], distinct[b]) || a - b,
  );
  const rankOfSlot = new Int32Array(distinct.length);
  let rank = -1;
  for (let k = 0; k < sorted.length; k++) {
    const slot = sorted[k] as number;
    const previous = k > 0 ? (sorted[k - 1] as number) : -1;
    if (previous < 0 || compareDistinct(distinct[previous], distinct[slot]) !== 0) rank++;
    rankOfSlot[slot] = rank;
  }
  const ranks = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) ranks[i] = rankOfSlot[slots[i] as number] as number;
  return { ranks, size: rank + 1 };
}

export interface RankedColumn extends Ranks {
  descending: boolean;
}

/**
 * The stable order of `n` rows by `columns` (first column first): a counting sort for one
 * column, an index sort over the integer ranks for several.
 */
export function orderByRanks(n: number, columns: readonly RankedColumn[]): Int32Array {
  if (columns.length === 1) return countingOrder(n, columns[0] as RankedColumn);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => {
    for (const { ranks, descending } of columns) {
      const d = (ranks[a] as number) - (ranks[b] as number);
      if (d !== 0) return descending ? -d : d;
    }
    return a - b;
  });
}

function countingOrder(n: number, { ranks, size, descending }: RankedColumn): Int32Array {
  const starts = new Int32Array(size + 1);
  const bucket = (i: number) => {
    const r = ranks[i] as number;
    return descending ? size - 1 - r : r;
  };
  for (let i = 0; i < n; i++) {
    const b = bucket(i) + 1;
    starts[b] = (starts[b] as number) + 1;
  }
  for (let b = 1; b <= size; b++) starts[b] = (starts[b] as number) + (starts[b - 1] as number);
  const order = new Int32Array(n);
  // Rows visited in input order: ties keep it, in both directions (AG Grid negates, stable).
  for (let i = 0; i < n; i++) {
    const b = bucket(i);
    const at = starts[b] as number;
    order[at] = i;
    starts[b] = at + 1;
  }
  return order;
}
