/** Expert suggestions for a difficulty: pure ranking shared by the renderer, bench and server. */
export {
  suggestExperts,
  SUGGEST_WEIGHTS,
  type ExpertSuggestion,
  type SuggestInput,
  type SuggestReason,
  type SuggestReasonCode,
  type SuggestRow,
} from './rank';
export { keywordTokens, ksicCodes, sharedKsicPrefix, tagMatches } from './text';
