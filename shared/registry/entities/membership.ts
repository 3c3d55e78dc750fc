import type { EntityDef } from '../types';

/**
 * 참여: who takes part in which mini-cluster and in which role. Either an organisation or an
 * expert (or both, for a company's named delegate) is linked.
 */
export const membership: EntityDef = {
  name: 'membership',
  table: 'memberships',
  label: { ko: '참여', en: 'Memberships' },
  navOrder: 45,
  path: 'memberships',
  titleField: 'role',
  ownership: 'cluster',
  naturalKeys: [
    ['miniClusterId', 'organizationId', 'expertId', 'role'],
    ['miniClusterId', 'organizationId', 'role'],
  ],
  fields: [
    {
      key: 'miniClusterId',
      kind: 'ref',
      ref: 'miniCluster',
      label: { ko: '미니클러스터', en: 'Mini-cluster' },
      required: true,
      indexed: true,
      grid: { width: 180, pinned: true },
      importSynonyms: ['미니클러스터명', 'MC', 'MC명'],
    },
    {
      key: 'organizationId',
      kind: 'ref',
      ref: 'organization',
      label: { ko: '기관', en: 'Organisation' },
      indexed: true,
      grid: { width: 180 },
      importSynonyms: ['회원사', '기관명', '기업명', '업체명', '회사명'],
    },
    {
      key: 'expertId',
      kind: 'ref',
      ref: 'expert',
      label: { ko: '전문가', en: 'Expert' },
      indexed: true,
      grid: { width: 120 },
      importSynonyms: ['성명', '전문가명', '참여자'],
    },
    {
      key: 'role',
      kind: 'enum',
      enumId: 'memberRole',
      label: { ko: '역할', en: 'Role' },
      required: true,
      grid: { width: 100 },
      importSynonyms: ['직책', '임원구분', '구분'],
    },
    {
      key: 'since',
      kind: 'date',
      label: { ko: '참여 시작일', en: 'Since' },
      grid: { width: 110 },
      importSynonyms: ['가입일', '참여일', '시작일'],
    },
    {
      key: 'until',
      kind: 'date',
      label: { ko: '참여 종료일', en: 'Until' },
      grid: { width: 110 },
      importSynonyms: ['탈퇴일', '종료일'],
      help: { ko: '현재 참여 중이면 비워 두세요.', en: 'Leave blank while still a member.' },
    },
    {
      key: 'notes',
      kind: 'longText',
      label: { ko: '비고', en: 'Notes' },
      grid: { hide: true },
      importSynonyms: ['메모', '특이사항'],
    },
  ],
};
