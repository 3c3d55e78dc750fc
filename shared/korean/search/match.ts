/**
 * Matching one folded text against a parsed query, with a rank for ordering:
 * exact > prefix > 초성 > 초성 abbreviation > inside (lower is better).
 *
 * The abbreviation: people shorten 한국광기술원 to `ㅎㄱㄱㅅ` (한국·광·기술), skipping syllables.
 * So a query of 3+ initials also matches a name that starts with the first and holds the others
 * in order; it ranks below an unbroken 초성 run.
 */
import { digitsOnly } from '../ids';
import { choseongOf, foldKey, isConsonantJamo } from './fold';

export const RANK = { exact: 0, prefix: 1, choseong: 2, abbreviation: 3, inside: 4 } as const;
export type Rank = (typeof RANK)[keyof typeof RANK];

export interface ParsedQuery {
  /** folded query (no spaces, no legal forms) */
  key: string;
  /** the query projected to initial consonants (syllables → ㅎ, jamo stay) */
  cho: string;
  /** typed at least one lone consonant: 초성 matching applies */
  hasJamo: boolean;
  /** digits when the query is a number (`123-45-67890`, `26`); '' otherwise */
  digits: string;
}

const NUMBER_QUERY = /^[\d\s\-‐－.]+$/u;

export function parseQuery(query: string): ParsedQuery {
  const key = foldKey(query, 'query');
  let cho = '';
  let hasJamo = false;
  for (const c of key) {
    if (isConsonantJamo(c)) hasJamo = true;
    cho += choseongOf(c);
  }
  const normal = query.normalize('NFKC').trim();
  const digits = normal !== '' && NUMBER_QUERY.test(normal) ? digitsOnly(normal) : '';
  return { key, cho, hasJamo, digits };
}

export interface TextMatch {
  rank: Rank;
  /** span in the folded key */
  start: number;
  end: number;
}

/** Where `q` matches `key`/`cho` (mixed: a typed consonant matches a syllable starting with it). */
function mixedIndexOf(key: string, cho: string, q: ParsedQuery): number {
  let at = cho.indexOf(q.cho);
  while (at !== -1) {
    let ok = true;
    for (let j = 0; j < q.key.length; j++) {
      const qc = q.key[j];
      // A typed syllable must match literally; a typed consonant matched on `cho` already.
      if (qc !== key[at + j] && !isConsonantJamo(qc ?? '')) {
        ok = false;
        break;
      }
    }
    if (ok) return at;
    at = cho.indexOf(q.cho, at + 1);
  }
  return -1;
}

const MIN_ABBREVIATION = 3;

/** `q` as an in-order subsequence of `key` anchored at its start; returns the end or -1. */
function abbreviationEnd(key: string, cho: string, q: ParsedQuery): number {
  if (q.key.length < MIN_ABBREVIATION) return -1;
  let j = 0;
  for (let i = 0; i < key.length && j < q.key.length; i++) {
    const qc = q.key[j] ?? '';
    const hit = isConsonantJamo(qc) ? cho[i] === qc : key[i] === qc;
    if (hit) j++;
    else if (i === 0) return -1; // anchored: the name must start with the first initial
    if (j === q.key.length) return i + 1;
  }
  return -1;
}

/** Matches a folded key (and its 초성 form) against a query; null when it does not match. */
export function matchFolded(key: string, cho: string, q: ParsedQuery): TextMatch | null {
  const n = q.key.length;
  if (n === 0) return null;
  if (!q.hasJamo) {
    const at = key.indexOf(q.key);
    if (at === -1) return null;
    const rank = at === 0 ? (key.length === n ? RANK.exact : RANK.prefix) : RANK.inside;
    return { rank, start: at, end: at + n };
  }
  const at = mixedIndexOf(key, cho, q);
  if (at !== -1) return { rank: RANK.choseong, start: at, end: at + n };
  const end = abbreviationEnd(key, cho, q);
  return end === -1 ? null : { rank: RANK.abbreviation, start: 0, end };
}
