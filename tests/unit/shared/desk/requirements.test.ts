import { describe, expect, it } from 'vitest';
import { missingForStatus, recordRuleErrors } from '../../../../shared/desk';
import { getEntity, validateRecord } from '../../../../shared/registry';

const base = {
  title: '도금 불량',
  companyId: '01HCOMPANY0000000000000000',
  area: 'technology',
  receivedOn: '2026-03-02',
};

describe('what each status needs', () => {
  it('매칭 needs a mini-cluster and at least one expert', () => {
    expect(missingForStatus('matched', {}, 'ko').map((e) => e.field)).toEqual([
      'miniClusterId',
      'expertIds',
    ]);
    expect(missingForStatus('matched', { miniClusterId: 'm', expertIds: [] }, 'ko')).toEqual([
      { field: 'expertIds', message: '매칭 상태에는 매칭 전문가을(를) 입력해야 합니다' },
    ]);
    expect(missingForStatus('matched', { miniClusterId: 'm', expertIds: ['e'] }, 'ko')).toEqual([]);
  });

  it('해결 needs solution, date, outcomes with their amounts and satisfaction', () => {
    const partial = { solution: '공정 개선', outcomeTypes: ['revenueUp', 'certified'] };
    expect(missingForStatus('resolved', partial, 'en').map((e) => e.field)).toEqual([
      'resolvedOn',
      'satisfaction',
      'outcomeRevenueKrw',
    ]);
    const full = { ...partial, resolvedOn: '2026-04-01', satisfaction: '5', outcomeRevenueKrw: 1 };
    expect(missingForStatus('resolved', full, 'en')).toEqual([]);
  });

  it('사후관리 needs its follow-up date; other statuses need nothing', () => {
    expect(missingForStatus('followUp', { resolvedOn: '2026-04-01' }, 'ko')).toEqual([
      { field: 'followUpOn', message: '사후관리 상태에는 사후관리 예정일을(를) 입력해야 합니다' },
    ]);
    expect(missingForStatus('reviewing', {}, 'ko')).toEqual([]);
  });

  it('every save refuses 해결 without 해결일, with the error on the field (was accepted)', () => {
    const def = getEntity('difficulty');
    const r = validateRecord(def, { ...base, status: 'resolved' }, 'ko');
    expect(r).toEqual({
      ok: false,
      errors: [{ field: 'resolvedOn', message: '해결 상태에는 해결일을(를) 입력해야 합니다' }],
    });
    const en = validateRecord(def, { ...base, status: '사후관리' }, 'en');
    expect(en.ok).toBe(false);
    expect(validateRecord(def, { ...base, status: 'resolved', resolvedOn: '2026-04-01' }).ok).toBe(
      true,
    );
    // an open status needs no date
    expect(validateRecord(def, { ...base, status: 'received' }).ok).toBe(true);
    expect(recordRuleErrors({ status: 'partlyResolved' }, 'ko')).toEqual([]);
  });

  it('knows the new priority enum and the assignee / follow-up fields', () => {
    const def = getEntity('difficulty');
    const r = validateRecord(
      def,
      { ...base, status: 'received', priority: '긴급', assignee: '김코디', followUpOn: '2026.5.1' },
      'ko',
    );
    expect(r.ok && r.value).toMatchObject({
      priority: 'urgent',
      assignee: '김코디',
      followUpOn: '2026-05-01',
    });
  });
});
