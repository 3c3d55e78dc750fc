/**
 * Regressions of the import review (findings 2–7): limits during the CSV parse, prototype keys
 * as units, rows emptied by an over-long cell, XLSX columns over the limit, strict decoding
 * after a BOM, and per-row notes in the preview.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  ImportError,
  MAX_PREVIEW_NOTES,
  previewFile,
  readTable,
  sanitizeMapping,
} from '../../../../shared/import';
import { readCsv } from '../../../../shared/import/csv';
import { decodeText } from '../../../../shared/import/encoding';
import { moneyScaleInHeader, moneyScaleOf } from '../../../../shared/import/units';
import { getEntity } from '../../../../shared/registry';
import { utf8 } from './helpers';

const codeOf = async (run: () => unknown): Promise<string> => {
  try {
    await run();
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
  return 'ok';
};

describe('CSV limits hold during the parse (finding 2)', () => {
  it('stops at the row limit instead of parsing every blank line first', () => {
    const limits = { ...DEFAULT_LIMITS, maxRows: 100 };
    let reads = 0;
    // Counts how often the parser looked at the signal: once per row parsed.
    const signal = {
      get aborted() {
        reads++;
        return false;
      },
    } as AbortSignal;
    const bytes = utf8('이름,값\n' + '\n'.repeat(20_000));
    expect(() => readCsv(bytes, 'tall.csv', limits, signal)).toThrow(/행이 너무 많습니다/);
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(limits.maxRows + 101);
  });

  it('stops at the first row wider than the column limit', () => {
    const limits = { ...DEFAULT_LIMITS, maxColumns: 10 };
    let reads = 0;
    const signal = {
      get aborted() {
        reads++;
        return false;
      },
    } as AbortSignal;
    // Quoted cells: the rows are found by the parser, which stops at row 3.
    const wide = Array.from({ length: 11 }, (_, i) => `"c${i}"`).join(',');
    const bytes = utf8(`a,b\n1,2\n${wide}\n` + '3,4\n'.repeat(5_000));
    expect(() => readCsv(bytes, 'wide.csv', limits, signal)).toThrow(/열이 너무 많습니다 \(11열\)/);
    expect(reads).toBe(3);
    // No quotes at all: found by a scan before any row is built (a 45 MB line of commas).
    reads = 0;
    const unquoted = utf8(`a,b\n1,2\n${'x,'.repeat(11)}\n`);
    expect(() => readCsv(unquoted, 'wide.csv', limits, signal)).toThrow(/\(11열\)/);
    expect(reads).toBe(0);
  });

  it('notices a cancel while parsing', () => {
    let reads = 0;
    const signal = {
      get aborted() {
        return ++reads > 5;
      },
    } as AbortSignal;
    const bytes = utf8('이름,값\n' + '가,1\n'.repeat(1_000));
    expect(() => readCsv(bytes, 'a.csv', DEFAULT_LIMITS, signal)).toThrow(
      '가져오기를 취소했습니다',
    );
  });
});

describe('prototype keys are not units (finding 3)', () => {
  it('reads `constructor` / `__proto__` in a header as no unit', () => {
    expect(moneyScaleOf('constructor')).toBeNull();
    expect(moneyScaleOf('__proto__')).toBeNull();
    expect(moneyScaleInHeader('매출액(constructor)')).toBeNull();
    expect(moneyScaleInHeader('매출액(__proto__)')).toBeNull();
    expect(moneyScaleInHeader('매출액(백만원)')).toMatchObject({ currency: 'KRW', factor: 1e6 });
  });

  it('keeps amounts finite under such a header', async () => {
    const csv = '업체명,구분,매출액(constructor)\n구미정밀,기업,1200\n';
    const p = await previewFile(utf8(csv), { fileName: 'a.csv', entity: 'organization' });
    expect(p.counts).toMatchObject({ new: 1, error: 0 });
    expect(p.rows[0]!.values.revenueKrw).toBe(1200);
  });

  it('drops a saved meta column named after a prototype key', () => {
    const org = getEntity('organization');
    const saved = [{ column: 0, header: 'x', field: null, confidence: 1, meta: 'constructor' }];
    const m = sanitizeMapping(saved as never, ['x'], org);
    expect(m[0]).not.toHaveProperty('meta');
  });
});

describe('a row emptied by an over-long cell stays an error (finding 4)', () => {
  it('counts it as an error row with the message', async () => {
    const csv = `업체명,구분\n구미정밀,기업\n${'가'.repeat(40_000)},\n`;
    const p = await previewFile(utf8(csv), { fileName: 'a.csv', entity: 'organization' });
    expect(p.counts.error).toBe(1);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]!.text).toBe('3행 A열: 셀 내용이 너무 깁니다 (40000자, 최대 32767자)');
  });
});

describe('XLSX columns over the limit (finding 5)', () => {
  it('refuses the file instead of dropping columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['업체명', '구분']);
    ws.addRow(['구미정밀', '기업']);
    ws.getCell(2, 12).value = '열두째 열';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const limits = { maxColumns: 10 };
    const err = await readTable(bytes, { fileName: 'a.xlsx', limits }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toBe(
      '열이 너무 많습니다 (12열). 10열까지 읽을 수 있습니다',
    );
  });
});

describe('strict decoding after a BOM (finding 6)', () => {
  const bom = [0xef, 0xbb, 0xbf];

  it('reads CP949 behind a UTF-8 BOM as CP949, not as U+FFFD garbage', () => {
    const body = iconv.encode('업체명,구분\n구미정밀,기업\n', 'cp949');
    const decoded = decodeText(new Uint8Array([...bom, ...body]));
    expect(decoded.encoding).toBe('cp949');
    expect(decoded.text).toBe('업체명,구분\n구미정밀,기업\n');
  });

  it('keeps a valid UTF-8 file with BOM as utf-8-bom', () => {
    const decoded = decodeText(new Uint8Array([...bom, ...utf8('가,나\n')]));
    expect(decoded).toMatchObject({ encoding: 'utf-8-bom', text: '가,나\n' });
  });

  it('names the offset when neither fits', async () => {
    const bytes = new Uint8Array([...bom, ...utf8('a,b\n'), 0xff, 0xff]);
    expect(await codeOf(() => decodeText(bytes))).toBe('unknownEncoding');
    expect(() => decodeText(bytes)).toThrow(/2행\(파일의 7번째 바이트\)/);
  });

  it('refuses a lone surrogate in UTF-16 instead of decoding it to U+FFFD', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62, 0x00]);
    expect(await codeOf(() => decodeText(bytes))).toBe('unknownEncoding');
  });
});

describe('per-row notes reach the preview (finding 7)', () => {
  it('lists notes with row, column and text', async () => {
    const csv = '업체명,구분,종업원수\n구미정밀,기업,X\n금오전자,기업,12\n구미정밀,기업,5\n';
    const p = await previewFile(utf8(csv), { fileName: 'a.csv', entity: 'organization' });
    const texts = p.notes.map((n) => n.text);
    expect(texts.some((t) => t.startsWith('2행 C열: C열의 "X"'))).toBe(true);
    expect(texts.some((t) => t.startsWith('4행: 2행과 같은 항목입니다'))).toBe(true);
    expect(p.notes.find((n) => n.row === 4)).toMatchObject({ sheet: null, column: null });
    expect(p.notesTotal).toBe(p.notes.length);
  });

  it('caps the list and counts the rest', async () => {
    const rows = Array.from({ length: MAX_PREVIEW_NOTES + 30 }, () => '구미정밀,기업').join('\n');
    const p = await previewFile(utf8(`업체명,구분\n${rows}\n`), {
      fileName: 'a.csv',
      entity: 'organization',
    });
    expect(p.notes).toHaveLength(MAX_PREVIEW_NOTES);
    expect(p.notesTotal).toBe(MAX_PREVIEW_NOTES + 29);
  });
});
