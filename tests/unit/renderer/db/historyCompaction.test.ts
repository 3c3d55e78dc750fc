/**
 * Issue 10: history compaction keeps the last 13 months whole and every create, delete, restore
 * and difficulty milestone forever; older plain edits collapse per record into one entry that
 * still rebuilds the record at every kept entry. The desk timeline is unchanged.
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import {
  compactEntries,
  compactHistory,
  compactHistoryIfDue,
  compactionCutoff,
  MILESTONE_FIELDS,
} from '../../../../renderer/db/historyCompaction';
import { readHistory } from '../../../../renderer/db/outbox';
import { historyRow, type HistoryEntry } from '../../../../renderer/db/schema';
import { buildTimeline, TIMELINE_FIELDS } from '../../../../renderer/features/desk/timeline';
import type { StoredRecord } from '../../../../shared/registry';
import { freshDb } from './helpers';

const DAY = 86_400_000;
const NOW = Date.UTC(2027, 5, 15); // 2027-06-15
const stampAt = (ms: number, n = 0) =>
  `${String(ms).padStart(13, '0')}-${n.toString(16).padStart(4, '0')}-DEVX`;
const entry = (
  ms: number,
  recordId: string,
  before: Record<string, unknown> | null,
  extra: Partial<HistoryEntry> = {},
): HistoryEntry => ({
  id: stampAt(ms),
  entity: 'difficulty',
  recordId,
  op: before === null ? 'create' : 'update',
  version: 0,
  before,
  ...extra,
});

/** One record's entries walked back from `current`: the record's state right after each entry. */
function statesBack(entries: HistoryEntry[], current: Record<string, unknown>) {
  const states = new Map<string, Record<string, unknown>>();
  let state = { ...current };
  for (const e of [...entries].reverse()) {
    states.set(e.id, { ...state });
    state = { ...state, ...e.before };
  }
  return states;
}

describe('history compaction', () => {
  it('keeps 13 whole calendar months before the current one', () => {
    expect(compactionCutoff(NOW)).toBe(String(Date.UTC(2026, 4, 1)).padStart(13, '0'));
    const justAfter = stampAt(Date.UTC(2026, 4, 1));
    const justBefore = stampAt(Date.UTC(2026, 4, 1) - 1);
    expect(justBefore < compactionCutoff(NOW) && compactionCutoff(NOW) < justAfter).toBe(true);
  });

  it('every field the desk timeline shows is a milestone kept forever', () => {
    for (const f of TIMELINE_FIELDS) expect(MILESTONE_FIELDS.difficulty).toContain(f);
  });

  it('collapses runs of plain edits and keeps creates, deletes and milestones', () => {
    const t = Date.UTC(2025, 0, 1);
    const entries: HistoryEntry[] = [
      entry(t, 'd1', null, { version: 1 }),
      entry(t + 1 * DAY, 'd1', { title: 'A0' }, { version: 2 }),
      entry(t + 2 * DAY, 'd2', null, { version: 1 }),
      entry(t + 3 * DAY, 'd1', { title: 'A1', description: 'x0' }, { version: 3 }),
      entry(t + 4 * DAY, 'd1', { status: 'received' }, { version: 4, who: { name: '김' } }),
      entry(t + 5 * DAY, 'd1', { title: 'A2' }, { version: 5 }),
      entry(t + 6 * DAY, 'd1', { description: 'x1' }, { version: 6, who: { name: '박' } }),
      entry(t + 7 * DAY, 'd1', { deleted: 0 }, { op: 'delete', version: 7 }),
    ];
    const out = compactEntries(entries);
    expect(out.map((e) => [e.recordId, e.version])).toEqual([
      ['d1', 1],
      ['d2', 1],
      ['d1', 3], // the first run (versions 2 and 3) as one entry, named by its newest write
      ['d1', 4], // the status change stays
      ['d1', 6], // the second run (5 and 6)
      ['d1', 7], // the delete stays
    ]);
    expect(out[2]?.before).toEqual({ title: 'A0', description: 'x0' });
    expect(out[4]).toMatchObject({
      before: { title: 'A2', description: 'x1' },
      who: { name: '박' },
    });

    // walking back from the current record still gives the state at every kept entry
    const current = { title: 'A3', description: 'x2', status: 'resolved', deleted: 1 };
    const ofD1 = (list: HistoryEntry[]) => list.filter((e) => e.recordId === 'd1');
    const full = statesBack(ofD1(entries), current);
    const compacted = statesBack(ofD1(out), current);
    for (const e of ofD1(out)) expect(compacted.get(e.id)).toEqual(full.get(e.id));
    expect(compacted.size).toBe(5);
  });

  it('leaves the desk timeline of a difficulty unchanged', () => {
    const t = Date.UTC(2025, 0, 1);
    const entries: HistoryEntry[] = [
      entry(t, 'd1', null, { version: 1 }),
      entry(t + DAY, 'd1', { title: 'A0' }),
      entry(t + 2 * DAY, 'd1', { status: 'received', assignee: null }),
      entry(t + 3 * DAY, 'd1', { title: 'A1' }),
      entry(t + 4 * DAY, 'd1', { title: 'A2' }),
      entry(t + 5 * DAY, 'd1', { status: 'inProgress' }),
    ];
    const current = {
      id: 'd1',
      title: 'A3',
      status: 'resolved',
      assignee: '김',
    } as unknown as StoredRecord;
    expect(buildTimeline(compactEntries(entries), current)).toEqual(
      buildTimeline(entries, current),
    );
  });

  it('rewrites only rows wholly older than the cutoff, in one pass, and is idempotent', async () => {
    const db = await freshDb();
    const old = Date.UTC(2025, 0, 1);
    const oldEntries = Array.from({ length: 2500 }, (_, i) =>
      entry(old + i * 1000, `r${i % 10}`, i < 10 ? null : { title: `t${i}` }, {
        entity: 'organization',
      }),
    );
    const recent = [
      entry(NOW - DAY, 'r1', { title: 'new' }, { entity: 'organization' }),
      entry(NOW - DAY + 1, 'r1', { title: 'newer' }, { entity: 'organization' }),
    ];
    await db.history.bulkAdd([
      historyRow(oldEntries.slice(0, 1000)),
      historyRow(oldEntries.slice(1000, 2000)),
      historyRow(oldEntries.slice(2000)),
      historyRow(recent),
    ]);
    expect(await compactHistory(db, { now: NOW })).toEqual({ before: 2500, after: 20 });
    const after = await readHistory(db);
    // ten creates, one collapsed run per record, and the recent entries untouched
    expect(after).toHaveLength(22);
    expect(after.slice(-2)).toEqual(recent);
    expect(after.map((e) => e.id)).toEqual([...after.map((e) => e.id)].sort());
    expect(await compactHistory(db, { now: NOW })).toEqual({ before: 20, after: 20 });
    // runs weekly: a second call within the week does nothing
    expect(await compactHistoryIfDue(db, NOW)).toBe(true);
    expect(await compactHistoryIfDue(db, NOW + DAY)).toBe(false);
    expect(await compactHistoryIfDue(db, NOW + 8 * DAY)).toBe(true);
  });
});
