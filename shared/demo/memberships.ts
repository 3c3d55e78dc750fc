/**
 * 참여: every participating company and every expert joins at least one mini-cluster of its own
 * cluster (some join two); universities and institutes join several. Each mini-cluster gets its
 * officers: 회장 and 감사 from companies, 부회장 from a company and an institution, 총무 an
 * expert, 운영위원 a few of each. Success-case companies and experts join the mini-cluster of
 * their case, from its founding.
 */
import { addDays, randomDate } from './dates';
import { DEMO_PERIOD, SUCCESS_CASE_FACTS } from './facts';
import { demoId } from './ids';
import { Rng } from './random';
import type { DemoRow } from './types';
import {
  pushTo,
  type ExpertInfo,
  type MembershipIndex,
  type MiniClusterInfo,
  type OrgInfo,
} from './world';

/** Minimum members dealt round-robin before the rest are spread by weight. */
const MIN_COMPANIES_PER_MC = 8;
const MIN_EXPERTS_PER_MC = 3;

interface Member {
  mc: MiniClusterInfo;
  orgId?: string;
  expertId?: string;
  role: string;
}

/** Assigns each item a primary mini-cluster (forced, round-robin, then by weight) and maybe a second. */
function assign<T extends { id: string }>(
  rng: Rng,
  items: readonly T[],
  mcs: readonly MiniClusterInfo[],
  weights: ReadonlyArray<readonly [MiniClusterInfo, number]>,
  minEach: number,
  secondChance: number,
  forced: (item: T) => MiniClusterInfo | undefined,
): Map<string, MiniClusterInfo[]> {
  const out = new Map<string, MiniClusterInfo[]>();
  let dealt = 0;
  for (const item of rng.shuffle(items)) {
    const primary =
      forced(item) ??
      (dealt < mcs.length * minEach ? mcs[dealt++ % mcs.length] : undefined) ??
      rng.weighted(weights);
    const chosen = [primary];
    if (mcs.length > 1 && rng.chance(secondChance)) {
      const second = rng.pick(mcs.filter((m) => m !== primary));
      chosen.push(second);
    }
    out.set(item.id, chosen);
  }
  return out;
}

export function buildMemberships(
  miniClusters: readonly MiniClusterInfo[],
  orgs: readonly OrgInfo[],
  experts: readonly ExpertInfo[],
): { rows: DemoRow[]; index: MembershipIndex } {
  const rng = new Rng('membership');
  const index: MembershipIndex = {
    companiesByMc: new Map(),
    institutionsByMc: new Map(),
    expertsByMc: new Map(),
    mcsByCompany: new Map(),
    joinedOn: new Map(),
  };
  const members: Member[] = [];
  const revenue = new Map(orgs.map((o) => [o.id, o.revenueKrw ?? 0]));
  const clusters = [...new Set(miniClusters.map((m) => m.cluster))];
  for (const cluster of clusters) {
    const mcs = miniClusters.filter((m) => m.cluster === cluster);
    const weights = mcs.map((m) => [m, 0.6 + rng.float()] as const);
    const caseMc = (key: string | undefined) => {
      const c = SUCCESS_CASE_FACTS.find((x) => x.key === key);
      return c ? mcs.find((m) => m.name === c.miniCluster) : undefined;
    };
    const companies = orgs.filter(
      (o) => o.cluster === cluster && o.kind === 'company' && o.participating,
    );
    const companyMcs = assign(rng, companies, mcs, weights, MIN_COMPANIES_PER_MC, 0.12, (o) =>
      caseMc(o.caseKey),
    );
    const localExperts = experts.filter((e) => e.cluster === cluster);
    const expertMcs = assign(rng, localExperts, mcs, weights, MIN_EXPERTS_PER_MC, 0.2, (e) =>
      caseMc(e.caseKey),
    );
    for (const [orgId, list] of companyMcs) {
      index.mcsByCompany.set(orgId, list);
      for (const mc of list) pushTo(index.companiesByMc, mc.id, orgId);
    }
    for (const [expertId, list] of expertMcs)
      for (const mc of list) pushTo(index.expertsByMc, mc.id, expertId);
    const institutions = orgs.filter(
      (o) => o.cluster === cluster && o.kind !== 'company' && o.participating,
    );
    for (const inst of institutions) {
      for (const mc of rng.sample(mcs, rng.int(Math.min(2, mcs.length), mcs.length))) {
        pushTo(index.institutionsByMc, mc.id, inst.id);
      }
    }
    for (const mc of mcs) members.push(...officers(rng, mc, index, revenue));
  }
  // Success-case companies and experts were there from the start: their case began in it.
  const founders = new Set(
    [...orgs, ...experts].filter((x) => x.caseKey !== undefined).map((x) => x.id),
  );
  const rows = members.map((m) => {
    const row = membershipRow(rng, m, founders.has(m.orgId ?? m.expertId ?? ''));
    if (m.orgId) index.joinedOn.set(`${m.mc.id}|${m.orgId}`, String(row.values.since));
    return row;
  });
  return { rows, index };
}

/** Everyone in the mini-cluster with a role: officers first, the rest 회원. */
function officers(
  rng: Rng,
  mc: MiniClusterInfo,
  index: MembershipIndex,
  revenue: ReadonlyMap<string, number>,
): Member[] {
  // The chair is usually the largest member company.
  const companies = [...(index.companiesByMc.get(mc.id) ?? [])].sort(
    (a, b) => (revenue.get(b) ?? 0) - (revenue.get(a) ?? 0),
  );
  const institutions = index.institutionsByMc.get(mc.id) ?? [];
  const experts = index.expertsByMc.get(mc.id) ?? [];
  const roles = new Map<string, string>();
  const give = (id: string | undefined, role: string) => {
    if (id !== undefined && !roles.has(id)) roles.set(id, role);
  };
  give(companies[0], 'chair');
  give(companies[1 + rng.int(0, 2)], 'viceChair');
  give(institutions[0], 'viceChair');
  give(experts[0], 'secretary');
  give(companies[4 + rng.int(0, 3)], 'auditor');
  for (const id of rng.sample(companies.slice(1), rng.int(3, 5))) give(id, 'steering');
  for (const id of rng.sample(experts.slice(1), rng.int(1, 2))) give(id, 'steering');
  const out: Member[] = [];
  for (const id of [...companies, ...institutions])
    out.push({ mc, orgId: id, role: roles.get(id) ?? 'member' });
  for (const id of experts) out.push({ mc, expertId: id, role: roles.get(id) ?? 'member' });
  return out;
}

function membershipRow(rng: Rng, m: Member, caseMember: boolean): DemoRow {
  const founder = rng.chance(0.6) || m.role !== 'member' || caseMember;
  const since = founder ? m.mc.foundedOn : randomDate(rng, m.mc.foundedOn, '2006-12-15');
  const values: Record<string, unknown> = { miniClusterId: m.mc.id };
  if (m.orgId) values.organizationId = m.orgId;
  if (m.expertId) values.expertId = m.expertId;
  values.role = m.role;
  values.since = since;
  // A few ordinary members left again (closed, moved, or lost interest).
  if (m.role === 'member' && !caseMember && rng.chance(0.03)) {
    const until = addDays(since, rng.int(90, 400));
    if (until < DEMO_PERIOD.to) values.until = until;
  }
  const cluster = m.mc.cluster;
  return {
    id: demoId('membership', `${m.mc.id}:${m.orgId ?? ''}:${m.expertId ?? ''}`),
    clusterId: cluster,
    values,
  };
}
