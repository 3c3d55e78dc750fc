/**
 * Seeded fuzzing of the whole pipeline: every broken input must end as an ImportError with a
 * Korean message (never a wrapped unexpected error) or as a preview with row errors — never a
 * crash, a hang or another kind of exception.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError, previewFile, type ImportPreview } from '../../../../shared/import';
import { readFixture, utf8 } from './helpers';
import { mulberry32 as rng } from '../../../../shared/demo/random';

type Mutator = (bytes: Uint8Array, rand: () => number) => Uint8Array;

const truncate: Mutator = (b, r) => b.slice(0, Math.floor(r() * b.length));
const badBytes: Mutator = (b, r) => {
  const out = b.slice();
  const n = 1 + Math.floor(r() * 8);
  for (let i = 0; i < n; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
  return out;
};
const spliceGarbage: Mutator = (b, r) => {
  const at = Math.floor(r() * b.length);
  const junk = Uint8Array.from({ length: 1 + Math.floor(r() * 64) }, () => Math.floor(r() * 256));
  return new Uint8Array([...b.subarray(0, at), ...junk, ...b.subarray(at)]);
};

/** Text-level mutations of a CSV: huge cells, wrong types, broken quotes, stray delimiters. */
function mutateCsvText(text: string, r: () => number): string {
  const lines = text.split('\n');
  const i = 3 + Math.floor(r() * Math.max(1, lines.length - 4));
  const cells = (lines[i] ?? '').split(',');
  const c = Math.floor(r() * Math.max(1, cells.length));
  const choices = [
    () => '가'.repeat(33_000 + Math.floor(r() * 5000)),
    () => 'abc',
    () => String(r() * 1e12),
    () => '"unclosed',
    () => '2006.13.45',
    () => '-',
    () => 'X',
    () => '\u00a0\u00a0▷ 하위',
    () => '합계',
    () => ';|\t',
  ];
  cells[c] = choices[Math.floor(r() * choices.length)]!();
  lines[i] = cells.join(',');
  return lines.join('\n');
}

async function smallXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('회원사');
  ws.addRow(['2024 회원사 (단위 : 백만원)']);
  ws.addRow(['기업명', '사업자등록번호', '기관유형', '매출액', '설립일']);
  for (let i = 0; i < 30; i++) {
    ws.addRow([
      `회사${i}`,
      '123-45-67891',
      '기업',
      { formula: `${i}*2`, result: i * 2 },
      new Date(Date.UTC(2006, 3, 1 + i)),
    ]);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function checkOutcome(outcome: ImportPreview | unknown): void {
  if (outcome instanceof Error || !(outcome && typeof outcome === 'object' && 'rows' in outcome)) {
    expect(outcome).toBeInstanceOf(ImportError);
    const e = outcome as ImportError;
    expect(e.code).not.toBe('internal'); // an unexpected exception wrapped as a last resort
    expect(e.message).toMatch(/[가-힣]/);
    return;
  }
  const p = outcome as ImportPreview;
  for (const e of p.errors) expect(e.text).toMatch(/^(\[.+\] )?\d+행( [A-Z]+열)?: ./);
  const total = Object.values(p.counts).reduce((a, b) => a + b, 0);
  expect(total).toBe(p.rows.length);
}

async function run(bytes: Uint8Array, fileName: string): Promise<unknown> {
  try {
    return await previewFile(bytes, { fileName, entity: 'organization' });
  } catch (e) {
    return e;
  }
}

describe('fuzz: broken inputs give clear errors, never crashes', () => {
  let csv: Uint8Array;
  let xlsx: Uint8Array;
  beforeAll(async () => {
    csv = readFixture('organizations-messy.csv');
    xlsx = await smallXlsx();
  });

  it('mutated CSV bytes (UTF-8 and CP949): 80 cases', async () => {
    const r = rng(20240611);
    const text = new TextDecoder().decode(csv);
    const bases = [csv, new Uint8Array(iconv.encode(text, 'cp949'))];
    const mutators = [truncate, badBytes, spliceGarbage];
    for (let i = 0; i < 80; i++) {
      const m = mutators[i % mutators.length]!;
      checkOutcome(await run(m(bases[i % 2]!, r), 'fuzz.csv'));
    }
  });

  it('mutated CSV text (huge cells, wrong types, broken quotes): 60 cases', async () => {
    const r = rng(7);
    let text = new TextDecoder().decode(csv);
    let sawRowError = false;
    for (let i = 0; i < 60; i++) {
      text = i % 10 === 0 ? new TextDecoder().decode(csv) : mutateCsvText(text, r);
      const outcome = await run(utf8(text), 'fuzz.csv');
      checkOutcome(outcome);
      if (outcome && typeof outcome === 'object' && 'errors' in outcome)
        sawRowError ||= (outcome as ImportPreview).errors.length > 0;
    }
    expect(sawRowError).toBe(true);
  });

  it('corrupted and truncated XLSX: 60 cases', async () => {
    const r = rng(42);
    const mutators = [truncate, badBytes, spliceGarbage];
    for (let i = 0; i < 60; i++) {
      const m = mutators[i % mutators.length]!;
      checkOutcome(await run(m(xlsx, r), 'fuzz.xlsx'));
    }
  }, 120_000);
});
