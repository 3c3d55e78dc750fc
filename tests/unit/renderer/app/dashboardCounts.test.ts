import { describe, expect, it } from 'vitest';
import { entities, type StoredRecord } from '../../../../shared/registry';
import { countRecords } from '../../../../renderer/features/dashboard/useDashboardCounts';

const diff = (id: string, clusterId: string, status: string, extra: object = {}) =>
  ({ id, clusterId, status, receivedOn: '2006-03-02', ...extra }) as unknown as StoredRecord;

const lists = entities.map((e) =>
  e.name === 'difficulty'
    ? [
        diff('a', 'gumi', 'resolved', { resolvedOn: '2006-03-20' }),
        diff('b', 'gumi', 'received', { dueOn: '2006-04-01' }),
        diff('c', 'ulsan', 'resolved', { resolvedOn: '2006-03-21' }),
      ]
    : e.name === 'organization'
      ? ([{}, {}, {}] as unknown as StoredRecord[])
      : [],
);

describe('dashboard counts', () => {
  it('count every live record per entity, as the grids do, and wait until every list is read', () => {
    const counts = countRecords(lists, { kind: 'cluster', clusterId: 'gumi' }, '2006-05-01');
    expect(counts?.byEntity.organization).toBe(3);
    expect(counts?.byEntity.difficulty).toBe(3);
    expect(counts?.total).toBe(6);
    expect(countRecords([...lists.slice(1), undefined], { kind: 'all' }, '2006-05-01')).toBe(
      undefined,
    );
  });

  it("scope the KPI figures to the team's cluster, up to today", () => {
    const gumi = countRecords(lists, { kind: 'cluster', clusterId: 'gumi' }, '2006-05-01');
    expect(gumi?.resolution.rate.value).toBe(50);
    expect(gumi?.resolution.rate.ids).toEqual(['a']);
    expect(gumi?.open.ids).toEqual(['b']);
    expect(gumi?.overdue.ids).toEqual(['b']);
    const all = countRecords(lists, { kind: 'all' }, '2006-05-01');
    expect(all?.resolution.received.value).toBe(3);
    expect(all?.resolution.resolved.value).toBe(2);
    // On its due day a difficulty is not yet overdue.
    expect(countRecords(lists, { kind: 'all' }, '2006-04-01')?.overdue.value).toBe(0);
  });
});
