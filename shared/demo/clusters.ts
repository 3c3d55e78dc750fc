/** The seven pilot clusters and their 48 mini-clusters, from assets/demo/*.json. */
import { addDays, minDate, randomDate } from './dates';
import { CLUSTER_FACTS, DEMO_FACTS, MINI_CLUSTER_FACTS, SUCCESS_CASE_FACTS } from './facts';
import { demoId } from './ids';
import { personName } from './korean';
import { Rng } from './random';
import type { DemoRow } from './types';
import type { ClusterInfo, MiniClusterInfo } from './world';

export function buildClusters(): { rows: DemoRow[]; clusters: ClusterInfo[] } {
  const clusters = CLUSTER_FACTS.map((fact) => ({ id: demoId('cluster', fact.code), fact }));
  const rows = clusters.map(({ id, fact }) => ({
    id,
    // A cluster record is owned by its own code, like everything its team keeps.
    clusterId: fact.code,
    values: {
      code: fact.code,
      name: fact.name,
      complex: fact.complex,
      complexType: fact.complexType,
      specialisation: fact.specialisation,
      region: fact.region,
      regionCode: fact.regionCode,
      // 2005-era 법정동코드 (강원 42…, 전북 45…, before the special self-governing provinces).
      regionCodeSystem: 'legalDong',
      teamHead: fact.teamHead,
      designatedOn: DEMO_FACTS.designatedOn,
      teamStartedOn: DEMO_FACTS.teamsStartedOn,
      notes: fact.notes,
    },
  }));
  return { rows, clusters };
}

/** A mini-cluster that was still being formed at the end of 2006 (status 준비중). */
const PREPARING = { cluster: 'changwon', name: '조선기자재', foundedOn: '2006-09-04' };

export function buildMiniClusters(): { rows: DemoRow[]; miniClusters: MiniClusterInfo[] } {
  const rng = new Rng('miniCluster');
  const rows: DemoRow[] = [];
  const miniClusters: MiniClusterInfo[] = [];
  for (const fact of MINI_CLUSTER_FACTS) {
    const id = demoId('miniCluster', `${fact.cluster}:${fact.name}`);
    const preparing = fact.cluster === PREPARING.cluster && fact.name === PREPARING.name;
    // Founded before the first difficulty of any success case it hosts was received.
    const latest = SUCCESS_CASE_FACTS.filter(
      (c) => c.cluster === fact.cluster && c.miniCluster === fact.name,
    ).reduce((d, c) => minDate(d, addDays(c.difficulty.receivedOn, -10)), '2005-12-15');
    const foundedOn = preparing ? PREPARING.foundedOn : randomDate(rng, '2005-05-02', latest);
    miniClusters.push({ id, cluster: fact.cluster, name: fact.name, foundedOn });
    rows.push({
      id,
      clusterId: fact.cluster,
      values: {
        name: fact.name,
        theme: fact.theme,
        type: fact.type,
        status: preparing ? 'preparing' : 'active',
        coordinator: personName(rng).name,
        foundedOn,
        memberTarget: rng.int(6, 16) * 5,
        description: fact.description,
      },
    });
  }
  return { rows, miniClusters };
}
