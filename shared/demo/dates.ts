/** ISO `YYYY-MM-DD` date arithmetic for demo data (UTC, so every time zone gets the same dates). */
import type { Rng } from './random';

const DAY_MS = 86_400_000;

export const toMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
export const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => fromMs(toMs(iso) + days * DAY_MS);
export const daysBetween = (from: string, to: string): number =>
  Math.round((toMs(to) - toMs(from)) / DAY_MS);
export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);

/** A date in [from, to]; `skew` > 1 leans towards `to` (activity grows as clusters mature). */
export function randomDate(rng: Rng, from: string, to: string, skew = 1): string {
  const span = Math.max(0, daysBetween(from, to));
  const u = skew === 1 ? rng.float() : Math.pow(rng.float(), 1 / skew);
  return addDays(from, Math.min(span, Math.floor(u * (span + 1))));
}

/** `2005-04` … `2006-12`, inclusive. */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const out: string[] = [];
  let [y, m] = fromMonth.split('-').map(Number) as [number, number];
  const [ty, tm] = toMonth.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}
