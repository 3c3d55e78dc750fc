/** The demo data tells the article's story: counts, success cases and published figures. */
import { describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../../shared/demo';
import { CLUSTER_FACTS } from '../../../../shared/demo/facts';
import { enums } from '../../../../shared/registry';
import { data, row, rowsOf, sum } from './helpers';

const v = (r: { values: Record<string, unknown> }, key: string) => r.values[key];

describe('demo data: counts from the 2006 article', () => {
  it('has the seven pilot clusters with codes, designation 2004-06 and teams from 2005-04', () => {
    const clusters = rowsOf('cluster');
    expect(clusters.map((c) => v(c, 'code')).sort()).toEqual(
      enums.clusterCode.map((o) => o.code).sort(),
    );
    for (const c of clusters) {
      expect(c.clusterId).toBe(v(c, 'code'));
      expect(String(v(c, 'designatedOn'))).toMatch(/^2004-06-/);
      expect(v(c, 'teamStartedOn')).toBe('2005-04-01');
    }
    const gumi = clusters.find((c) => v(c, 'code') === 'gumi');
    expect(v(gumi!, 'complex')).toBe('구미국가산업단지');
    expect(v(gumi!, 'specialisation')).toBe('전자');
  });

  it('has 48 mini-clusters, 4 to 14 per cluster, with each cluster’s themes', () => {
    const mcs = rowsOf('miniCluster');
    expect(mcs).toHaveLength(DEMO_FACTS.miniClusters);
    const perCluster = new Map<string, number>();
    for (const mc of mcs) perCluster.set(mc.clusterId, (perCluster.get(mc.clusterId) ?? 0) + 1);
    expect(perCluster.size).toBe(7);
    for (const n of perCluster.values()) {
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(14);
    }
    const names = (cluster: string) =>
      mcs.filter((m) => m.clusterId === cluster).map((m) => v(m, 'name'));
    expect(names('gumi')).toEqual(expect.arrayContaining(['메카트로닉스', '디스플레이', '모바일']));
    expect(names('gwangju')).toEqual(expect.arrayContaining(['LED 조명', '광통신 부품']));
    expect(names('wonju')).toEqual(expect.arrayContaining(['진단기기', '재활기기']));
  });

  it('has exactly 2,022 participating companies and 920 participating experts', () => {
    const memberships = rowsOf('membership');
    const companies = new Set(
      memberships
        .map((m) => v(m, 'organizationId'))
        .filter((id) => id !== undefined && v(row(id), 'kind') === 'company'),
    );
    const experts = new Set(memberships.map((m) => v(m, 'expertId')).filter(Boolean));
    expect(companies.size).toBe(DEMO_FACTS.participatingCompanies);
    expect(experts.size).toBe(DEMO_FACTS.participatingExperts);
    expect(rowsOf('expert')).toHaveLength(920);
    const orgNames = rowsOf('organization').map((o) => v(o, 'name'));
    expect(orgNames).toEqual(expect.arrayContaining(['금오공과대학교', '한국광기술원(KOPTI)']));
  });

  it('has 1,086 resolved of 1,380 difficulties (78.7 %), all within 2005-04 … 2006-12', () => {
    const difficulties = rowsOf('difficulty');
    expect(difficulties).toHaveLength(DEMO_FACTS.difficultiesReceived);
    const resolved = difficulties.filter((d) => v(d, 'status') === 'resolved');
    expect(resolved).toHaveLength(DEMO_FACTS.difficultiesResolved);
    expect((resolved.length / difficulties.length).toFixed(3)).toBe('0.787');
    for (const d of difficulties) {
      const received = String(v(d, 'receivedOn'));
      expect(received >= '2005-04-01' && received <= '2006-12-31').toBe(true);
      const resolvedOn = v(d, 'resolvedOn');
      if (resolvedOn !== undefined) {
        expect(String(resolvedOn) >= received && String(resolvedOn) <= '2006-12-31').toBe(true);
      }
    }
    for (const d of resolved) expect(v(d, 'resolvedOn')).toBeDefined();
    expect(new Set(difficulties.map((d) => v(d, 'area'))).size).toBeGreaterThanOrEqual(8);
  });

  it('has about 600 activities, 150 resources, a plan per cluster and 14 success cases', () => {
    expect(rowsOf('activity')).toHaveLength(DEMO_FACTS.activities);
    for (const a of rowsOf('activity')) {
      const listed =
        ((v(a, 'attendeeOrgIds') as string[] | undefined)?.length ?? 0) +
        ((v(a, 'attendeeExpertIds') as string[] | undefined)?.length ?? 0);
      expect(Number(v(a, 'attendance'))).toBeGreaterThanOrEqual(listed);
    }
    const resources = rowsOf('resource');
    expect(resources).toHaveLength(DEMO_FACTS.resources);
    const shared = resources.filter((r) => v(r, 'sharedWithNetwork') === true).length;
    expect(shared).toBeGreaterThan(0);
    expect(shared).toBeLessThan(resources.length);
    const clusterPlans = rowsOf('plan').filter((p) => v(p, 'scope') === 'cluster');
    expect(new Set(clusterPlans.map((p) => p.clusterId)).size).toBe(7);
    expect(rowsOf('plan').some((p) => v(p, 'scope') === 'miniCluster')).toBe(true);
    expect(rowsOf('successCase')).toHaveLength(DEMO_FACTS.successCases);
  });
});

describe('demo data: the article’s success cases and figures', () => {
  const caseWith = (text: string) => {
    const c = rowsOf('successCase').find((s) => String(v(s, 'title')).includes(text));
    if (!c) throw new Error(`no success case with ${text}`);
    return c;
  };
  const caseDifficulty = (companyId: unknown) => {
    const d = rowsOf('difficulty').find((x) => v(x, 'companyId') === companyId);
    if (!d) throw new Error('no difficulty of the success-case company');
    return d;
  };

  it('tells the Gwangju LED lighting bar story with a KOPTI lighting expert', () => {
    const c = caseWith('LED 조명바');
    expect(c.clusterId).toBe('gwangju');
    expect(v(c, 'impactRevenueKrw')).toBe(5_000_000_000);
    expect(String(v(c, 'summary'))).toContain('네온');
    expect(String(v(c, 'impact'))).toContain('1~2년');
    expect(v(row(v(c, 'miniClusterId')), 'name')).toBe('LED 조명');
    const d = caseDifficulty(v(c, 'companyId'));
    expect(v(d, 'status')).toBe('resolved');
    const [expertId] = v(d, 'expertIds') as string[];
    const expert = row(expertId);
    expect(v(row(v(expert, 'organizationId')), 'name')).toBe('한국광기술원(KOPTI)');
    expect(v(expert, 'expertise')).toContain('LED 조명');
    expect(Number(v(d, 'outcomeMonthsSaved'))).toBeGreaterThanOrEqual(12);
    expect(Number(v(d, 'outcomeMonthsSaved'))).toBeLessThanOrEqual(24);
  });

  it('tells the Gumi PDP tempered-glass cutter story solved by 금오공과대학교', () => {
    const c = caseWith('PDP 강화유리 절단기');
    expect(c.clusterId).toBe('gumi');
    expect(v(c, 'impactRevenueKrw')).toBe(5_000_000_000);
    expect(v(row(v(c, 'miniClusterId')), 'name')).toBe('메카트로닉스');
    const d = caseDifficulty(v(c, 'companyId'));
    expect(String(v(d, 'techField'))).toContain('연삭');
    const expert = row((v(d, 'expertIds') as string[])[0]);
    expect(v(row(v(expert, 'organizationId')), 'name')).toBe('금오공과대학교');
    // The company takes part in the mini-cluster its case came through.
    const joined = rowsOf('membership').some(
      (m) =>
        v(m, 'organizationId') === v(c, 'companyId') &&
        v(m, 'miniClusterId') === v(c, 'miniClusterId'),
    );
    expect(joined).toBe(true);
  });

  const indicator = (cluster: string, metric: string, period: string) =>
    rowsOf('indicator').find(
      (i) => i.clusterId === cluster && v(i, 'metric') === metric && v(i, 'period') === period,
    );
  const target = (cluster: string, metric: string, year: number) =>
    rowsOf('target').find(
      (t) => t.clusterId === cluster && v(t, 'metric') === metric && v(t, 'year') === year,
    );

  it('has Wonju exports of 26 → 82 million USD, and monthly exports adding up to them', () => {
    expect(v(indicator('wonju', 'exports', '2005')!, 'value')).toBe(26_000_000);
    expect(v(indicator('wonju', 'exports', '2006')!, 'value')).toBe(82_000_000);
    expect(v(indicator('wonju', 'exports', '2006')!, 'periodType')).toBe('year');
    expect(v(target('wonju', 'exports', 2006)!, 'value')).toBe(82_000_000);
    const months2006 = rowsOf('indicator').filter(
      (i) =>
        i.clusterId === 'wonju' &&
        v(i, 'metric') === 'exports' &&
        String(v(i, 'period')).startsWith('2006-'),
    );
    expect(months2006).toHaveLength(12);
    expect(sum(months2006.map((i) => Number(v(i, 'value'))))).toBe(82_000_000);
  });

  it('has Gwangju production, the Banwol-Sihwa goal and the national exports goal', () => {
    expect(v(indicator('gwangju', 'production', '2005')!, 'value')).toBe(2_900_000_000_000);
    expect(v(target('banwol-sihwa', 'bigRevenueFirms', 2013)!, 'value')).toBe(150);
    const national = rowsOf('target').find(
      (t) => v(t, 'complex') === '7개 시범단지 합계' && v(t, 'year') === 2013,
    );
    expect(v(national!, 'value')).toBe(194_000_000_000);
    const base = rowsOf('indicator').find((i) => v(i, 'period') === '2003');
    expect(v(base!, 'value')).toBe(67_000_000_000);
    const perCluster = rowsOf('target').filter(
      (t) => t !== national && v(t, 'metric') === 'exports' && v(t, 'year') === 2013,
    );
    expect(perCluster).toHaveLength(7);
    expect(sum(perCluster.map((t) => Number(v(t, 'value'))))).toBe(194_000_000_000);
  });

  it('has monthly indicators per cluster for 2005-04 … 2006-12 that grow', () => {
    const metrics = [
      'production',
      'exports',
      'employment',
      'tenants',
      'operating',
      'operatingRate',
    ];
    for (const fact of CLUSTER_FACTS) {
      const monthly = rowsOf('indicator').filter(
        (i) => i.clusterId === fact.code && v(i, 'periodType') === 'month',
      );
      expect(monthly).toHaveLength(21 * metrics.length);
      expect(new Set(monthly.map((i) => v(i, 'metric')))).toEqual(new Set(metrics));
      const aprToDec = (year: string) =>
        sum(
          monthly
            .filter((i) => v(i, 'metric') === 'production')
            .filter((i) => String(v(i, 'period')).startsWith(year))
            .filter((i) => String(v(i, 'period')) >= `${year}-04`)
            .map((i) => Number(v(i, 'value'))),
        );
      expect(aprToDec('2006')).toBeGreaterThan(aprToDec('2005'));
      for (const rate of monthly.filter((i) => v(i, 'metric') === 'operatingRate')) {
        expect(Number(v(rate, 'value'))).toBeGreaterThan(50);
        expect(Number(v(rate, 'value'))).toBeLessThanOrEqual(100);
      }
    }
  });

  it('keeps the dependency order the loader relies on', () => {
    expect(data.map((b) => b.entity)).toEqual([
      'cluster',
      'organization',
      'expert',
      'miniCluster',
      'membership',
      'difficulty',
      'activity',
      'resource',
      'plan',
      'indicator',
      'target',
      'successCase',
    ]);
  });
});
