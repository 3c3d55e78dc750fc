/**
 * Text helpers for the expert ranking: keyword tokens of a difficulty, and KSIC code matching.
 * Pure and allocation-light: the ranking runs them over thousands of past difficulties.
 */

/** Tokens shorter than this say nothing on their own ("및", "등", "a"). */
const MIN_TOKEN = 2;
const SPLIT = /[\s,.;:/|·()[\]{}<>"'`~!?@#$%^&*+=\\_-]+/u;

/** Lower-cased keyword tokens of `text` (split on spaces and punctuation), deduplicated. */
export function keywordTokens(text: string): string[] {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().split(SPLIT)) if (raw.length >= MIN_TOKEN) out.add(raw);
  return [...out];
}

/** Normalises one expertise tag for matching (lower case, inner spaces dropped). */
export function normaliseTag(tag: string): string {
  return tag.toLowerCase().replace(/\s+/g, '');
}

/**
 * Does `tag` match the difficulty text? Korean writes compounds without spaces ("정밀가공기술"),
 * so a tag matches when it appears inside the spaceless text or one of its tokens equals a
 * keyword; one-syllable tags never match (too vague).
 */
export function tagMatches(
  tag: string,
  spacelessText: string,
  keywords: ReadonlySet<string>,
): boolean {
  const t = normaliseTag(tag);
  if (t.length < MIN_TOKEN) return false;
  if (spacelessText.includes(t)) return true;
  return keywordTokens(tag).some((k) => keywords.has(k));
}

/** KSIC codes written in a ksic field ("26, 261", "C26"): digit runs of 2–5 digits. */
export function ksicCodes(text: unknown): string[] {
  if (typeof text !== 'string' || text === '') return [];
  return [...new Set(text.match(/\d{2,5}/g) ?? [])];
}

/**
 * The longest KSIC prefix two code lists share (≥ 2 digits: the 중분류 division), or '' when
 * they share none. "261" and "2612" share "261"; "26" and "29" share nothing.
 */
export function sharedKsicPrefix(a: readonly string[], b: readonly string[]): string {
  let best = '';
  for (const x of a) {
    for (const y of b) {
      let n = 0;
      while (n < x.length && n < y.length && x[n] === y[n]) n++;
      if (n >= 2 && n > best.length) best = x.slice(0, n);
    }
  }
  return best;
}
