/** Korean display formats (DOMAIN.md "What users expect on screen") and typed-number parsing. */
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatKrw,
  formatKrwSummary,
  formatNumber,
  formatPercent,
  formatUsd,
  formatUsdSummary,
  parseKoreanNumber,
} from '../../../../shared/format/numbers';

describe('plain formats', () => {
  it('groups thousands', () => {
    expect(formatNumber(1086)).toBe('1,086');
    expect(formatNumber(2_022_000)).toBe('2,022,000');
    expect(formatNumber(-1234.5)).toBe('-1,234.5');
    expect(formatNumber(1086, 'en')).toBe('1,086');
  });

  it('counts with a Korean unit attached', () => {
    expect(formatCount(1086)).toBe('1,086건');
    expect(formatCount(920, '명')).toBe('920명');
    expect(formatCount(1086, undefined, 'en')).toBe('1,086');
    expect(formatCount(48, { ko: '개', en: 'mini-clusters' }, 'en')).toBe('48 mini-clusters');
  });

  it('writes money in its own unit', () => {
    expect(formatKrw(1_234_000)).toBe('1,234,000원');
    expect(formatKrw(1_234_000, 'en')).toBe('KRW 1,234,000');
    expect(formatUsd(26_000_000)).toBe('26,000,000달러');
    expect(formatUsd(26_000_000, 'en')).toBe('$26,000,000');
    expect(formatUsd(-5, 'en')).toBe('-$5');
  });

  it('writes percentages with fixed decimals so report columns line up', () => {
    expect(formatPercent(78.7)).toBe('78.7%');
    expect(formatPercent(95)).toBe('95.0%');
    expect(formatPercent(12.345, 2)).toBe('12.35%');
    expect(formatPercent(13, 0)).toBe('13%');
  });

  it('leaves missing values blank instead of printing NaN', () => {
    for (const f of [formatNumber, formatKrw, formatUsd, formatKrwSummary, formatUsdSummary]) {
      expect(f(null)).toBe('');
      expect(f(undefined)).toBe('');
      expect(f(Number.NaN)).toBe('');
      expect(f(Number.POSITIVE_INFINITY)).toBe('');
    }
    expect(formatCount(null)).toBe('');
    expect(formatPercent(undefined)).toBe('');
  });
});

describe('formatKrwSummary (억원/조원)', () => {
  it.each([
    [2_900_000_000_000, '2.9조원'], // Gwangju complex production (2006)
    [1_000_000_000_000, '1조원'],
    [5_000_000_000, '50억원'],
    [1_230_000_000, '12.3억원'],
    [100_000_000_000, '1,000억원'],
    [35_000_000, '3,500만원'],
    [5_000, '5,000원'],
    [0, '0원'],
    [-5_000_000_000, '-50억원'],
  ])('%d → %s', (n, text) => expect(formatKrwSummary(n)).toBe(text));

  it('moves a value that rounds up into the next unit', () => {
    expect(formatKrwSummary(99_999_999)).toBe('1억원');
    expect(formatKrwSummary(999_996_000_000)).toBe('1조원');
    expect(formatKrwSummary(999_990_000_000)).toBe('9,999.9억원');
  });

  it('has an English variant', () => {
    expect(formatKrwSummary(5_000_000_000, 'en')).toBe('KRW 5 billion');
    expect(formatKrwSummary(2_900_000_000_000, 'en')).toBe('KRW 2.9 trillion');
  });
});

describe('formatUsdSummary (만/억 달러)', () => {
  it.each([
    [26_000_000, '2,600만 달러'], // Wonju exports (2005)
    [82_000_000, '8,200만 달러'],
    [190_000_000, '1.9억 달러'],
    [194_000_000_000, '1,940억 달러'], // national goal for 2013: no 조 for dollars
    [9_500, '9,500달러'],
  ])('%d → %s', (n, text) => expect(formatUsdSummary(n)).toBe(text));

  it('has an English variant', () => {
    expect(formatUsdSummary(26_000_000, 'en')).toBe('$26 million');
    expect(formatUsdSummary(-67_000_000_000, 'en')).toBe('-$67 billion');
  });
});

describe('parseKoreanNumber', () => {
  it.each([
    ['1,234', 1234],
    ['1234.5', 1234.5],
    ['1.2억', 120_000_000],
    ['3천만', 30_000_000],
    ['26백만', 26_000_000],
    ['2.9조', 2_900_000_000_000],
    ['1억 2천만', 120_000_000],
    ['1억2,345만', 123_450_000],
    ['5천5백', 5_500],
    ['3,500만원', 35_000_000],
    ['2,600만 달러', 26_000_000],
    ['$26,000,000', 26_000_000],
    ['₩1,234,000', 1_234_000],
    ['920명', 920],
    ['78.7%', 78.7],
    ['１,０８６', 1086],
    ['-1,234', -1234],
    ['△1,234', -1234],
    ['(1,234)', -1234],
    ['+5', 5],
  ])('%j → %d', (s, n) => expect(parseKoreanNumber(s)).toBe(n));

  it.each(['', '   ', 'abc', '만', '1.2.3', '2006-Q1', '1억2조', '--5', '(-5)', '5만원정도'])(
    'refuses %j',
    (s) => expect(parseKoreanNumber(s)).toBeNull(),
  );

  it('passes finite numbers through and refuses the rest', () => {
    expect(parseKoreanNumber(1086)).toBe(1086);
    expect(parseKoreanNumber(Number.NaN)).toBeNull();
    expect(parseKoreanNumber(null)).toBeNull();
    expect(parseKoreanNumber(undefined)).toBeNull();
  });

  it('reads back what the summary formatters write', () => {
    for (const n of [2_900_000_000_000, 5_000_000_000, 35_000_000, 190_000_000]) {
      expect(parseKoreanNumber(formatKrwSummary(n))).toBe(n);
      expect(parseKoreanNumber(formatUsdSummary(n))).toBe(n);
    }
  });
});
