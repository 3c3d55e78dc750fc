/**
 * The hand-written facts: the figures of the 2006 source article (DOMAIN.md) the demo data is
 * built to match, and the JSON files in assets/demo/ typed once here.
 */
import { CENTRAL_OFFICE_CODE } from '../registry/enums';
import clustersJson from '../../assets/demo/clusters.json';
import miniClustersJson from '../../assets/demo/mini-clusters.json';
import institutionsJson from '../../assets/demo/institutions.json';
import successCasesJson from '../../assets/demo/success-cases.json';
import namesJson from '../../assets/demo/names.json';
import type {
  ClusterFact,
  InstitutionFact,
  MiniClusterFact,
  NamesFact,
  SuccessCaseFact,
} from './types';

export const CLUSTER_FACTS: readonly ClusterFact[] = clustersJson;
export const MINI_CLUSTER_FACTS: readonly MiniClusterFact[] = miniClustersJson;
export const INSTITUTION_FACTS: readonly InstitutionFact[] = institutionsJson;
export const SUCCESS_CASE_FACTS: readonly SuccessCaseFact[] = successCasesJson as SuccessCaseFact[];
export const NAMES = namesJson as NamesFact;

/** Owner of network-wide figures (the national goal), which belong to no single cluster. */
export const CENTRAL_OFFICE_CLUSTER_ID = CENTRAL_OFFICE_CODE;

/** Period the monthly data covers: teams started 2005-04; the article dates from 2006. */
export const DEMO_PERIOD = { from: '2005-04-01', to: '2006-12-31' } as const;

export const DEMO_FACTS = {
  clusters: 7,
  designatedOn: '2004-06-25',
  teamsStartedOn: '2005-04-01',
  miniClusters: 48,
  miniClustersPerCluster: { min: 4, max: 14 },
  participatingCompanies: 2022,
  participatingExperts: 920,
  /** demo-only: companies of the complexes that joined no mini-cluster (for comparisons) */
  nonParticipatingCompanies: 210,
  difficultiesReceived: 1380,
  difficultiesResolved: 1086,
  /** 1,086 ÷ 1,380 = 78.7 % (the rate KICOX reported) */
  resolutionRate: 0.787,
  activities: 600,
  resources: 150,
  successCases: 14,
  monthlyPeriods: { from: '2005-04', to: '2006-12', months: 21 },
  wonjuExportsUsd: { 2005: 26_000_000, 2006: 82_000_000 },
  gwangjuProductionKrw: { year: 2005, value: 2_900_000_000_000, shareOfGwangjuManufacturing: 0.13 },
  banwolSihwaBigRevenueFirmsTarget: { year: 2013, value: 150 },
  nationalExportsUsd: {
    baseYear: 2003,
    base: 67_000_000_000,
    targetYear: 2013,
    target: 194_000_000_000,
  },
  /** expected sales of each of the two article success cases (Gwangju LED bar, Gumi glass cutter) */
  articleSuccessCaseRevenueKrw: 5_000_000_000,
} as const;
