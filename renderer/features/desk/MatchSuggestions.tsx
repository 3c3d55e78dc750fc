/**
 * The 매칭 step's suggested experts: the ranking of shared/suggest (top five with reasons) shown
 * inside the move dialog, over the dialog's unsaved values — the mini-cluster just picked counts,
 * and an expert added here drops out of the list. "추가" puts the expert into the dialog's
 * 매칭 전문가 field; nothing is written until the step is confirmed with the rest.
 */
import type { ReactNode } from 'react';
import type { FormValue, FormValues } from '../entities/formValues';
import { ExpertSuggestions } from '../suggest';

const asIds = (v: FormValue | undefined): string[] => (Array.isArray(v) ? v : []);

export function matchSuggestions(
  difficultyId: string,
): (values: FormValues, set: (key: string, v: FormValue) => void) => ReactNode {
  return function MatchSuggestionsSlot(values, set) {
    const expertIds = asIds(values['expertIds']);
    const miniClusterId =
      typeof values['miniClusterId'] === 'string' ? values['miniClusterId'] : '';
    return (
      <ExpertSuggestions
        difficultyId={difficultyId}
        draft={{ miniClusterId, expertIds }}
        onPick={(s) => {
          if (!expertIds.includes(s.expertId)) set('expertIds', [...expertIds, s.expertId]);
        }}
      />
    );
  };
}
