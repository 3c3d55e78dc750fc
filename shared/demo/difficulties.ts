/**
 * 기술애로: DEMO_FACTS.difficultiesReceived difficulties, exactly DEMO_FACTS.difficultiesResolved
 * of them 해결 (78.7 %), received 2005-04 … 2006-12 with growing frequency. The latest ones are
 * still open (접수 … 지원중); the older unresolved ones are 부분해결, 미해결 or 보류. The
 * success cases come first, each with the difficulty that started it.
 */
import { addDays, maxDate, minDate, randomDate } from './dates';
import { CLUSTER_FACTS, DEMO_FACTS, DEMO_PERIOD, SUCCESS_CASE_FACTS } from './facts';
import { demoId } from './ids';
import { caseCompanyId } from './organizations';
import {
  AGENCIES,
  AREA_WEIGHTS,
  HANDLING,
  OUTCOMES,
  PROGRAMMES,
  SUPPORT_TYPES,
  TITLES,
  fill,
} from './phrases';
import { Rng } from './random';
import type { ClusterFact, DemoRow } from './types';
import type {
  DifficultyInfo,
  ExpertInfo,
  MembershipIndex,
  MiniClusterInfo,
  OrgInfo,
} from './world';

/** Still open at the end of 2006, by status; together the most recently received ones. */
const OPEN = { received: 25, reviewing: 25, matched: 25, inSupport: 35 } as const;
/** Closed without full resolution; with OPEN they make up received − resolved (294). */
const NOT_RESOLVED = { partlyResolved: 80, unresolved: 54, onHold: 50 } as const;
const LAST_RECEIVED = '2006-12-20';

interface Draft {
  info: DifficultyInfo;
  fact: ClusterFact;
  area: string;
}

/** Difficulties per cluster in proportion to its participating companies (largest remainder). */
function perCluster(total: number): Map<string, number> {
  const companies = CLUSTER_FACTS.reduce((n, c) => n + c.companies, 0);
  const exact = CLUSTER_FACTS.map((c) => ({ code: c.code, v: (total * c.companies) / companies }));
  const out = new Map(exact.map((e) => [e.code, Math.floor(e.v)]));
  let left = total - [...out.values()].reduce((a, b) => a + b, 0);
  for (const e of [...exact].sort((a, b) => (b.v % 1) - (a.v % 1))) {
    if (left-- <= 0) break;
    out.set(e.code, (out.get(e.code) ?? 0) + 1);
  }
  return out;
}

export function buildDifficulties(
  miniClusters: readonly MiniClusterInfo[],
  orgs: readonly OrgInfo[],
  experts: readonly ExpertInfo[],
  index: MembershipIndex,
): { rows: DemoRow[]; difficulties: DifficultyInfo[] } {
  const rng = new Rng('difficulty');
  const rows: DemoRow[] = SUCCESS_CASE_FACTS.map((c) => caseRow(c, miniClusters, experts, index));
  const difficulties: DifficultyInfo[] = rows.map((r, i) => ({
    id: r.id,
    cluster: r.clusterId,
    miniClusterId: String(r.values.miniClusterId),
    companyId: String(r.values.companyId),
    receivedOn: String(r.values.receivedOn),
    resolvedOn: String(r.values.resolvedOn),
    status: 'resolved',
    caseKey: SUCCESS_CASE_FACTS[i]?.key,
  }));

  const drafts: Draft[] = [];
  const counts = perCluster(DEMO_FACTS.difficultiesReceived);
  for (const fact of CLUSTER_FACTS) {
    const cases = SUCCESS_CASE_FACTS.filter((c) => c.cluster === fact.code).length;
    const companies = orgs.filter(
      (o) => o.cluster === fact.code && o.kind === 'company' && o.participating,
    );
    for (let i = 0; i < (counts.get(fact.code) ?? 0) - cases; i++) {
      const company = rng.pick(companies);
      const mc = rng.pick(index.mcsByCompany.get(company.id) ?? []);
      const joined = index.joinedOn.get(`${mc.id}|${company.id}`) ?? mc.foundedOn;
      const from = maxDate(addDays(joined, 7), '2005-04-15');
      const info: DifficultyInfo = {
        id: demoId('difficulty', `${fact.code}:${i}`),
        cluster: fact.code,
        miniClusterId: mc.id,
        companyId: company.id,
        receivedOn: randomDate(rng, minDate(from, LAST_RECEIVED), LAST_RECEIVED, 1.6),
        status: '',
      };
      drafts.push({ info, fact, area: rng.weighted(AREA_WEIGHTS) });
    }
  }
  assignStatuses(rng, drafts, DEMO_FACTS.difficultiesResolved - SUCCESS_CASE_FACTS.length);
  const expertName = new Map(experts.map((e) => [e.id, e.name]));
  for (const d of drafts) {
    rows.push(draftRow(rng, d, index, expertName));
    difficulties.push(d.info);
  }
  return { rows, difficulties };
}

/** The latest received stay open; of the rest exactly `resolved` are resolved, at random. */
function assignStatuses(rng: Rng, drafts: Draft[], resolved: number): void {
  const byDate = [...drafts].sort(
    (a, b) =>
      b.info.receivedOn.localeCompare(a.info.receivedOn) || a.info.id.localeCompare(b.info.id),
  );
  const openStatuses = Object.entries(OPEN).flatMap(([s, n]) => Array<string>(n).fill(s));
  const open = byDate.slice(0, openStatuses.length);
  rng.shuffle(openStatuses).forEach((s, i) => ((open[i] as Draft).info.status = s));
  const closedStatuses = [
    ...Array<string>(resolved).fill('resolved'),
    ...Object.entries(NOT_RESOLVED).flatMap(([s, n]) => Array<string>(n).fill(s)),
  ];
  const closed = byDate.slice(openStatuses.length);
  if (closed.length !== closedStatuses.length) {
    throw new Error(
      `difficulty statuses do not add up: ${closed.length} ≠ ${closedStatuses.length}`,
    );
  }
  rng.shuffle(closedStatuses).forEach((s, i) => ((closed[i] as Draft).info.status = s));
}

const MATCHED_OR_LATER = new Set([
  'matched',
  'inSupport',
  'resolved',
  'partlyResolved',
  'unresolved',
  'onHold',
]);
const CLOSED = new Set(['resolved', 'partlyResolved', 'unresolved']);

function draftRow(
  rng: Rng,
  d: Draft,
  index: MembershipIndex,
  expertName: Map<string, string>,
): DemoRow {
  const { info, fact, area } = d;
  const product = rng.pick(fact.products);
  const field = rng.pick(fact.techFields);
  const handling = rng.weighted(HANDLING[area] ?? [['immediate', 1]]);
  const v: Record<string, unknown> = {
    title: fill(rng.pick(TITLES[area] ?? ['기타 애로']), product, field),
    companyId: info.companyId,
    description:
      area === 'technology'
        ? `${product} 생산 과정에서 ${field} 관련 애로가 있어 미니클러스터에 기술 지원을 요청함.`
        : `${product} 관련 경영 애로를 코디네이터 방문 상담에서 접수함.`,
    area,
  };
  if (area === 'technology' || area === 'environment') v.techField = field;
  if (info.status !== 'received') v.handling = handling;
  v.status = info.status;
  v.miniClusterId = info.miniClusterId;
  const assigned = handling === 'expertMatched' && MATCHED_OR_LATER.has(info.status);
  const pool = index.expertsByMc.get(info.miniClusterId) ?? [];
  const chosen = assigned ? rng.sample(pool, rng.int(1, 2)) : [];
  if (chosen.length) v.expertIds = chosen;
  if (MATCHED_OR_LATER.has(info.status)) {
    v.supportTypes = rng.sample(SUPPORT_TYPES[area] ?? ['guidance'], rng.int(1, 2));
  }
  v.receivedOn = info.receivedOn;
  v.dueOn = addDays(info.receivedOn, rng.pick([30, 60, 90]));
  if (CLOSED.has(info.status)) {
    const days = Math.round(Math.min(240, Math.max(3, rng.logNormal(35, 0.7))));
    info.resolvedOn = minDate(addDays(info.receivedOn, days), DEMO_PERIOD.to);
    v.resolvedOn = info.resolvedOn;
    v.solution = solution(
      rng,
      handling,
      chosen.map((id) => expertName.get(id) ?? '전문가'),
    );
  }
  if (info.status === 'resolved') Object.assign(v, outcomes(rng, area));
  if (CLOSED.has(info.status)) {
    v.satisfaction =
      info.status === 'resolved'
        ? rng.weighted([
            ['5', 45],
            ['4', 40],
            ['3', 12],
            ['2', 3],
          ])
        : rng.weighted([
            ['4', 20],
            ['3', 50],
            ['2', 25],
            ['1', 5],
          ]);
  }
  if (info.status === 'resolved' && rng.chance(0.15)) {
    v.followUp = `${addDays(String(v.resolvedOn), 60)} 사후 방문: 개선 효과 유지 확인.`;
  }
  return { id: info.id, clusterId: info.cluster, values: v };
}

function solution(rng: Rng, handling: string, experts: string[]): string {
  switch (handling) {
    case 'expertMatched':
      return `${experts.join('·') || '매칭 전문가'} 현장 기술지도 ${rng.int(1, 6)}회, 개선안 적용.`;
    case 'programmeLinked':
      return `${rng.pick(PROGRAMMES)}에 연계하여 지원.`;
    case 'referred':
      return `${rng.pick(AGENCIES)}(으)로 이관하여 처리 결과 확인.`;
    case 'policyProposal':
      return '한국산업단지공단을 통해 관계 부처에 제도개선을 건의.';
    default:
      return '코디네이터가 관련 제도와 절차를 안내하여 즉시 처리.';
  }
}

function outcomes(rng: Rng, area: string): Record<string, unknown> {
  const types = rng.sample(OUTCOMES[area] ?? ['costSaved'], rng.int(1, 2));
  const out: Record<string, unknown> = { outcomeTypes: types };
  if (types.includes('revenueUp') || types.includes('commercialised')) {
    out.outcomeRevenueKrw = rng.int(5, 200) * 10_000_000;
  }
  if (types.includes('exportsUp')) out.outcomeExportsUsd = rng.int(2, 100) * 10_000;
  if (types.includes('costSaved')) out.outcomeCostSavedKrw = rng.int(5, 300) * 1_000_000;
  if (types.includes('timeSaved')) out.outcomeMonthsSaved = rng.int(1, 24) / 2;
  if (types.includes('newJobs')) out.outcomeJobs = rng.int(1, 10);
  return out;
}

function caseRow(
  c: (typeof SUCCESS_CASE_FACTS)[number],
  miniClusters: readonly MiniClusterInfo[],
  experts: readonly ExpertInfo[],
  index: MembershipIndex,
): DemoRow {
  const mc = miniClusters.find((m) => m.cluster === c.cluster && m.name === c.miniCluster);
  if (!mc) throw new Error(`success case ${c.key}: unknown mini-cluster ${c.miniCluster}`);
  const d = c.difficulty;
  // The named expert, or else the mini-cluster's first expert member.
  const expertId =
    experts.find((e) => e.caseKey === c.key)?.id ?? index.expertsByMc.get(mc.id)?.[0];
  const {
    title,
    area,
    techField,
    supportTypes,
    outcomeTypes,
    receivedOn,
    resolvedOn,
    solution: sol,
    ...amounts
  } = d;
  return {
    id: demoId('difficulty', `${c.cluster}:case:${c.key}`),
    clusterId: c.cluster,
    values: {
      title,
      companyId: caseCompanyId(c),
      description: `${c.company.name}: ${title}. ${c.miniCluster} 미니클러스터를 통해 접수.`,
      area,
      techField,
      handling: 'expertMatched',
      status: 'resolved',
      miniClusterId: mc.id,
      ...(expertId ? { expertIds: [expertId] } : {}),
      supportTypes,
      receivedOn,
      dueOn: addDays(receivedOn, 90),
      resolvedOn,
      solution: sol,
      outcomeTypes,
      ...amounts,
      satisfaction: '5',
      followUp: `우수사례로 선정(${c.year}). ${c.impact}.`,
    },
  };
}
