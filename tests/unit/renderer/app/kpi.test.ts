import { describe, expect, it } from 'vitest';
import { entities, getEntity } from '../../../../shared/registry';
import { countRecords } from '../../../../renderer/features/dashboard/useDashboardCounts';
import { difficultyStatusKey, resolutionRate } from '../../../../renderer/features/dashboard/kpi';

describe('애로 해결률', () => {
  it('is resolved ÷ received, in percent', () => {
    const statuses = ['resolved', 'resolved', 'resolved', 'inSupport'];
    expect(resolutionRate(statuses)).toEqual({ received: 4, resolved: 3, percent: 75 });
  });

  it('does not count partly resolved, follow-up or a missing status as resolved', () => {
    const r = resolutionRate(['partlyResolved', 'followUp', undefined, 'resolved']);
    expect(r.resolved).toBe(1);
    expect(r.received).toBe(4);
  });

  it('has no rate when nothing was received', () => {
    expect(resolutionRate([]).percent).toBeNull();
  });

  it('reads the status field the registry declares for difficulties', () => {
    const key = difficultyStatusKey();
    const field = getEntity('difficulty').fields.find((f) => f.key === key);
    expect(field?.enumId).toBe('difficultyStatus');
  });
});

describe('dashboard counts', () => {
  it('count live records per entity and wait until every list is read', () => {
    const statusKey = difficultyStatusKey();
    const lists = entities.map((e) =>
      e.name === 'difficulty'
        ? [{ [statusKey]: 'resolved' }, { [statusKey]: 'received' }]
        : e.name === 'organization'
          ? [{}, {}, {}]
          : [],
    ) as unknown as Parameters<typeof countRecords>[0];
    const counts = countRecords(lists);
    expect(counts?.byEntity.organization).toBe(3);
    expect(counts?.byEntity.difficulty).toBe(2);
    expect(counts?.total).toBe(5);
    expect(counts?.resolution.percent).toBe(50);
    expect(countRecords([...lists.slice(1), undefined])).toBeUndefined();
  });
});
