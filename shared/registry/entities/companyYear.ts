import type { EntityDef } from '../types';

/**
 * 기업 연도별 실적: one company's revenue, exports and employees for one year, as companies report
 * them (KICOX surveys, DART, the team's own survey). Lets the figures compare the growth of
 * mini-cluster participants with that of the other companies.
 */
export const companyYear: EntityDef = {
  name: 'companyYear',
  table: 'companyYears',
  label: { ko: '기업 연도별 실적', en: 'Company yearly figures' },
  navOrder: 97,
  path: 'company-years',
  titleField: 'year',
  ownership: 'cluster',
  // One row per company and year: a re-import of the same year updates it.
  naturalKeys: [['companyId', 'year']],
  fields: [
    {
      key: 'companyId',
      kind: 'ref',
      ref: 'organization',
      label: { ko: '기업', en: 'Company' },
      required: true,
      indexed: true,
      grid: { width: 200, pinned: true },
      importSynonyms: ['기업명', '업체명', '회사명'],
    },
    {
      key: 'year',
      kind: 'integer',
      plainDigits: true,
      min: 1990,
      max: 2100,
      label: { ko: '연도', en: 'Year' },
      required: true,
      grid: { width: 80 },
      importSynonyms: ['년도', '기준연도', '회계연도'],
    },
    {
      key: 'revenueKrw',
      kind: 'money',
      unit: 'KRW',
      min: 0,
      label: { ko: '매출액(원)', en: 'Revenue (KRW)' },
      grid: { width: 150 },
      importSynonyms: ['매출액', '매출', '연매출'],
    },
    {
      key: 'exportsUsd',
      kind: 'money',
      unit: 'USD',
      min: 0,
      label: { ko: '수출액(달러)', en: 'Exports (USD)' },
      grid: { width: 150 },
      importSynonyms: ['수출액', '수출', '연수출'],
    },
    {
      key: 'employees',
      kind: 'integer',
      min: 0,
      max: 1_000_000,
      label: { ko: '종업원 수', en: 'Employees' },
      grid: { width: 100 },
      importSynonyms: ['종업원수', '고용인원', '직원수', '상시종업원'],
    },
    {
      key: 'source',
      kind: 'text',
      maxLength: 200,
      label: { ko: '출처', en: 'Source' },
      grid: { width: 140 },
      importSynonyms: ['자료출처', '근거'],
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
