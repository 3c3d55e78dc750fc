/**
 * Sort ranks stored with a grid snapshot (since format 2), kept for the record array they were read
 * with, so the grid's FIRST sort of such a column is a counting sort instead of ranking 100,000
 * texts (gridSort.ts asks here before ranking).
 *
 * Keyed by the array's first record (a WeakMap: nothing is kept once the records are dropped).
 * A lookup answers only when the rows asked about are exactly the stored array's records in the
 * same order (checked one by one): ranks are per position, so any other row set (a filtered
 * grid, records re-read after a write) simply misses and is ranked as before.
 */
import type { StoredRecord } from '../../shared/registry';
import type { Ranks } from '../features/entities/rowOrder';

interface Entry {
  records: readonly StoredRecord[];
  ranks: ReadonlyMap<string, Ranks>;
}

const byFirstRecord = new WeakMap<object, Entry>();

/** Remembers `ranks` (by field) for `records`, in that order. */
export function rememberRanks(
  records: readonly StoredRecord[],
  ranks: ReadonlyMap<string, Ranks>,
): void {
  const first = records[0];
  if (first && ranks.size > 0) byFirstRecord.set(first, { records, ranks });
}

/**
 * The stored ranks of `field` when `rowAt(i)` for i < `count` are exactly the remembered records
 * in order; else undefined.
 */
export function storedRanks(
  field: string,
  count: number,
  rowAt: (i: number) => unknown,
): Ranks | undefined {
  const first = rowAt(0);
  if (typeof first !== 'object' || first === null) return undefined;
  const entry = byFirstRecord.get(first);
  const ranks = entry?.ranks.get(field);
  if (!entry || !ranks || entry.records.length !== count || ranks.ranks.length !== count) {
    return undefined;
  }
  for (let i = 0; i < count; i++) if (entry.records[i] !== rowAt(i)) return undefined;
  return ranks;
}
