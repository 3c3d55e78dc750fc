/** Mini-cluster activity figures (활동 건수, 참여 연인원), per scope and per mini-cluster. */
import { countFigure, groupBy, type Figure } from './figure';
import { inRange, periodRange, type Period } from './period';
import { scoped, type FigureRecord, type Scope } from './scope';

function inPeriod(records: readonly FigureRecord[], p: Period, s: Scope): FigureRecord[] {
  const r = periodRange(p);
  return scoped(records, s).filter((a) => inRange(a.date, r));
}

export function activityCount(records: readonly FigureRecord[], p: Period, s: Scope): Figure {
  return countFigure(
    'activities',
    inPeriod(records, p, s).map((a) => a.id),
  );
}

/** A number that was entered; an empty attendance is unknown, not zero. */
const known = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function attendance(records: readonly FigureRecord[], p: Period, s: Scope): Figure {
  const withValue = inPeriod(records, p, s).filter((a) => known(a.attendance));
  return {
    key: 'attendance',
    // Sum of nothing known is unknown, so a month without any reported attendance shows '–'.
    value:
      withValue.length === 0 ? null : withValue.reduce((n, a) => n + (a.attendance as number), 0),
    ids: withValue.map((a) => a.id),
  };
}

export interface MiniClusterActivity {
  miniClusterId: string;
  activities: Figure;
  attendance: Figure;
}

/** 활동 건수 and 참여 연인원 per mini-cluster ('' = activities without one), first-seen order. */
export function activitiesByMiniCluster(
  records: readonly FigureRecord[],
  p: Period,
  s: Scope,
): MiniClusterActivity[] {
  const groups = groupBy(inPeriod(records, p, s), (a) =>
    typeof a.miniClusterId === 'string' ? a.miniClusterId : '',
  );
  return [...groups].map(([miniClusterId, rs]) => ({
    miniClusterId,
    activities: activityCount(rs, p, s),
    attendance: attendance(rs, p, s),
  }));
}
