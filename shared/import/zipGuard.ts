/**
 * Zip-bomb guard run before exceljs sees an XLSX. Two passes, both bounded:
 * 1. the central directory: entry count, declared sizes and ratios (cheap, catches honest bombs);
 * 2. every entry the central directory points at, inflated in a stream with fflate: the real
 *    output must equal the declared size (catches archives that lie about their sizes and
 *    streams hidden inside another entry). exceljs never inflates more than pass 2 allowed.
 */
import { Inflate } from 'fflate';
import { ImportError } from './messages';
import { toMb, type ImportLimits } from './limits';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 = stored, 8 = deflate */
  method: number;
  /** general-purpose bit flags (bit 0: encrypted) */
  flags: number;
  /** where the entry's local header starts: what JSZip reads, whatever lies before it */
  localHeaderOffset: number;
}

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

const corrupt = (detail: string) => new ImportError('zipCorrupt', { detail });

/** Reads the central directory (no decompression). Throws ImportError when it is malformed. */
export function readZipDirectory(bytes: Uint8Array, limits: ImportLimits): ZipEntryInfo[] {
  // End-of-central-directory record: last 22 bytes + up to 65,535 bytes of comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('EOCD');
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirOffset = u32(bytes, eocd + 16);
  if (count > limits.maxZipEntries) {
    throw new ImportError('zipTooManyEntries', { entries: count, max: limits.maxZipEntries });
  }
  if (dirOffset + dirSize > bytes.length) throw corrupt('central directory');
  const entries: ZipEntryInfo[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw corrupt('entry header');
    const compressedSize = u32(bytes, p + 20);
    const uncompressedSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({
      name,
      compressedSize,
      uncompressedSize,
      method: u16(bytes, p + 10),
      flags: u16(bytes, p + 8),
      localHeaderOffset: u32(bytes, p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function checkDeclared(entries: ZipEntryInfo[], limits: ImportLimits): void {
  let total = 0;
  for (const e of entries) {
    // ZIP64 sizes (0xFFFFFFFF) mean a member over 4 GB: far beyond any limit here.
    if (e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff) {
      throw new ImportError('zipTooLarge', {
        size: '4096+',
        max: toMb(limits.maxUncompressedBytes),
      });
    }
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize >= limits.ratioCheckFromBytes && ratio > limits.maxCompressionRatio) {
      throw new ImportError('zipRatio', { entry: e.name, ratio: Math.round(ratio) });
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw new ImportError('zipTooLarge', {
      size: toMb(total),
      max: toMb(limits.maxUncompressedBytes),
    });
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw new ImportError('notXlsx');
  }
}

/**
 * Inflates every entry the central directory names, from its local header on, counting the real
 * output. Driven by the directory, not by the local headers in file order: JSZip (inside exceljs)
 * unpacks what the directory points at, so a stream hidden inside another entry's data is
 * exactly as dangerous as a listed one. Every entry must produce exactly its declared size, and
 * pass 1 has bounded the declared sizes, so nothing here inflates more than the limits allow.
 */
function checkInflated(bytes: Uint8Array, entries: ZipEntryInfo[], limits: ImportLimits): void {
  const dataEnd = dataRegionEnd(bytes);
  const ranges = entries.map((e) => {
    const at = e.localHeaderOffset;
    if (at + 30 > dataEnd || u32(bytes, at) !== 0x04034b50) throw corrupt(`${e.name}: header`);
    if ((e.flags & 1) !== 0) throw corrupt(`${e.name}: encrypted`);
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const end = start + e.compressedSize;
    if (end > dataEnd) throw corrupt(`${e.name}: size`);
    return { entry: e, at, start, end };
  });
  // Entries may not share bytes: overlapping ranges are how one stream hides inside another.
  // Checked before inflating anything, so such a file costs no decompression at all.
  const sorted = [...ranges].sort((x, y) => x.at - y.at);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.at < sorted[i - 1]!.end) throw corrupt(`${sorted[i]!.entry.name}: overlap`);
  }
  let total = 0;
  let mismatch: ImportError | null = null;
  for (const r of ranges) {
    const produced = inflatedSize(bytes.subarray(r.start, r.end), r.entry, (n) => {
      if (total + n > limits.maxUncompressedBytes) {
        throw new ImportError('zipTooLarge', {
          size: toMb(total + n),
          max: toMb(limits.maxUncompressedBytes),
        });
      }
    });
    // A size that lies would let JSZip allocate past every limit checked on declared sizes.
    // Reported after the loop: an archive that is also too large gets the zip-bomb message.
    if (produced !== r.entry.uncompressedSize && !mismatch) {
      mismatch = corrupt(`${r.entry.name}: ${produced} ≠ ${r.entry.uncompressedSize}`);
    }
    total += produced;
  }
  if (mismatch) throw mismatch;
}

/** Where entry data may end: the start of the central directory (read again from the EOCD). */
function dataRegionEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) return u32(bytes, i + 16);
  }
  throw corrupt('EOCD');
}

/**
 * Bytes one entry really inflates to. `check(produced)` runs after every output chunk and stops
 * the inflate by throwing (fflate calls ondata synchronously inside push); chunks are counted,
 * never kept, and input goes in 16 KB slices so one slice adds at most ~17 MB.
 */
function inflatedSize(
  data: Uint8Array,
  e: ZipEntryInfo,
  check: (produced: number) => void,
): number {
  if (e.method === 0) {
    check(data.length);
    return data.length;
  }
  if (e.method !== 8) throw corrupt(`${e.name}: method ${e.method}`);
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    check(produced);
  });
  const step = 16 * 1024;
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += step) {
      inflater.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw corrupt(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return produced;
}

/** Throws ImportError unless the XLSX is a sane, bounded ZIP. */
export function guardZip(bytes: Uint8Array, limits: ImportLimits): ZipEntryInfo[] {
  const entries = readZipDirectory(bytes, limits);
  checkDeclared(entries, limits);
  checkInflated(bytes, entries, limits);
  return entries;
}
