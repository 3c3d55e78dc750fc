import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildXlsxSheets } from '../../../../../shared/export';
import type { FigureRecord } from '../../../../../shared/report';
import {
  buildMonthlyReport,
  PRINT_ROWS_MAX,
  reportSheets,
  reportWorkbookName,
  type ReportRecords,
} from '../../../../../shared/report/monthly';

const rec = (id: string, fields: Record<string, unknown>): FigureRecord => ({
  id,
  clusterId: 'gumi',
  ...fields,
});

/** More difficulties received in March than the print cap, so only the annex holds them all. */
function records(): ReportRecords {
  return {
    difficulty: Array.from({ length: PRINT_ROWS_MAX + 40 }, (_, i) =>
      rec(`d${String(i).padStart(3, '0')}`, {
        title: i === 0 ? '=HYPERLINK("x")' : `애로 ${i}`,
        status: 'received',
        receivedOn: `2006-03-${String((i % 28) + 1).padStart(2, '0')}`,
      }),
    ),
    activity: [],
    successCase: [],
    resource: [],
    plan: [],
    miniCluster: [],
    organization: [],
    indicator: [
      rec('i1', { metric: 'production', period: '2006-03', value: 300, complex: '구미' }),
    ],
  };
}

describe('the XLSX annex of a report', () => {
  it('holds every row of every table (no print cap), with typed cells and safe text', async () => {
    const model = buildMonthlyReport({ month: '2006-03', clusterId: 'gumi', records: records() });
    const bytes = await buildXlsxSheets(reportSheets(model, 'ko'), { lang: 'ko' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['주요 실적', '성과지표']);
    expect(names).toContain('접수한 기술애로');
    const received = wb.getWorksheet('접수한 기술애로')!;
    expect(received.rowCount).toBe(1 + PRINT_ROWS_MAX + 40);
    expect(received.getRow(1).getCell(1).value).toBe('접수일');
    // a real date cell, and formula-looking text neutralised
    expect(received.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    const titles = received.getColumn(2).values as unknown[];
    expect(titles).toContain(`'=HYPERLINK("x")`);
    const key = wb.getWorksheet('주요 실적')!;
    const receivedRow = key
      .getSheetValues()
      .find((r) => Array.isArray(r) && r[1] === '접수 건수') as unknown[];
    expect(receivedRow[3]).toBe(PRINT_ROWS_MAX + 40);
  });

  it('names the file by cluster, month and closed revision', () => {
    const model = buildMonthlyReport({ month: '2006-03', clusterId: 'gumi', records: records() });
    expect(reportWorkbookName(model)).toBe('월간보고서-gumi-2006-03.xlsx');
    expect(reportWorkbookName(model, 1)).toBe('월간보고서-gumi-2006-03-마감.xlsx');
    expect(reportWorkbookName(model, 2)).toBe('월간보고서-gumi-2006-03-마감-제2판.xlsx');
  });
});
