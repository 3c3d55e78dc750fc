/**
 * Demo data for the seven pilot clusters of 2005–2006, consistent with the source article
 * (DOMAIN.md, DEMO_FACTS): 48 mini-clusters, 2,022 participating companies, 920 experts,
 * 1,086 of 1,380 difficulties resolved, the Gwangju and Gumi success cases, Wonju's exports.
 *
 * Deterministic: seeded PRNG streams and key-derived ULIDs, so every run on every machine gives
 * the same rows and ids, and loading twice updates instead of duplicating. Every row's values
 * already pass `validateRecord` in stored form. Entities come in dependency order.
 */
import { buildActivities } from './activities';
import { buildClusters, buildMiniClusters } from './clusters';
import { buildDifficulties } from './difficulties';
import { buildExperts } from './experts';
import { buildIndicators, buildTargets } from './indicators';
import { UniqueKeeper } from './korean';
import { buildMemberships } from './memberships';
import { buildOrganizations } from './organizations';
import { buildPlans } from './plans';
import { buildResources } from './resources';
import { buildSuccessCases } from './successCases';
import type { DemoData } from './types';

export function generateDemoData(): DemoData {
  const keeper = new UniqueKeeper();
  const clusters = buildClusters();
  const organizations = buildOrganizations(keeper);
  const experts = buildExperts(keeper, organizations.orgs);
  const miniClusters = buildMiniClusters();
  const memberships = buildMemberships(
    miniClusters.miniClusters,
    organizations.orgs,
    experts.experts,
  );
  const { index } = memberships;
  const difficulties = buildDifficulties(
    miniClusters.miniClusters,
    organizations.orgs,
    experts.experts,
    index,
  );
  const indicators = buildIndicators();
  return [
    { entity: 'cluster', rows: clusters.rows },
    { entity: 'organization', rows: organizations.rows },
    { entity: 'expert', rows: experts.rows },
    { entity: 'miniCluster', rows: miniClusters.rows },
    { entity: 'membership', rows: memberships.rows },
    { entity: 'difficulty', rows: difficulties.rows },
    {
      entity: 'activity',
      rows: buildActivities(
        miniClusters.miniClusters,
        organizations.orgs,
        index,
        difficulties.difficulties,
      ),
    },
    { entity: 'resource', rows: buildResources(organizations.orgs, experts.experts) },
    { entity: 'plan', rows: buildPlans(miniClusters.miniClusters) },
    { entity: 'indicator', rows: indicators },
    { entity: 'target', rows: buildTargets(indicators) },
    {
      entity: 'successCase',
      rows: buildSuccessCases(miniClusters.miniClusters, difficulties.difficulties),
    },
  ];
}

export { CENTRAL_OFFICE_CLUSTER_ID, DEMO_FACTS } from './facts';
export { demoId, ULID_PATTERN } from './ids';
export type { DemoData, DemoEntityRows, DemoRow } from './types';
