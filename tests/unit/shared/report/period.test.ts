import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  inRange,
  indicatorPeriodKey,
  monthPeriod,
  monthsOf,
  periodRange,
  previousPeriod,
  sameLastYear,
  seoulToday,
} from '../../../../shared/report';

describe('report periods', () => {
  it('bound a month by its first and last calendar day, leap years included', () => {
    expect(periodRange(monthPeriod('2006-02'))).toEqual({ from: '2006-02-01', to: '2006-02-28' });
    expect(periodRange(monthPeriod('2008-02'))).toEqual({ from: '2008-02-01', to: '2008-02-29' });
    expect(periodRange({ kind: 'quarter', year: 2006, quarter: 4 })).toEqual({
      from: '2006-10-01',
      to: '2006-12-31',
    });
  });

  it('put a stored date in its month by the calendar day written, whatever the time zone', () => {
    const march = periodRange(monthPeriod('2006-03'));
    expect(inRange('2006-03-31', march)).toBe(true);
    expect(inRange('2006-04-01', march)).toBe(false);
    expect(inRange('2006-03-01', march)).toBe(true);
    expect(inRange('2006-02-28', march)).toBe(false);
    // A value with a time part still belongs to the day written, not to a UTC-shifted one.
    expect(inRange('2006-03-31T23:30:00+09:00', march)).toBe(true);
    expect(inRange('', march)).toBe(false);
    expect(inRange(undefined, march)).toBe(false);
    expect(inRange('31/03/2006', march)).toBe(false);
  });

  it("give Korea's calendar day for now: 15:30 UTC is already the next day in Seoul", () => {
    expect(seoulToday(new Date('2006-03-31T15:30:00Z'))).toBe('2006-04-01');
    expect(seoulToday(new Date('2006-03-31T14:59:00Z'))).toBe('2006-03-31');
  });

  it('step back to the previous month, quarter and year, and to the same period last year', () => {
    expect(previousPeriod(monthPeriod('2006-01'))).toEqual(monthPeriod('2005-12'));
    expect(previousPeriod({ kind: 'quarter', year: 2006, quarter: 1 })).toEqual({
      kind: 'quarter',
      year: 2005,
      quarter: 4,
    });
    expect(sameLastYear(monthPeriod('2006-03'))).toEqual(monthPeriod('2005-03'));
    expect(previousPeriod({ kind: 'range', from: '2006-03-11', to: '2006-03-20' })).toEqual({
      kind: 'range',
      from: '2006-03-01',
      to: '2006-03-10',
    });
    expect(sameLastYear({ kind: 'range', from: '2008-02-29', to: '2008-03-01' })).toEqual({
      kind: 'range',
      from: '2007-02-28',
      to: '2007-03-01',
    });
  });

  it('name the indicator period and list the months covered', () => {
    expect(indicatorPeriodKey({ kind: 'quarter', year: 2006, quarter: 2 })).toBe('2006-Q2');
    expect(indicatorPeriodKey({ kind: 'year', year: 2006 })).toBe('2006');
    expect(monthsOf({ kind: 'range', from: '2005-11-15', to: '2006-02-01' })).toEqual([
      '2005-11',
      '2005-12',
      '2006-01',
      '2006-02',
    ]);
    expect(daysBetween('2006-02-27', '2006-03-01')).toBe(2);
    expect(daysBetween('2006-02-27', null)).toBeNull();
  });
});
