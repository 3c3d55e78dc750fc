/**
 * Korean display formats for numbers, money and percentages (grids, forms, reports), and the
 * reverse: reading the numbers people type or public spreadsheets hold (`1,234`, `1.2억`,
 * `3천만`, `26백만`, `△1,234`).
 *
 * Storage is always the plain number in its unit (KRW or USD integers); 억원/만 달러 exist only
 * on screen and paper. Every formatter returns '' for null, undefined, NaN and ±Infinity so a
 * grid cell of a missing value stays blank instead of showing `NaN원`.
 */
import type { Lang } from '../registry/types';

export type Numeric = number | null | undefined;

// Intl.NumberFormat construction is costly and grids format thousands of cells: keep one each.
const formatters = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', options);
    formatters.set(key, f);
  }
  return f;
}

const isShowable = (n: Numeric): n is number => typeof n === 'number' && Number.isFinite(n);

/** `1086` → `1,086` (up to three decimals, as typed). */
export function formatNumber(n: Numeric, lang: Lang = 'ko'): string {
  return isShowable(n) ? nf(lang).format(n) : '';
}

/** A count unit: a plain string is used in both languages; a label picks one per language. */
export type CountUnit = string | { ko: string; en: string };
const DEFAULT_COUNT_UNIT = { ko: '건', en: '' };

/** `1086` → `1,086건` (English: `1,086`, or `1,086 cases` when the unit has an English word). */
export function formatCount(n: Numeric, unit: CountUnit = DEFAULT_COUNT_UNIT, lang: Lang = 'ko') {
  if (!isShowable(n)) return '';
  const word = typeof unit === 'string' ? unit : unit[lang];
  const num = nf(lang, { maximumFractionDigits: 0 }).format(n);
  if (!word) return num;
  // Korean units attach to the number (`1,086건`); English words are separated (`1,086 cases`).
  return lang === 'ko' ? `${num}${word}` : `${num} ${word}`;
}

/** `1234000` → `1,234,000원` (English: `KRW 1,234,000`). */
export function formatKrw(n: Numeric, lang: Lang = 'ko'): string {
  if (!isShowable(n)) return '';
  const num = nf(lang, { maximumFractionDigits: 0 }).format(n);
  return lang === 'ko' ? `${num}원` : `KRW ${num}`;
}

/** `26000000` → `26,000,000달러` (English: `$26,000,000`). */
export function formatUsd(n: Numeric, lang: Lang = 'ko'): string {
  if (!isShowable(n)) return '';
  const num = nf(lang, { maximumFractionDigits: 0 }).format(n);
  if (lang === 'ko') return `${num}달러`;
  return n < 0 ? `-$${num.slice(1)}` : `$${num}`;
}

interface MyriadUnit {
  /** 만 = 10⁴, 억 = 10⁸, 조 = 10¹² (Korean groups by four digits, not three) */
  value: number;
  word: string;
  fractionDigits: number;
}

const MAN: MyriadUnit = { value: 1e4, word: '만', fractionDigits: 0 };
const EOK: MyriadUnit = { value: 1e8, word: '억', fractionDigits: 1 };
const JO: MyriadUnit = { value: 1e12, word: '조', fractionDigits: 1 };

/**
 * Formats |n| in the largest unit it reaches, e.g. 2.9조, 50억, 3,500만. A value that rounds up
 * to the next unit moves there (99,999,999 → 1억, not 10,000만).
 */
function myriad(n: number, units: readonly MyriadUnit[]): { num: string; word: string } {
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  // units are ascending; walk down from the largest the value reaches
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i] as MyriadUnit;
    if (abs < u.value) continue;
    const scale = 10 ** u.fractionDigits;
    const q = Math.round((abs / u.value) * scale) / scale;
    const next = units[i + 1];
    if (next && q * u.value >= next.value) {
      const up = nf('ko', { maximumFractionDigits: next.fractionDigits });
      return { num: sign + up.format(abs / next.value), word: next.word };
    }
    const num = nf('ko', { maximumFractionDigits: u.fractionDigits }).format(q);
    return { num: sign + num, word: u.word };
  }
  return { num: sign + nf('ko', { maximumFractionDigits: 0 }).format(abs), word: '' };
}

const enCompact = (n: number) =>
  nf('en', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }).format(n);

/**
 * Summary of a KRW amount as read in reports: `2.9조원`, `50억원`, `12.3억원`, `3,500만원`
 * below 1억, `5,000원` below 1만 (English: `KRW 2.9 trillion`, `KRW 5 billion`).
 */
export function formatKrwSummary(n: Numeric, lang: Lang = 'ko'): string {
  if (!isShowable(n)) return '';
  if (lang === 'en') return `KRW ${enCompact(n)}`;
  const { num, word } = myriad(n, [MAN, EOK, JO]);
  return `${num}${word}원`;
}

/**
 * Summary of a USD amount as Korean press writes exports: `2,600만 달러`, `1.9억 달러`,
 * `1,940억 달러` (no 조 for dollars), `5,000달러` below 1만 (English: `$26 million`).
 */
export function formatUsdSummary(n: Numeric, lang: Lang = 'ko'): string {
  if (!isShowable(n)) return '';
  if (lang === 'en') {
    const s = enCompact(Math.abs(n));
    return n < 0 ? `-$${s}` : `$${s}`;
  }
  const { num, word } = myriad(n, [MAN, EOK]);
  return word ? `${num}${word} 달러` : `${num}달러`;
}

/**
 * `78.7` → `78.7%`. The input is already in percent (stored operating rates, KPI results ×100),
 * shown with a fixed number of decimals so a report column lines up (`95.0%`).
 */
export function formatPercent(n: Numeric, digits = 1, lang: Lang = 'ko'): string {
  if (!isShowable(n)) return '';
  const opts = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return `${nf(lang, opts).format(n)}%`;
}

const BIG_UNITS: ReadonlyArray<[string, number]> = [
  ['조', 1e12],
  ['억', 1e8],
  ['만', 1e4],
];
const SMALL_UNITS: ReadonlyArray<[string, number]> = [
  ['천', 1e3],
  ['백', 1e2],
  ['십', 10],
];
const PLAIN = /^\d+(\.\d+)?$/;

/**
 * Reads `part` made of descending units (`3천5백`, `26백`, `1.2`) and a plain remainder; a unit
 * with no number before it counts once (`1억천만` = 1억 1,000만).
 */
function readUnits(
  part: string,
  units: ReadonlyArray<[string, number]>,
  readRest: (s: string) => number | null,
): number | null {
  let rest = part;
  let total = 0;
  for (const [word, value] of units) {
    const at = rest.indexOf(word);
    if (at < 0) continue;
    const head = rest.slice(0, at);
    rest = rest.slice(at + word.length);
    const v = head === '' ? 1 : readRest(head);
    if (v === null) return null;
    total += v * value;
  }
  if (rest === '') return total;
  const v = readRest(rest);
  return v === null ? null : total + v;
}

const readPlain = (s: string): number | null => (PLAIN.test(s) ? Number(s) : null);
const readSmall = (s: string): number | null => readUnits(s, SMALL_UNITS, readPlain);

// Currency and count words people write around numbers; they do not change the value.
const AFFIXES = /^(?:US\$|KRW|USD|₩|\$)|(?:원|달러|불|명|건|개사|개|%)$/giu;

/**
 * Parses a number as Koreans type or spreadsheets hold it: `1,234`, `1.2억`, `3천만`, `26백만`,
 * `1억 2천만`, `3,500만원`, `$26,000,000`, full-width digits, negatives as `-1,234`, `△1,234`
 * or `(1,234)`. Returns null for anything that is not a number (never guesses).
 */
export function parseKoreanNumber(input: string | number | null | undefined): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (typeof input !== 'string') return null;
  let s = input.normalize('NFKC').replace(/[\s,]/g, '');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1] ?? '';
  }
  if (/^[-−△]/.test(s)) {
    if (negative) return null;
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  s = s.replace(AFFIXES, '');
  // at least one digit: a bare `만` or `원` is a word, not a number
  if (!/\d/.test(s)) return null;
  const value = readUnits(s, BIG_UNITS, readSmall);
  if (value === null) return null;
  // 1.2 × 10⁸ carries binary noise (120000000.00000001): 15 significant digits are exact
  const clean = Number(value.toPrecision(15));
  return negative ? -clean : clean;
}
