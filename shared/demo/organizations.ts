/**
 * 기관: universities, institutes and agencies named in assets/demo/institutions.json, the
 * companies of the success cases, and generated companies — exactly DEMO_FACTS
 * .participatingCompanies that join mini-clusters plus a few that do not (for comparisons).
 */
import { CLUSTER_FACTS, INSTITUTION_FACTS, SUCCESS_CASE_FACTS } from './facts';
import { demoId } from './ids';
import { complexAddress, personName, phone, type UniqueKeeper } from './korean';
import { Rng } from './random';
import type { ClusterFact, DemoRow, SuccessCaseFact } from './types';
import type { OrgInfo } from './world';

/** 기업규모 by revenue (DOMAIN.md: decided by revenue and assets, not headcount). */
function firmSize(revenueKrw: number): string {
  if (revenueKrw >= 1_000_000_000_000) return 'large';
  if (revenueKrw >= 150_000_000_000) return 'midsize';
  if (revenueKrw >= 12_000_000_000) return 'medium';
  if (revenueKrw >= 1_000_000_000) return 'small';
  return 'micro';
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Export-heavy specialisations ship a larger share of what they make. */
const EXPORTING_SHARE: Record<string, number> = { gumi: 0.65, gwangju: 0.55, wonju: 0.6 };

function companyRow(
  rng: Rng,
  keeper: UniqueKeeper,
  fact: ClusterFact,
  key: string,
  participating: boolean,
  special?: SuccessCaseFact,
): { row: DemoRow; info: OrgInfo } {
  const big = !special && rng.chance(0.015);
  const revenueKrw = special
    ? special.company.revenueKrw
    : roundTo(
        big
          ? clamp(rng.logNormal(400e9, 0.8), 100e9, 20e12)
          : clamp(rng.logNormal(5e9, 1.0), 200e6, 90e9),
        1_000_000,
      );
  const corporation = special ? true : rng.chance(revenueKrw > 3e9 ? 0.9 : 0.55);
  const name = special ? special.company.name : keeper.companyName(rng, fact, corporation);
  const industry = special
    ? { ksic: special.company.ksic, name: special.company.industryName }
    : rng.pick(fact.industries);
  const employees = special
    ? special.company.employees
    : clamp(Math.round(revenueKrw / rng.logNormal(220e6, 0.35)), 3, 30_000);
  const exports = rng.chance(EXPORTING_SHARE[fact.code] ?? 0.45)
    ? roundTo((revenueKrw * (0.05 + rng.float() * 0.6)) / 1000, 1000)
    : 0;
  const exportsUsd = special ? special.company.exportsUsd : exports;
  const operatingStatus = participating
    ? rng.weighted([
        ['operating', 97],
        ['suspended', 2],
        ['underConstruction', 1],
      ])
    : rng.weighted([
        ['operating', 88],
        ['suspended', 5],
        ['closed', 4],
        ['notStarted', 3],
      ]);
  const id = demoId('organization', key);
  const tel = phone(rng, fact);
  const values: Record<string, unknown> = {
    name,
    kind: 'company',
    brn: keeper.brn(rng, fact, corporation),
  };
  if (corporation && rng.chance(0.75)) values.crn = keeper.crn(rng, fact);
  Object.assign(values, {
    representative: personName(rng).name,
    ksic: industry.ksic,
    ksicRevision: '10',
    industryName: industry.name,
    firmSize: firmSize(revenueKrw),
    complex: fact.complex,
    address: complexAddress(rng, fact),
    phone: tel,
    operatingStatus,
    employees,
    revenueKrw,
    exportsUsd,
  });
  if (!participating) values.notes = '미니클러스터 미참여 입주기업 (비교 분석용)';
  return {
    row: { id, clusterId: fact.code, values },
    info: {
      id,
      cluster: fact.code,
      name,
      kind: 'company',
      participating,
      revenueKrw,
      phone: tel,
      ...(special ? { caseKey: special.key } : {}),
    },
  };
}

function institutionRows(): { rows: DemoRow[]; orgs: OrgInfo[] } {
  const rng = new Rng('organization:institutions');
  const rows: DemoRow[] = [];
  const orgs: OrgInfo[] = [];
  for (const inst of INSTITUTION_FACTS) {
    const fact = CLUSTER_FACTS.find((c) => c.code === inst.cluster);
    if (!fact) throw new Error(`institution of an unknown cluster: ${inst.cluster}`);
    const id = demoId('organization', `${inst.cluster}:inst:${inst.name}`);
    const tel = phone(rng, fact);
    // The KICOX office hosts the promotion team; it does not join mini-clusters itself.
    const participating = inst.kind !== 'publicBody';
    orgs.push({
      id,
      cluster: inst.cluster,
      name: inst.name,
      kind: inst.kind,
      participating,
      domain: inst.domain,
      phone: tel,
    });
    rows.push({
      id,
      clusterId: inst.cluster,
      values: {
        name: inst.name,
        kind: inst.kind,
        representative: personName(rng).name,
        address: inst.address,
        phone: tel,
        operatingStatus: 'operating',
        website: `http://www.${inst.domain}`,
      },
    });
  }
  return { rows, orgs };
}

export function buildOrganizations(keeper: UniqueKeeper): { rows: DemoRow[]; orgs: OrgInfo[] } {
  const { rows, orgs } = institutionRows();
  for (const c of SUCCESS_CASE_FACTS) keeper.reserveCompanyName(c.company.name);
  for (const fact of CLUSTER_FACTS) {
    const rng = new Rng(`organization:${fact.code}`);
    const add = (r: { row: DemoRow; info: OrgInfo }) => {
      rows.push(r.row);
      orgs.push(r.info);
    };
    const cases = SUCCESS_CASE_FACTS.filter((c) => c.cluster === fact.code);
    for (const c of cases) {
      add(companyRow(rng, keeper, fact, `${fact.code}:case:${c.key}`, true, c));
    }
    // The success-case companies are part of the cluster's participating count.
    for (let i = 0; i < fact.companies - cases.length; i++) {
      add(companyRow(rng, keeper, fact, `${fact.code}:company:${i}`, true));
    }
    for (let i = 0; i < fact.nonParticipatingCompanies; i++) {
      add(companyRow(rng, keeper, fact, `${fact.code}:outside:${i}`, false));
    }
  }
  return { rows, orgs };
}

/** The id of the company named in a success case. */
export const caseCompanyId = (c: SuccessCaseFact): string =>
  demoId('organization', `${c.cluster}:case:${c.key}`);
