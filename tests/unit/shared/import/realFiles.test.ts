import { beforeAll, describe, expect, it } from 'vitest';
import { previewFile, readTable, sumColumn, type ImportTable } from '../../../../shared/import';
import { readReal, realFilesPresent, realSkipReason } from './helpers';

const title = (name: string) => (realFilesPresent ? name : `${name} (skipped: ${realSkipReason})`);

describe.skipIf(!realFilesPresent)(title('Hwaseong tenants CSV → organization'), () => {
  const file = 'hwaseong-complex-tenants-2023.csv';

  it('finds the header, reads all 1,735 rows and maps the columns from the registry', async () => {
    const preview = await previewFile(readReal(file), {
      fileName: file,
      entity: 'organization',
      defaults: { kind: 'company' },
    });
    expect(preview.encoding).toBe('utf-8-bom');
    expect(preview.headerRow).toBe(1);
    expect(preview.rows).toHaveLength(1735);
    const fieldOf = (header: string) => preview.mapping.find((m) => m.header === header)?.field;
    expect(fieldOf('회사명')).toBe('name');
    expect(fieldOf('공장대표주소(지번 및 도로명주소)')).toBe('address');
    expect(fieldOf('업종번호')).toBe('ksic');
    expect(fieldOf('전화번호')).toBe('phone');
    expect(fieldOf('단지명')).toBe('complex');
    expect(fieldOf('업종명')).toBe('industryName');
    expect(fieldOf('순번')).toBeNull();

    const first = preview.rows[0]!;
    expect(first.rowNumber).toBe(2);
    // `29222 ， 29223` (U+FF0C) → two codes; `… 외 1 종` cut from the name; trailing space trimmed.
    expect(first.values).toMatchObject({ name: '(주)21세기', ksic: '29222, 29223' });
    expect(first.values.industryName).toBe('디지털 적층 성형기계 제조업');

    // The same company and address twice (rows 1195/1196) is one organisation.
    const dup = preview.rows.find((r) => r.rowNumber === 1196)!;
    expect(dup.status).toBe('duplicate');
    expect(dup.duplicateOf).toBe(1195);
    // `(주)해담` and `해담` at the same address: legal-form spellings do not hide a duplicate.
    expect(preview.rows.find((r) => r.rowNumber === 1088)?.duplicateOf).toBe(988);
    // `ARS-1566-2718` is a phone number as people write it: stored as written, no error.
    expect(preview.rows.find((r) => r.rowNumber === 206)?.values.phone).toBe('ARS-1566-2718');
    // Every one of the 1,735 rows imports: new, or a repeat of an earlier row of the file.
    expect(preview.errors).toEqual([]);
    expect(preview.counts.error).toBe(0);
    expect(preview.counts.new + preview.counts.duplicate).toBe(1735);
  });

  it('imports nothing new the second time the same file is checked', async () => {
    const opts = { fileName: file, entity: 'organization' as const, defaults: { kind: 'company' } };
    const first = await previewFile(readReal(file), opts);
    const existing = first.mutations.map((m, i) => ({ id: `rec${i}`, ...m.values }));
    const second = await previewFile(readReal(file), { ...opts, existing });
    expect(second.checksum).toBe(first.checksum);
    expect(second.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(second.counts.new).toBe(0);
    expect(second.counts.updated).toBe(0);
    expect(second.counts.unchanged).toBe(first.counts.new);
    expect(second.mutations).toHaveLength(0);
  });
});

describe.skipIf(!realFilesPresent)(title('KSIC 10th revision code table (table stage)'), () => {
  let table: ImportTable;
  beforeAll(async () => {
    table = await readTable(readReal('ksic10-codes.xlsx'), { fileName: 'ksic10-codes.xlsx' });
  }, 60_000);

  it('combines the two header rows under the merged title', () => {
    expect(table.headerRows).toEqual([2, 3]);
    expect(table.headers[0]).toBe('대분류(21) 코드');
    expect(table.headers[9]).toBe('세세분류(1,196) 항목명');
  });

  it('keeps all 1,196 five-digit codes as text with their leading zeros, parents filled down', () => {
    const codes = table.rows.map((r) => r.cells[8]);
    expect(codes).toHaveLength(1196);
    expect(codes.every((c) => typeof c === 'string' && /^\d{5}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(1196);
    expect(codes[0]).toBe('01110');
    const row = table.rows.find((r) => r.cells[8] === '01122')!;
    expect(row.cells.slice(0, 8)).toEqual([
      'A',
      '농업, 임업 및 어업(01~03)',
      '01',
      '농업',
      '011',
      '작물 재배업',
      '0112',
      '채소, 화훼작물 및 종묘 재배업',
    ]);
    expect(new Set(table.rows.map((r) => r.cells[0])).size).toBe(21);
    expect(new Set(table.rows.map((r) => r.cells[2])).size).toBe(77);
  });
});

describe.skipIf(!realFilesPresent)(title('KICOX complex survey 2023 Q4 (table stage)'), () => {
  const file = 'kicox-complex-survey-2023q4.xlsx';
  let table: ImportTable;
  beforeAll(async () => {
    table = await readTable(readReal(file), { fileName: file });
  }, 60_000);

  it('picks the main sheet by default and lists every sheet', () => {
    expect(table.sheet).toBe('전국산업단지현황');
    expect(table.sheets).toHaveLength(13);
    // The used range of this sheet is 16,326 columns wide; only ~20 hold data.
    const wide = table.sheets.find((s) => s.name === '부록5)스마트그린산단')!;
    expect(wide.columns).toBeLessThanOrEqual(25);
  });

  it('combines header rows 5–6 and reads the unit cell', () => {
    expect(table.headerRows).toEqual([5, 6]);
    expect(table.headers.slice(0, 4)).toEqual(['유형', '시도', '시군', '단지명']);
    expect(table.headers).toContain('산업시설구역 분양률');
    expect(table.headers).toContain('고용현황(명) 계');
    expect(table.unitHint?.units).toEqual(['개', '천㎡', '명', '백만원', '천달러', '%']);
    expect(table.unitHint?.money.KRW?.factor).toBe(1_000_000);
    expect(table.unitHint?.money.USD?.factor).toBe(1_000);
    expect(table.columnUnits[17]?.label).toBe('백만원');
  });

  it('has 1,390 complexes: 국가 88, 일반 777, 농공 481, 도시첨단 44', () => {
    expect(table.rows).toHaveLength(1390);
    const byType: Record<string, number> = {};
    for (const r of table.rows) byType[String(r.cells[0])] = (byType[String(r.cells[0])] ?? 0) + 1;
    expect(byType).toEqual({ 국가: 88, 일반: 777, 농공: 481, 도시첨단: 44 });
    expect(table.rows.some((r) => r.isTotal)).toBe(false);
  });

  it('detects indented child rows and never double-counts their parents', () => {
    const parent = table.rows.find((r) => r.rowNumber === 12)!;
    expect(parent.cells[3]).toBe('명지·녹산 (① + ②)');
    expect(parent.isParent).toBe(true);
    const child = table.rows.find((r) => r.rowNumber === 13)!;
    expect(child.cells[3]).toBe('녹산지구(산업단지) (①)'); // NBSP indentation stripped
    expect(child.level).toBe(1);
    expect(child.parentRowNumber).toBe(12);
    expect(table.rows.some((r) => r.level === 2)).toBe(true); // `▷` grandchildren
    // Each parent equals the sum of its children (where none is withheld).
    const production = 17;
    let checked = 0;
    for (const p of table.rows.filter((r) => r.isParent)) {
      const kids = table.rows.filter((r) => r.parentRowNumber === p.rowNumber);
      if ([p, ...kids].some((r) => typeof r.cells[production] !== 'number')) continue;
      const sum = kids.reduce((s, r) => s + (r.cells[production] as number), 0);
      expect(sum).toBeCloseTo(p.cells[production] as number, 0);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    const naive = table.rows.reduce(
      (s, r) => s + (typeof r.cells[production] === 'number' ? (r.cells[production] as number) : 0),
      0,
    );
    const topLevel = table.rows
      .filter((r) => r.parentRowNumber === null)
      .reduce(
        (s, r) =>
          s + (typeof r.cells[production] === 'number' ? (r.cells[production] as number) : 0),
        0,
      );
    expect(sumColumn(table.rows, production)).toBeCloseTo(topLevel, 0);
    expect(sumColumn(table.rows, production)).toBeLessThan(naive);
  });

  it('reads `X` (withheld for ≤ 2 firms) as empty with a note', () => {
    const row = table.rows.find((r) => r.rowNumber === 37)!;
    expect(row.cells[14]).toBeNull();
    expect(row.cells[17]).toBeNull();
    expect(row.notes.map((n) => n.message)).toContain(
      'R열의 "X"(비공개 값)를 빈 값으로 읽었습니다',
    );
  });

  it('reads another sheet on request: totals rows flagged, formulas as cached values, text dates', async () => {
    const t = await readTable(readReal(file), {
      fileName: file,
      sheet: '부록1)신규지정 및 해제현황',
    });
    const total = t.rows.find((r) => r.rowNumber === 4)!;
    expect(total.isTotal).toBe(true);
    expect(total.cells[4]).toBeCloseTo(12573.3); // `=SUM(E5,E8,E21,E24)`'s cached result
    expect(t.rows.find((r) => r.rowNumber === 5)?.isTotal).toBe(true); // `국가산업단지 합계: 2개`
    expect(t.rows.find((r) => r.rowNumber === 6)).toMatchObject({ isTotal: false });
    expect(t.rows.find((r) => r.rowNumber === 6)?.cells[6]).toBe('2023-10-30');
  }, 60_000);
});
