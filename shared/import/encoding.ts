/**
 * Text encoding detection for CSV/TSV bytes. Order (first that holds wins): a byte-order mark →
 * UTF-16 by its NUL-byte pattern (Excel's "Unicode text" without BOM) → strict UTF-8 → strict
 * CP949 (WHATWG's `euc-kr` decoder IS CP949/UHC) → a Korean error naming the row and byte.
 * Strict decoding matters: a lenient decoder would turn CP949 into U+FFFD garbage silently.
 */
import { decodeCp949 } from './cp949';
import { ImportError, importMessage } from './messages';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp949';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** e.g. a multi-byte character cut off at the very end of the file */
  warnings: string[];
}

const decode = (label: string, bytes: Uint8Array, fatal: boolean): string =>
  new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);

/** Guesses UTF-16 without BOM: ASCII characters leave a NUL in every other byte. */
function nulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  // Hangul like 가 (U+AC00) puts a NUL on the other side too, hence a ratio, not an absolute.
  if (odd > pairs * 0.15 && odd > even * 3) return 'utf-16le';
  if (even > pairs * 0.15 && even > odd * 3) return 'utf-16be';
  return null;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** True when the bytes from `bad` on are the start of one UTF-8 character, cut off. */
function isCutUtf8Tail(bytes: Uint8Array, bad: number): boolean {
  const lead = bytes[bad];
  if (bad <= 0 || lead === undefined || lead < 0xc2 || lead > 0xf4) return false;
  const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  const rest = bytes.subarray(bad + 1);
  return rest.length < need && rest.every((c) => (c & 0xc0) === 0x80);
}

const rowOfOffset = (bytes: Uint8Array, offset: number): number => {
  let row = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) row++;
  return row;
};

function tryStrict(label: string, bytes: Uint8Array): string | null {
  try {
    return decode(label, bytes, true);
  } catch {
    return null;
  }
}

/** Byte offset of the first unpaired surrogate in UTF-16 bytes (0 when none is found). */
function firstLoneSurrogate(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number) =>
    littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return 0;
}

const evenLength = (bytes: Uint8Array) => bytes.subarray(0, bytes.length & ~1);
const oddTail = (bytes: Uint8Array): string[] =>
  bytes.length % 2 === 1 ? [importMessage('truncatedUtf8', { bytes: 1 })] : [];

/**
 * The text after a byte-order mark (or UTF-16 found by its NUL pattern), decoded strictly: a BOM glued onto CP949 bytes (a tool that
 * prepends one blindly) would otherwise decode to U+FFFD garbage labelled UTF-8. Falls back to
 * CP949 on the rest; else the Korean error with the offset of the first bad byte.
 */
function afterBom(
  bytes: Uint8Array,
  bomLength: number,
  label: 'utf-8' | 'utf-16le' | 'utf-16be',
  encoding: TextEncodingName,
): DecodedText {
  const rest = bytes.subarray(bomLength);
  if (label === 'utf-8') {
    const text = tryStrict('utf-8', rest);
    if (text !== null) return { text, encoding, warnings: [] };
    const bad = firstInvalidUtf8(rest);
    if (isCutUtf8Tail(rest, bad)) {
      const head = tryStrict('utf-8', rest.subarray(0, bad));
      if (head !== null) {
        const warning = importMessage('truncatedUtf8', { bytes: rest.length - bad });
        return { text: head, encoding, warnings: [warning] };
      }
    }
  } else {
    const text = tryStrict(label, evenLength(rest));
    if (text !== null) return { text, encoding, warnings: oddTail(rest) };
    // No CP949 fallback here: UTF-16's NUL bytes are valid CP949 and would decode as garbage.
    const offset = bomLength + firstLoneSurrogate(rest, label === 'utf-16le');
    throw new ImportError('unknownEncoding', { offset, row: rowOfOffset(bytes, offset) });
  }
  const cp949 = decodeCp949(rest);
  if (cp949.text !== null) return { text: cp949.text, encoding: 'cp949', warnings: [] };
  const offset = bomLength + Math.max(firstInvalidUtf8(rest), cp949.badOffset);
  throw new ImportError('unknownEncoding', { offset, row: rowOfOffset(bytes, offset) });
}

/** Decodes CSV/TSV bytes, reporting which encoding was found. Throws ImportError when neither fits. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const warnings: string[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return afterBom(bytes, 3, 'utf-8', 'utf-8-bom');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return afterBom(bytes, 2, 'utf-16le', 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return afterBom(bytes, 2, 'utf-16be', 'utf-16be');
  const utf16 = nulPattern(bytes);
  if (utf16) return afterBom(bytes, 0, utf16, utf16);

  const utf8 = tryStrict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', warnings };
  const badUtf8 = firstInvalidUtf8(bytes);
  // A character cut off by a truncated download: keep the text, say what was dropped.
  if (isCutUtf8Tail(bytes, badUtf8)) {
    const head = tryStrict('utf-8', bytes.subarray(0, badUtf8));
    if (head !== null) {
      warnings.push(importMessage('truncatedUtf8', { bytes: bytes.length - badUtf8 }));
      return { text: head, encoding: 'utf-8', warnings };
    }
  }
  const cp949 = decodeCp949(bytes);
  if (cp949.text !== null) return { text: cp949.text, encoding: 'cp949', warnings };

  // Report where the more plausible encoding (the one that got further) breaks.
  const offset = Math.max(badUtf8, cp949.badOffset);
  throw new ImportError('unknownEncoding', { offset, row: rowOfOffset(bytes, offset) });
}

/** What the bytes are, by magic number and then by file name. */
export type FileKind = 'xlsx' | 'xls' | 'text';
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return 'xls';
  return 'text';
}
