/**
 * A difficulty's timeline from its history entries (read through the v5 record index): each
 * change of status, assignee, experts, mini-cluster or outcome as "from → to", with who and when.
 * A history entry holds the BEFORE image of what it changed; the value after a change is the
 * next change's before-image of that field, or the current record's value for the last one.
 */
import type { HistoryEntry } from '../../db/schema';
import type { StoredRecord } from '../../../shared/registry';
import { parseHlc } from '../../../shared/sync/hlc';

/** The fields whose changes the timeline shows, in this order within one write. */
export const TIMELINE_FIELDS = [
  'status',
  'assignee',
  'miniClusterId',
  'expertIds',
  'resolvedOn',
  'outcomeTypes',
  'satisfaction',
  'followUpOn',
] as const;

export interface TimelineItem {
  /** history stamp of the write */
  id: string;
  /** ISO time of the write (from its stamp) */
  at: string;
  who?: { name: string; role?: string };
  kind: 'created' | 'changed' | 'deleted' | 'restored';
  field?: string;
  from?: unknown;
  to?: unknown;
}

const atOf = (stamp: string): string => {
  try {
    return new Date(parseHlc(stamp).wallMs).toISOString();
  } catch {
    return '';
  }
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Timeline items, oldest first. `entries` are one record's history, oldest first. */
export function buildTimeline(
  entries: readonly HistoryEntry[],
  current: StoredRecord | undefined,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  // Walk newest → oldest carrying each field's value "after" the write being looked at.
  const after: Record<string, unknown> = { ...(current ?? {}) };
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as HistoryEntry;
    const base = { id: e.id, at: atOf(e.id), ...(e.who && { who: e.who }) };
    if (e.op === 'create' || e.before === null) {
      items.push({ ...base, kind: 'created', field: 'status', to: after.status });
      continue;
    }
    if (e.op === 'delete' || e.op === 'restore') {
      items.push({ ...base, kind: e.op === 'delete' ? 'deleted' : 'restored' });
    }
    const changed: TimelineItem[] = [];
    for (const field of TIMELINE_FIELDS) {
      if (!(field in e.before)) continue;
      const from = e.before[field];
      if (!same(from, after[field])) {
        changed.push({ ...base, kind: 'changed', field, from, to: after[field] });
      }
    }
    items.push(...changed.reverse());
    for (const [k, v] of Object.entries(e.before)) after[k] = v;
  }
  return items.reverse();
}
