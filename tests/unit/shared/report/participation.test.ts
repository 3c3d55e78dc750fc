import { describe, expect, it } from 'vitest';
import {
  memberOn,
  monthPeriod,
  participatingCompanies,
  participatingExperts,
  participationByMonth,
  type FigureRecord,
  type Scope,
} from '../../../../shared/report';
import { demoRecords } from './demoRecords';

const all: Scope = { kind: 'all' };
const m = (id: string, fields: Record<string, unknown>, clusterId = 'gumi'): FigureRecord => ({
  id,
  clusterId,
  miniClusterId: 'mc1',
  since: '2006-01-10',
  ...fields,
});

describe('participation figures', () => {
  it('count a member from the day it joined through the day it left, not after', () => {
    expect(memberOn(m('a', {}), '2006-01-09')).toBe(false);
    expect(memberOn(m('a', {}), '2006-01-10')).toBe(true);
    expect(memberOn(m('a', { until: '2006-02-28' }), '2006-02-28')).toBe(true);
    expect(memberOn(m('a', { until: '2006-02-28' }), '2006-03-01')).toBe(false);
    expect(memberOn(m('a', { since: '' }), '2006-03-01')).toBe(false);
  });

  it('count a company in two mini-clusters once, and experts apart from companies', () => {
    const rows = [
      m('1', { organizationId: 'org-a' }),
      m('2', { organizationId: 'org-a', miniClusterId: 'mc2' }),
      m('3', { organizationId: 'org-b', until: '2006-02-15' }),
      m('4', { expertId: 'ex-1' }),
      m('5', { organizationId: 'org-c' }, 'ulsan'),
      m('6', { organizationId: 'org-d', deleted: 1 }),
    ];
    const gumi: Scope = { kind: 'cluster', clusterId: 'gumi' };
    expect(participatingCompanies(rows, monthPeriod('2006-01'), gumi)).toEqual({
      key: 'participatingCompanies',
      value: 2,
      ids: ['org-a', 'org-b'],
    });
    expect(participatingCompanies(rows, monthPeriod('2006-02'), gumi).ids).toEqual(['org-a']);
    expect(participatingCompanies(rows, monthPeriod('2006-02'), all).ids).toEqual([
      'org-a',
      'org-c',
    ]);
    expect(participatingExperts(rows, monthPeriod('2006-02'), gumi).ids).toEqual(['ex-1']);
    const series = participationByMonth(rows, { kind: 'quarter', year: 2006, quarter: 1 }, gumi);
    expect(series.map((r) => [r.month, r.companies.value, r.experts.value])).toEqual([
      ['2006-01', 2, 1],
      ['2006-02', 1, 1],
      ['2006-03', 1, 1],
    ]);
  });

  it('agree with a count written here over the demo memberships', () => {
    const rows = demoRecords('membership');
    const day = '2006-06-30';
    const own = new Set(
      rows
        .filter(
          (r) =>
            r.clusterId === 'gumi' &&
            typeof r.organizationId === 'string' &&
            String(r.since) <= day &&
            (r.until === undefined || String(r.until) >= day),
        )
        .map((r) => r.organizationId),
    );
    const fig = participatingCompanies(rows, monthPeriod('2006-06'), {
      kind: 'cluster',
      clusterId: 'gumi',
    });
    expect(own.size).toBeGreaterThan(0);
    expect(fig.value).toBe(own.size);
    expect(new Set(fig.ids)).toEqual(own);
  });
});
