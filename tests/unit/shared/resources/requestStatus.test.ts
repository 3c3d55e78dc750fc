import { describe, expect, it } from 'vitest';
import { canDecide, decisionFor, nextDecisions, requestStatus } from '../../../../shared/resources';

describe('resource request status', () => {
  it('is 요청 until the owner answers, then follows the decision record', () => {
    expect(requestStatus('r1', [])).toBe('requested');
    expect(requestStatus('r1', [{ id: 'd', requestId: 'r1', status: 'approved', hlc: '1' }])).toBe(
      'approved',
    );
    // Another request's decision, a deleted one or a bad status do not count.
    const noise = [
      { id: 'x', requestId: 'r2', status: 'rejected', hlc: '9' },
      { id: 'y', requestId: 'r1', status: 'completed', hlc: '9', deleted: 1 },
      { id: 'z', requestId: 'r1', status: '=cmd|calc', hlc: '9' },
    ];
    expect(requestStatus('r1', noise)).toBe('requested');
  });

  it('takes the latest decision when two devices answered', () => {
    const decisions = [
      { id: 'a', requestId: 'r1', status: 'approved', hlc: '1700000000001-0000-A' },
      { id: 'b', requestId: 'r1', status: 'completed', hlc: '1700000000002-0000-A' },
    ];
    expect(decisionFor('r1', decisions)?.id).toBe('b');
    expect(requestStatus('r1', [...decisions].reverse())).toBe('completed');
  });

  it('allows 요청 → 승인/반려 → (승인 only) 완료, nothing after 반려 or 완료', () => {
    expect(nextDecisions('requested')).toEqual(['approved', 'rejected']);
    expect(nextDecisions('approved')).toEqual(['completed']);
    expect(nextDecisions('rejected')).toEqual([]);
    expect(nextDecisions('completed')).toEqual([]);
  });

  it('lets only the resource’s own cluster decide', () => {
    expect(canDecide('gumi', 'gumi')).toBe(true);
    expect(canDecide('gumi', 'ulsan')).toBe(false);
    expect(canDecide('gumi', undefined)).toBe(false);
  });
});
