/**
 * Growth of mini-cluster participants against the other companies, from the companies' yearly
 * figures (entity `companyYear`). Only companies with the figure for both years count, so a
 * company that starts reporting does not read as growth; sums, not averages of rates, so one
 * tiny company doubling does not outweigh the rest.
 */
import type { Figure } from './figure';
import { memberOn } from './participation';
import { scoped, type FigureRecord, type Scope } from './scope';

export type GrowthMetric = 'revenueKrw' | 'exportsUsd' | 'employees';

const known = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export interface GrowthComparison {
  year: number;
  participants: Figure;
  nonParticipants: Figure;
}

export function growthComparison(
  companyYears: readonly FigureRecord[],
  memberships: readonly FigureRecord[],
  metric: GrowthMetric,
  year: number,
  s: Scope,
): GrowthComparison {
  const day = `${year}-12-31`;
  const members = new Set(
    scoped(memberships, s)
      .filter((m) => typeof m.organizationId === 'string' && memberOn(m, day))
      .map((m) => m.organizationId as string),
  );
  const rows = scoped(companyYears, s).filter((r) => typeof r.companyId === 'string');
  const now = new Map<string, FigureRecord>();
  const before = new Map<string, FigureRecord>();
  for (const r of rows) {
    if (!known(r[metric])) continue;
    if (r.year === year) now.set(r.companyId as string, r);
    else if (r.year === year - 1) before.set(r.companyId as string, r);
  }
  const group = (participating: boolean): Figure => {
    let sumNow = 0;
    let sumBefore = 0;
    const ids: string[] = [];
    for (const [company, r] of now) {
      const prev = before.get(company);
      if (!prev || members.has(company) !== participating) continue;
      sumNow += r[metric] as number;
      sumBefore += prev[metric] as number;
      ids.push(prev.id, r.id);
    }
    return {
      key: participating ? 'growthParticipants' : 'growthNonParticipants',
      value: sumBefore === 0 ? null : (sumNow / sumBefore - 1) * 100,
      ids,
    };
  };
  return { year, participants: group(true), nonParticipants: group(false) };
}
