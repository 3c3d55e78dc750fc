import { describe, expect, it } from 'vitest';
import { getEntity, validateRecord } from '../../../../shared/registry';
import {
  activityValues,
  buildMiniClusterView,
  type MiniClusterRows,
} from '../../../../renderer/features/miniCluster/model';

const rows: MiniClusterRows = {
  names: new Map([
    ['o1', '구미정밀'],
    ['e1', '김교수'],
    ['e2', '이박사'],
  ]),
  memberships: [
    { id: 'm-old', miniClusterId: 'mc', expertId: 'e2', role: 'chair', until: '2020-12-31' },
    { id: 'm1', miniClusterId: 'mc', organizationId: 'o1', role: 'member', since: '2005-03-01' },
    { id: 'm2', miniClusterId: 'mc', expertId: 'e1', role: 'chair', since: '2005-03-01' },
    { id: 'm-other', miniClusterId: 'other', expertId: 'e1', role: 'member' },
    { id: 'm-deleted', miniClusterId: 'mc', expertId: 'e1', role: 'member', deleted: 1 },
  ],
  activities: [
    {
      id: 'a1',
      miniClusterId: 'mc',
      title: '정기총회',
      type: 'generalMeeting',
      date: '2006-01-10',
      attendance: 30,
    },
    {
      id: 'a3',
      miniClusterId: 'mc',
      title: '세미나',
      type: 'seminar',
      date: '2006-05-02',
      attendance: 12,
      attendeeExpertIds: ['e1'],
    },
    { id: 'a2', miniClusterId: 'mc', title: '방문', type: 'memberVisit', date: '2006-05-02' },
    {
      id: 'ax',
      miniClusterId: 'other',
      title: '남의 활동',
      type: 'seminar',
      date: '2007-01-01',
      attendance: 99,
    },
  ],
  difficulties: [
    {
      id: 'd1',
      miniClusterId: 'mc',
      title: '열린 애로',
      status: 'inSupport',
      receivedOn: '2006-02-01',
    },
    {
      id: 'd2',
      miniClusterId: 'mc',
      title: '해결 애로',
      status: 'resolved',
      receivedOn: '2006-01-01',
    },
    {
      id: 'd3',
      miniClusterId: 'mc',
      title: '사후관리 애로',
      status: 'followUp',
      receivedOn: '2006-03-01',
    },
    {
      id: 'd4',
      miniClusterId: 'other',
      title: '남의 애로',
      status: 'received',
      receivedOn: '2006-03-01',
    },
  ],
  successCases: [{ id: 's1', miniClusterId: 'mc', title: '사례', year: 2006 }],
};

describe('buildMiniClusterView', () => {
  const view = buildMiniClusterView('mc', rows, '2026-01-01');

  it('lists current members first by role, former ones last; never other or deleted ones', () => {
    expect(view.members.map((m) => [m.membershipId, m.name, m.current])).toEqual([
      ['m2', '김교수', true],
      ['m1', '구미정밀', true],
      ['m-old', '이박사', false],
    ]);
  });

  it('puts activities newest first and sums their 참여 연인원', () => {
    expect(view.activities.map((a) => a.id)).toEqual(['a3', 'a2', 'a1']);
    expect(view.activities[0]?.attendeeNames).toEqual(['김교수']);
    expect(view.totalAttendance).toBe(42);
  });

  it('splits difficulties into open and resolved (사후관리 counts as resolved)', () => {
    expect(view.openDifficulties.map((d) => d.id)).toEqual(['d1']);
    expect(view.resolvedDifficulties.map((d) => d.id)).toEqual(['d3', 'd2']);
    expect(view.successCases.map((s) => s.id)).toEqual(['s1']);
  });
});

describe('activityValues', () => {
  const members = buildMiniClusterView('mc', rows, '2026-01-01').members;
  const draft = {
    title: ' 기술교류회 ',
    type: 'techExchange',
    date: '2026-03-04',
    place: '',
    attendees: new Set(['m1', 'm2']),
    attendance: '',
  };

  it('turns ticked members into attendee ids and counts them as 참여 연인원', () => {
    const v = activityValues('mc', draft, members);
    expect(v).toMatchObject({
      title: '기술교류회',
      miniClusterId: 'mc',
      attendeeOrgIds: ['o1'],
      attendeeExpertIds: ['e1'],
      attendance: 2,
    });
    expect(validateRecord(getEntity('activity'), v).ok).toBe(true);
  });

  it('keeps a typed 참여 연인원 (guests count too)', () => {
    expect(activityValues('mc', { ...draft, attendance: '15' }, members)['attendance']).toBe(15);
  });

  it('refuses a missing title and a non-number attendance with Korean errors, per field', () => {
    const v = activityValues('mc', { ...draft, title: ' ', attendance: '많음' }, members);
    const check = validateRecord(getEntity('activity'), v, 'ko');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const fields = check.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['attendance', 'title']);
    expect(check.errors.every((e) => /[가-힣]/.test(e.message))).toBe(true);
  });
});
