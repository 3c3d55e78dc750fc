import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildXlsx,
  columnsForEntity,
  safeSheetName,
  type ExportColumn,
} from '../../../../shared/export';
import { getEntity } from '../../../../shared/registry';
import { difficulties, organizations } from './fixtures';

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb.worksheets[0]!;
}
const sheetXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);

describe('buildXlsx', () => {
  const org = getEntity('organization');
  const columns = columnsForEntity(org, 'ko', [
    'name',
    'kind',
    'ksic',
    'brn',
    'revenueKrw',
    'employees',
    'notes',
    'updatedAt',
  ]);

  it('writes bold Korean headers, a frozen header row, an autofilter and content widths', async () => {
    const bytes = await buildXlsx(columns, organizations, { sheetName: '기업·기관', lang: 'ko' });
    const ws = await load(bytes);
    expect(ws.name).toBe('기업·기관');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '기관명',
      '기관유형',
      '업종코드(KSIC)',
      '사업자등록번호',
      '매출액(원)',
      '종업원수',
      '비고',
      '수정일',
    ]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheetXml(bytes)).toMatch(/<autoFilter ref="A1:H1"\/>/);
    const widths = columns.map((_, i) => ws.getColumn(i + 1).width ?? 0);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(8);
    for (const w of widths) expect(w).toBeLessThanOrEqual(60);
    // the long Korean note is wider than the short kind column
    expect(widths[6]).toBeGreaterThan(widths[1]!);
  });

  it('types cells: numbers with formats, codes as text with zeros, enums as labels', async () => {
    const ws = await load(await buildXlsx(columns, organizations, { sheetName: 'x', lang: 'ko' }));
    const row = ws.getRow(3); // org-1 (row 2 is the minimal org-0)
    expect(row.getCell(1).value).toBe('금오정밀(주)');
    expect(row.getCell(2).value).toBe('기업');
    expect(row.getCell(3).value).toBe('01110, 29');
    expect(row.getCell(3).numFmt).toBe('@');
    expect(row.getCell(4).value).toBe(organizations[1]!.brn);
    expect(row.getCell(5).value).toBe(12_345_678_900);
    expect(row.getCell(5).numFmt).toBe('#,##0');
    expect(row.getCell(6).value).toBe(45);
    expect(row.getCell(8).value).toBeInstanceOf(Date);
    expect(row.getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('writes dates as real Excel dates and decimals and percentages as numbers', async () => {
    const dif = getEntity('difficulty');
    const cols = columnsForEntity(dif, 'ko', ['receivedOn', 'outcomeMonthsSaved', 'satisfaction']);
    const extra: ExportColumn = { key: 'rate', header: '가동률', kind: 'percent' };
    const rows = difficulties.map((d) => ({ ...d, rate: 78.7 }));
    const ws = await load(await buildXlsx([...cols, extra], rows, { sheetName: 'x', lang: 'ko' }));
    const cell = ws.getRow(3).getCell(1);
    expect(cell.value).toEqual(new Date(Date.UTC(2006, 2, 2)));
    expect(cell.numFmt).toBe('yyyy-mm-dd');
    expect(ws.getRow(3).getCell(2).value).toBe(1.5);
    expect(ws.getRow(3).getCell(3).value).toBe('매우만족');
    expect(ws.getRow(3).getCell(4).value).toBe(78.7);
    expect(ws.getRow(3).getCell(4).numFmt).toBe('0.0"%"');
  });

  it('neutralises formula-like text, writes it as a string and never as a formula', async () => {
    const cols: ExportColumn[] = [
      { key: 'name', header: '기관명', kind: 'text' },
      { key: 'money', header: '금액', kind: 'money', unit: 'KRW' },
      { key: 'ok', header: '공유', kind: 'boolean' },
    ];
    const rows = [
      { name: '=HYPERLINK("http://evil.example","클릭")', money: -5, ok: true },
      { name: '@SUM(1+1)', money: '-5', ok: false },
      { name: '-2+3', money: null, ok: null },
    ];
    const bytes = await buildXlsx(cols, rows, { sheetName: 'x', lang: 'ko' });
    const xml = sheetXml(bytes);
    expect(xml).not.toMatch(/<f[ >]/);
    const ws = await load(bytes);
    expect(ws.getCell('A2').value).toBe('\'=HYPERLINK("http://evil.example","클릭")');
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe(-5);
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('C2').value).toBe('예');
    expect(ws.getCell('A3').value).toBe("'@SUM(1+1)");
    expect(ws.getCell('B3').value).toBe("'-5");
    expect(ws.getCell('C3').value).toBe('아니오');
    expect(ws.getCell('A4').value).toBe("'-2+3");
    expect(ws.getCell('B4').value).toBeNull();
  });

  it('writes references as titles and lists joined with ", "', async () => {
    const titles: Record<string, string> = {
      'org-1': '금오정밀(주)',
      'exp-1': '김연삭',
      'exp-2': '이광학',
    };
    const cols = columnsForEntity(getEntity('difficulty'), 'ko', [
      'companyId',
      'expertIds',
      'supportTypes',
    ]);
    const rows = [{ ...difficulties[1]!, expertIds: ['exp-1', 'exp-2'] }];
    const ws = await load(
      await buildXlsx(cols, rows, {
        sheetName: 'x',
        lang: 'ko',
        resolveRef: (_e, id) => titles[id],
      }),
    );
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '금오정밀(주)',
      '김연삭, 이광학',
      '기술지도, 시험·분석',
    ]);
  });

  it('makes any sheet name acceptable to Excel', () => {
    expect(safeSheetName('기업/기관 [2006]: 목록?')).toBe('기업 기관  2006   목록');
    expect(safeSheetName('   ')).toBe('Sheet1');
    expect(safeSheetName('가'.repeat(40))).toHaveLength(31);
  });
});
