import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, ImportError, readTable } from '../../../../shared/import';
import { guardZip } from '../../../../shared/import/zipGuard';

const xlsxLike = (extra: Record<string, Uint8Array> = {}) =>
  zipSync({
    '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
    'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
    ...extra,
  });

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
  return 'ok';
};

describe('zip guard', () => {
  it('accepts a small, sane archive', () => {
    expect(codeOf(() => guardZip(xlsxLike(), DEFAULT_LIMITS))).toBe('ok');
  });

  it('refuses an entry with a bomb-like compression ratio', () => {
    const bomb = xlsxLike({ 'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 * 1024) });
    expect(codeOf(() => guardZip(bomb, DEFAULT_LIMITS))).toBe('zipRatio');
  });

  it('refuses archives too large once inflated, even when they lie about their sizes', () => {
    const data = new Uint8Array(600_000).map((_, i) => (i * 7919) % 251); // poorly compressible
    const zip = xlsxLike({ 'xl/media/a.bin': data });
    const limits = { ...DEFAULT_LIMITS, maxUncompressedBytes: 500_000 };
    expect(codeOf(() => guardZip(zip, limits))).toBe('zipTooLarge');
    // Rewrite every declared uncompressed size (local + central headers) to 1 byte.
    const lying = zip.slice();
    const view = new DataView(lying.buffer);
    for (let i = 0; i + 4 <= lying.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 1, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 1, true);
    }
    expect(codeOf(() => guardZip(lying, limits))).toBe('zipTooLarge');
  });

  it('limits the number of entries and requires a workbook', () => {
    const many = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`x/${i}.xml`, new Uint8Array([1])]),
    );
    expect(codeOf(() => guardZip(xlsxLike(many), { ...DEFAULT_LIMITS, maxZipEntries: 10 }))).toBe(
      'zipTooManyEntries',
    );
    const notWorkbook = zipSync({ 'readme.txt': new TextEncoder().encode('hi') });
    expect(codeOf(() => guardZip(notWorkbook, DEFAULT_LIMITS))).toBe('notXlsx');
  });

  it('surfaces guard failures from readTable as Korean ImportErrors', async () => {
    const bomb = xlsxLike({ 'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 * 1024) });
    await expect(readTable(bomb, { fileName: 'bomb.xlsx' })).rejects.toThrow(/압축 폭탄/);
  });
});
