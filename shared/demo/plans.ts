/**
 * 개발계획: one 2005–2008 plan per cluster, a 2006 business plan for every other mini-cluster,
 * and draft 2007 plans for a few.
 */
import { CLUSTER_FACTS } from './facts';
import { demoId } from './ids';
import { Rng } from './random';
import type { DemoRow } from './types';
import type { MiniClusterInfo } from './world';

const DRAFTS_2007 = 6;

export function buildPlans(miniClusters: readonly MiniClusterInfo[]): DemoRow[] {
  const rng = new Rng('plan');
  const rows: DemoRow[] = CLUSTER_FACTS.map((fact) => ({
    id: demoId('plan', `${fact.code}:cluster`),
    clusterId: fact.code,
    values: {
      title: `${fact.name} 발전계획 (2005–2008)`,
      scope: 'cluster',
      startOn: '2005-04-01',
      endOn: '2008-12-31',
      status: 'inProgress',
      milestones: [
        '2005: 추진단 구성, 미니클러스터 결성, 회원사 모집',
        '2006: 기술애로 해결 체계 정착, 공동활용 장비 확충',
        `2007: ${fact.specialisation} 분야 R&BD 과제 확대, 해외시장 개척`,
        '2008: 성과 평가와 자립 운영 기반 마련',
      ].join('\n'),
      description: `${fact.complex}를 ${fact.specialisation} 혁신 거점으로 키우기 위한 추진단 중기 계획.`,
    },
  }));
  miniClusters.forEach((mc, i) => {
    if (i % 2 === 0) {
      rows.push({
        id: demoId('plan', `${mc.id}:2006`),
        clusterId: mc.cluster,
        values: {
          title: `${mc.name} 미니클러스터 2006년 사업계획`,
          scope: 'miniCluster',
          miniClusterId: mc.id,
          startOn: '2006-01-01',
          endOn: '2006-12-31',
          status: rng.chance(0.6) ? 'done' : 'inProgress',
          milestones:
            '1분기: 정기총회, 과제 발굴\n2분기: 기술교류회\n3분기: 현장 기술지도\n4분기: 성과 발표회',
          description: `${mc.name} 회원사 기술애로 해결과 공동 과제 발굴.`,
        },
      });
    }
  });
  for (const mc of rng.sample(miniClusters, DRAFTS_2007)) {
    rows.push({
      id: demoId('plan', `${mc.id}:2007`),
      clusterId: mc.cluster,
      values: {
        title: `${mc.name} 미니클러스터 2007년 사업계획 (안)`,
        scope: 'miniCluster',
        miniClusterId: mc.id,
        startOn: '2007-01-01',
        endOn: '2007-12-31',
        status: 'draft',
        description: '운영위원회 검토 중인 차년도 계획.',
      },
    });
  }
  return rows;
}
