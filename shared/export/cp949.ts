/**
 * CP949 (UHC) ENCODING for CSV exports, as the exact inverse of the import side's decoder
 * (shared/import/cp949.ts), so whatever this writes the importer reads back identically.
 *
 * Why not iconv-lite: it goes through `safer-buffer` → Node's `Buffer`. Vite does not polyfill
 * `buffer` for the browser build, so it would only work by accident (exceljs happens to pull the
 * `buffer` npm package in transitively) and would add every CJK table (~600 KB) to the bundle.
 * Inverting the decoder needs no dependency and no Buffer: each double-byte pair is decoded once
 * (23,940 pairs, built lazily on the first CP949 export) and the result indexed by character.
 */
import { decodeCp949 } from '../import/cp949';

/** UTF-16 code unit → `lead << 8 | trail`; 0 = not encodable. */
let encodeTable: Uint16Array | null = null;

function buildEncodeTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x41; trail <= 0xfe; trail++) {
      pair[0] = lead;
      pair[1] = trail;
      const decoded = decodeCp949(pair).text;
      if (decoded === null || decoded.length !== 1) continue;
      const code = decoded.charCodeAt(0);
      // The first (lowest) pair wins should two pairs decode to one character.
      if (code >= 0x80 && table[code] === 0) table[code] = (lead << 8) | trail;
    }
  }
  return table;
}

export interface Cp949Encoded {
  bytes: Uint8Array;
  /** index in the string of the first character CP949 cannot hold, or -1 */
  badIndex: number;
}

/**
 * Encodes `text`; stops at the first character CP949 has no code for (emoji, most hanja
 * variants, old Hangul…) and reports its index instead of replacing it with `?`.
 */
export function encodeCp949(text: string): Cp949Encoded {
  encodeTable ??= buildEncodeTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const code = encodeTable[c]!;
    if (code === 0) return { bytes: out.subarray(0, n), badIndex: i };
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return { bytes: out.subarray(0, n), badIndex: -1 };
}

/** The whole character at `index` (a surrogate pair counts as one emoji, not half of one). */
export function characterAt(text: string, index: number): string {
  const cp = text.codePointAt(index);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}
