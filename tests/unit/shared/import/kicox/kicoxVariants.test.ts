/**
 * More of the KICOX format family, one small sheet each: quarter spellings in titles and
 * headers, units in the header, a currency that cannot be converted, a missing unit, a tall
 * national table by 업종그룹 without complexes, blank rows and a title below an empty row.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { previewKicoxWorkbook } from '../../../../../shared/import/kicox';

type Row = Array<string | number | null>;

async function oneSheet(rows: Row[], merges: Array<[number, number, number, number]> = []) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('표');
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  for (const m of merges) ws.mergeCells(...m);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return previewKicoxWorkbook(bytes, { fileName: 'v.xlsx' });
}

const values = (p: Awaited<ReturnType<typeof oneSheet>>) =>
  p.mutations.map((m) => {
    const v = m.values;
    return `${String(v.metric)} ${String(v.period)} ${String(v.complex ?? '-')} ${String(v.industryGroup ?? '-')} ${String(v.value)}`;
  });

describe('KICOX format variants', () => {
  it('reads `1/4분기` titles below a blank row and explicit quarters in headers', async () => {
    const p = await oneSheet([
      [],
      ['<표 3> 2025년 4/4분기 산업단지별 고용현황'],
      ['(단위: 명)'],
      ['단지명', '2025년 4분기', '2025년 3분기', '2024년 4분기', '증감'],
      ['구미', '12,000', 11_900, 11_000, '1.0'],
      [],
      ['합계', 12_000, 11_900, 11_000, null],
    ]);
    expect(p.skipped).toEqual([]);
    expect(values(p)).toEqual([
      'employment 2025-Q4 구미 - 12000',
      'employment 2025-Q3 구미 - 11900',
      'employment 2024-Q4 구미 - 11000',
    ]);
    expect(p.counts.totalsMismatched).toBe(0);
    expect(p.counts.totalsChecked).toBe(3);
  });

  it('reads a year and a quarter written in two header rows as one quarter', async () => {
    const p = await oneSheet(
      [
        ['[표2] 2026년 1분기 단지별 입주업체'],
        ['(단위 : 개사)'],
        ['산업단지', 2026, '2025', null],
        [null, '1분기', '4분기', '1분기'],
        ['구미', 2100, 2090, 2000],
      ],
      [
        [3, 1, 4, 1],
        [3, 3, 3, 4],
      ],
    );
    expect(values(p)).toEqual([
      'tenants 2026-Q1 구미 - 2100',
      'tenants 2025-Q4 구미 - 2090',
      'tenants 2025-Q1 구미 - 2000',
    ]);
  });

  it('takes the unit from a header and converts 천달러 to USD', async () => {
    const p = await oneSheet([
      ['[표5] 2026년 2분기 단지별 수출'],
      ['산업단지', '당분기(천달러)', '전분기(천달러)'],
      ['울산미포', 1500, 1400.5],
    ]);
    expect(values(p)).toEqual([
      'exports 2026-Q2 울산미포 - 1500000',
      'exports 2026-Q1 울산미포 - 1400500',
    ]);
  });

  it('does not import exports stated in 원, nor money without a unit, and says why', async () => {
    const krw = await oneSheet([
      ['[표5] 2026년 1분기 단지별 수출실적'],
      ['(단위 : 백만원)'],
      ['산업단지', '당분기'],
      ['창원', 100],
    ]);
    expect(krw.mutations).toEqual([]);
    expect(krw.sheets[0]!.notes[0]!.text).toBe(
      '[표] 당분기 열: 수출액은(는) 달러로 저장하는데 단위가 백만원이라 가져오지 않았습니다',
    );
    const none = await oneSheet([
      ['[표4] 2026년 1분기 단지별 생산실적'],
      ['산업단지', '당분기'],
      ['창원', 100],
    ]);
    expect(none.mutations).toEqual([]);
    expect(none.sheets[0]!.notes[0]!.message).toBe(
      '당분기 열: 생산액 단위를 찾지 못해 가져오지 않았습니다',
    );
  });

  it('reads a national table by 업종그룹 (rows) as values without a complex', async () => {
    const p = await oneSheet(
      [
        ['[표9] 2026년 1분기 업종별 가동률'],
        ['(단위 : %)'],
        ['업종', '가동률', null],
        [null, '당분기', '전분기'],
        ['계', 80.1, 79.9],
        ['전기·전자', 85.2, 84.1],
        ['운송 장비', 77.0, 'X'],
        ['비제조', '-', 60],
        ['주) 가동률 = 가동업체 / 입주업체'],
      ],
      [
        [3, 1, 4, 1],
        [3, 2, 3, 3],
      ],
    );
    expect(values(p)).toEqual([
      'operatingRate 2026-Q1 - electronics 85.2',
      'operatingRate 2025-Q4 - electronics 84.1',
      'operatingRate 2026-Q1 - transport 77',
      'operatingRate 2025-Q4 - nonManufacturing 60',
    ]);
    expect(p.counts.withheld).toBe(1);
    // Rates are averages: their 계 row is not summed.
    expect(p.counts.totalsChecked).toBe(0);
  });

  it('skips a sheet whose title has a quarter but no metric, with the reason', async () => {
    const p = await oneSheet([
      ['[표1] 2026년 1분기 주요 현황'],
      ['구분', '당분기', '전분기'],
      ['창원', 1, 2],
    ]);
    expect(p.sheets).toEqual([]);
    expect(p.skipped[0]!.reason).toBe(
      '제목과 머리글에서 지표(생산·수출·고용·입주·가동·가동률)를 찾지 못했습니다',
    );
  });
});
