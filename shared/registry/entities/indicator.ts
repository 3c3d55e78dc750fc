import type { EntityDef } from '../types';

/**
 * 성과지표: one value of one metric for one period (month, quarter or year), for the cluster or
 * one complex, optionally split by KICOX industry group. Money metrics are stored in the unit of
 * the metric (생산액 KRW, 수출액 USD), never in 억원.
 */
export const indicator: EntityDef = {
  name: 'indicator',
  table: 'indicators',
  label: { ko: '성과지표', en: 'Indicators' },
  navOrder: 90,
  path: 'indicators',
  titleField: 'period',
  ownership: 'shared',
  // One value per metric, period, complex and industry group: a re-import updates it.
  naturalKeys: [['metric', 'period', 'complex', 'industryGroup']],
  compoundIndexes: ['[metric+period]'],
  fields: [
    {
      key: 'metric',
      kind: 'enum',
      enumId: 'indicatorMetric',
      label: { ko: '지표', en: 'Metric' },
      required: true,
      grid: { width: 150, pinned: true },
      importSynonyms: ['지표명', '항목', '구분'],
    },
    {
      key: 'periodType',
      kind: 'enum',
      enumId: 'periodType',
      label: { ko: '기간유형', en: 'Period type' },
      required: true,
      grid: { width: 90 },
      importSynonyms: ['기간구분', '주기'],
    },
    {
      key: 'period',
      kind: 'text',
      maxLength: 10,
      label: { ko: '기간', en: 'Period' },
      required: true,
      grid: { width: 100 },
      importSynonyms: ['기준년월', '기준연월', '연월', '연도', '년도', '분기', '기준일'],
      help: {
        ko: '연 2006, 분기 2006-Q1, 월 2006-03',
        en: 'Year 2006, quarter 2006-Q1, month 2006-03',
      },
    },
    {
      key: 'value',
      kind: 'decimal',
      label: { ko: '값', en: 'Value' },
      unitFromField: 'metric',
      required: true,
      grid: { width: 150 },
      importSynonyms: ['실적', '수치', '실적값'],
      help: {
        ko: '생산액은 원, 수출액은 달러, 고용은 명, 가동률은 % 단위로 입력합니다.',
        en: 'Production in KRW, exports in USD, employment in persons, operating rate in %.',
      },
    },
    {
      key: 'complex',
      kind: 'text',
      maxLength: 100,
      label: { ko: '산업단지', en: 'Industrial complex' },
      grid: { width: 120 },
      importSynonyms: ['단지명', '산업단지명', '단지'],
      help: {
        ko: '비워 두면 클러스터 전체 값입니다.',
        en: 'Leave blank for the whole cluster.',
      },
    },
    {
      key: 'industryGroup',
      kind: 'enum',
      enumId: 'industryGroup',
      label: { ko: '업종그룹', en: 'Industry group' },
      grid: { width: 110 },
      importSynonyms: ['업종', '업종구분', '업종별'],
    },
    {
      key: 'source',
      kind: 'text',
      maxLength: 200,
      label: { ko: '출처', en: 'Source' },
      grid: { width: 160 },
      importSynonyms: ['자료출처', '자료원', '근거'],
    },
  ],
};
