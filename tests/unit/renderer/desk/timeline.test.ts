import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../../shared/registry';
import type { HistoryEntry } from '../../../../renderer/db/schema';
import { buildTimeline } from '../../../../renderer/features/desk/timeline';

const stamp = (ms: number) => `${ms}-0000-01HQDEVICE`;
const who = { name: '김코디', role: 'coordinator' };
const entry = (
  ms: number,
  op: HistoryEntry['op'],
  before: HistoryEntry['before'],
  w?: typeof who,
) =>
  ({
    id: stamp(ms),
    entity: 'difficulty',
    recordId: 'd1',
    op,
    version: 1,
    before,
    ...(w && { who: w }),
  }) as HistoryEntry;

describe('difficulty timeline', () => {
  it('turns before-images into "from → to" with who and when', () => {
    const current = {
      id: 'd1',
      status: 'resolved',
      miniClusterId: 'mc1',
      expertIds: ['e1'],
      resolvedOn: '2026-03-02',
      title: 'x',
    } as unknown as StoredRecord;
    const entries = [
      entry(1_700_000_000_000, 'create', null),
      entry(
        1_700_000_100_000,
        'update',
        {
          status: 'received',
          miniClusterId: null,
          expertIds: null,
        },
        who,
      ),
      entry(1_700_000_200_000, 'update', { status: 'matched', resolvedOn: null, title: 'y' }, who),
    ];
    const items = buildTimeline(entries, current);
    expect(items.map((i) => [i.kind, i.field, i.from, i.to, i.who?.name])).toEqual([
      ['created', 'status', undefined, 'received', undefined],
      ['changed', 'status', 'received', 'matched', '김코디'],
      ['changed', 'miniClusterId', null, 'mc1', '김코디'],
      ['changed', 'expertIds', null, ['e1'], '김코디'],
      ['changed', 'status', 'matched', 'resolved', '김코디'],
      ['changed', 'resolvedOn', null, '2026-03-02', '김코디'],
    ]);
    expect(items[1]?.at).toBe(new Date(1_700_000_100_000).toISOString());
  });

  it('leaves out fields the timeline does not follow, and shows deletes', () => {
    const current = { id: 'd1', status: 'received', deleted: 1 } as unknown as StoredRecord;
    const items = buildTimeline(
      [entry(1, 'create', null), entry(2, 'delete', { deleted: 0 })],
      current,
    );
    expect(items.map((i) => i.kind)).toEqual(['created', 'deleted']);
  });
});
