/**
 * Live expert suggestions for one difficulty: reads the tables the ranking needs through the
 * shared live lists (useRecords) and reranks when any of them changes.
 */
import { useMemo } from 'react';
import { suggestExperts, type ExpertSuggestion } from '../../../shared/suggest';
import type { StoredRecord } from '../../../shared/registry';
import { useRecords } from '../../db';
import { withDraft, type SuggestDraft } from './draft';

export type { SuggestDraft } from './draft';

/** Today as `YYYY-MM-DD` (local time): memberships that ended before it do not count. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

const splitIds = (key: string | undefined): string[] | undefined =>
  key === undefined ? undefined : key === '' ? [] : key.split('\n');

export interface SuggestionsResult {
  suggestions: ExpertSuggestion[];
  /** experts already matched (stored, or held by the dialog): they are never suggested */
  assignedCount: number;
}

/** undefined while loading (or when the difficulty is not found). */
export function useExpertSuggestions(
  difficultyId: string,
  draft?: SuggestDraft,
): SuggestionsResult | undefined {
  const difficulties = useRecords('difficulty');
  const experts = useRecords('expert');
  const organizations = useRecords('organization');
  const memberships = useRecords('membership');
  const draftMiniCluster = draft?.miniClusterId;
  // Joined so a new array with the same ids does not rerank.
  const draftExperts = draft?.expertIds?.join('\n');
  return useMemo(() => {
    if (!difficulties || !experts || !organizations || !memberships) return undefined;
    const stored = difficulties.find((d) => d.id === difficultyId);
    if (!stored) return undefined;
    const difficulty = withDraft(stored, {
      miniClusterId: draftMiniCluster,
      expertIds: splitIds(draftExperts),
    });
    const suggestions = suggestExperts({
      difficulty,
      experts,
      organizations: new Map(organizations.map((o): [string, StoredRecord] => [o.id, o])),
      memberships,
      difficulties,
      asOf: todayIso(),
    });
    const assigned = difficulty['expertIds'];
    return { suggestions, assignedCount: Array.isArray(assigned) ? assigned.length : 0 };
  }, [
    difficultyId,
    difficulties,
    experts,
    organizations,
    memberships,
    draftMiniCluster,
    draftExperts,
  ]);
}
