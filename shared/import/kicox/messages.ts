/**
 * What the KICOX import says to the user: Korean first, English second, never an internal key
 * (`~period=2026q1`). Items are named as people read them: `생산액 2026년 1분기 창원 기계`.
 */
import { enumLabel, type Lang } from '../../registry';

const ko = {
  skipNoPeriod: '제목에서 분기(예: 2026년 1분기)를 찾지 못했습니다',
  skipNoMetric: '제목과 머리글에서 지표(생산·수출·고용·입주·가동·가동률)를 찾지 못했습니다',
  skipNoHeader: '당분기·전분기 또는 업종그룹 머리글을 찾지 못했습니다',
  skipNoRows: '단지나 업종그룹으로 읽을 행이 없습니다',
  skipNoValues: '가져올 값이 없습니다',
  skipEmpty: '빈 시트입니다',
  withheld: '{item}: 공개되지 않은 값({cell})이라 가져오지 않았습니다',
  notNumber: '{item}: 숫자가 아닌 값 "{cell}"은 가져오지 않았습니다',
  noUnit: '{header} 열: {metric} 단위를 찾지 못해 가져오지 않았습니다',
  wrongCurrency:
    '{header} 열: {metric}은(는) {target}로 저장하는데 단위가 {unit}이라 가져오지 않았습니다',
  unknownPeriod: '{header} 열: 기간을 알 수 없어 가져오지 않았습니다',
  unknownMetric: '{header} 열: 지표를 알 수 없어 가져오지 않았습니다',
  derivedSkipped: '누계·증감률·비중 열은 가져오지 않습니다: {headers}',
  totalMismatch: '{what}: 합계 {total} ≠ 구성 항목의 합 {sum} (차이 {diff})',
  totalRow: '계 행',
  totalColumn: '계 열',
  totalUnchecked: '{what}: 공개되지 않은 값이 있어 합계를 확인하지 못했습니다',
  conflict: '{item}: {other}에 다른 값({otherValue})이 있습니다. 먼저 읽은 값을 씁니다',
  revised: '{item}: 값이 고쳐졌습니다 {before} → {after}',
  converted: '{unit} 단위를 {target} 단위로 바꿨습니다',
  invalid: '{item}: {message}',
  won: '원',
  dollar: '달러',
  wholeCluster: '전체',
} as const;

export type KicoxMessageKey = keyof typeof ko;

const en: Record<KicoxMessageKey, string> = {
  skipNoPeriod: 'no quarter (e.g. 2026년 1분기) in the title',
  skipNoMetric: 'no metric (production, exports, employment, companies, operating rate) found',
  skipNoHeader: 'no 당분기/전분기 or industry-group header found',
  skipNoRows: 'no rows naming a complex or an industry group',
  skipNoValues: 'no values to import',
  skipEmpty: 'empty sheet',
  withheld: '{item}: withheld value ({cell}) not imported',
  notNumber: '{item}: "{cell}" is not a number, not imported',
  noUnit: 'column {header}: no unit found for {metric}, not imported',
  wrongCurrency:
    'column {header}: {metric} is stored in {target} but the unit is {unit}; not imported',
  unknownPeriod: 'column {header}: unknown period, not imported',
  unknownMetric: 'column {header}: unknown metric, not imported',
  derivedSkipped: 'cumulative and change columns are not imported: {headers}',
  totalMismatch: '{what}: total {total} ≠ sum of its parts {sum} (by {diff})',
  totalRow: 'total row',
  totalColumn: 'total column',
  totalUnchecked: '{what}: withheld parts, total not checked',
  conflict: '{item}: {other} holds another value ({otherValue}); the first one read is used',
  revised: '{item}: revised {before} → {after}',
  converted: 'unit {unit} converted to {target}',
  invalid: '{item}: {message}',
  won: 'KRW',
  dollar: 'USD',
  wholeCluster: 'all',
};

export function kicoxMessage(
  key: KicoxMessageKey,
  params: Record<string, string | number> = {},
  lang: Lang = 'ko',
): string {
  const template: string = lang === 'en' ? en[key] : ko[key];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

export interface ItemName {
  metric: string;
  period: string;
  complex?: string | undefined;
  industryGroup?: string | undefined;
}

/** `생산액 2026년 1분기 창원 기계` (what a note is about, in the user's words). */
export function itemName(item: ItemName, lang: Lang = 'ko'): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(item.period);
  const period = m ? (lang === 'en' ? `${m[1]} Q${m[2]}` : `${m[1]}년 ${m[2]}분기`) : item.period;
  const parts = [enumLabel('indicatorMetric', item.metric, lang), period];
  if (item.complex) parts.push(item.complex);
  if (item.industryGroup) parts.push(enumLabel('industryGroup', item.industryGroup, lang));
  return parts.join(' ');
}

export const formatNumber = (n: number): string =>
  n.toLocaleString('ko-KR', { maximumFractionDigits: 6 });
