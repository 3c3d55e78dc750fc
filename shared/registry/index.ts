/** The registry: every entity, in navigation order. Generic code iterates this list. */
import type { EntityDef, EntityName } from './types';
import { activity } from './entities/activity';
import { cluster } from './entities/cluster';
import { difficulty } from './entities/difficulty';
import { expert } from './entities/expert';
import { indicator } from './entities/indicator';
import { membership } from './entities/membership';
import { miniCluster } from './entities/miniCluster';
import { organization } from './entities/organization';
import { plan } from './entities/plan';
import { resource } from './entities/resource';
import { successCase } from './entities/successCase';
import { target } from './entities/target';
import { resourceRequest } from './entities/resourceRequest';
import { resourceDecision } from './entities/resourceDecision';
import { planMilestone } from './entities/planMilestone';
import { companyYear } from './entities/companyYear';

export const entities: readonly EntityDef[] = [
  cluster,
  miniCluster,
  organization,
  expert,
  membership,
  difficulty,
  activity,
  resource,
  plan,
  indicator,
  target,
  successCase,
  resourceRequest,
  resourceDecision,
  planMilestone,
  companyYear,
].sort((a, b) => a.navOrder - b.navOrder);

export const entityByName = Object.fromEntries(entities.map((e) => [e.name, e])) as Record<
  EntityName,
  EntityDef
>;

export function getEntity(name: EntityName): EntityDef {
  const e = entityByName[name];
  if (!e) throw new Error(`unknown entity: ${name}`);
  return e;
}

export * from './types';
export { enums, enumLabel } from './enums';
export { incomingRefs, refersTo, type IncomingRef } from './links';
export { METRIC_UNITS, metricUnitOf, metricUnitWord, type MetricUnit } from './metricUnits';
export { validateRecord, entitySchema, fieldSchema, enumOptions, enumCode } from './schema';
export { validateStoredRecord } from './quickRecord';
