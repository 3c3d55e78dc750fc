/** Values the specs type, built with the same check-digit rule as the app (shared/korean/ids). */
import { brnCheckDigit } from '../../shared/korean/ids';

/** `513-81-1234c` with a correct check digit c. */
export function validBrn(first9: string): string {
  const check = brnCheckDigit(first9);
  return `${first9.slice(0, 3)}-${first9.slice(3, 5)}-${first9.slice(5)}${check}`;
}

/** The same number with a check digit that is certainly wrong. */
export function brnWithWrongCheckDigit(first9: string): string {
  const wrong = (brnCheckDigit(first9) + 1) % 10;
  return `${first9.slice(0, 3)}-${first9.slice(3, 5)}-${first9.slice(5)}${wrong}`;
}

export const BRN_CHECK_DIGIT_MESSAGE = '사업자등록번호 검증숫자가 맞지 않습니다';
