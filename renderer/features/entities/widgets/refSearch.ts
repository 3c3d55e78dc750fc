/** Finding referenced records by title as the user types (pure; shared by the comboboxes). */

import { RANK, SearchIndex } from '../../../../shared/korean/search';

export interface RefOption {
  id: string;
  title: string;
  /** the matched part of `title`, for highlighting */
  span?: { start: number; end: number };
}

export interface RefMatches {
  options: RefOption[];
  /** more records match than are listed */
  more: boolean;
}

/** One index per titles map, for callers that hold no index of their own. */
const indexByTitles = new WeakMap<ReadonlyMap<string, string>, SearchIndex>();

/** id → registration numbers (사업자등록번호, 법인등록번호) of the records a picker offers. */
export type RefNumbers = ReadonlyMap<string, readonly string[]>;

/**
 * Brings `index` to hold exactly `titles` (title + numbers are the version: only records whose
 * title or number changed are folded again), so a picker follows writes without rebuilding per
 * keystroke. With `numbers`, a company is found by its 사업자등록번호 with or without hyphens.
 */
export function syncRefIndex(
  index: SearchIndex,
  titles: ReadonlyMap<string, string>,
  numbers?: RefNumbers,
): SearchIndex {
  index.sync(
    (function* docs() {
      for (const [id, title] of titles) {
        const nums = numbers?.get(id);
        yield nums && nums.length > 0
          ? { id, version: `${title}\u0000${nums.join(',')}`, title, numbers: nums }
          : { id, version: title, title };
      }
    })(),
  );
  return index;
}

function indexFor(titles: ReadonlyMap<string, string>): SearchIndex {
  let index = indexByTitles.get(titles);
  if (!index) {
    index = syncRefIndex(new SearchIndex(), titles);
    indexByTitles.set(titles, index);
  }
  return index;
}

/**
 * Titles matching `query` with the Korean matcher (shared/korean/search, the same one as the
 * grids' quick filter and the global search): 초성, spacing and legal forms ignored; exact,
 * then prefix, then 초성, then inside, each in 가나다 order; at most `limit`.
 */
export function searchRefs(
  titles: ReadonlyMap<string, string> | undefined,
  query: string,
  exclude: ReadonlySet<string> = new Set(),
  limit = 50,
  index?: SearchIndex,
): RefMatches {
  if (!titles) return { options: [], more: false };
  const { hits, more } = (index ?? indexFor(titles)).search(query, { exclude, limit });
  const options = hits.map((h): RefOption =>
    h.span ? { id: h.id, title: h.title, span: h.span } : { id: h.id, title: h.title },
  );
  return { options, more };
}

/**
 * The one record `text` names exactly, for typed-then-blurred input: its title with the
 * matcher's folding (case, width, spacing, legal forms ignored) or, when the index holds
 * numbers, its full 사업자등록번호 with or without hyphens. Two exact matches → none (ambiguous).
 */
export function exactRef(
  titles: ReadonlyMap<string, string> | undefined,
  text: string,
  exclude: ReadonlySet<string> = new Set(),
  index?: SearchIndex,
): string | undefined {
  if (!titles || text.trim() === '') return undefined;
  const [first, second] = (index ?? indexFor(titles)).search(text, { exclude, limit: 2 }).hits;
  if (!first || first.rank !== RANK.exact || second?.rank === RANK.exact) return undefined;
  return first.id;
}
