/**
 * What the generators tell each other: ids and the few attributes later entities depend on
 * (which mini-clusters exist, who joined them, which difficulties were received when).
 */
import type { ClusterFact } from './types';

export interface ClusterInfo {
  id: string;
  fact: ClusterFact;
}

export interface MiniClusterInfo {
  id: string;
  cluster: string;
  name: string;
  foundedOn: string;
}

export interface OrgInfo {
  id: string;
  cluster: string;
  name: string;
  kind: string;
  /** joins at least one mini-cluster (every participating company and most institutions) */
  participating: boolean;
  revenueKrw?: number;
  /** e-mail domain of an institution */
  domain?: string;
  phone?: string;
  /** success-case key when the company is named in assets/demo/success-cases.json */
  caseKey?: string;
}

export interface ExpertInfo {
  id: string;
  cluster: string;
  name: string;
  orgId?: string;
  /** success-case key when the expert is named in assets/demo/success-cases.json */
  caseKey?: string;
}

export interface MembershipIndex {
  companiesByMc: Map<string, string[]>;
  institutionsByMc: Map<string, string[]>;
  expertsByMc: Map<string, string[]>;
  mcsByCompany: Map<string, MiniClusterInfo[]>;
  /** `${miniClusterId}|${organizationId}` → the date the organisation joined */
  joinedOn: Map<string, string>;
}

export interface DifficultyInfo {
  id: string;
  cluster: string;
  miniClusterId: string;
  companyId: string;
  receivedOn: string;
  resolvedOn?: string;
  status: string;
  caseKey?: string;
}

/** Adds `value` to the list at `key`. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
