/** Dates are accepted as people type them and stored as ISO `YYYY-MM-DD`, real days only. */
import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDate } from '../../../../shared/format/dates';

describe('parseDate', () => {
  it.each([
    '2006-04-01',
    '2006.4.1',
    '2006.04.01',
    '2006. 4. 1.',
    '2006/4/1',
    '20060401',
    '2006년 4월 1일',
    '2006년4월1일',
    ' ２００６-０４-０１ ',
  ])('reads %j as 2006-04-01', (s) => expect(parseDate(s)).toBe('2006-04-01'));

  it('reads Excel serial numbers (1900 system), as numbers or text', () => {
    expect(parseDate(38808)).toBe('2006-04-01');
    expect(parseDate('38808')).toBe('2006-04-01');
    // a time of day in the serial does not move the date
    expect(parseDate(38808.75)).toBe('2006-04-01');
    // small numbers are years or counts, not dates: 2006 must not become 1905-06-28
    expect(excelSerialToIso(61)).toBeNull();
    expect(parseDate(2006)).toBeNull();
  });

  it('reads a Date as its UTC calendar day', () => {
    expect(parseDate(new Date(Date.UTC(2006, 3, 1)))).toBe('2006-04-01');
    expect(parseDate(new Date(Number.NaN))).toBeNull();
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseDate('2008-02-29')).toBe('2008-02-29');
    expect(parseDate('2000.2.29')).toBe('2000-02-29');
    expect(parseDate('1900-02-29')).toBeNull();
    expect(parseDate('2007-02-29')).toBeNull();
  });

  it.each(['2006-02-30', '2006-04-31', '2006-13-01', '2006-00-10', '2006-4', '06.4.1', '내일', ''])(
    'rejects %j',
    (s) => expect(parseDate(s)).toBeNull(),
  );

  it('rejects non-dates of other types', () => {
    expect(parseDate(null)).toBeNull();
    expect(parseDate(undefined)).toBeNull();
    expect(parseDate(true)).toBeNull();
    expect(parseDate(Number.NaN)).toBeNull();
    expect(parseDate(0)).toBeNull();
  });
});
