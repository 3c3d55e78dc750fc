import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
});
