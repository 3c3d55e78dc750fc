/** Finding referenced records by title as the user types (pure; shared by the comboboxes). */

import { SearchIndex } from '../../../../shared/korean/search';

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

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** One index per titles map, for callers that hold no index of their own. */
const indexByTitles = new WeakMap<ReadonlyMap<string, string>, SearchIndex>();

/**
 * Brings `index` to hold exactly `titles` (the title is the version: only records whose title
 * changed are folded again), so a picker follows writes without rebuilding per keystroke.
 */
export function syncRefIndex(index: SearchIndex, titles: ReadonlyMap<string, string>): SearchIndex {
  index.sync(
    (function* docs() {
      for (const [id, title] of titles) yield { id, version: title, title };
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

/** The id whose title equals `text` exactly (ignoring case/width), for typed-then-blurred input. */
export function exactRef(
  titles: ReadonlyMap<string, string> | undefined,
  text: string,
  exclude: ReadonlySet<string> = new Set(),
): string | undefined {
  if (!titles) return undefined;
  const q = fold(text);
  if (q === '') return undefined;
  for (const [id, title] of titles) if (!exclude.has(id) && fold(title) === q) return id;
  return undefined;
}
