import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildErrorReport,
  buildPreview,
  headerSignature,
  ImportError,
  mapColumns,
  previewFile,
  readTable,
  type ExistingRecord,
} from '../../../../shared/import';
import { getEntity } from '../../../../shared/registry';
import { readFixture, utf8 } from './helpers';

const organization = getEntity('organization');
const messy = () => readFixture('organizations-messy.csv');
const opts = { fileName: 'organizations-messy.csv', entity: 'organization' as const };

describe('mapping', () => {
  it('maps headers through labels and synonyms, loosely about spaces and brackets', () => {
    const m = mapColumns(
      ['상 호', '사업자 번호', '매출액(억원)', '대표 자', '모르는 열'],
      organization,
    );
    expect(m.map((x) => x.field)).toEqual(['name', 'brn', 'revenueKrw', 'representative', null]);
    expect(m[0]).toMatchObject({ column: 0, header: '상 호', confidence: 1 });
    expect(m[2]!.confidence).toBeLessThan(1);
  });

  it('gives the same signature to the same headers however they are spaced', () => {
    expect(headerSignature(['기업명', '대표자'])).toBe(headerSignature(['기업 명', ' 대표자 ']));
    expect(headerSignature(['기업명', '대표자'])).not.toBe(headerSignature(['대표자', '기업명']));
  });
});

describe('buildPreview on a messy member list', () => {
  it('classifies rows and lists every error with its row and column letter', async () => {
    const p = await previewFile(messy(), opts);
    expect(p.headerRow).toBe(3);
    expect(p.counts).toEqual({
      new: 3,
      updated: 0,
      unchanged: 0,
      duplicate: 0,
      skipped: 1,
      error: 1,
    });
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]).toMatchObject({
      sheet: null,
      row: 6,
      column: 'B',
      field: 'brn',
      text: '6행 B열: 사업자등록번호 검증숫자가 맞지 않습니다',
    });
    expect(p.rows.find((r) => r.rowNumber === 8)?.status).toBe('skipped'); // 합계
  });

  it('converts units to KRW / USD integers and reads `X` and thousands separators', async () => {
    const p = await previewFile(messy(), opts);
    const gaon = p.rows.find((r) => r.rowNumber === 4)!;
    // 매출액(백만원) 350 → 350,000,000 원; 수출액 in 천달러 (from the unit row) 120 → 120,000 달러.
    expect(gaon.values).toMatchObject({
      revenueKrw: 350_000_000,
      exportsUsd: 120_000,
      employees: 1200,
    });
    expect(gaon.values.brn).toBe('123-45-67891');
    const narae = p.rows.find((r) => r.rowNumber === 5)!;
    expect(narae.values.revenueKrw).toBeUndefined();
    expect(narae.notes.join()).toContain('"X"(비공개 값)');
    expect(p.mutations[0]).toEqual({ entity: 'organization', op: 'create', values: gaon.values });
  });

  it('finds existing records by BRN or by normalised name + address: updated vs unchanged', async () => {
    const first = await previewFile(messy(), opts);
    const created = first.mutations.map((m, i): ExistingRecord => ({ id: `id${i}`, ...m.values }));
    // One record changed since: its employees differ; it must come back as an update.
    created[0] = { ...created[0]!, employees: 999 };
    // One no longer has its BRN: name + blank address alone does not match a row that has a BRN
    // (keys with a blank part match only records equal on every key part). It is new again,
    // offered to the user as maybe the same (its name is a weak key).
    created[1] = { ...created[1]!, brn: null };
    const second = await previewFile(messy(), { ...opts, existing: created });
    // 한빛대학교 has neither BRN nor address on both sides: blank = blank, unchanged.
    expect(second.counts).toMatchObject({ new: 1, updated: 1, unchanged: 1, error: 1 });
    expect(second.mutations).toContainEqual({
      entity: 'organization',
      op: 'update',
      id: 'id0',
      values: { employees: 1200 },
    });
    expect(second.rows.find((r) => r.rowNumber === 5)).toMatchObject({
      status: 'new',
      maybeSame: [{ id: 'id1', title: '㈜나래광학' }],
    });
    expect(second.possibleMatches.map((m) => m.text)).toEqual([
      '5행: 이미 있는 "㈜나래광학"와(과) 같은 항목일 수 있음: 새로 만들지, 같은 항목으로 합칠지 고르세요',
    ]);
    // Each changed field is listed as before → after for the preview.
    expect(
      second.updates.map((u) =>
        u.changes.map((c) => `${c.label}: ${c.beforeText} → ${c.afterText}`),
      ),
    ).toEqual([['종업원수: 999 → 1,200']]);
    expect(second.rows.find((r) => r.rowNumber === 7)).toMatchObject({
      status: 'unchanged',
      id: 'id2',
    });
    // The user says row 5 is the same: then it is matched, and its BRN is filled in.
    const decided = await previewFile(messy(), {
      ...opts,
      existing: created,
      sameAs: { 5: 'id1' },
    });
    expect(decided.rows.find((r) => r.rowNumber === 5)).toMatchObject({
      status: 'updated',
      id: 'id1',
      changes: [{ field: 'brn', before: null, after: '214-86-54322' }],
    });
  });

  it('matches name + address across legal-form spellings, spaces and NBSP', async () => {
    const csv = '기업명,주소,기관유형\n㈜나래광학,경기도 화성시  동탄로 1,기업\n';
    const existing: ExistingRecord[] = [
      {
        id: 'n1',
        name: '나래광학 주식회사',
        address: '경기도\u00a0화성시 동탄로 1',
        kind: 'company',
      },
    ];
    const p = await previewFile(utf8(csv), { fileName: 'a.csv', entity: 'organization', existing });
    expect(p.rows[0]).toMatchObject({ status: 'updated', id: 'n1' });
    expect(p.rows[0]!.changedFields.sort()).toEqual(['address', 'name']);
    const again = await previewFile(utf8(csv + '(주)나래광학,경기도 화성시 동탄로 1,기업\n'), {
      fileName: 'a.csv',
      entity: 'organization',
    });
    expect(again.rows[1]).toMatchObject({ status: 'duplicate', duplicateOf: 2 });
  });

  it('accepts an explicit mapping and defaults for unmapped required fields', async () => {
    const table = await readTable(messy(), { fileName: 'm.csv' });
    const mapping = mapColumns(table.headers, organization).map((m) =>
      m.field === 'kind' || m.field === 'brn' ? { ...m, field: null } : m,
    );
    const p = await buildPreview(table, {
      entity: organization,
      mapping,
      defaults: { kind: 'university' },
    });
    expect(p.counts.error).toBe(0);
    expect(p.rows.find((r) => r.rowNumber === 4)?.values.kind).toBe('university');
    const without = await buildPreview(table, {
      entity: organization,
      mapping,
      suggestDefaults: false,
    });
    expect(without.errors[0]?.text).toBe('4행: 기관유형을(를) 입력하세요');
  });

  it('reports progress and stops with a Korean error when cancelled', async () => {
    const table = await readTable(messy(), { fileName: 'm.csv' });
    const stages: string[] = [];
    await buildPreview(table, {
      entity: organization,
      onProgress: (f, s) => stages.push(`${s}:${f}`),
    });
    expect(stages.at(-1)).toBe('validate:1');
    const ac = new AbortController();
    ac.abort();
    await expect(buildPreview(table, { entity: organization, signal: ac.signal })).rejects.toThrow(
      new ImportError('aborted').message,
    );
  });
});

describe('XLSX import and the error report', () => {
  async function workbookBytes(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('안내').addRow(['이 시트는 설명입니다']);
    const ws = wb.addWorksheet('회원사');
    ws.addRow(['2024 회원사']);
    ws.mergeCells('A1:D1');
    ws.addRow(['기업명', '사업자등록번호', '기관유형', '매출액']);
    ws.addRow(['가온정밀', '1234567891', '기업', { formula: 'B9*0', result: 5_000_000 }]);
    ws.addRow(['나래광학', '2148654323', '기업', 100]);
    ws.addRow(['다온', '6068123455', '모름', '1,000']);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('picks the sheet with data, reads cached formula results, prefixes errors with the sheet', async () => {
    const p = await previewFile(await workbookBytes(), {
      fileName: 'm.xlsx',
      entity: 'organization',
    });
    expect(p.sheet).toBe('회원사');
    expect(p.encoding).toBeNull();
    expect(p.rows.find((r) => r.rowNumber === 3)?.values.revenueKrw).toBe(5_000_000);
    expect(p.errors.map((e) => e.text)).toEqual([
      '[회원사] 4행 B열: 사업자등록번호 검증숫자가 맞지 않습니다',
      '[회원사] 5행 C열: 기관유형: 목록에 없는 값입니다',
    ]);
  });

  it('writes the errors to an XLSX with sheet, row, column and message', async () => {
    const p = await previewFile(await workbookBytes(), {
      fileName: 'm.xlsx',
      entity: 'organization',
    });
    const bytes = await buildErrorReport(p);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '시트', '행', '열', '항목', '내용']);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '회원사',
      4,
      'B',
      '사업자등록번호', // the field's label, never its key (`brn`)
      '사업자등록번호 검증숫자가 맞지 않습니다',
    ]);
    expect(ws.rowCount).toBe(3);
  });

  it('refuses an unknown sheet name with the list of sheets', async () => {
    await expect(
      readTable(await workbookBytes(), { fileName: 'm.xlsx', sheet: '없음' }),
    ).rejects.toThrow('"없음" 시트가 없습니다. 있는 시트: 안내, 회원사');
  });
});

it('rejects text that is not a table at all with a clear error', async () => {
  await expect(readTable(utf8('1\n2\n3\n'), { fileName: 'n.csv' })).rejects.toBeInstanceOf(
    ImportError,
  );
});
