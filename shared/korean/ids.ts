/**
 * Korean registration numbers (DOMAIN.md "Check digits"). Pure functions: normalise to digits,
 * verify the check digit, format for display.
 */

const BRN_WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/** Keeps digits only (users type `123-45-67890`, `1234567890`, full-width digits…). */
export function digitsOnly(input: string): string {
  // ASCII input (nearly all) needs no NFKC, which is slow when indexing 100,000 numbers.
  const text = /^[\x20-\x7e]*$/.test(input) ? input : input.normalize('NFKC');
  return text.replace(/\D+/g, '');
}

/** 사업자등록번호: weights 1,3,7,1,3,7,1,3,5 plus ⌊9th × 5 / 10⌋; check = (10 − sum mod 10) mod 10. */
export function isValidBrn(input: string): boolean {
  const d = digitsOnly(input);
  if (d.length !== 10) return false;
  const n = [...d].map(Number);
  let sum = 0;
  BRN_WEIGHTS.forEach((w, i) => (sum += (n[i] ?? 0) * w));
  sum += Math.floor(((n[8] ?? 0) * 5) / 10);
  return (10 - (sum % 10)) % 10 === n[9];
}

/** `1234567890` → `123-45-67890` (input left as is when it is not 10 digits). */
export function formatBrn(input: string): string {
  const d = digitsOnly(input);
  return d.length === 10 ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : input.trim();
}

/** Computes the check digit for the first nine digits (used by demo data and tests). */
export function brnCheckDigit(first9: string): number {
  const n = [...first9].map(Number);
  let sum = 0;
  BRN_WEIGHTS.forEach((w, i) => (sum += (n[i] ?? 0) * w));
  sum += Math.floor(((n[8] ?? 0) * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/** 법인등록번호: weights 1,2 alternating over twelve digits, products summed as they are. */
export function crnCheckDigit(first12: string): number {
  const n = [...first12].map(Number);
  let sum = 0;
  n.forEach((v, i) => (sum += v * (i % 2 === 0 ? 1 : 2)));
  return (10 - (sum % 10)) % 10;
}

export function isValidCrn(input: string): boolean {
  const d = digitsOnly(input);
  if (d.length !== 13) return false;
  return crnCheckDigit(d.slice(0, 12)) === Number(d[12]);
}

/** `1234561234567` → `123456-1234567`. */
export function formatCrn(input: string): string {
  const d = digitsOnly(input);
  return d.length === 13 ? `${d.slice(0, 6)}-${d.slice(6)}` : input.trim();
}
