import type { EntityDef } from '../types';

/** 목표: the value an indicator should reach by a year (e.g. exports of USD 194 bn by 2013). */
export const target: EntityDef = {
  name: 'target',
  table: 'targets',
  label: { ko: '목표', en: 'Targets' },
  navOrder: 95,
  path: 'targets',
  titleField: 'metric',
  ownership: 'shared',
  naturalKeys: [['metric', 'year', 'complex']],
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
      key: 'year',
      kind: 'integer',
      plainDigits: true,
      min: 1990,
      max: 2100,
      label: { ko: '목표연도', en: 'Year' },
      required: true,
      grid: { width: 90 },
      importSynonyms: ['연도', '년도', '목표년도'],
    },
    {
      key: 'value',
      kind: 'decimal',
      label: { ko: '목표값', en: 'Target value' },
      unitFromField: 'metric',
      required: true,
      grid: { width: 150 },
      importSynonyms: ['목표', '목표치', '값'],
      help: {
        ko: '지표와 같은 단위 (생산액 원, 수출액 달러, 고용 명, 가동률 %)',
        en: "The metric's unit (production KRW, exports USD, employment persons, rate %)",
      },
    },
    {
      key: 'complex',
      kind: 'text',
      maxLength: 100,
      label: { ko: '산업단지', en: 'Industrial complex' },
      grid: { width: 120 },
      importSynonyms: ['단지명', '산업단지명', '단지'],
    },
    {
      key: 'notes',
      kind: 'longText',
      label: { ko: '비고', en: 'Notes' },
      grid: { hide: true },
      importSynonyms: ['메모', '근거', '출처'],
    },
  ],
};
