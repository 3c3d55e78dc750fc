import type { EntityDef } from '../types';

/**
 * 자원 요청 결정: the resource owner's answer to a resourceRequest (승인 / 반려, later 완료).
 * Owned by the RESOURCE's cluster, which alone writes it; one per request (when two devices of
 * the owner both answer, the latest write is the answer: shared/resources/requestStatus.ts).
 */
export const resourceDecision: EntityDef = {
  name: 'resourceDecision',
  table: 'resourceDecisions',
  label: { ko: '자원 요청 결정', en: 'Resource decisions' },
  navOrder: 73,
  path: 'resource-decisions',
  titleField: 'status',
  ownership: 'shared',
  naturalKeys: [['requestId']],
  fields: [
    {
      key: 'requestId',
      kind: 'ref',
      ref: 'resourceRequest',
      label: { ko: '사용 요청', en: 'Request' },
      required: true,
      indexed: true,
      grid: { width: 240, pinned: true },
    },
    {
      key: 'status',
      kind: 'enum',
      enumId: 'resourceDecision',
      label: { ko: '결정', en: 'Decision' },
      required: true,
      grid: { width: 100 },
      importSynonyms: ['상태', '처리결과'],
    },
    {
      key: 'decidedOn',
      kind: 'date',
      label: { ko: '결정일', en: 'Decided on' },
      grid: { width: 110 },
    },
    {
      key: 'note',
      kind: 'longText',
      label: { ko: '의견', en: 'Note' },
      grid: { width: 220 },
      importSynonyms: ['사유', '비고'],
    },
  ],
};
