/** `npm run cli -- check … --all-sheets | --sheet S` on KICOX and ordinary workbooks. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers';
import { buildKicoxWorkbook } from '../../../../support/kicoxWorkbook';

const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');
const cli = (...args: string[]) =>
  spawnSync(tsx, ['scripts/cli.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 90_000 });
const dir = mkdtempSync(join(tmpdir(), 'pumasi-kicox-cli-'));
const kicox = join(dir, 'kicox.xlsx');
const plain = join(dir, 'two-lists.xlsx');
let expectedCount = 0;

beforeAll(async () => {
  const wb = await buildKicoxWorkbook({ year: 2026, quarter: 1, productionTotalError: 50 });
  expectedCount = wb.expected.length;
  writeFileSync(kicox, wb.bytes);
  const book = new ExcelJS.Workbook();
  const a = book.addWorksheet('기업');
  a.addRow(['기관명', '대표자']);
  a.addRow(['창원정밀', '김철수']);
  book.addWorksheet('빈 시트');
  writeFileSync(plain, new Uint8Array(await book.xlsx.writeBuffer()));
});

// Each case starts the CLI through tsx (~10 s on a loaded machine): more than the default wait.
describe('npm run cli -- check with a workbook', { timeout: 120_000 }, () => {
  it('checks every KICOX table of the workbook as indicators, with per-sheet counts', () => {
    const r = cli('check', kicox, '--entity', 'indicator', '--all-sheets');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('[표4 생산] 2026년 1분기 · 생산액 · (단위 : 억원, %) · 머리글 3행');
    expect(r.stdout).toContain('  새 항목 12 · 바뀜 0');
    expect(r.stdout).toContain('[표4 생산] 10행 C열: 계 행: 합계');
    expect(r.stdout).toContain(
      '  [참고_입주기업] 제목에서 분기(예: 2026년 1분기)를 찾지 못했습니다',
    );
    expect(r.stdout).toContain(`전체: 새 항목 ${expectedCount}`);
  });

  it('checks one sheet with --sheet, as JSON with --json', () => {
    const r = cli('check', kicox, '--entity', 'indicator', '--sheet', '표5 수출', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      sheets: Array<{ sheet: string; counts: { new: number } }>;
    };
    expect(out.sheets).toEqual([
      expect.objectContaining({ sheet: '표5 수출', counts: expect.objectContaining({ new: 12 }) }),
    ]);
  });

  it('checks each sheet of an ordinary workbook and lists unreadable ones as skipped', () => {
    const r = cli('check', plain, '--entity', 'organization', '--all-sheets', '--set', 'kind=기업');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('파일: two-lists.xlsx (시트: 기업)');
    expect(r.stdout).toMatch(/\[빈 시트\] 건너뜀: .+/);
  });

  it('refuses --sheet together with --all-sheets', () => {
    const r = cli('check', kicox, '--entity', 'indicator', '--sheet', '표5 수출', '--all-sheets');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--sheet 와 --all-sheets 는 함께 쓸 수 없습니다');
  });
});
