/** Shapes of the demo data and of the hand-written facts in assets/demo/*.json. */
import type { EntityName } from '../registry/types';

export interface DemoRow {
  id: string;
  /** owning cluster code (e.g. `gumi`), or CENTRAL_OFFICE_CLUSTER_ID for network-wide figures */
  clusterId: string;
  /** field values, already in stored (normalised) form */
  values: Record<string, unknown>;
}

export interface DemoEntityRows {
  entity: EntityName;
  rows: DemoRow[];
}

/** Entities in dependency order: a row only refers to rows of earlier entries. */
export type DemoData = DemoEntityRows[];

export interface IndustryFact {
  ksic: string;
  name: string;
}

export interface ClusterFact {
  code: string;
  name: string;
  complex: string;
  complexType: string;
  specialisation: string;
  region: string;
  regionCode: string;
  teamHead: string;
  notes: string;
  industryGroup: string;
  companies: number;
  experts: number;
  nonParticipatingCompanies: number;
  taxOfficeCodes: string[];
  crnOfficeCode: string;
  phoneArea: string;
  phoneExchanges: string[];
  addresses: string[];
  companySuffixes: string[];
  industries: IndustryFact[];
  products: string[];
  techFields: string[];
  expertise: string[];
  departments: string[];
  equipment: string[];
  patents: string[];
  baseline: {
    productionKrw: number;
    exportsUsd: number;
    employment: number;
    tenants: number;
    operatingRate: number;
    productionGrowth: number;
    exportsGrowth: number;
  };
  /** published yearly totals the monthly series must add up to, e.g. { exports: { '2006': … } } */
  annual: { production?: Record<string, number>; exports?: Record<string, number> };
}

export interface MiniClusterFact {
  cluster: string;
  name: string;
  theme: string;
  type: string;
  description: string;
}

export interface InstitutionFact {
  cluster: string;
  name: string;
  kind: string;
  address: string;
  domain: string;
}

export interface SuccessCaseFact {
  key: string;
  cluster: string;
  miniCluster: string;
  year: number;
  title: string;
  summary: string;
  impact: string;
  impactRevenueKrw?: number;
  impactExportsUsd?: number;
  notes?: string;
  company: {
    name: string;
    ksic: string;
    industryName: string;
    employees: number;
    revenueKrw: number;
    exportsUsd: number;
  };
  expert?: { name: string; institution: string; position: string; expertise: string[] };
  difficulty: {
    title: string;
    area: string;
    techField: string;
    supportTypes: string[];
    outcomeTypes: string[];
    receivedOn: string;
    resolvedOn: string;
    solution: string;
    outcomeRevenueKrw?: number;
    outcomeExportsUsd?: number;
    outcomeCostSavedKrw?: number;
    outcomeMonthsSaved?: number;
    outcomeJobs?: number;
  };
}

export interface NamesFact {
  /** [hangul, romanised, weight] */
  surnames: Array<[string, string, number]>;
  givenFirst: Array<[string, string]>;
  givenSecond: Array<[string, string]>;
  companyPrefixes: string[];
}
