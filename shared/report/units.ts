/**
 * The unit of every figure, and how its value reads on screen and paper (억원, 만 달러, %, 일).
 * Indicator figures take the unit of their metric: money is stored in KRW or USD and shown in
 * 억원 / 만 달러 only here.
 */
import type { Lang } from '../registry/types';
import { formatCount, formatKrwSummary, formatPercent, formatUsdSummary } from '../format/numbers';
import type { FigureKey } from './definitions';

export type FigureUnit =
  | 'cases'
  | 'people'
  | 'companies'
  | 'experts'
  | 'percent'
  | 'days'
  | 'krw'
  | 'usd'
  /** an indicator figure: the unit comes from its metric (metricUnit) */
  | 'metric';

export const figureUnits: Record<FigureKey, FigureUnit> = {
  difficultiesReceived: 'cases',
  difficultiesResolved: 'cases',
  difficultiesPartlyResolved: 'cases',
  difficultiesResolvedUndated: 'cases',
  difficultiesOpen: 'cases',
  difficultiesOverdue: 'cases',
  difficultiesReceivedToDate: 'cases',
  difficultiesResolvedToDate: 'cases',
  resolutionRate: 'percent',
  medianDaysToResolve: 'days',
  activities: 'cases',
  attendance: 'people',
  indicatorValue: 'metric',
  indicatorChangePrevious: 'metric',
  indicatorChangeLastYear: 'metric',
  targetProgress: 'percent',
  targetPath: 'metric',
  participatingCompanies: 'companies',
  participatingExperts: 'experts',
  successCases: 'cases',
  resourcesShared: 'cases',
  growthParticipants: 'percent',
  growthNonParticipants: 'percent',
};

/** The unit an `indicatorMetric` value is stored in. */
export function metricUnit(metric: string): Exclude<FigureUnit, 'metric'> {
  switch (metric) {
    case 'production':
      return 'krw';
    case 'exports':
      return 'usd';
    case 'employment':
      return 'people';
    case 'operatingRate':
      return 'percent';
    default:
      // tenants, operating, bigRevenueFirms: numbers of companies
      return 'companies';
  }
}

const WORDS = {
  cases: { ko: '건', en: '' },
  people: { ko: '명', en: 'people' },
  companies: { ko: '개사', en: 'companies' },
  experts: { ko: '명', en: 'experts' },
  days: { ko: '일', en: 'days' },
} as const;

/** A value in its unit, Korean style: `1,086건`, `12.3억원`, `2,600만 달러`, `78.7%`; '–' for null. */
export function formatFigureValue(
  value: number | null,
  unit: FigureUnit,
  lang: Lang = 'ko',
  metric = '',
): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const u = unit === 'metric' ? metricUnit(metric) : unit;
  switch (u) {
    case 'krw':
      return formatKrwSummary(value, lang);
    case 'usd':
      return formatUsdSummary(value, lang);
    case 'percent':
      return formatPercent(value, 1, lang);
    case 'days':
      return formatCount(Math.round(value * 10) / 10, WORDS.days, lang);
    default:
      return formatCount(value, WORDS[u], lang);
  }
}
