/**
 * Live expert suggestions for one difficulty: reads the tables the ranking needs through the
 * shared live lists (useRecords) and reranks when any of them changes.
 */
import { useMemo } from 'react';
import { suggestExperts, type ExpertSuggestion } from '../../../shared/suggest';
import type { StoredRecord } from '../../../shared/registry';
import { useRecords } from '../../db';

/** Today as `YYYY-MM-DD` (local time): memberships that ended before it do not count. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** undefined while loading (or when the difficulty is not found). */
export function useExpertSuggestions(difficultyId: string): ExpertSuggestion[] | undefined {
  const difficulties = useRecords('difficulty');
  const experts = useRecords('expert');
  const organizations = useRecords('organization');
  const memberships = useRecords('membership');
  return useMemo(() => {
    if (!difficulties || !experts || !organizations || !memberships) return undefined;
    const difficulty = difficulties.find((d) => d.id === difficultyId);
    if (!difficulty) return undefined;
    return suggestExperts({
      difficulty,
      experts,
      organizations: new Map(organizations.map((o): [string, StoredRecord] => [o.id, o])),
      memberships,
      difficulties,
      asOf: todayIso(),
    });
  }, [difficultyId, difficulties, experts, organizations, memberships]);
}
