/**
 * Numbers as public offices write them (`1,234`, `△12`, `(12)`, `X` for suppressed values) and
 * money units (억원/백만원/천원/천달러/만달러…) read from a unit cell such as
 * `(단위 : 개, 천㎡, 명, 백만원, 천달러, %)` or from a header like `누계생산(백만원)`. Amounts are
 * stored as integers in the field's unit (KRW or USD), so a figure in 백만원 is multiplied out.
 */
import type { MoneyUnit } from '../registry';
import type { CellValue } from './rawSheet';

export interface MoneyScale {
  currency: MoneyUnit;
  /** the unit as written, e.g. `백만원` */
  label: string;
  /** multiply a number in this unit by factor to get KRW / USD */
  factor: number;
}

export interface UnitHint {
  /** the unit cell as written */
  text: string;
  units: string[];
  /** the money unit per currency when the cell names exactly one */
  money: Partial<Record<MoneyUnit, MoneyScale>>;
}

const KRW: Record<string, number> = {
  원: 1,
  천원: 1e3,
  만원: 1e4,
  백만원: 1e6,
  천만원: 1e7,
  억원: 1e8,
  십억원: 1e9,
  조원: 1e12,
};
const USD: Record<string, number> = {
  달러: 1,
  불: 1,
  천달러: 1e3,
  만달러: 1e4,
  십만달러: 1e5,
  백만달러: 1e6,
  억달러: 1e8,
  usd: 1,
  천usd: 1e3,
};

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s\u00a0]+/g, '')
    .toLowerCase();

/** `백만원` → { KRW, 1e6 }; anything else → null. */
export function moneyScaleOf(unit: string): MoneyScale | null {
  const u = squash(unit).replace(/^\$|^us\$/, '달러');
  // Own keys only: `in` would find `constructor` / `__proto__` on the prototype (factor NaN).
  if (Object.hasOwn(KRW, u)) return { currency: 'KRW', label: unit.trim(), factor: KRW[u]! };
  if (Object.hasOwn(USD, u)) return { currency: 'USD', label: unit.trim(), factor: USD[u]! };
  return null;
}

/** The money unit written in a header: `누계생산(백만원)`, `수출액 (천 달러)`, `매출액_억원`. */
export function moneyScaleInHeader(header: string): MoneyScale | null {
  const parts = /\(([^()]*)\)\s*$/.exec(header)?.[1]?.split(/[,/]/) ?? [];
  const tail = /[_\s]([^\s_()]+)$/.exec(header)?.[1];
  if (tail) parts.push(tail);
  for (const p of parts) {
    const scale = moneyScaleOf(p.replace(/^단위\s*[:：]?/, ''));
    if (scale) return scale;
  }
  return null;
}

/** Reads a unit cell like `(단위 : 개, 천㎡, 명, 백만원, 천달러, %)`; null when it is not one. */
export function parseUnitHint(text: string): UnitHint | null {
  // Matched on the text as written: NFKC would turn `천㎡` into `천m2`.
  const m = /단위\s*[:：]\s*([^)）]*)/.exec(text);
  if (!m) return null;
  const units = m[1]!
    .split(/[,，、/]/)
    .map((u) => u.trim())
    .filter(Boolean);
  const money: UnitHint['money'] = {};
  for (const currency of ['KRW', 'USD'] as const) {
    const found = units.map(moneyScaleOf).filter((s) => s?.currency === currency);
    // Two KRW units in one cell would be ambiguous: then no default is taken from it.
    if (found.length === 1 && found[0]) money[currency] = found[0];
  }
  return { text: text.trim(), units, money };
}

export interface ParsedNumber {
  value: number | null;
  /** `X`, `*`, `…`: the office withheld it (e.g. 2 or fewer firms) */
  suppressed: boolean;
  /** false when the cell holds text that is not a number */
  ok: boolean;
}

const PLAIN_NUMBER = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/;
const SUPPRESSED = new Set(['x', '*', '…', '...', '비공개']);

/** `1,234` `1 234` `△12` `(12)` `12.5%` `-` → numbers; `X` → suppressed; text → not ok. */
export function parseNumberCell(v: CellValue): ParsedNumber {
  if (v === null) return { value: null, suppressed: false, ok: true };
  if (typeof v === 'number')
    return { value: Number.isFinite(v) ? v : null, suppressed: false, ok: Number.isFinite(v) };
  if (typeof v !== 'string') return { value: null, suppressed: false, ok: false };
  // Plain ASCII `1234` / `1,234.5`: what squash and the sign rules below would leave unchanged.
  if (PLAIN_NUMBER.test(v)) {
    const n = Number(v.replace(/,/g, ''));
    if (Number.isFinite(n)) return { value: n, suppressed: false, ok: true };
  }
  let s = squash(v);
  if (s === '' || s === '-' || s === '–' || s === '—')
    return { value: null, suppressed: false, ok: true };
  if (SUPPRESSED.has(s)) return { value: null, suppressed: true, ok: true };
  let sign = 1;
  if (/^[△▲-]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  s = s.replace(/%$/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(s))
    return { value: null, suppressed: false, ok: false };
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n)
    ? { value: sign * n, suppressed: false, ok: true }
    : { value: null, suppressed: false, ok: false };
}

/** Numbers in `scale` → integer KRW/USD (rounded: stored amounts are whole units). */
export function toStorageAmount(value: number, scale: MoneyScale | null): number {
  return Math.round(value * (scale?.factor ?? 1));
}
