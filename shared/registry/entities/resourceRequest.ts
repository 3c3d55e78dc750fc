import type { EntityDef } from '../types';

/**
 * 자원 사용 요청: a cluster asks to use a shared resource (possibly another cluster's). The
 * request belongs to the REQUESTING cluster (its clusterId), which alone writes it; the resource
 * owner's answer is a separate record, resourceDecision, owned by the resource's cluster. Both are
 * `shared` so either side can read the other's record (docs/ARCHITECTURE.md, "Resource requests").
 * Its status (요청 → 승인/반려 → 완료) is derived from the decision (shared/resources).
 */
export const resourceRequest: EntityDef = {
  name: 'resourceRequest',
  table: 'resourceRequests',
  label: { ko: '자원 사용 요청', en: 'Resource requests' },
  navOrder: 72,
  path: 'resource-requests',
  titleField: 'purpose',
  ownership: 'shared',
  naturalKeys: [['resourceId', 'companyId', 'startOn']],
  fields: [
    {
      key: 'resourceId',
      kind: 'ref',
      ref: 'resource',
      label: { ko: '자원', en: 'Resource' },
      required: true,
      indexed: true,
      grid: { width: 200, pinned: true },
      importSynonyms: ['자원명', '장비명'],
    },
    {
      key: 'companyId',
      kind: 'ref',
      ref: 'organization',
      label: { ko: '요청기업', en: 'Requesting company' },
      required: true,
      grid: { width: 180 },
      importSynonyms: ['기업명', '신청기업', '요청기관'],
    },
    {
      key: 'startOn',
      kind: 'date',
      label: { ko: '사용 시작일', en: 'From' },
      required: true,
      grid: { width: 110 },
      importSynonyms: ['시작일', '사용일'],
    },
    {
      key: 'endOn',
      kind: 'date',
      label: { ko: '사용 종료일', en: 'Until' },
      grid: { width: 110 },
      importSynonyms: ['종료일'],
    },
    {
      key: 'purpose',
      kind: 'longText',
      maxLength: 2000,
      label: { ko: '사용 목적', en: 'Purpose' },
      required: true,
      grid: { width: 260 },
      importSynonyms: ['목적', '용도', '사용내용'],
    },
    {
      key: 'contact',
      kind: 'text',
      maxLength: 200,
      label: { ko: '요청 담당자', en: 'Contact' },
      grid: { width: 140 },
      importSynonyms: ['담당자', '연락처'],
    },
  ],
};
