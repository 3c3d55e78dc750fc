/**
 * 활동: DEMO_FACTS.activities events — 12 per mini-cluster (its 창립총회, the 2006 정기총회,
 * then meetings, seminars and member visits) and a few cluster-wide ones (합동교류회, trade
 * missions). Attendance is 참여 연인원, at least the people and organisations listed.
 */
import { addDays, randomDate } from './dates';
import { CLUSTER_FACTS, DEMO_FACTS, DEMO_PERIOD } from './facts';
import { demoId } from './ids';
import { Rng } from './random';
import type { ClusterFact, DemoRow } from './types';
import {
  pushTo,
  type DifficultyInfo,
  type MembershipIndex,
  type MiniClusterInfo,
  type OrgInfo,
} from './world';

const PER_MINI_CLUSTER = 12;
const LAST_DAY = '2006-12-22';

/** 참여 연인원 range per activity type. */
const ATTENDANCE: Record<string, readonly [number, number]> = {
  generalMeeting: [40, 120],
  steeringCommittee: [8, 20],
  techExchange: [15, 50],
  seminar: [30, 100],
  rbdForum: [20, 60],
  workshop: [20, 50],
  workingGroup: [6, 20],
  memberVisit: [3, 8],
  training: [15, 40],
  exhibitionVisit: [8, 25],
  jointMeeting: [60, 200],
  tradeMission: [8, 20],
};

const ROUTINE: ReadonlyArray<readonly [string, number]> = [
  ['steeringCommittee', 14],
  ['techExchange', 18],
  ['seminar', 14],
  ['rbdForum', 8],
  ['workshop', 8],
  ['workingGroup', 10],
  ['memberVisit', 18],
  ['training', 6],
  ['exhibitionVisit', 4],
];

const TRADE_MISSIONS = [
  '중국 상하이',
  '일본 도쿄',
  '미국 시카고',
  '독일 하노버',
  '베트남 하노이',
  '인도 뉴델리',
];

interface Context {
  rng: Rng;
  fact: ClusterFact;
  index: MembershipIndex;
  orgName: Map<string, string>;
  byMc: Map<string, DifficultyInfo[]>;
}

export function buildActivities(
  miniClusters: readonly MiniClusterInfo[],
  orgs: readonly OrgInfo[],
  index: MembershipIndex,
  difficulties: readonly DifficultyInfo[],
): DemoRow[] {
  const rng = new Rng('activity');
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const byMc = new Map<string, DifficultyInfo[]>();
  for (const d of difficulties) pushTo(byMc, d.miniClusterId, d);
  const rows: DemoRow[] = [];
  const clusterLevel = DEMO_FACTS.activities - PER_MINI_CLUSTER * miniClusters.length;
  CLUSTER_FACTS.forEach((fact, ci) => {
    const ctx: Context = { rng, fact, index, orgName, byMc };
    for (const mc of miniClusters.filter((m) => m.cluster === fact.code)) {
      rows.push(...miniClusterActivities(ctx, mc));
    }
    // Cluster-wide events, spread as evenly as the total allows (24 over 7 clusters).
    const share =
      Math.floor(clusterLevel / CLUSTER_FACTS.length) +
      (ci < clusterLevel % CLUSTER_FACTS.length ? 1 : 0);
    const mcs = miniClusters.filter((m) => m.cluster === fact.code);
    for (let i = 0; i < share; i++) rows.push(clusterActivity(ctx, mcs, i));
  });
  return rows;
}

function miniClusterActivities(ctx: Context, mc: MiniClusterInfo): DemoRow[] {
  const { rng } = ctx;
  const plan: Array<{ date: string; type: string; title?: string }> = [
    { date: mc.foundedOn, type: 'generalMeeting', title: `${mc.name} 미니클러스터 창립총회` },
  ];
  if (mc.foundedOn < '2006-01-15') {
    plan.push({
      date: randomDate(rng, '2006-02-06', '2006-02-28'),
      type: 'generalMeeting',
      title: `${mc.name} 2006년 정기총회`,
    });
  }
  while (plan.length < PER_MINI_CLUSTER) {
    plan.push({
      date: randomDate(rng, addDays(mc.foundedOn, 10), LAST_DAY, 1.3),
      type: rng.weighted(ROUTINE),
    });
  }
  plan.sort((a, b) => a.date.localeCompare(b.date));
  const counters = new Map<string, number>();
  return plan.map((p, i) => {
    const n = (counters.get(p.type) ?? 0) + 1;
    counters.set(p.type, n);
    return activityRow(ctx, mc, p.type, p.date, `${mc.id}:${i}`, p.title, n);
  });
}

function activityRow(
  ctx: Context,
  mc: MiniClusterInfo,
  type: string,
  date: string,
  key: string,
  fixedTitle: string | undefined,
  n: number,
): DemoRow {
  const { rng, fact, index, orgName } = ctx;
  const [lo, hi] = ATTENDANCE[type] ?? [10, 30];
  const field = rng.pick(fact.techFields);
  const companies = index.companiesByMc.get(mc.id) ?? [];
  const institutions = index.institutionsByMc.get(mc.id) ?? [];
  const experts = index.expertsByMc.get(mc.id) ?? [];
  let orgIds: string[];
  let difficultyIds: string[] = [];
  let title = fixedTitle;
  if (type === 'memberVisit') {
    // A visit follows up a difficulty open on that day, when there is one.
    const open = (ctx.byMc.get(mc.id) ?? []).filter(
      (d) => d.receivedOn <= date && (d.resolvedOn === undefined || d.resolvedOn >= date),
    );
    const target = open.length ? rng.pick(open) : undefined;
    const companyId = target?.companyId ?? rng.pick(companies);
    orgIds = [companyId];
    if (target) difficultyIds = [target.id];
    title = `${orgName.get(companyId) ?? '회원사'} 현장 기술지도`;
  } else {
    const orgCount = type === 'generalMeeting' ? rng.int(15, 30) : rng.int(3, 12);
    orgIds = [...rng.sample(institutions, 2), ...rng.sample(companies, orgCount)];
  }
  const expertIds = rng.sample(experts, type === 'memberVisit' ? 1 : rng.int(1, 5));
  const attendance = Math.max(rng.int(lo, hi), orgIds.length + expertIds.length);
  title ??= routineTitle(mc.name, type, field, n, rng.pick(fact.expertise));
  const place =
    type === 'memberVisit'
      ? `${orgName.get(orgIds[0] ?? '') ?? '회원사'} 공장`
      : `${orgName.get(rng.pick(institutions.length ? institutions : companies)) ?? fact.complex} 회의실`;
  const values: Record<string, unknown> = {
    title,
    type,
    miniClusterId: mc.id,
    date,
    place,
    attendance,
  };
  if (orgIds.length) values.attendeeOrgIds = orgIds;
  if (expertIds.length) values.attendeeExpertIds = expertIds;
  values.minutes = `참여 ${attendance}명. ${field} 관련 애로와 과제를 공유하고 다음 일정을 협의함.`;
  if (difficultyIds.length) values.difficultyIds = difficultyIds;
  return { id: demoId('activity', key), clusterId: mc.cluster, values };
}

function routineTitle(mc: string, type: string, field: string, n: number, topic: string): string {
  switch (type) {
    case 'steeringCommittee':
      return `${mc} 운영위원회 (${n}차)`;
    case 'techExchange':
      return `${mc} 기술교류회: ${field}`;
    case 'seminar':
      return `${mc} ${field} 세미나`;
    case 'rbdForum':
      return `${mc} R&BD 과제 발굴포럼 (${n}차)`;
    case 'workshop':
      return `${mc} 워크숍`;
    case 'workingGroup':
      return `${mc} ${field} 분과 회의 (${n}차)`;
    case 'training':
      return `${mc} ${topic} 실무 교육`;
    case 'exhibitionVisit':
      return `${mc} ${topic} 분야 전시회 참관`;
    default:
      return `${mc} 모임`;
  }
}

function clusterActivity(ctx: Context, mcs: readonly MiniClusterInfo[], i: number): DemoRow {
  const { rng, fact, index } = ctx;
  const type = i % 2 === 0 ? 'jointMeeting' : 'tradeMission';
  const date = randomDate(rng, '2005-10-01', LAST_DAY);
  const [lo, hi] = ATTENDANCE[type] ?? [10, 30];
  const orgPool = mcs.flatMap((m) => index.companiesByMc.get(m.id) ?? []);
  const expertPool = mcs.flatMap((m) => index.expertsByMc.get(m.id) ?? []);
  const orgIds = [...new Set(rng.sample(orgPool, type === 'jointMeeting' ? 30 : 8))];
  const expertIds = [...new Set(rng.sample(expertPool, type === 'jointMeeting' ? 10 : 2))];
  const short = fact.name.split(' ')[0] ?? fact.name;
  const mission = rng.pick(TRADE_MISSIONS);
  const attendance = Math.max(rng.int(lo, hi), orgIds.length + expertIds.length);
  return {
    id: demoId('activity', `${fact.code}:cluster:${i}`),
    clusterId: fact.code,
    values: {
      title:
        type === 'jointMeeting'
          ? `${short} MC간 합동교류회 (${i / 2 + 1}차)`
          : `${short} 해외시장개척단 (${mission})`,
      type,
      date: date > DEMO_PERIOD.to ? DEMO_PERIOD.to : date,
      place: type === 'jointMeeting' ? `${fact.complex} 혁신지원센터 대회의실` : mission,
      attendance,
      attendeeOrgIds: orgIds,
      attendeeExpertIds: expertIds,
      minutes: `참여 ${attendance}명. 미니클러스터별 성과를 공유하고 공동 과제를 논의함.`,
    },
  };
}
