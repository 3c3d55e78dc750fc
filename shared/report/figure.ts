/**
 * A figure's result: its value, the definition it follows and the records behind it, so a chart
 * click can open exactly those records and the count shown equals the grid's.
 */
import type { FigureKey } from './definitions';

export interface Figure {
  key: FigureKey;
  /** null when it cannot be computed (nothing to divide by, a value not reported) — never 0 */
  value: number | null;
  /** ids of the records the value was computed from, in input order */
  ids: string[];
}

/** A figure split by a group (애로분야 code, mini-cluster id, month…); '' = no group given. */
export interface Breakdown {
  group: string;
  figure: Figure;
}

export function countFigure(key: FigureKey, ids: string[]): Figure {
  return { key, value: ids.length, ids };
}

/** Groups in first-seen order, each with its own records. */
export function groupBy<R>(records: readonly R[], groupOf: (r: R) => string): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of records) {
    const g = groupOf(r);
    const list = out.get(g);
    if (list) list.push(r);
    else out.set(g, [r]);
  }
  return out;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
