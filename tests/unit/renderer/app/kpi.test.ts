import { describe, expect, it } from 'vitest';
import { getEntity } from '../../../../shared/registry';
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
