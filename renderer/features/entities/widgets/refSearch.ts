/** Finding referenced records by title as the user types (pure; shared by the comboboxes). */

export interface RefOption {
  id: string;
  title: string;
}

export interface RefMatches {
  options: RefOption[];
  /** more records match than are listed */
  more: boolean;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Titles containing `query` (case- and width-insensitive), titles starting with it first, then
 * in Korean collation order; at most `limit`. Scans the map once: fine for 100,000 titles.
 */
export function searchRefs(
  titles: ReadonlyMap<string, string> | undefined,
  query: string,
  exclude: ReadonlySet<string> = new Set(),
  limit = 50,
): RefMatches {
  if (!titles) return { options: [], more: false };
  const q = fold(query);
  const starts: RefOption[] = [];
  const contains: RefOption[] = [];
  for (const [id, title] of titles) {
    if (exclude.has(id)) continue;
    const t = fold(title);
    if (q === '' || t.startsWith(q)) starts.push({ id, title });
    else if (t.includes(q)) contains.push({ id, title });
  }
  const collator = new Intl.Collator('ko-KR', { numeric: true });
  const byTitle = (a: RefOption, b: RefOption) => collator.compare(a.title, b.title);
  const all = [...starts.sort(byTitle), ...contains.sort(byTitle)];
  return { options: all.slice(0, limit), more: all.length > limit };
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
