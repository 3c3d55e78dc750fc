/**
 * Corrections (정정): a record of a closed month edited later never changes a printed figure
 * silently. The report of month M recomputes the figures of every earlier closed month and
 * prints each one that differs from the value LAST REPORTED for it:
 * - only the latest revision of each closed month before M counts (re-closing replaces);
 * - those closes are read in the order they were closed; each sets its own month's figures and
 *   the corrections it printed set the corrected months' figures. So a correction is printed by
 *   the next closed report and, once that report is closed, not again; re-closing M itself (a new
 *   revision) prints the same corrections, because closes of M and later months are ignored.
 * Values are compared as printed: percentages and days to one decimal, counts and money exactly.
 */
import type { ReportRecords } from '../monthly/keyFigures';
import type { Correction } from '../monthly/types';
import { monthFigures } from './figures';
import type { ClosedFigure, MonthClose } from './types';

/** The highest revision of each cluster and month. */
export function latestRevisions(closes: readonly MonthClose[]): MonthClose[] {
  const latest = new Map<string, MonthClose>();
  for (const c of closes) {
    const key = `${c.clusterId}\u0000${c.month}`;
    const known = latest.get(key);
    if (!known || c.revision > known.revision) latest.set(key, c);
  }
  return [...latest.values()];
}

/** The revision a new close of this cluster and month gets. */
export function nextRevision(
  closes: readonly MonthClose[],
  clusterId: string,
  month: string,
): number {
  let max = 0;
  for (const c of closes) {
    if (c.clusterId === clusterId && c.month === month) max = Math.max(max, c.revision);
  }
  return max + 1;
}

const closingOrder = (a: MonthClose, b: MonthClose): number =>
  a.closedAt.localeCompare(b.closedAt) || a.id.localeCompare(b.id);

/** month → figure key → the value last reported, over the closes before `month` (see header). */
export function lastReported(
  closes: readonly MonthClose[],
  clusterId: string,
  month: string,
): Map<string, Map<string, ClosedFigure>> {
  const before = latestRevisions(
    closes.filter((c) => c.clusterId === clusterId && c.month < month),
  );
  const reported = new Map<string, Map<string, ClosedFigure>>();
  for (const close of before.sort(closingOrder)) {
    reported.set(close.month, new Map(close.figures.map((f) => [f.key, f])));
    for (const c of close.model.corrections) {
      const figures = reported.get(c.month) ?? new Map<string, ClosedFigure>();
      figures.set(c.key, { key: c.key, label: c.label, unit: c.unit, value: c.after });
      reported.set(c.month, figures);
    }
  }
  return reported;
}

/** Whether two values of a unit print differently. */
export function printsDifferently(
  unit: ClosedFigure['unit'],
  a: number | null,
  b: number | null,
): boolean {
  if (a === null || b === null) return a !== b;
  if (unit === 'percent' || unit === 'days') return Math.round(a * 10) !== Math.round(b * 10);
  return a !== b;
}

/** The corrections the report of `month` prints, oldest month first, in figure order. */
export function findCorrections(
  closes: readonly MonthClose[],
  records: ReportRecords,
  month: string,
  clusterId: string,
): Correction[] {
  const out: Correction[] = [];
  const reported = lastReported(closes, clusterId, month);
  for (const m of [...reported.keys()].sort()) {
    const then = reported.get(m) as Map<string, ClosedFigure>;
    const now = monthFigures(records, m, clusterId);
    const seen = new Set<string>();
    const add = (f: ClosedFigure, before: number | null, after: number | null) => {
      if (printsDifferently(f.unit, before, after)) {
        out.push({ month: m, key: f.key, label: f.label, unit: f.unit, before, after });
      }
    };
    for (const f of now) {
      seen.add(f.key);
      add(f, then.get(f.key)?.value ?? null, f.value);
    }
    // A line reported then that no longer exists (an indicator row deleted): now unknown.
    for (const f of then.values()) if (!seen.has(f.key)) add(f, f.value, null);
  }
  return out;
}
