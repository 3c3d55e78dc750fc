/**
 * Zip-bomb guard run before exceljs sees an XLSX. Two passes, both bounded:
 * 1. the central directory: entry count, declared sizes and ratios (cheap, catches honest bombs);
 * 2. a streaming inflate with fflate that counts real output and stops at the limit (catches
 *    archives that lie about their sizes). exceljs never inflates more than pass 2 allowed.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { ImportError } from './messages';
import { toMb, type ImportLimits } from './limits';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
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
    entries.push({ name, compressedSize, uncompressedSize });
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

/** Inflates every entry in a stream, counting the real output; stops as soon as a limit breaks. */
function checkInflated(bytes: Uint8Array, limits: ImportLimits): void {
  let total = 0;
  let failure: ImportError | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  unzip.onfile = (file) => {
    let produced = 0;
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = corrupt(err.message);
        return;
      }
      produced += chunk.length;
      total += chunk.length;
      const ratio = produced / Math.max(1, file.size ?? bytes.length);
      if (total > limits.maxUncompressedBytes) {
        failure = new ImportError('zipTooLarge', {
          size: toMb(total),
          max: toMb(limits.maxUncompressedBytes),
        });
      } else if (produced >= limits.ratioCheckFromBytes && ratio > limits.maxCompressionRatio) {
        failure = new ImportError('zipRatio', { entry: file.name, ratio: Math.round(ratio) });
      }
      if (failure) file.terminate();
    };
    file.start();
  };
  try {
    // Pushed in slices so a failure stops the work early instead of after the whole file.
    const step = 256 * 1024;
    for (let i = 0; i < bytes.length && !failure; i += step) {
      unzip.push(bytes.subarray(i, Math.min(bytes.length, i + step)), i + step >= bytes.length);
    }
  } catch (e) {
    if (!failure) failure = corrupt(e instanceof Error ? e.message : String(e));
  }
  if (failure) throw failure;
}

/** Throws ImportError unless the XLSX is a sane, bounded ZIP. */
export function guardZip(bytes: Uint8Array, limits: ImportLimits): ZipEntryInfo[] {
  const entries = readZipDirectory(bytes, limits);
  checkDeclared(entries, limits);
  checkInflated(bytes, limits);
  return entries;
}
