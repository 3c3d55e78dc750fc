/** 우수사례: the hand-written cases of assets/demo/success-cases.json, linked to their records. */
import { SUCCESS_CASE_FACTS } from './facts';
import { demoId } from './ids';
import { caseCompanyId } from './organizations';
import type { DemoRow } from './types';
import type { DifficultyInfo, MiniClusterInfo } from './world';

export function buildSuccessCases(
  miniClusters: readonly MiniClusterInfo[],
  difficulties: readonly DifficultyInfo[] = [],
): DemoRow[] {
  return SUCCESS_CASE_FACTS.map((c) => {
    const mc = miniClusters.find((m) => m.cluster === c.cluster && m.name === c.miniCluster);
    // Each case starts with a difficulty of its own (difficulties.ts): link it (issue 7).
    const difficultyId = difficulties.find((d) => d.caseKey === c.key)?.id;
    const values: Record<string, unknown> = {
      title: c.title,
      year: c.year,
      ...(mc ? { miniClusterId: mc.id } : {}),
      companyId: caseCompanyId(c),
      summary: c.summary,
      impact: c.impact,
    };
    if (c.impactRevenueKrw !== undefined) values.impactRevenueKrw = c.impactRevenueKrw;
    if (c.impactExportsUsd !== undefined) values.impactExportsUsd = c.impactExportsUsd;
    if (c.notes !== undefined) values.notes = c.notes;
    if (difficultyId !== undefined) values.difficultyId = difficultyId;
    return { id: demoId('successCase', c.key), clusterId: c.cluster, values };
  });
}
