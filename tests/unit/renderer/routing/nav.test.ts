import { describe, expect, it } from 'vitest';
import type { EntityDef, EntityName } from '../../../../shared/registry';
import { buildNav } from '../../../../renderer/routing/nav';

const def = (name: EntityName, path: string, navOrder: number, ko: string): EntityDef => ({
  name,
  table: path,
  path,
  navOrder,
  label: { ko, en: name },
  titleField: 'name',
  ownership: 'cluster',
  fields: [],
});

// Deliberately shuffled: the navigation must not depend on the registry's array order.
const registry: EntityDef[] = [
  def('target', 'targets', 110, '목표'),
  def('difficulty', 'difficulties', 50, '기술애로'),
  def('organization', 'organizations', 20, '기업·기관'),
  def('cluster', 'clusters', 10, '클러스터'),
  def('successCase', 'success-cases', 100, '우수사례'),
  def('expert', 'experts', 30, '전문가'),
  def('membership', 'memberships', 45, '참여'),
  def('miniCluster', 'mini-clusters', 40, '미니클러스터'),
  def('activity', 'activities', 60, '활동'),
  def('resource', 'resources', 70, '공동활용 자원'),
  def('plan', 'plans', 80, '개발계획'),
  def('indicator', 'indicators', 90, '성과지표'),
];

describe('buildNav', () => {
  const nav = buildNav(registry);

  it('follows the order of the work, then reference data, then the tools', () => {
    expect(nav.map((i) => i.entity?.label.ko ?? i.labelKey)).toEqual([
      'nav.dashboard',
      '기업·기관',
      '전문가',
      '미니클러스터',
      '기술애로',
      '활동',
      '공동활용 자원',
      '개발계획',
      '성과지표',
      '우수사례',
      'nav.desk',
      '클러스터',
      '참여',
      '목표',
      'nav.importExport',
      'nav.reports',
      'nav.sync',
      'nav.network',
      'nav.settings',
    ]);
  });

  it('puts memberships, targets and clusters in the reference group', () => {
    const reference = nav.filter((i) => i.group === 'reference').map((i) => i.entity?.name);
    expect(reference).toEqual(['cluster', 'membership', 'target']);
  });

  it('uses the entity path as the route and unique paths throughout', () => {
    expect(nav.find((i) => i.entity?.name === 'successCase')?.path).toBe('success-cases');
    expect(new Set(nav.map((i) => i.path)).size).toBe(nav.length);
  });

  it('works with a partial registry (entities still being written)', () => {
    const partial = buildNav([registry[2] as EntityDef]);
    expect(partial.map((i) => i.path)).toEqual([
      'dashboard',
      'organizations',
      'desk',
      'import-export',
      'reports',
      'sync',
      'network',
      'settings',
    ]);
  });
});
