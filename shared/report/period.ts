/**
 * Report periods over stored dates. Dates are kept as the `YYYY-MM-DD` strings the team typed
 * (their Asia/Seoul calendar day), so periods compare those strings and never go through
 * `Date` in the local time zone: 2006-03-31 is March on every machine.
 */

export type Period =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number }
  /** inclusive `YYYY-MM-DD` bounds */
  | { kind: 'range'; from: string; to: string };

export interface DateRange {
  from: string;
  to: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Days in a month of the proleptic Gregorian calendar (UTC arithmetic, no time zone). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthPeriod(key: string): Period {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) throw new Error(`기간 형식이 아닙니다 (YYYY-MM): ${key} / not a month`);
  return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
}

export function periodRange(p: Period): DateRange {
  switch (p.kind) {
    case 'month':
      return {
        from: `${p.year}-${pad(p.month)}-01`,
        to: `${p.year}-${pad(p.month)}-${pad(daysInMonth(p.year, p.month))}`,
      };
    case 'quarter': {
      const first = (p.quarter - 1) * 3 + 1;
      return {
        from: `${p.year}-${pad(first)}-01`,
        to: `${p.year}-${pad(first + 2)}-${pad(daysInMonth(p.year, first + 2))}`,
      };
    }
    case 'year':
      return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
    case 'range':
      return { from: p.from, to: p.to };
  }
}

/**
 * Whether a stored date lies in the range. Only the calendar day counts (a value with a time
 * part is cut to its first 10 characters); anything that is not a date is in no period.
 */
export function inRange(value: unknown, r: DateRange): boolean {
  if (!isDayText(value)) return false;
  const day = value.length === 10 ? value : value.slice(0, 10);
  return day >= r.from && day <= r.to;
}

const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/**
 * `/^\d{4}-\d{2}-\d{2}/` written out by hand: the figures test it on every record of every
 * period, and the regular expression was a tenth of the report model's time (docs/BENCHMARKS.md).
 */
export function isDayText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 10 &&
    isDigit(value, 0) &&
    isDigit(value, 1) &&
    isDigit(value, 2) &&
    isDigit(value, 3) &&
    value.charCodeAt(4) === 45 &&
    isDigit(value, 5) &&
    isDigit(value, 6) &&
    value.charCodeAt(7) === 45 &&
    isDigit(value, 8) &&
    isDigit(value, 9)
  );
}

export function onOrBefore(value: unknown, day: string): boolean {
  return isDayText(value) && (value.length === 10 ? value : value.slice(0, 10)) <= day;
}

/** Strictly before a calendar day; a missing or malformed date is never before anything. */
export function isBefore(value: unknown, day: string): boolean {
  return isDayText(value) && (value.length === 10 ? value : value.slice(0, 10)) < day;
}

/** Calendar days from one stored date to another (negative if backwards); null if either is missing. */
export function daysBetween(from: unknown, to: unknown): number | null {
  const ms = (v: unknown): number | null => {
    if (typeof v !== 'string') return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  };
  const a = ms(from);
  const b = ms(to);
  return a === null || b === null ? null : Math.round((b - a) / 86_400_000);
}

/** The period just before: last month, last quarter or last year (a range keeps its length). */
export function previousPeriod(p: Period): Period {
  switch (p.kind) {
    case 'month':
      return p.month === 1
        ? { kind: 'month', year: p.year - 1, month: 12 }
        : { kind: 'month', year: p.year, month: p.month - 1 };
    case 'quarter':
      return p.quarter === 1
        ? { kind: 'quarter', year: p.year - 1, quarter: 4 }
        : { kind: 'quarter', year: p.year, quarter: p.quarter - 1 };
    case 'year':
      return { kind: 'year', year: p.year - 1 };
    case 'range': {
      const len = daysBetween(p.from, p.to) ?? 0;
      const to = shiftDays(p.from, -1);
      return { kind: 'range', from: shiftDays(to, -len), to };
    }
  }
}

/** The same period one year earlier. */
export function sameLastYear(p: Period): Period {
  if (p.kind === 'range') {
    return { kind: 'range', from: shiftYear(p.from), to: shiftYear(p.to) };
  }
  return { ...p, year: p.year - 1 };
}

/** The `indicator.period` key of a month, quarter or year (`2006-03`, `2006-Q1`, `2006`). */
export function indicatorPeriodKey(p: Period): string | null {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${pad(p.month)}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'year':
      return String(p.year);
    case 'range':
      return null;
  }
}

/** The months a period covers, as `YYYY-MM` keys, in order. */
export function monthsOf(p: Period): string[] {
  const { from, to } = periodRange(p);
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    if (key > last) break;
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** Today's calendar day in Korea, whatever the machine's time zone. */
export function seoulToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function shiftDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** One year back; 29 February becomes 28 February. */
function shiftYear(day: string): string {
  const y = Number(day.slice(0, 4)) - 1;
  const md = day.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}
