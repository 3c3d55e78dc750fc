/** Expert suggestions for a difficulty: the component (reusable by the desk board) and its hook. */
export { ExpertSuggestions, assignExpert, type ExpertSuggestionsProps } from './ExpertSuggestions';
export { useExpertSuggestions, type SuggestDraft } from './useExpertSuggestions';
