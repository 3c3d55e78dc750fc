/**
 * 기술애로 figures for a period and scope. Each function follows the definition of the same key
 * in definitions.ts; records are the stored difficulty rows (field names from the registry).
 */
import { CLOSED_STATUSES, RESOLVED_STATUSES } from './definitions';
import { countFigure, groupBy, median, type Breakdown, type Figure } from './figure';
import {
  daysBetween,
  inRange,
  isBefore,
  monthPeriod,
  monthsOf,
  onOrBefore,
  periodRange,
  type Period,
} from './period';
import { scoped, type FigureRecord, type Scope } from './scope';

const ids = (rs: readonly FigureRecord[]): string[] => rs.map((r) => r.id);
const isResolved = (r: FigureRecord): boolean => RESOLVED_STATUSES.includes(String(r.status));

/** Closed on or before `day`: a closing status dated then, or undated (its status is all we know). */
function closedBy(r: FigureRecord, day: string): boolean {
  if (!CLOSED_STATUSES.includes(String(r.status))) return false;
  return r.resolvedOn == null || r.resolvedOn === '' || onOrBefore(r.resolvedOn, day);
}

export function received(records: readonly FigureRecord[], p: Period, s: Scope): Figure {
  const r = periodRange(p);
  return countFigure(
    'difficultiesReceived',
    ids(scoped(records, s).filter((d) => inRange(d.receivedOn, r))),
  );
}

function resolvedIn(records: readonly FigureRecord[], p: Period, s: Scope): FigureRecord[] {
  const r = periodRange(p);
  return scoped(records, s).filter((d) => isResolved(d) && inRange(d.resolvedOn, r));
}

export function resolved(records: readonly FigureRecord[], p: Period, s: Scope): Figure {
  return countFigure('difficultiesResolved', ids(resolvedIn(records, p, s)));
}

export function partlyResolved(records: readonly FigureRecord[], p: Period, s: Scope): Figure {
  const r = periodRange(p);
  return countFigure(
    'difficultiesPartlyResolved',
    ids(
      scoped(records, s).filter((d) => d.status === 'partlyResolved' && inRange(d.resolvedOn, r)),
    ),
  );
}

export function resolvedUndated(records: readonly FigureRecord[], s: Scope): Figure {
  return countFigure(
    'difficultiesResolvedUndated',
    ids(
      scoped(records, s).filter(
        (d) => isResolved(d) && (d.resolvedOn == null || d.resolvedOn === ''),
      ),
    ),
  );
}

function openAt(records: readonly FigureRecord[], day: string, s: Scope): FigureRecord[] {
  return scoped(records, s).filter((d) => onOrBefore(d.receivedOn, day) && !closedBy(d, day));
}

export function open(records: readonly FigureRecord[], p: Period, s: Scope): Figure {
  return countFigure('difficultiesOpen', ids(openAt(records, periodRange(p).to, s)));
}

export function overdue(records: readonly FigureRecord[], p: Period, s: Scope): Figure {
  const day = periodRange(p).to;
  return countFigure(
    'difficultiesOverdue',
    // Due on the day itself is not yet overdue.
    ids(openAt(records, day, s).filter((d) => isBefore(d.dueOn, day))),
  );
}

export function receivedToDate(records: readonly FigureRecord[], p: Period, s: Scope): Figure {
  const day = periodRange(p).to;
  return countFigure(
    'difficultiesReceivedToDate',
    ids(scoped(records, s).filter((d) => onOrBefore(d.receivedOn, day))),
  );
}

export function resolvedToDate(records: readonly FigureRecord[], p: Period, s: Scope): Figure {
  const day = periodRange(p).to;
  return countFigure(
    'difficultiesResolvedToDate',
    ids(
      scoped(records, s).filter(
        (d) => onOrBefore(d.receivedOn, day) && isResolved(d) && closedBy(d, day),
      ),
    ),
  );
}

export interface ResolutionRate {
  rate: Figure;
  received: Figure;
  resolved: Figure;
}

/** 애로 해결률 with the two counts it divides; `rate.ids` are the resolved records. */
export function resolutionRate(
  records: readonly FigureRecord[],
  p: Period,
  s: Scope,
): ResolutionRate {
  const rec = receivedToDate(records, p, s);
  const res = resolvedToDate(records, p, s);
  const value = rec.value === 0 ? null : ((res.value ?? 0) / (rec.value ?? 1)) * 100;
  return { rate: { key: 'resolutionRate', value, ids: res.ids }, received: rec, resolved: res };
}

export function medianDaysToResolve(records: readonly FigureRecord[], p: Period, s: Scope): Figure {
  const rows = resolvedIn(records, p, s).flatMap((d) => {
    const days = daysBetween(d.receivedOn, d.resolvedOn);
    return days === null ? [] : [{ id: d.id, days }];
  });
  return {
    key: 'medianDaysToResolve',
    value: median(rows.map((r) => r.days)),
    ids: rows.map((r) => r.id),
  };
}

type CountFn = (records: readonly FigureRecord[], p: Period, s: Scope) => Figure;

/** One figure per value of a field (애로분야 `area`, `miniClusterId`); '' collects the empty ones. */
export function byField(
  fn: CountFn,
  field: 'area' | 'miniClusterId',
  records: readonly FigureRecord[],
  p: Period,
  s: Scope,
): Breakdown[] {
  const groups = groupBy(scoped(records, s), (d) =>
    typeof d[field] === 'string' ? (d[field] as string) : '',
  );
  return [...groups].map(([group, rs]) => ({ group, figure: fn(rs, p, s) }));
}

export interface MonthRow {
  month: string;
  received: Figure;
  resolved: Figure;
  open: Figure;
  overdue: Figure;
}

/** received / resolved / open / overdue for each month of the period. */
export function monthlyDifficulties(
  records: readonly FigureRecord[],
  p: Period,
  s: Scope,
): MonthRow[] {
  const inScope = scoped(records, s);
  return monthsOf(p).map((month) => {
    const m = monthPeriod(month);
    return {
      month,
      received: received(inScope, m, s),
      resolved: resolved(inScope, m, s),
      open: open(inScope, m, s),
      overdue: overdue(inScope, m, s),
    };
  });
}
