import type { EntityDef } from '../types';

/**
 * 추진일정 항목: one dated step of a development plan (date, title, done). Its own record rather
 * than a list inside the plan, so each step is checked off, synced and merged on its own, and
 * grids, import and export handle it like any entity. Owned like its plan (`shared`).
 */
export const planMilestone: EntityDef = {
  name: 'planMilestone',
  table: 'planMilestones',
  label: { ko: '추진일정', en: 'Plan milestones' },
  navOrder: 81,
  path: 'plan-milestones',
  titleField: 'title',
  ownership: 'shared',
  naturalKeys: [['planId', 'title', 'dueOn']],
  fields: [
    {
      key: 'planId',
      kind: 'ref',
      ref: 'plan',
      label: { ko: '개발계획', en: 'Plan' },
      required: true,
      indexed: true,
      grid: { width: 220, pinned: true },
      importSynonyms: ['계획명', '사업명'],
    },
    {
      key: 'dueOn',
      kind: 'date',
      label: { ko: '일자', en: 'Date' },
      required: true,
      grid: { width: 110 },
      importSynonyms: ['일정', '예정일', '기한'],
    },
    {
      key: 'title',
      kind: 'text',
      label: { ko: '내용', en: 'Title' },
      required: true,
      grid: { width: 260 },
      importSynonyms: ['단계', '마일스톤', '추진내용'],
    },
    {
      key: 'done',
      kind: 'boolean',
      label: { ko: '완료', en: 'Done' },
      grid: { width: 80 },
      importSynonyms: ['완료여부'],
    },
  ],
};
