import { describe, expect, it } from 'vitest';
import {
  activitiesByMiniCluster,
  activityCount,
  attendance,
  monthPeriod,
  type FigureRecord,
  type Scope,
} from '../../../../shared/report';
import { demoRecords } from './demoRecords';

const year2006 = { kind: 'year' as const, year: 2006 };

describe('activity figures', () => {
  it('sum 참여 연인원 per mini-cluster as counted here over the demo data', () => {
    const rows = demoRecords('activity');
    const scope: Scope = { kind: 'cluster', clusterId: 'gumi' };
    const mine = rows.filter((r) => r.clusterId === 'gumi' && String(r.date).startsWith('2006'));
    const per = activitiesByMiniCluster(rows, year2006, scope);
    expect(per.reduce((n, m) => n + (m.activities.value ?? 0), 0)).toBe(mine.length);
    for (const m of per) {
      const own = mine.filter((r) => (r.miniClusterId ?? '') === m.miniClusterId);
      expect(m.activities.ids).toEqual(own.map((r) => r.id));
      expect(m.attendance.value).toBe(own.reduce((n, r) => n + (r.attendance as number), 0));
    }
  });

  it('leave an activity without attendance out of the sum instead of counting it as 0', () => {
    const a = (id: string, att: unknown): FigureRecord => ({
      id,
      clusterId: 'gumi',
      miniClusterId: 'mc',
      date: '2006-03-31',
      attendance: att,
    });
    const rows = [a('x', 12), a('y', undefined), a('z', null)];
    const march = monthPeriod('2006-03');
    expect(activityCount(rows, march, { kind: 'all' }).value).toBe(3);
    expect(attendance(rows, march, { kind: 'all' })).toEqual({
      key: 'attendance',
      value: 12,
      ids: ['x'],
    });
    expect(attendance(rows.slice(1), march, { kind: 'all' }).value).toBeNull();
    expect(activityCount(rows, monthPeriod('2006-04'), { kind: 'all' }).value).toBe(0);
  });
});
