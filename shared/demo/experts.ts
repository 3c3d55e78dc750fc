/**
 * 전문가: exactly DEMO_FACTS.participatingExperts people, most affiliated with a registered
 * university or institute of their cluster, the rest with a free-text affiliation; the experts
 * named in the success cases (e.g. the KOPTI lighting specialist) are among them.
 */
import { CLUSTER_FACTS, SUCCESS_CASE_FACTS } from './facts';
import { demoId } from './ids';
import { personName, phone, type UniqueKeeper } from './korean';
import { Rng } from './random';
import type { ClusterFact, DemoRow } from './types';
import type { ExpertInfo, OrgInfo } from './world';

/** Affiliations outside the cluster's registered organisations. */
const OUTSIDE_AFFILIATIONS = [
  '한국과학기술원(KAIST)',
  '포항공과대학교',
  '한국과학기술연구원(KIST)',
  '전자부품연구원',
  '한국표준과학연구원',
  '기술사사무소',
  '대기업 퇴직 기술자문단',
  '중소기업진흥공단 기술지도위원',
];

const POSITIONS: Record<string, string[]> = {
  university: ['교수', '부교수', '조교수', '연구교수'],
  institute: ['책임연구원', '선임연구원', '수석연구원', '연구원'],
  supportAgency: ['센터장', '팀장', '전문위원'],
  outside: ['기술사', '자문위원', '수석연구원', '교수'],
};

function track(rng: Rng, kind: string): Record<string, number> {
  const academic = kind === 'university';
  return {
    patents: rng.int(0, academic ? 18 : kind === 'institute' ? 25 : 6),
    techTransfers: rng.int(0, kind === 'institute' ? 9 : 5),
    rndProjects: rng.int(1, academic || kind === 'institute' ? 30 : 8),
    papers: rng.int(0, academic ? 80 : kind === 'institute' ? 40 : 5),
  };
}

function expertRow(
  rng: Rng,
  keeper: UniqueKeeper,
  fact: ClusterFact,
  key: string,
  org: OrgInfo | undefined,
  named?: { name: string; position: string; expertise: string[] },
): DemoRow {
  const person = personName(rng);
  const kind = org?.kind ?? 'outside';
  const positions = POSITIONS[kind] ?? POSITIONS.outside ?? [];
  const position =
    kind === 'university'
      ? `${rng.pick(fact.departments)} ${rng.pick(positions)}`
      : rng.pick(positions);
  const values: Record<string, unknown> = { name: named?.name ?? person.name };
  if (org) values.organizationId = org.id;
  else values.affiliation = rng.pick(OUTSIDE_AFFILIATIONS);
  values.position = named?.position ?? position;
  values.expertise = named?.expertise ?? rng.sample(fact.expertise, rng.int(2, 4));
  values.phone = phone(rng, fact);
  // Named experts keep no address: the generated handle would not match their name.
  if (org?.domain && rng.chance(0.7) && !named)
    values.email = keeper.email(person.handle, org.domain);
  Object.assign(values, track(rng, kind));
  values.sharedWithNetwork = rng.chance(0.3);
  return { id: demoId('expert', key), clusterId: fact.code, values };
}

export function buildExperts(
  keeper: UniqueKeeper,
  orgs: readonly OrgInfo[],
): { rows: DemoRow[]; experts: ExpertInfo[] } {
  const rows: DemoRow[] = [];
  const experts: ExpertInfo[] = [];
  const add = (row: DemoRow, info: Omit<ExpertInfo, 'id' | 'cluster' | 'name'>) => {
    rows.push(row);
    experts.push({ id: row.id, cluster: row.clusterId, name: String(row.values.name), ...info });
  };
  for (const fact of CLUSTER_FACTS) {
    const rng = new Rng(`expert:${fact.code}`);
    const local = orgs.filter((o) => o.cluster === fact.code && o.kind !== 'company');
    const universities = local.filter((o) => o.kind === 'university');
    const others = local.filter((o) => o.kind === 'institute' || o.kind === 'supportAgency');
    const cases = SUCCESS_CASE_FACTS.flatMap((c) =>
      c.cluster === fact.code && c.expert ? [{ ...c, named: c.expert }] : [],
    );
    for (const c of cases) {
      const { named } = c;
      const org = local.find((o) => o.name === named.institution);
      if (!org) throw new Error(`success case ${c.key}: unknown institution ${named.institution}`);
      const row = expertRow(rng, keeper, fact, `${fact.code}:case:${c.key}`, org, named);
      add(row, { orgId: org.id, caseKey: c.key });
    }
    // The named experts are part of the cluster's expert count.
    for (let i = 0; i < fact.experts - cases.length; i++) {
      const org = rng.weighted<OrgInfo | undefined>([
        [rng.pick(universities), 55],
        [others.length ? rng.pick(others) : undefined, 25],
        [undefined, 20],
      ]);
      const row = expertRow(rng, keeper, fact, `${fact.code}:expert:${i}`, org);
      add(row, org ? { orgId: org.id } : {});
    }
  }
  return { rows, experts };
}
