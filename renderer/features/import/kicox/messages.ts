/** Strings of the KICOX workbook panel of the import page (namespace `importKicox`). */
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../../i18n';

export const KICOX_NS = 'importKicox';

const ko = {
  title: 'KICOX 국가산업단지 산업동향 통합 문서',
  intro:
    '시트마다 제목의 분기, 지표, 단위를 읽어 성과지표로 가져옵니다. 당분기·전분기·전년동기는 각각의 분기로 저장하고, 누계·증감률 열은 가져오지 않습니다. 계 행과 계 열은 가져오지 않고 구성 항목의 합과 맞는지 확인합니다. 공개되지 않은 값(X)은 저장하지 않습니다.',
  reading: 'KICOX 통합 문서를 읽는 중…',
  'col.sheet': '시트',
  'col.period': '분기',
  'col.metrics': '지표',
  'col.unit': '단위',
  'col.new': '새 항목',
  'col.updated': '바뀜',
  'col.unchanged': '같음',
  'col.withheld': '비공개',
  'col.totals': '합계 확인 (불일치)',
  skippedTitle: '가져오지 않는 시트 {{n}}개',
  notesTitle: '참고 사항 {{n}}건',
  total: '전체: 새 항목 {{new}}, 바뀜 {{updated}}, 같음 {{unchanged}}, 비공개 {{withheld}}',
  commit: '성과지표 {{n}}건 저장',
  nothing: '바뀐 것이 없습니다',
  policy: '표 전체를 한 번에 저장합니다. 중간에 실패하면 아무것도 저장되지 않습니다.',
  done: '성과지표 {{n}}건을 저장했습니다 (새 항목 {{created}}, 바뀜 {{updated}}).',
  open: '성과지표 열기',
  failed: 'KICOX 통합 문서를 읽지 못했습니다: {{message}}',
  commitFailed: '저장하지 못했습니다: {{message}}',
} as const;

type Key = keyof typeof ko;

const en: Record<Key, string> = {
  title: 'KICOX national industrial complex statistics workbook',
  intro:
    'Each sheet’s quarter, metric and unit are read from its title and imported as indicators. 당분기, 전분기 and 전년동기 become their own quarters; cumulative and change columns are not imported. Total rows and columns are not imported but checked against the sum of their parts. Withheld values (X) are not stored.',
  reading: 'Reading the KICOX workbook…',
  'col.sheet': 'Sheet',
  'col.period': 'Quarter',
  'col.metrics': 'Metrics',
  'col.unit': 'Unit',
  'col.new': 'New',
  'col.updated': 'Changed',
  'col.unchanged': 'Same',
  'col.withheld': 'Withheld',
  'col.totals': 'Totals checked (mismatched)',
  skippedTitle: '{{n}} sheets not imported',
  notesTitle: '{{n}} notes',
  total: 'All: {{new}} new, {{updated}} changed, {{unchanged}} same, {{withheld}} withheld',
  commit: 'Save {{n}} indicators',
  nothing: 'Nothing changed',
  policy: 'All tables are saved at once; nothing is saved if it fails.',
  done: 'Saved {{n}} indicators ({{created}} new, {{updated}} changed).',
  open: 'Open indicators',
  failed: 'Could not read the KICOX workbook: {{message}}',
  commitFailed: 'Could not save: {{message}}',
};

registerMessages(KICOX_NS, { ko, en });

export type KicoxMessageKey = Key;

export function useKicoxT() {
  return useTranslation(KICOX_NS).t as (key: Key, params?: Record<string, unknown>) => string;
}
