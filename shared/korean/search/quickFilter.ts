/**
 * The same matcher as a grid quick filter (AG Grid `quickFilterParser` / `quickFilterMatcher`):
 * a row matches when the whole query matches one column (spaces ignored), or when every
 * space-separated word matches some column. Numbers match by prefix of a column's digits.
 */
import { digitsOnly } from '../ids';
import { foldWithPositions } from './fold';
import { matchFolded, parseQuery, type ParsedQuery } from './match';

/** AG Grid joins the columns' quick-filter texts with this. */
const COLUMN_SEPARATOR = '\n';
const NUMBER_COLUMN = /^[\d\s\-‐－,，.]+$/u;

interface FoldedColumn {
  key: string;
  cho: string;
  numbers: string[];
}

/**
 * Folded rows by their aggregate text. AG Grid caches that text per row (cacheQuickFilter), so
 * a keystroke folds nothing new; a changed record brings a new text and is folded once.
 */
const rowCache = new Map<string, FoldedColumn[]>();
const ROW_CACHE_LIMIT = 300_000;
const queryCache = new Map<string, ParsedQuery>();

function foldRow(text: string): FoldedColumn[] {
  let row = rowCache.get(text);
  if (row) return row;
  row = text.split(COLUMN_SEPARATOR).map((col) => {
    const { key, cho } = foldWithPositions(col);
    const trimmed = col.normalize('NFKC').trim();
    const numbers = NUMBER_COLUMN.test(trimmed)
      ? trimmed
          .split(/[\s,，]+/u)
          .map(digitsOnly)
          .filter((n) => n !== '')
      : [];
    return { key, cho, numbers };
  });
  if (rowCache.size >= ROW_CACHE_LIMIT) rowCache.clear(); // bounded memory; refills lazily
  rowCache.set(text, row);
  return row;
}

function parsed(part: string): ParsedQuery {
  let q = queryCache.get(part);
  if (!q) {
    if (queryCache.size > 100) queryCache.clear();
    q = parseQuery(part);
    queryCache.set(part, q);
  }
  return q;
}

function columnMatches(col: FoldedColumn, q: ParsedQuery): boolean {
  if (q.digits.length >= 2 && col.numbers.some((n) => n.startsWith(q.digits))) return true;
  return matchFolded(col.key, col.cho, q) !== null;
}

/** Parts: the whole query first, then its words (empty parts dropped). */
export function parseQuickFilter(text: string): string[] {
  const words = text.split(/\s+/u).filter((w) => parseQuery(w).key !== '');
  if (words.length === 0) return [];
  return words.length === 1 ? words : [text, ...words];
}

/** True when the row's aggregate text matches the parsed parts (see the module comment). */
export function matchesQuickFilter(parts: readonly string[], aggregateText: string): boolean {
  if (parts.length === 0) return true;
  const row = foldRow(aggregateText);
  const [whole, ...words] = parts;
  const wq = parsed(whole ?? '');
  if (row.some((col) => columnMatches(col, wq))) return true;
  if (words.length === 0) return false;
  return words.every((w) => {
    const q = parsed(w);
    return row.some((col) => columnMatches(col, q));
  });
}
