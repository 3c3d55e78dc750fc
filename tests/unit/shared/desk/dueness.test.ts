import { describe, expect, it } from 'vitest';
import { daysToResolve, isOverdue } from '../../../../shared/desk';

describe('overdue and days to resolve', () => {
  it('is overdue when the due date passed and it is not closed', () => {
    expect(isOverdue({ status: 'matched', dueOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    // due today is not yet overdue
    expect(isOverdue({ status: 'matched', dueOn: '2026-03-02' }, '2026-03-02')).toBe(false);
    // 보류 is a pause, still open
    expect(isOverdue({ status: 'onHold', dueOn: '2026-01-01' }, '2026-03-02')).toBe(true);
    for (const closed of ['resolved', 'followUp', 'partlyResolved', 'unresolved']) {
      expect(isOverdue({ status: closed, dueOn: '2026-01-01' }, '2026-03-02')).toBe(false);
    }
    expect(isOverdue({ status: 'received' }, '2026-03-02')).toBe(false);
  });

  it('counts calendar days from receipt to resolution, across a month end', () => {
    expect(daysToResolve({ receivedOn: '2026-01-30', resolvedOn: '2026-03-02' })).toBe(31);
    expect(daysToResolve({ receivedOn: '2026-01-30' })).toBeNull();
  });
});
