import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureDir, repoRoot } from './helpers';

const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');
const cli = (...args: string[]) =>
  spawnSync(tsx, ['scripts/cli.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
const messy = resolve(fixtureDir, 'organizations-messy.csv');

// Each case starts tsx (a few seconds, far more on a loaded machine): a generous per-test bound.
describe('npm run cli -- check', { timeout: 240_000 }, () => {
  it('prints the preview and exits 1 when rows have errors', () => {
    const r = cli('check', messy, '--entity', 'organization');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('인코딩: utf-8');
    expect(r.stdout).toContain('머리글 행: 3행');
    expect(r.stdout).toContain('매출액(백만원) → revenueKrw');
    expect(r.stdout).toContain('6행 B열: 사업자등록번호 검증숫자가 맞지 않습니다');
  });

  it('prints JSON with --json, and exits 0 when every row is fine', () => {
    const ok = resolve(fixtureDir, 'organizations-clean.tsv');
    const r = cli('check', ok, '--entity', 'organization', '--json');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      counts: Record<string, number>;
      delimiter: string;
      warnings: string[];
    };
    expect(summary.delimiter).toBe('\t');
    expect(summary.counts).toMatchObject({ new: 2, error: 0 });
    expect(summary.warnings).toContain('매출액(원): 억원 단위를 원(으)로 바꿨습니다');
  });

  it('exits 2 with a Korean message on bad usage or an unreadable file', () => {
    const usage = cli('check', messy);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--entity 를 지정하세요');
    const missing = cli('check', resolve(fixtureDir, 'nope.csv'), '--entity', 'organization');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('파일을 열 수 없습니다');
    const empty = join(mkdtempSync(join(tmpdir(), 'pumasi-cli-')), 'empty.csv');
    writeFileSync(empty, '');
    const unreadable = cli('check', empty, '--entity', 'organization');
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toContain('빈 파일입니다');
    const badEntity = cli('check', messy, '--entity', 'planet');
    expect(badEntity.status).toBe(2);
    expect(badEntity.stderr).toContain('알 수 없는 엔터티: planet');
  });

  it('--records writes what would be stored, one JSON line per row (CP949 register, 순번, 미등록)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pumasi-cli-'));
    const file = join(dir, '입주기업.csv');
    // A register as public offices publish it: CP949, serial column, no kind column, 미등록 cells.
    const text = [
      '순번,업체명,대표자,사업자등록번호,전화번호,업종',
      '1,가온정밀,김가온,1234567891,미등록,기계',
      '2,나래광학,이나래,2148654322,ARS-1566-2718,광학',
      '3,다온메디칼,-,,051-123-4567~8,의료기기',
    ].join('\r\n');
    writeFileSync(file, iconv.encode(text, 'cp949'));
    const out = join(dir, 'records.jsonl');
    const r = cli('check', file, '--entity', 'organization', '--records', out);
    expect(r.stdout).toContain('순번 → (가져오지 않음): 일련번호 열');
    expect(r.stdout).toContain('모든 행에 같은 값: 기관유형 = 기업');
    expect(r.status).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { row: number; sheet: null; op: string; values: object });
    expect(lines).toEqual([
      {
        row: 2,
        sheet: null,
        op: 'create',
        values: {
          name: '가온정밀',
          kind: 'company',
          brn: '123-45-67891',
          representative: '김가온',
          industryName: '기계',
        },
      },
      expect.objectContaining({
        row: 3,
        values: expect.objectContaining({ phone: 'ARS-1566-2718' }),
      }),
      expect.objectContaining({
        row: 4,
        values: expect.objectContaining({ phone: '051-123-4567~8' }),
      }),
    ]);
    // --set replaces the proposal.
    const set = cli(
      'check',
      file,
      '--entity',
      'organization',
      '--set',
      'kind=대학',
      '--records',
      out,
    );
    expect(set.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"kind":"university"');
  });
});
