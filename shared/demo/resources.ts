/**
 * 공동활용 자원: DEMO_FACTS.resources pieces of equipment, patents, facilities and experts' time,
 * owned mostly by universities and institutes; about a third shared with the other clusters.
 */
import { CLUSTER_FACTS, DEMO_FACTS } from './facts';
import { demoId } from './ids';
import { Rng } from './random';
import type { ClusterFact, DemoRow } from './types';
import type { ExpertInfo, OrgInfo } from './world';

/** `1800000` → `1,800,000` (no Intl: the output must not depend on the machine's locale data). */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const FACILITIES = ['시제품 제작실', '신뢰성 시험동', '창업보육실', '기업 교육장', '공동 회의실'];

/** Resources per cluster in proportion to its mini-cluster work (companies), summing to the total. */
function quota(): Map<string, number> {
  const companies = CLUSTER_FACTS.reduce((n, c) => n + c.companies, 0);
  const base = CLUSTER_FACTS.map((c) =>
    Math.max(12, Math.round((DEMO_FACTS.resources * c.companies) / companies)),
  );
  const out = new Map(CLUSTER_FACTS.map((c, i) => [c.code, base[i] ?? 0]));
  // Trim or pad the largest cluster so the total is exact.
  const first = CLUSTER_FACTS[0]?.code ?? '';
  const sum = base.reduce((a, b) => a + b, 0);
  out.set(first, (out.get(first) ?? 0) + DEMO_FACTS.resources - sum);
  return out;
}

export function buildResources(
  orgs: readonly OrgInfo[],
  experts: readonly ExpertInfo[],
): DemoRow[] {
  const rng = new Rng('resource');
  const rows: DemoRow[] = [];
  const quotas = quota();
  // 공동활용 자원 are told apart by name and owner (the import natural key).
  const taken = new Set<string>();
  for (const fact of CLUSTER_FACTS) {
    const owners = orgs.filter(
      (o) => o.cluster === fact.code && o.kind !== 'company' && o.kind !== 'publicBody',
    );
    const companies = orgs.filter(
      (o) => o.cluster === fact.code && o.kind === 'company' && o.participating,
    );
    const scholars = experts.filter((e) => e.cluster === fact.code && e.orgId);
    const count = quotas.get(fact.code) ?? 0;
    for (let i = 0; i < count; i++) {
      const kind = rng.weighted([
        ['equipment', 50],
        ['patent', 25],
        ['facility', 15],
        ['expertTime', 10],
      ]);
      const owner = kind === 'patent' && rng.chance(0.3) ? rng.pick(companies) : rng.pick(owners);
      const row = resourceRow(
        rng,
        fact,
        `${fact.code}:${i}`,
        kind,
        owner,
        kind === 'expertTime' ? rng.pick(scholars) : undefined,
      );
      // A second unit of the same machine at the same owner is its 2호기, 3호기…
      const base = String(row.values.name);
      for (let unit = 2; taken.has(`${String(row.values.name)}|${owner.id}`); unit++) {
        row.values.name = `${base} ${unit}호기`;
      }
      taken.add(`${String(row.values.name)}|${owner.id}`);
      rows.push(row);
    }
  }
  return rows;
}

function resourceRow(
  rng: Rng,
  fact: ClusterFact,
  key: string,
  kind: string,
  owner: OrgInfo,
  expert: ExpertInfo | undefined,
): DemoRow {
  let name: string;
  let costShare: string;
  let description: string;
  switch (kind) {
    case 'patent':
      name = `${rng.pick(fact.patents)} (등록 제10-0${rng.int(400_000, 699_999)}호)`;
      costShare = '통상실시권 기술료 협의 (회원사 우대)';
      description = `${owner.name} 보유 특허. 회원사에 통상실시권 이전 가능.`;
      break;
    case 'facility':
      name = `${owner.name} ${rng.pick(FACILITIES)}`;
      costShare = `월 ${thousands(rng.int(2, 20) * 100_000)}원`;
      description = `${fact.complex} 회원사가 예약해 쓰는 시설.`;
      break;
    case 'expertTime':
      name = `${expert?.name ?? '전문가'} 기술자문 (월 ${rng.int(4, 16)}시간)`;
      costShare = '무료 (클러스터 지원)';
      description = `${owner.name} 소속 전문가의 현장 기술자문 시간.`;
      break;
    default:
      name = rng.pick(fact.equipment);
      costShare = `시간당 ${thousands(rng.int(2, 30) * 5_000)}원 (회원사 50% 할인)`;
      description = `${owner.name} 보유 장비. 사전 예약 후 교육 이수자가 사용.`;
  }
  return {
    id: demoId('resource', key),
    clusterId: fact.code,
    values: {
      name,
      kind,
      ownerOrgId: owner.id,
      description,
      availability: rng.weighted([
        ['available', 75],
        ['booked', 18],
        ['unavailable', 7],
      ]),
      costShare,
      sharedWithNetwork: rng.chance(0.35),
      contact: `${owner.name} ${owner.phone ?? ''}`.trim(),
    },
  };
}
