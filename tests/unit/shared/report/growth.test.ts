import { describe, expect, it } from 'vitest';
import { entityByName } from '../../../../shared/registry';
import {
  applyRouteFilter,
  buildRouteFilter,
  growthComparison,
  idsRoute,
  type FigureRecord,
  type Scope,
} from '../../../../shared/report';

const gumi: Scope = { kind: 'cluster', clusterId: 'gumi' };
const cy = (id: string, companyId: string, year: number, revenueKrw?: number): FigureRecord => ({
  id,
  clusterId: 'gumi',
  companyId,
  year,
  revenueKrw,
});
const member = (id: string, organizationId: string, since: string, until?: string) => ({
  id,
  clusterId: 'gumi',
  miniClusterId: 'mc',
  organizationId,
  since,
  until,
});

describe('growth of participants against non-participants', () => {
  const years = [
    cy('a5', 'a', 2005, 100),
    cy('a6', 'a', 2006, 130),
    cy('b5', 'b', 2005, 300),
    cy('b6', 'b', 2006, 330),
    cy('c5', 'c', 2005, 200),
    cy('c6', 'c', 2006, 180),
    // d reports 2006 only: no base year, so it is in neither group
    cy('d6', 'd', 2006, 1_000),
    // e has no revenue for 2005: left out, never counted as 0
    cy('e5', 'e', 2005),
    cy('e6', 'e', 2006, 50),
    { ...cy('x6', 'x', 2006, 10), clusterId: 'ulsan' },
  ];
  const memberships = [
    member('m1', 'a', '2005-03-01'),
    member('m2', 'b', '2006-06-01'),
    // c left before the end of 2006: a non-participant in 2006
    member('m3', 'c', '2005-01-01', '2006-10-31'),
  ];

  it('sums the figure over companies with both years, members on the last day of the year', () => {
    const g = growthComparison(years, memberships, 'revenueKrw', 2006, gumi);
    // participants a, b: (130 + 330) / (100 + 300) − 1 = 15%
    expect(g.participants.value).toBeCloseTo(15);
    expect(g.participants.ids).toEqual(['a5', 'a6', 'b5', 'b6']);
    // non-participant c: 180 / 200 − 1 = −10%
    expect(g.nonParticipants.value).toBeCloseTo(-10);
    expect(g.nonParticipants.ids).toEqual(['c5', 'c6']);
  });

  it('has no value without a base year, and lists the rows behind it for the grid', () => {
    const g = growthComparison(years, memberships, 'revenueKrw', 2005, gumi);
    expect(g.participants.value).toBeNull();
    expect(g.nonParticipants.value).toBeNull();
    const fig = growthComparison(years, memberships, 'revenueKrw', 2006, gumi).participants;
    const route = idsRoute('company-years', fig);
    const filter = buildRouteFilter(entityByName.companyYear, route.query);
    expect(applyRouteFilter(years, filter).map((r) => r.id)).toEqual(fig.ids);
  });
});
