/**
 * A period as one short text for addresses and route queries: `2006-03` (month), `2006-Q1`
 * (quarter), `2006` (year), `2006-01-15~2006-03-31` (custom range). The dashboard keeps its period
 * in the address this way, and a chart click hands the grid the same text.
 */
import { indicatorPeriodKey, periodRange, type Period } from './period';

const pad = (n: number): string => String(n).padStart(2, '0');
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function periodKey(p: Period): string {
  // Months, quarters and years read as `indicator.period` does; only a range has its own form.
  return p.kind === 'range' ? `${p.from}~${p.to}` : indicatorPeriodKey(p)!;
}

/** The period a key names, or null for anything else (a hand-typed address never throws). */
export function parsePeriodKey(key: string): Period | null {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[1]), month } : null;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
  if (/^\d{4}$/.test(key)) return { kind: 'year', year: Number(key) };
  const [from, to, ...rest] = key.split('~');
  if (rest.length === 0 && from && to && DAY.test(from) && DAY.test(to) && from <= to) {
    return { kind: 'range', from, to };
  }
  return null;
}

/** The period of a day's month, e.g. the month to open the dashboard on. */
export function monthOfDay(day: string): Period {
  return { kind: 'month', year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

/** Korean reading of a period: `2006년 3월`, `2006년 1분기`, `2006년`, `2006-01-15 ~ 2006-03-31`. */
export function periodLabel(p: Period, lang: 'ko' | 'en' = 'ko'): string {
  switch (p.kind) {
    case 'month':
      return lang === 'ko' ? `${p.year}년 ${p.month}월` : `${p.year}-${pad(p.month)}`;
    case 'quarter':
      return lang === 'ko' ? `${p.year}년 ${p.quarter}분기` : `Q${p.quarter} ${p.year}`;
    case 'year':
      return lang === 'ko' ? `${p.year}년` : String(p.year);
    case 'range': {
      const r = periodRange(p);
      return `${r.from} ~ ${r.to}`;
    }
  }
}
