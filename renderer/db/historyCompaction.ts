/**
 * History compaction (issue 10, "A year of use"): a year of heavy use leaves hundreds of
 * thousands of history entries; most are plain edits nobody reads again. The rule
 * (docs/SYNC.md, "History compaction"):
 *
 * - every entry of the last KEEP_MONTHS (13) calendar months is kept as written — the month
 *   close of any month of the past year, and a desk timeline's recent detail, read them whole;
 * - older entries are kept when they are a create, delete or restore, or change a field listed
 *   in MILESTONE_FIELDS (a difficulty's status, assignee, experts, mini-cluster, outcome…: every
 *   field the desk timeline shows), forever;
 * - older plain edits collapse: each run of a record's consecutive plain edits (no kept entry of
 *   that record in between) becomes ONE entry, named by the run's newest write (id, version,
 *   who) and holding, per field, the value before the run's first change of it.
 *
 * Invariant kept: walking a record's history backwards from its current state still rebuilds
 * the record as it was at every kept entry (only the states inside a collapsed run are gone),
 * and the timeline of every record is unchanged (milestones are never collapsed).
 * The newest history key — the clock's high-water mark across tabs — is never touched: only
 * rows wholly older than the cutoff are rewritten.
 */
import type { PumasiDb } from './db';
import { historyRow, WRITE_CHUNK, type HistoryEntry } from './schema';
import { getSetting, setSetting } from './settings';

export const KEEP_MONTHS = 13;

/** Fields whose every change is history kept forever, per entity. */
export const MILESTONE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  difficulty: [
    'status',
    'assignee',
    'miniClusterId',
    'expertIds',
    'resolvedOn',
    'outcomeTypes',
    'outcomeRevenueKrw',
    'outcomeExportsUsd',
    'outcomeCostSavedKrw',
    'outcomeMonthsSaved',
    'outcomeJobs',
    'satisfaction',
    'followUpOn',
  ],
};

/** A history key below which everything is older than `keepMonths` whole calendar months (UTC). */
export function compactionCutoff(nowMs: number, keepMonths = KEEP_MONTHS): string {
  const now = new Date(nowMs);
  const cutoffMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - keepMonths, 1);
  // Stamps start with 13 zero-padded wall-clock digits: this prefix sorts below every stamp
  // made at or after the cutoff and above every one made before it.
  return String(cutoffMs).padStart(13, '0');
}

function isMilestone(e: HistoryEntry): boolean {
  if (e.op !== 'update' || e.before === null) return true;
  const fields = MILESTONE_FIELDS[e.entity];
  return fields !== undefined && fields.some((f) => Object.hasOwn(e.before as object, f));
}

/**
 * Compacts entries (all older than the cutoff, oldest first) by the rule above; returns them
 * oldest first. Pure.
 */
export function compactEntries(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  /** per record: index in `out` of its open run of plain edits */
  const openRun = new Map<string, number>();
  for (const e of entries) {
    const key = `${e.entity}\u0000${e.recordId}`;
    if (isMilestone(e)) {
      openRun.delete(key);
      out.push(e);
      continue;
    }
    const at = openRun.get(key);
    if (at === undefined) {
      openRun.set(key, out.length);
      out.push(e);
      continue;
    }
    const run = out[at] as HistoryEntry;
    // the value before the run's first change of each field wins; later writes' befores are
    // values the run itself set
    const before = { ...e.before, ...run.before };
    out[at] = { ...e, before };
  }
  // A merged run takes its newest write's id: re-sort so keys stay in stamp order.
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface CompactionResult {
  /** entries older than the cutoff, before and after */
  before: number;
  after: number;
}

/** Compacts the history older than the cutoff in one transaction (see the header). */
export async function compactHistory(
  db: PumasiDb,
  opts: { now?: number; keepMonths?: number } = {},
): Promise<CompactionResult> {
  const cutoff = compactionCutoff(opts.now ?? Date.now(), opts.keepMonths);
  return db.transaction('rw', db.history, async () => {
    // A row's key is its newest entry: rows keyed below the cutoff are wholly older.
    const rows = await db.history.where(':id').below(cutoff).toArray();
    const old = rows.flatMap((r) => r.entries);
    const kept = compactEntries(old);
    if (kept.length === old.length) return { before: old.length, after: kept.length };
    const chunks = [];
    for (let i = 0; i < kept.length; i += WRITE_CHUNK) {
      chunks.push(historyRow(kept.slice(i, i + WRITE_CHUNK)));
    }
    await db.history.bulkDelete(rows.map((r) => r.id));
    await db.history.bulkAdd(chunks);
    return { before: old.length, after: kept.length };
  });
}

const COMPACT_EVERY_MS = 7 * 24 * 60 * 60 * 1000;

/** Compacts when the last compaction is a week old or more (the app calls this when idle). */
export async function compactHistoryIfDue(db: PumasiDb, now = Date.now()): Promise<boolean> {
  const last = (await getSetting<number>(db, 'historyCompactedAt')) ?? 0;
  if (now - last < COMPACT_EVERY_MS) return false;
  await compactHistory(db, { now });
  await setSetting(db, 'historyCompactedAt', now);
  return true;
}
