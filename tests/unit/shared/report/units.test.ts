import { describe, expect, it } from 'vitest';
import {
  FIGURE_KEYS,
  figureUnits,
  formatFigureValue,
  metricUnit,
  monthOfDay,
  parsePeriodKey,
  periodKey,
  periodLabel,
  type Period,
} from '../../../../shared/report';

describe('figure units', () => {
  it('give every defined figure a unit', () => {
    expect(Object.keys(figureUnits).sort()).toEqual([...FIGURE_KEYS].sort());
  });

  it('read values the Korean way: 건, 억원, 만 달러, %, 일, and – for no value', () => {
    expect(formatFigureValue(1086, 'cases')).toBe('1,086건');
    expect(formatFigureValue(1_230_000_000, 'metric', 'ko', 'production')).toBe('12.3억원');
    expect(formatFigureValue(26_000_000, 'metric', 'ko', 'exports')).toBe('2,600만 달러');
    expect(formatFigureValue(78.66, 'metric', 'ko', 'operatingRate')).toBe('78.7%');
    expect(formatFigureValue(412, 'metric', 'ko', 'tenants')).toBe('412개사');
    expect(formatFigureValue(12.5, 'days')).toBe('13일');
    expect(formatFigureValue(null, 'cases')).toBe('–');
    expect(formatFigureValue(26_000_000, 'usd', 'en')).toBe('$26 million');
    expect(metricUnit('employment')).toBe('people');
  });
});

describe('period keys', () => {
  const cases: Array<[string, Period]> = [
    ['2006-03', { kind: 'month', year: 2006, month: 3 }],
    ['2006-Q1', { kind: 'quarter', year: 2006, quarter: 1 }],
    ['2006', { kind: 'year', year: 2006 }],
    ['2006-01-15~2006-03-31', { kind: 'range', from: '2006-01-15', to: '2006-03-31' }],
  ];
  it.each(cases)('read %s back to the period it was written from', (key, period) => {
    expect(periodKey(period)).toBe(key);
    expect(parsePeriodKey(key)).toEqual(period);
  });

  it('refuse what is not a period instead of guessing', () => {
    for (const bad of ['2006-13', '2006-Q5', '06-03', '2006-03-31~2006-01-01', '', '<b>x</b>']) {
      expect(parsePeriodKey(bad)).toBeNull();
    }
  });

  it('name periods in Korean first', () => {
    expect(periodLabel({ kind: 'month', year: 2006, month: 3 })).toBe('2006년 3월');
    expect(periodLabel({ kind: 'quarter', year: 2006, quarter: 1 })).toBe('2006년 1분기');
    expect(monthOfDay('2006-12-31')).toEqual({ kind: 'month', year: 2006, month: 12 });
  });
});
