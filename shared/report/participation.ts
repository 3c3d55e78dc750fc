/**
 * Who takes part: companies and experts that are mini-cluster members on a day, per month. A
 * membership is active on a day when it began on or before it and has not ended before it; the
 * figure counts distinct companies (experts), so one company in two mini-clusters counts once.
 */
import type { Figure } from './figure';
import { isBefore, monthPeriod, monthsOf, onOrBefore, periodRange, type Period } from './period';
import { scoped, type FigureRecord, type Scope } from './scope';

/** Member on `day`: joined on or before it, and left on or after it (or never). */
export function memberOn(m: FigureRecord, day: string): boolean {
  // An undated membership cannot be placed in time: it counts on no day.
  if (!onOrBefore(m.since, day)) return false;
  return m.until == null || m.until === '' || !isBefore(m.until, day);
}

function distinctMembers(
  memberships: readonly FigureRecord[],
  field: 'organizationId' | 'expertId',
  day: string,
  s: Scope,
): string[] {
  const seen = new Set<string>();
  for (const m of scoped(memberships, s)) {
    const who = m[field];
    if (typeof who === 'string' && who !== '' && memberOn(m, day)) seen.add(who);
  }
  return [...seen];
}

/** `ids` are organization ids (the companies), in first-seen order. */
export function participatingCompanies(
  memberships: readonly FigureRecord[],
  p: Period,
  s: Scope,
): Figure {
  const ids = distinctMembers(memberships, 'organizationId', periodRange(p).to, s);
  return { key: 'participatingCompanies', value: ids.length, ids };
}

/** `ids` are expert ids. */
export function participatingExperts(
  memberships: readonly FigureRecord[],
  p: Period,
  s: Scope,
): Figure {
  const ids = distinctMembers(memberships, 'expertId', periodRange(p).to, s);
  return { key: 'participatingExperts', value: ids.length, ids };
}

export interface ParticipationRow {
  month: string;
  companies: Figure;
  experts: Figure;
}

/** Participating companies and experts at the end of each month of the period. */
export function participationByMonth(
  memberships: readonly FigureRecord[],
  p: Period,
  s: Scope,
): ParticipationRow[] {
  const inScope = scoped(memberships, s);
  return monthsOf(p).map((month) => ({
    month,
    companies: participatingCompanies(inScope, monthPeriod(month), s),
    experts: participatingExperts(inScope, monthPeriod(month), s),
  }));
}
