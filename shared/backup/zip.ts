/**
 * A bounded ZIP reader for backups. Nothing is trusted: the central directory is read first
 * (entry count, declared sizes: cheap, catches honest bombs), then each entry is inflated in
 * small slices while the real output is counted (catches archives that lie about their sizes),
 * and its CRC-32 checked. Never throws: every problem is a `ZipProblem` the caller words.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** bytes of the .zip itself */
  maxFileBytes: number;
  maxEntries: number;
  /** all entries together, once decompressed (declared and real) */
  maxUncompressedBytes: number;
}

export type ZipProblem =
  | { code: 'notZip' }
  | { code: 'zipTruncated' }
  | { code: 'zipUnsupported'; detail: string }
  | { code: 'zipCorrupt'; file: string }
  | { code: 'checksumMismatch'; file: string }
  | { code: 'fileTooLarge'; size: number; max: number }
  | { code: 'tooManyEntries'; entries: number; max: number }
  | { code: 'tooLarge'; size: number; max: number };

export type ZipResult =
  { ok: true; files: Map<string, Uint8Array> } | { ok: false; problem: ZipProblem };

interface DirEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
/** compressed bytes pushed per step: deflate expands ≤ 1,032×, so one step adds ≤ ~16 MB */
const INFLATE_STEP = 16 * 1024;

let crcTable: Int32Array | null = null;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

class Problem {
  constructor(readonly problem: ZipProblem) {}
}

function readDirectory(bytes: Uint8Array, limits: ZipLimits): DirEntry[] {
  const looksZip = u32(bytes, 0) === SIG_LOCAL || u32(bytes, 0) === SIG_END;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === SIG_END) {
      end = i;
      break;
    }
  }
  // A ZIP signature at the start but no end record: the download or copy was cut off.
  if (end < 0) throw new Problem(looksZip ? { code: 'zipTruncated' } : { code: 'notZip' });
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  const dirOffset = u32(bytes, end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    throw new Problem({ code: 'zipUnsupported', detail: 'ZIP64' });
  }
  if (count > limits.maxEntries) {
    throw new Problem({ code: 'tooManyEntries', entries: count, max: limits.maxEntries });
  }
  if (dirOffset + dirSize > end) throw new Problem({ code: 'zipTruncated' });
  const entries: DirEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || u32(bytes, p) !== SIG_CENTRAL) throw new Problem({ code: 'zipTruncated' });
    const nameLength = u16(bytes, p + 28);
    const entry: DirEntry = {
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    entries.push(entry);
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

function checkDeclared(entries: DirEntry[], limits: ZipLimits): void {
  let total = 0;
  const names = new Set<string>();
  for (const e of entries) {
    if (e.flags & 1) throw new Problem({ code: 'zipUnsupported', detail: 'encrypted' });
    if (e.method !== 0 && e.method !== 8) {
      throw new Problem({ code: 'zipUnsupported', detail: `method ${e.method}` });
    }
    // Two entries of one name: which one would win depends on the reader; refuse both.
    if (names.has(e.name)) throw new Problem({ code: 'zipCorrupt', file: e.name });
    names.add(e.name);
    total += e.size;
  }
  if (total > limits.maxUncompressedBytes) {
    throw new Problem({ code: 'tooLarge', size: total, max: limits.maxUncompressedBytes });
  }
}

/** Inflates one entry, never producing more than it declared nor than the budget left. */
function extract(bytes: Uint8Array, e: DirEntry, budget: number): Uint8Array {
  const local = e.localOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== SIG_LOCAL) {
    throw new Problem({ code: 'zipCorrupt', file: e.name });
  }
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  if (start + e.compressedSize > bytes.length) throw new Problem({ code: 'zipTruncated' });
  const data = bytes.subarray(start, start + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) {
    if (data.length !== e.size) throw new Problem({ code: 'zipCorrupt', file: e.name });
    out = data.slice();
  } else {
    out = inflateBounded(data, e, budget);
  }
  if (crc32(out) !== e.crc) throw new Problem({ code: 'checksumMismatch', file: e.name });
  return out;
}

function inflateBounded(data: Uint8Array, e: DirEntry, budget: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let overflow = false;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (final) ended = true;
    // Beyond what it declared, the entry is lying (a bomb or corruption): stop collecting.
    if (produced > e.size || produced > budget) overflow = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && !overflow; i += INFLATE_STEP) {
      const last = i + INFLATE_STEP >= data.length;
      inflate.push(data.subarray(i, Math.min(data.length, i + INFLATE_STEP)), last);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch {
    throw new Problem({ code: 'zipCorrupt', file: e.name });
  }
  if (overflow) {
    if (produced > budget) throw new Problem({ code: 'tooLarge', size: produced, max: budget });
    throw new Problem({ code: 'zipCorrupt', file: e.name });
  }
  if (!ended || produced !== e.size) throw new Problem({ code: 'zipCorrupt', file: e.name });
  const out = new Uint8Array(produced);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads every entry of the archive within `limits`; a problem instead of an exception. */
export function readZip(bytes: Uint8Array, limits: ZipLimits): ZipResult {
  if (bytes.length > limits.maxFileBytes) {
    return {
      ok: false,
      problem: { code: 'fileTooLarge', size: bytes.length, max: limits.maxFileBytes },
    };
  }
  try {
    const entries = readDirectory(bytes, limits);
    checkDeclared(entries, limits);
    const files = new Map<string, Uint8Array>();
    let used = 0;
    for (const e of entries) {
      if (e.name.endsWith('/')) continue; // a folder entry holds nothing
      const content = extract(bytes, e, limits.maxUncompressedBytes - used);
      used += content.length;
      files.set(e.name, content);
    }
    return { ok: true, files };
  } catch (e) {
    if (e instanceof Problem) return { ok: false, problem: e.problem };
    return { ok: false, problem: { code: 'zipCorrupt', file: '?' } };
  }
}
