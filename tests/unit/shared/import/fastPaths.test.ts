/**
 * The import's per-cell shortcuts (taken by nearly every cell of a 100k-row file) must answer
 * exactly as the full paths do, in both directions.
 */
import { describe, expect, it } from 'vitest';
import { isTotalLabel, parseNumberCell } from '../../../../shared/import';

describe('per-cell shortcuts', () => {
  it('finds totals with or without spaces, counts and compatibility forms, and nothing else', () => {
    for (const label of [
      '계',
      '합계',
      '합 계',
      '총계',
      '소계',
      '총합 : 17개',
      ' 합계 ',
      '국가 합계',
    ]) {
      expect(isTotalLabel(label), label).toBe(true);
    }
    // conjoining jamo compose to 합 under NFKC, so they must not take the shortcut
    expect(isTotalLabel('\u1112\u1161\u11b8\u1100\u1168')).toBe(true);
    for (const text of ['주식회사 계림', '구미국가산업단지', '1,234', '', '설계']) {
      expect(isTotalLabel(text), text).toBe(false);
    }
  });

  it('reads plain numbers the quick way and everything else as before', () => {
    expect(parseNumberCell('1,234').value).toBe(1234);
    expect(parseNumberCell('1234.5').value).toBe(1234.5);
    expect(parseNumberCell('.5').value).toBe(0.5);
    expect(parseNumberCell('１,２３４').value).toBe(1234); // full-width digits still normalised
    expect(parseNumberCell('△12').value).toBe(-12);
    expect(parseNumberCell('X').suppressed).toBe(true);
    expect(parseNumberCell('12,34').value).not.toBe(1234); // not a thousands grouping
  });
});
