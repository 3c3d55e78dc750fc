import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  buildCsv,
  columnsForEntity,
  encodeCp949,
  ExportError,
  quoteCsvField,
  type ExportColumn,
} from '../../../../shared/export';
import { decodeCp949 } from '../../../../shared/import/cp949';
import { getEntity } from '../../../../shared/registry';

const columns: ExportColumn[] = [
  { key: 'name', header: '기관명', kind: 'text' },
  { key: 'notes', header: '비고', kind: 'longText' },
  { key: 'revenue', header: '매출액(원)', kind: 'money', unit: 'KRW' },
];
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const parse = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('buildCsv in UTF-8', () => {
  const rows = [
    { name: '금오정밀(주)', notes: '쉼표, "따옴표"\r\n두 줄', revenue: 12_345_678_900 },
    { name: '한국광기술원', notes: null, revenue: -5 },
  ];

  it('starts with a BOM, ends lines with CRLF and quotes per RFC 4180', () => {
    const bytes = buildCsv(columns, rows, { encoding: 'utf-8-bom', lang: 'ko' });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8(bytes.subarray(3));
    expect(text).toBe(
      '기관명,비고,매출액(원)\r\n' +
        '금오정밀(주),"쉼표, ""따옴표""\r\n두 줄",12345678900\r\n' +
        '한국광기술원,,-5\r\n',
    );
    expect(parse(text)).toEqual([
      ['기관명', '비고', '매출액(원)'],
      ['금오정밀(주)', '쉼표, "따옴표"\r\n두 줄', '12345678900'],
      ['한국광기술원', '', '-5'],
    ]);
  });

  it('defaults to UTF-8 with BOM and honours another delimiter', () => {
    const semi = utf8(
      buildCsv(columns, [{ name: 'a;b', notes: 'c,d', revenue: 1 }], {
        lang: 'ko',
        delimiter: ';',
      }),
    );
    expect(semi).toBe('\uFEFF기관명;비고;매출액(원)\r\n"a;b";c,d;1\r\n');
    const tab = utf8(
      buildCsv(columns, [{ name: 'a\tb', notes: 'c', revenue: 1 }], {
        lang: 'ko',
        delimiter: '\t',
      }),
    );
    expect(tab.split('\r\n')[1]).toBe('"a\tb"\tc\t1');
  });

  it('neutralises formula-like text but writes a negative number as the number it is', () => {
    const hostile = [
      { name: '=HYPERLINK("http://x","y")', notes: '@SUM(A1)', revenue: -5 },
      { name: '+82', notes: '\tx', revenue: '-5' },
    ];
    const data = parse(utf8(buildCsv(columns, hostile, { lang: 'ko' })));
    expect(data[1]).toEqual(['\'=HYPERLINK("http://x","y")', "'@SUM(A1)", '-5']);
    // '-5' as a string in a money column is not a number the app stored: text, neutralised.
    expect(data[2]).toEqual(["'+82", "'\tx", "'-5"]);
  });

  it('quotes only what needs quoting', () => {
    expect(quoteCsvField('plain')).toBe('plain');
    expect(quoteCsvField('a,b')).toBe('"a,b"');
    expect(quoteCsvField('a\nb')).toBe('"a\nb"');
    expect(quoteCsvField('a\rb')).toBe('"a\rb"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('a,b', ';')).toBe('a,b');
  });
});

describe('buildCsv in CP949', () => {
  it('encodes what the import decoder reads back, extension syllables included, without BOM', () => {
    const rows = [{ name: '똠방각하 테크', notes: '햏 漢字 ㈜ ①', revenue: 0 }];
    const bytes = buildCsv(columns, rows, { encoding: 'cp949', lang: 'ko' });
    expect(bytes[0]).not.toBe(0xef);
    expect(decodeCp949(bytes).text).toBe(
      '기관명,비고,매출액(원)\r\n똠방각하 테크,햏 漢字 ㈜ ①,0\r\n',
    );
  });

  it('refuses a character CP949 cannot hold, naming row, column and character', () => {
    const rows = [
      { name: '가', notes: '', revenue: 1 },
      { name: '나', notes: 'LED 조명 💡 개발', revenue: 2 },
    ];
    let error: unknown;
    try {
      buildCsv(columns, rows, { encoding: 'cp949', lang: 'ko' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).code).toBe('cp949Unencodable');
    expect((error as ExportError).message).toBe(
      '3행 B열(비고)의 "💡" 글자는 CP949(EUC-KR)로 저장할 수 없습니다. UTF-8 형식으로 내보내세요',
    );
  });

  it('is the exact inverse of the import decoder over every double-byte code', () => {
    let pairs = 0;
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x41; trail <= 0xfe; trail++) {
        const text = decodeCp949(new Uint8Array([lead, trail])).text;
        if (text === null || text.length !== 1) continue;
        pairs++;
        const back = encodeCp949(text);
        expect(back.badIndex).toBe(-1);
        expect(decodeCp949(back.bytes).text).toBe(text);
      }
    }
    // KS X 1001 (8,000+ codes) plus the 8,822 UHC extension syllables
    expect(pairs).toBeGreaterThan(17_000);
    expect([...encodeCp949('똠').bytes]).toEqual([0x8c, 0x63]);
    expect([...encodeCp949('가').bytes]).toEqual([0xb0, 0xa1]);
  });

  it('writes the headers of an entity as registry labels', () => {
    const cols = columnsForEntity(getEntity('organization'), 'ko', ['name', 'brn']);
    const text = decodeCp949(buildCsv(cols, [], { encoding: 'cp949', lang: 'ko' })).text;
    expect(text).toBe('기관명,사업자등록번호\r\n');
  });
});
