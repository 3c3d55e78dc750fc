/**
 * 애로 해결률 = difficulties resolved ÷ difficulties received (DOMAIN.md KPIs).
 * "Received" is every difficulty not deleted (each one was received once); "resolved" counts
 * status 해결 only — 부분해결 is reported separately by KICOX and is not a resolution.
 */
import { entityByName } from '../../../shared/registry';

export const RESOLVED_STATUSES: readonly string[] = ['resolved'];

/** The difficulty's status field, found by its enumeration so a renamed key still works. */
export function difficultyStatusKey(): string {
  const def = entityByName.difficulty as (typeof entityByName)['difficulty'] | undefined;
  return def?.fields.find((f) => f.enumId === 'difficultyStatus')?.key ?? 'status';
}

export interface ResolutionRate {
  received: number;
  resolved: number;
  /** percent (78.7), or null when nothing was received */
  percent: number | null;
}

export function resolutionRate(statuses: readonly unknown[]): ResolutionRate {
  const received = statuses.length;
  const resolved = statuses.filter(
    (s) => typeof s === 'string' && RESOLVED_STATUSES.includes(s),
  ).length;
  return { received, resolved, percent: received === 0 ? null : (resolved / received) * 100 };
}
