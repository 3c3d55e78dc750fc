/**
 * The words of a KICOX 국가산업단지 산업동향 table: quarters in titles and headers, metrics,
 * period columns (당분기 / 전분기 / 전년동기), derived columns (누계, 증감률) and KICOX's
 * 업종그룹. Everything is matched on a squashed form (NFKC, no spaces or dots), because the
 * same workbook writes `전년 동기`, `전년동기` and `전년\n동기`.
 */
import { enums } from '../../registry';
import { isTotalLabel } from '../table';
import type { CellValue } from '../rawSheet';

export type KicoxMetric =
  'production' | 'exports' | 'employment' | 'tenants' | 'operating' | 'operatingRate';

export const squash = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\s\u00a0·ㆍ・.,/_-]+/g, '')
    .toLowerCase();

export const textOf = (v: CellValue | undefined): string =>
  v === null || v === undefined ? '' : v instanceof Date ? '' : String(v).trim();

export interface Quarter {
  year: number;
  quarter: number;
}

/** `2026-Q1`: the registry's quarter form (indicator.period help text). */
export const quarterCode = (q: Quarter): string => `${q.year}-Q${q.quarter}`;
export const quarterLabel = (q: Quarter): string => `${q.year}년 ${q.quarter}분기`;
export const previousQuarter = (q: Quarter): Quarter =>
  q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
export const sameQuarterLastYear = (q: Quarter): Quarter => ({
  year: q.year - 1,
  quarter: q.quarter,
});

// `2026년 1분기`, `2026년 1/4분기`, `2026. 1/4분기`, `'26년 1분기`, `2026 1Q`, `2026.Q1`.
const QUARTER_PATTERNS: RegExp[] = [
  /(\d{4}|'\d{2}|‘\d{2}|’\d{2})\s*년?\s*\.?\s*(?:제\s*)?([1-4])\s*(?:\/\s*4\s*)?분기/,
  /(\d{4})\s*[.-]?\s*([1-4])\s*q\b/i,
  /(\d{4})\s*[.-]?\s*q\s*([1-4])\b/i,
];

/** The first quarter written in `text`, or null. */
export function findQuarter(text: string): Quarter | null {
  const t = text.normalize('NFKC');
  for (const re of QUARTER_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const y = m[1]!.replace(/^['‘’]/, '');
    const year = y.length === 2 ? 2000 + Number(y) : Number(y);
    if (year >= 1990 && year <= 2100) return { year, quarter: Number(m[2]) };
  }
  return null;
}

// Order matters: 가동률 before 가동, 입주 before the bare 업체.
const METRIC_WORDS: Array<[KicoxMetric, RegExp]> = [
  ['operatingRate', /가동률|가동율/],
  ['operating', /가동(?!률|율)/],
  ['tenants', /입주/],
  ['production', /생산/],
  ['exports', /수출/],
  ['employment', /고용|종업원|근로자|일자리/],
];

/** Metrics named in a title or header (`입주 및 가동업체` → tenants, operating). */
export function metricsIn(text: string): KicoxMetric[] {
  const s = squash(text);
  return METRIC_WORDS.filter(([, re]) => re.test(s)).map(([m]) => m);
}

export type PeriodWord = 'current' | 'previous' | 'lastYear';

/** Derived columns: not values of a period, never imported. */
const DERIVED = /누계|누적|증감|대비|구성비|비중|변화율|증가율|감소율|%p|전년비/;

export function isDerivedLabel(text: string): boolean {
  return DERIVED.test(squash(text));
}

export function periodWordIn(text: string): PeriodWord | null {
  const s = squash(text);
  if (/당분기|금분기|이번분기|당기/.test(s)) return 'current';
  if (/전년동기|전년동분기|전년도동기/.test(s)) return 'lastYear';
  if (/전분기|직전분기/.test(s)) return 'previous';
  return null;
}

const GROUP_SPELLINGS: Record<string, string[]> = {
  food: ['음식료', '음식료품', '식품', '음식'],
  textile: ['섬유의복', '섬유', '섬유의류'],
  woodPaper: ['목재종이', '목재', '목재펄프', '펄프종이'],
  petrochemical: ['석유화학', '석유', '화학'],
  nonMetal: ['비금속', '비금속광물'],
  steel: ['철강', '1차금속'],
  machinery: ['기계'],
  electronics: ['전기전자', '전자', '전기'],
  transport: ['운송장비', '운송', '자동차'],
  other: ['기타', '기타제조', '기타제조업'],
  nonManufacturing: ['비제조', '비제조업'],
};

const GROUP_BY_SPELLING = new Map<string, string>();
for (const opt of enums.industryGroup) {
  for (const s of [opt.label.ko, opt.code, ...(GROUP_SPELLINGS[opt.code] ?? [])])
    GROUP_BY_SPELLING.set(squash(s), opt.code);
}

/** `전기·전자` → `electronics`; footnote marks (`기타1)`, `기타*`) are ignored. */
export function industryGroupOf(text: string): string | null {
  return GROUP_BY_SPELLING.get(squash(stripMarks(text))) ?? null;
}

const COMPLEX_TYPES = new Set(
  enums.complexType.flatMap((o) => [o.label.ko, `${o.label.ko}산업단지`, `${o.label.ko}산단`]),
);

export function isComplexType(text: string): boolean {
  return COMPLEX_TYPES.has(squash(text));
}

/** Totals: `계`, `합계`, `총계`, `소계`, `전체`, `국가 계`, `국가산업단지 합계`. */
export function isTotal(text: string): boolean {
  const s = squash(stripMarks(text));
  if (s === '') return false;
  if (/^(계|합계|총계|소계|총합|전체|전국|총)$/.test(s)) return true;
  if (/^(국가|일반|도시첨단|농공)(산업단지|산단)?(계|합계|소계)$/.test(s)) return true;
  return isTotalLabel(text);
}

/** Footnote marks after a label: `반월1)`, `시화*`, `구미(주2)`. */
export function stripMarks(text: string): string {
  return text
    .replace(/\s*(\(?주?\d+\)|\*+|†+)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A row that starts the notes below a table (`주:`, `※`, `자료:`, `1)`, `①`). */
export function isFootnote(text: string): boolean {
  return /^\s*(\*|※|주\s*\d*\s*[):：]|註|자료\s*[:：]|출처\s*[:：]|\d+\)\s|[①-⑩]|note\b)/i.test(
    text,
  );
}
