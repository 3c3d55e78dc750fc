/**
 * Check digits of 사업자등록번호 and 법인등록번호 (DOMAIN.md "Check digits"). Known numbers are
 * worked by hand in the comments so the test does not merely repeat the implementation.
 */
import { describe, expect, it } from 'vitest';
import {
  brnCheckDigit,
  crnCheckDigit,
  digitsOnly,
  formatBrn,
  formatCrn,
  isValidBrn,
  isValidCrn,
} from '../../../../shared/korean/ids';

describe('사업자등록번호 (BRN)', () => {
  it('verifies a hand-worked number: 220-81-62517', () => {
    // 2·1 + 2·3 + 0·7 + 8·1 + 1·3 + 6·7 + 2·1 + 5·3 + 1·5 = 83; + ⌊1·5/10⌋ = 83
    // (10 − 83 mod 10) mod 10 = 7 = tenth digit
    expect(brnCheckDigit('220816251')).toBe(7);
    expect(isValidBrn('220-81-62517')).toBe(true);
  });

  it('uses the ⌊9th × 5 / 10⌋ term: 120-81-47521', () => {
    // 1·1 + 2·3 + 0·7 + 8·1 + 1·3 + 4·7 + 7·1 + 5·3 + 2·5 = 78; + ⌊2·5/10⌋ = 1 → 79
    // (10 − 9) mod 10 = 1 = tenth digit; without the ⌊…⌋ term it would be 2
    expect(brnCheckDigit('120814752')).toBe(1);
    expect(isValidBrn('120-81-47521')).toBe(true);
    // an implementation that forgets the term computes a different check digit here
    const withoutCarry = (d: string) => {
      const w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
      const sum = w.reduce((s, x, i) => s + x * Number(d[i]), 0);
      return (10 - (sum % 10)) % 10;
    };
    expect(withoutCarry('120814752')).not.toBe(brnCheckDigit('120814752'));
  });

  it.each(['124-81-00998', '2208162517', ' 220 81 62517 ', '２２０-８１-６２５１７'])(
    'accepts %j',
    (brn) => expect(isValidBrn(brn)).toBe(true),
  );

  it.each(['220-81-62510', '104-81-11111', '220-81-6251', '220-81-625170', '', 'abc'])(
    'rejects %j',
    (brn) => expect(isValidBrn(brn)).toBe(false),
  );

  it('rejects every wrong tenth digit', () => {
    for (let d = 0; d <= 9; d++) {
      expect(isValidBrn(`220816251${d}`)).toBe(d === 7);
    }
  });

  it('formats 10 digits as 123-45-67890 and leaves anything else alone', () => {
    expect(formatBrn('2208162517')).toBe('220-81-62517');
    expect(formatBrn(' 12345 ')).toBe('12345');
    expect(digitsOnly('２２０-81')).toBe('22081');
  });
});

describe('법인등록번호 (CRN)', () => {
  it('verifies a hand-worked number: 110111-0005002', () => {
    // digits 1 1 0 1 1 1 0 0 0 5 0 0 × weights 1 2 1 2 …: 1+2+0+2+1+2+0+0+0+10+0+0 = 18
    // (10 − 8) mod 10 = 2 = thirteenth digit
    expect(crnCheckDigit('110111000500')).toBe(2);
    expect(isValidCrn('110111-0005002')).toBe(true);
  });

  it('sums the products as they are, not their digits', () => {
    // the wrong variant reads 10 as 1+0: sum 9, check 1 → it would accept …5001
    expect(isValidCrn('110111-0005001')).toBe(false);
  });

  it.each(['110111-1234567', '110111-000500', '11011100050021', ''])('rejects %j', (crn) =>
    expect(isValidCrn(crn)).toBe(false),
  );

  it('formats 13 digits as 123456-1234567', () => {
    expect(formatCrn('1101110005002')).toBe('110111-0005002');
    expect(formatCrn('1101')).toBe('1101');
  });
});
