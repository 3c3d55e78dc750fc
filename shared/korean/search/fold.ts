/**
 * Folding text for Korean search: one canonical form for titles and queries, so that width,
 * NFC/NFD, case, spacing and legal forms (㈜, 주식회사, 재단법인 …) never decide a match.
 * Pure; shared by the global search, the grids' quick filter and the reference pickers.
 */

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** compatibility jamo (what a keyboard types for a lone consonant), in choseong order */
const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const COMPAT_JAMO_FIRST = 0x3131;
const COMPAT_JAMO_LAST = 0x318e;
/** conjoining choseong U+1100–U+1112 (left by NFD input or NFKC of half-width jamo) */
const CONJOINING_CHO_FIRST = 0x1100;

/**
 * Legal forms removed wherever they stand (after width/case folding and with spaces removed):
 * `(주)한빛`, `한빛(주)`, `주식회사 한빛`, `㈜한빛` all fold to `한빛`. Longest first, so
 * `유한책임회사` goes before `유한회사` could leave `책임`.
 */
const LEGAL_FORMS = [
  '농업회사법인',
  '영농조합법인',
  '사회복지법인',
  '유한책임회사',
  '주식회사',
  '유한회사',
  '합자회사',
  '합명회사',
  '재단법인',
  '사단법인',
  '학교법인',
  '의료법인',
  '(주)',
  '(유)',
  '(사)',
  '(재)',
  '(합)',
  '(학)',
  '(의)',
  '(복)',
  '(株)',
  'co.,ltd.',
  'co.,ltd',
  'co.ltd.',
];

export function isConsonantJamo(ch: string): boolean {
  return CHOSEONG.includes(ch);
}

/** 한 → ㅎ; anything that is not a Hangul syllable stays as it is. */
export function choseongOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < HANGUL_FIRST || code > HANGUL_LAST) return ch;
  return CHOSEONG[Math.floor((code - HANGUL_FIRST) / 588)] ?? ch;
}

/** One NFC character → its folded characters (0, 1 or more). */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Fast path (most of any name): Hangul syllables and ASCII letters/digits/punctuation fold
  // to themselves or their lower case; NFKC per character is what makes indexing slow.
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return ch;
  if (code > 0x20 && code < 0x7f) return code >= 0x41 && code <= 0x5a ? ch.toLowerCase() : ch;
  if (code === 0x20) return '';
  // NFKC would turn ㄱ into a conjoining jamo: keep compatibility jamo as typed.
  if (code >= COMPAT_JAMO_FIRST && code <= COMPAT_JAMO_LAST) return ch;
  let out = '';
  for (const c of ch.normalize('NFKC').toLowerCase()) {
    const cc = c.charCodeAt(0);
    if (cc >= CONJOINING_CHO_FIRST && cc < CONJOINING_CHO_FIRST + CHOSEONG.length) {
      out += CHOSEONG[cc - CONJOINING_CHO_FIRST];
    } else if (!/\s/u.test(c)) out += c;
  }
  return out;
}

export interface FoldedText {
  /** the folded text: no spaces, no legal forms, NFKC, lower case */
  key: string;
  /** key with every Hangul syllable replaced by its initial consonant (same length as key) */
  cho: string;
  /** pos[i] = index in `source` of the character key[i] came from */
  pos: number[];
  /** the NFC form of the input, which `pos` indexes (the text to show and highlight) */
  source: string;
}

/** Folds `text`, keeping where each folded character came from (for highlighting). */
export function foldWithPositions(text: string, role: 'record' | 'query' = 'record'): FoldedText {
  const source = text.normalize('NFC');
  let key = '';
  const pos: number[] = [];
  let i = 0;
  for (const ch of source) {
    for (const c of foldChar(ch)) {
      key += c;
      for (let k = 0; k < c.length; k++) pos.push(i); // astral characters take two units
    }
    i += ch.length;
  }
  // Remove legal forms; the positions array shrinks with the key.
  for (const form of LEGAL_FORMS) {
    let at = key.indexOf(form);
    while (at !== -1) {
      // A record named only by a legal form keeps it (else it could never be found); a query
      // that is only a legal form asks for nothing.
      if (key.length === form.length && role === 'record') break;
      key = key.slice(0, at) + key.slice(at + form.length);
      pos.splice(at, form.length);
      at = key.indexOf(form, at);
    }
  }
  let cho = '';
  for (const c of key) cho += choseongOf(c);
  return { key, cho, pos, source };
}

/** Names made only of Hangul syllables, printable ASCII and spaces need no NFKC per character. */
const SIMPLE_TEXT = /^[\x20-\x7e\uac00-\ud7a3]*$/;

/** Every legal form holds one of these; a key with none of them needs no scan of the list. */
const LEGAL_FORM_HINTS = /[(회법株]|co\./;

function withoutLegalForms(key: string, role: 'record' | 'query'): string {
  if (!LEGAL_FORM_HINTS.test(key)) return key;
  let out = key;
  for (const form of LEGAL_FORMS) {
    if (!out.includes(form)) continue;
    if (out.length === form.length && role === 'record') continue;
    out = out.split(form).join('');
  }
  return out;
}

const CHOSEONG_CODES = Array.from(CHOSEONG, (c) => c.charCodeAt(0));

function choseongString(key: string): string {
  // Char codes into one array and one String.fromCharCode: no intermediate strings per name.
  const codes = new Array<number>(key.length);
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    codes[i] =
      code >= HANGUL_FIRST && code <= HANGUL_LAST
        ? (CHOSEONG_CODES[Math.floor((code - HANGUL_FIRST) / 588)] ?? code)
        : code;
  }
  if (codes.length <= 4096) return String.fromCharCode(...codes);
  let out = ''; // a very long title: spread arguments are limited, so in chunks
  for (let i = 0; i < codes.length; i += 4096)
    out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

/**
 * The index's fold: the same key and 초성 form as foldWithPositions, without positions (those
 * are computed again only for the hits shown). Most names take the fast path.
 */
export function foldForIndex(text: string): { key: string; cho: string } {
  // ㈜ (the commonest non-simple character in company names) is NFKC `(주)`; replacing it first
  // keeps those names on the fast path. Precomposed syllables + ASCII are already NFC.
  const plain = text.includes('㈜') ? text.replace(/㈜/g, '(주)') : text;
  const key = SIMPLE_TEXT.test(plain)
    ? withoutLegalForms(plain.toLowerCase().replace(/ /g, ''), 'record')
    : foldWithPositions(text).key;
  return { key, cho: choseongString(key) };
}

/** The folded key alone (queries, sort keys). */
export function foldKey(text: string, role: 'record' | 'query' = 'record'): string {
  return foldWithPositions(text, role).key;
}
