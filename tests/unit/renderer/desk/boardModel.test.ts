import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../../shared/registry';
import { buildBoard, NO_FILTER } from '../../../../renderer/features/desk/boardModel';

const rec = (id: string, values: Record<string, unknown>): StoredRecord =>
  ({ id, clusterId: 'gumi', version: 1, deleted: 0, ...values }) as unknown as StoredRecord;

const TODAY = '2026-03-10';
const rows = [
  rec('a', { status: 'received', receivedOn: '2026-03-01', priority: 'low' }),
  rec('b', { status: 'received', receivedOn: '2026-02-01', priority: 'urgent' }),
  rec('c', { status: 'received', receivedOn: '2026-01-01', dueOn: '2026-03-01' }),
  rec('d', { status: 'matched', miniClusterId: 'mc1', area: 'export', assignee: '김코디' }),
  rec('e', { status: 'resolved', dueOn: '2026-01-01', resolvedOn: '2026-02-01' }),
  rec('f', { status: 'weird' }),
];

describe('board model', () => {
  it('has a column per status with counts; unknown statuses land in 접수', () => {
    const board = buildBoard(rows, NO_FILTER, TODAY);
    expect(board.map((c) => c.status)).toEqual([
      'received',
      'reviewing',
      'matched',
      'inSupport',
      'resolved',
      'partlyResolved',
      'unresolved',
      'followUp',
      'onHold',
    ]);
    expect(board.map((c) => c.total)).toEqual([4, 0, 1, 0, 1, 0, 0, 0, 0]);
  });

  it('orders overdue first, then priority, then newest receipt', () => {
    const [received] = buildBoard(rows, NO_FILTER, TODAY);
    expect(received?.cards.map((c) => [c.record.id, c.overdue])).toEqual([
      ['c', true],
      ['b', false],
      ['f', false],
      ['a', false],
    ]);
  });

  it('filters by mini-cluster, area, assignee and overdue (a resolved one is never overdue)', () => {
    const only = (f: Partial<typeof NO_FILTER>) =>
      buildBoard(rows, { ...NO_FILTER, ...f }, TODAY).flatMap((c) =>
        c.cards.map((k) => k.record.id),
      );
    expect(only({ miniClusterId: 'mc1' })).toEqual(['d']);
    expect(only({ area: 'export', assignee: '김코디' })).toEqual(['d']);
    expect(only({ assignee: '박코디' })).toEqual([]);
    expect(only({ overdueOnly: true })).toEqual(['c']);
  });

  it('caps a column at its limit but keeps the full count (2,000 cards)', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      rec(`r${i}`, { status: 'inSupport', receivedOn: '2026-01-01' }),
    );
    const support = buildBoard(many, NO_FILTER, TODAY, { inSupport: 80 })[3];
    expect(support?.total).toBe(2000);
    expect(support?.cards).toHaveLength(80);
    expect(buildBoard(many, NO_FILTER, TODAY)[3]?.cards).toHaveLength(40);
  });
});
