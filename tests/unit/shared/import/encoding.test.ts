import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, ImportError, readTable, sniffDelimiter } from '../../../../shared/import';
import { utf8 } from './helpers';

const CSV = '기업명,대표자,종업원수\n(주)가온정밀,김가온,"1,200"\n나래광학,이나래,85\n';
const encode = (text: string, enc: string) => new Uint8Array(iconv.encode(text, enc));

describe('encoding detection', () => {
  it.each([
    ['utf-8', utf8(CSV)],
    ['utf-8-bom', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CSV)])],
    ['cp949', encode(CSV, 'cp949')],
    ['utf-16le', encode(CSV, 'utf-16le')], // no BOM: found by the NUL-byte pattern
    ['utf-16be', encode(CSV, 'utf-16be')],
    ['utf-16le', new Uint8Array([0xff, 0xfe, ...encode(CSV, 'utf-16le')])],
    ['utf-16be', new Uint8Array([0xfe, 0xff, ...encode(CSV, 'utf-16be')])],
  ])('%s is detected and decoded to the same text', (encoding, bytes) => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(CSV);
  });

  it('reads CP949 characters outside EUC-KR (e.g. 똠) as CP949', () => {
    const text = '기업명\n똠방각하\n';
    expect(decodeText(encode(text, 'cp949'))).toMatchObject({ encoding: 'cp949', text });
  });

  it("decodes all 11,172 Hangul syllables of CP949 exactly (Node's euc-kr alone cannot)", () => {
    let all = '';
    for (let c = 0xac00; c <= 0xd7a3; c++) all += String.fromCharCode(c);
    expect(decodeText(encode(`기업명\n${all}\n`, 'cp949')).text).toBe(`기업명\n${all}\n`);
  });

  it('names the row and byte when neither UTF-8 nor CP949 fits', () => {
    const bytes = new Uint8Array([...utf8('기업명,대표\n가온,김\n'), 0xff, 0xff, 0x0a]);
    try {
      decodeText(bytes);
      expect.unreachable('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      const err = e as ImportError;
      expect(err.code).toBe('unknownEncoding');
      expect(err.message).toContain('3행');
      expect(err.message).toContain(`${bytes.length - 3}번째 바이트`);
      expect(err.english()).toContain('row 3');
    }
  });

  it('keeps a UTF-8 file whose last character was cut off, with a warning', () => {
    const full = utf8('기업명\n가온정밀\n');
    const cut = full.subarray(0, full.length - 2); // inside the last 3-byte character
    const decoded = decodeText(cut);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('기업명\n가온정');
    expect(decoded.warnings[0]).toContain('잘린 글자');
  });
});

describe('delimiter sniffing and CSV tables', () => {
  it.each([
    [',', CSV],
    ['\t', CSV.replace(/,/g, '\t').replace('"1\t200"', '1,200')],
    [';', CSV.replace(/,/g, ';').replace('"1;200"', '1200')],
    ['|', CSV.replace(/,/g, '|').replace('"1|200"', '1200')],
  ])('finds %j', (delimiter, text) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });

  it('reads a CP949 TSV with a title row above the header', async () => {
    const tsv =
      '2024 회원사 명단\n\n기업명\t대표자\t사업자등록번호\n가온정밀\t김가온\t123-45-67891\n';
    const t = await readTable(encode(tsv, 'cp949'), { fileName: 'members.tsv' });
    expect(t.encoding).toBe('cp949');
    expect(t.delimiter).toBe('\t');
    expect(t.headerRow).toBe(3);
    expect(t.headers).toEqual(['기업명', '대표자', '사업자등록번호']);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({
      rowNumber: 4,
      cells: ['가온정밀', '김가온', '123-45-67891'],
    });
  });

  it('reads a UTF-16 "Unicode text" export from Excel (tab-separated, BOM)', async () => {
    const text = '기업명\t종업원수\n가온정밀\t12\n나래광학\t30\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...encode(text, 'utf-16le')]);
    const t = await readTable(bytes, { fileName: 'export.txt' });
    expect(t.encoding).toBe('utf-16le');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['가온정밀', '12'],
      ['나래광학', '30'],
    ]);
  });

  it('refuses an old .xls file with advice, and a cell over 32,767 characters is a row error', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readTable(xls, { fileName: 'old.xls' })).rejects.toMatchObject({
      code: 'legacyXls',
    });
    const huge = `기업명,비고\n가온,${'가'.repeat(40_000)}\n나래,짧음\n`;
    const t = await readTable(utf8(huge), { fileName: 'huge.csv' });
    expect(t.rows[0]!.cells[1]).toBeNull();
    expect(t.rows[0]!.notes[0]).toMatchObject({ column: 1, error: true });
    expect(t.rows[0]!.notes[0]!.message).toContain('40000자');
  });

  it('enforces the file size and row limits with Korean messages', async () => {
    await expect(
      readTable(utf8(CSV), { fileName: 'a.csv', limits: { maxFileBytes: 10 } }),
    ).rejects.toThrow(/파일이 너무 큽니다/);
    const many = '이름\n' + Array.from({ length: 50 }, (_, i) => `회사${i}`).join('\n');
    await expect(
      readTable(utf8(many), { fileName: 'a.csv', limits: { maxRows: 10 } }),
    ).rejects.toThrow(/행이 너무 많습니다/);
    await expect(readTable(new Uint8Array(), { fileName: 'a.csv' })).rejects.toThrow(
      '빈 파일입니다',
    );
  });
});
