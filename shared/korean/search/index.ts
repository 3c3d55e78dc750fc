export {
  choseongOf,
  foldForIndex,
  foldKey,
  foldWithPositions,
  isConsonantJamo,
  type FoldedText,
} from './fold';
export {
  matchFolded,
  parseQuery,
  RANK,
  type ParsedQuery,
  type Rank,
  type TextMatch,
} from './match';
export {
  SearchIndex,
  type MatchField,
  type SearchDoc,
  type SearchHit,
  type SearchOptions,
  type SearchResult,
} from './searchIndex';
export { matchesQuickFilter, parseQuickFilter } from './quickFilter';
