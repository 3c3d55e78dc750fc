/**
 * The unit of a value whose meaning depends on its row's metric (성과지표 값, 목표값): 생산액 in
 * 원, 수출액 in 달러, 고용 in 명, 입주·가동업체 in 개사, 가동률 in %. DOMAIN.md fixes the currencies
 * (production KRW, exports USD); the grid, the form and the import all read this one table.
 */
import type { Label, MoneyUnit } from './types';

export type MetricUnit =
  { kind: 'money'; currency: MoneyUnit } | { kind: 'percent' } | { kind: 'count'; label: Label };

const PERSONS: Label = { ko: '명', en: 'persons' };
const COMPANIES: Label = { ko: '개사', en: 'companies' };

export const METRIC_UNITS: Readonly<Record<string, MetricUnit>> = {
  production: { kind: 'money', currency: 'KRW' },
  exports: { kind: 'money', currency: 'USD' },
  employment: { kind: 'count', label: PERSONS },
  tenants: { kind: 'count', label: COMPANIES },
  operating: { kind: 'count', label: COMPANIES },
  operatingRate: { kind: 'percent' },
  bigRevenueFirms: { kind: 'count', label: COMPANIES },
};

/** The unit of `record[valueField]` when the field declares `unitFromField`, else null. */
export function metricUnitOf(
  unitFromField: string | undefined,
  record: Readonly<Record<string, unknown>> | undefined,
): MetricUnit | null {
  if (!unitFromField || !record) return null;
  const code = record[unitFromField];
  return typeof code === 'string' && Object.hasOwn(METRIC_UNITS, code) ? METRIC_UNITS[code]! : null;
}

/** The short unit word a form shows after the input (원, 달러, 명, 개사, %). */
export function metricUnitWord(unit: MetricUnit | null, lang: 'ko' | 'en'): string {
  if (!unit) return '';
  if (unit.kind === 'percent') return '%';
  if (unit.kind === 'count') return unit.label[lang];
  if (unit.currency === 'USD') return lang === 'ko' ? '달러' : 'USD';
  return lang === 'ko' ? '원' : 'KRW';
}
