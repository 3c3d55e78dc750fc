import { describe, expect, it } from 'vitest';
import { allowedMoves, checkMove, nextStatus, DESK_STATUSES } from '../../../../shared/desk';

describe('difficulty status moves', () => {
  it('follows 접수 → 검토 → 매칭 → 지원중 → 해결 → 사후관리 one step at a time', () => {
    const path = ['received', 'reviewing', 'matched', 'inSupport', 'resolved', 'followUp'];
    for (let i = 1; i < path.length; i++) {
      expect(checkMove(path[i - 1]!, path[i]!, 'ko')).toEqual({ ok: true });
      expect(nextStatus(path[i - 1] as 'received')).toBe(path[i]);
    }
    expect(nextStatus('followUp')).toBeUndefined();
  });

  it('lets 지원중 close as 해결, 부분해결 or 미해결', () => {
    for (const to of ['resolved', 'partlyResolved', 'unresolved']) {
      expect(checkMove('inSupport', to, 'en').ok).toBe(true);
    }
  });

  it('reaches 보류 from every status and resumes only at an open step', () => {
    for (const from of DESK_STATUSES) {
      if (from !== 'onHold') expect(checkMove(from, 'onHold', 'ko').ok).toBe(true);
    }
    expect(allowedMoves('onHold')).toEqual(['received', 'reviewing', 'matched', 'inSupport']);
    expect(checkMove('onHold', 'resolved', 'ko').ok).toBe(false);
  });

  it('explains a skipped step in Korean and English, naming the allowed statuses', () => {
    const ko = checkMove('received', 'resolved', 'ko');
    expect(ko).toEqual({
      ok: false,
      reason: '접수에서 해결(으)로 바로 옮길 수 없습니다. 옮길 수 있는 상태: 검토, 보류.',
    });
    const en = checkMove('received', 'resolved', 'en');
    expect(en.ok).toBe(false);
    if (!en.ok) expect(en.reason).toContain('Allowed: 검토'.replace('검토', 'Under review'));
  });

  it('keeps 부분해결 out of 사후관리, because 사후관리 counts as resolved', () => {
    const r = checkMove('partlyResolved', 'followUp', 'ko');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('사후관리는 해결된 애로에만');
  });

  it('refuses a move to the same status and to an unknown one', () => {
    expect(checkMove('matched', 'matched', 'ko')).toEqual({
      ok: false,
      reason: '이미 매칭 상태입니다.',
    });
    expect(checkMove('matched', 'done', 'en').ok).toBe(false);
  });

  it('lets a record without a known status (an old import) be put anywhere once', () => {
    expect(checkMove('', 'resolved', 'ko').ok).toBe(true);
  });
});
