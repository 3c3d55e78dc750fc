/** 우수사례 and shared resources: what the team passes on to the network. */
import { countFigure, type Figure } from './figure';
import { periodRange, type Period } from './period';
import { scoped, type FigureRecord, type Scope } from './scope';

/** The calendar years a period touches, e.g. 2005 and 2006 for 2005-11-01 ~ 2006-02-28. */
export function yearsOf(p: Period): number[] {
  const { from, to } = periodRange(p);
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(y);
  return out;
}

/** Success cases carry only a year, so a month or quarter counts the cases of its year. */
export function successCases(records: readonly FigureRecord[], p: Period, s: Scope): Figure {
  const years = yearsOf(p);
  return countFigure(
    'successCases',
    scoped(records, s)
      .filter((r) => typeof r.year === 'number' && years.includes(r.year))
      .map((r) => r.id),
  );
}

/** Resources have no date: the count is of their current state, whatever the period. */
export function resourcesShared(records: readonly FigureRecord[], s: Scope): Figure {
  return countFigure(
    'resourcesShared',
    scoped(records, s)
      .filter((r) => r.sharedWithNetwork === true)
      .map((r) => r.id),
  );
}
