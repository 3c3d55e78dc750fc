import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockHash, SETUP_RECORD, setupRecord } from '../../../scripts/setup-node-modules.mjs';
import { ensureSetup } from '../../../scripts/setup.mjs';
import {
  fakeIo,
  freshMachine,
  installSystemPieces,
  layOutNodeModules,
  LOCK,
  ROOT,
  type FakeMachine,
} from './fakeSetupIo';

const recordPath = join(ROOT, 'node_modules', SETUP_RECORD);
const NPM_CI = 'npm ci --no-audit --no-fund';

/** npm ci on the fake machine lays out node_modules (and apt-get installs the pieces). */
function wire(machine: FakeMachine) {
  machine.onExec.set(NPM_CI, () => layOutNodeModules(machine));
  machine.onExec.set(
    'apt-get install -y chromium fontconfig fonts-nanum postgresql poppler-utils',
    () => installSystemPieces(machine),
  );
  return machine;
}

function run(machine: FakeMachine, profile: string) {
  const io = fakeIo(machine);
  const lines: string[] = [];
  const result = ensureSetup({ profile, root: ROOT, io, log: (line) => lines.push(line) });
  return { result, io, lines };
}

describe('ensureSetup', () => {
  it('on a fresh machine as root: apt-get update once, installs the pieces, then npm ci', () => {
    const machine = wire(freshMachine());
    const { result, io, lines } = run(machine, 'test');
    expect(result).toEqual({ ok: true });
    expect(io.execs).toEqual([
      'apt-get update',
      'apt-get install -y chromium fontconfig fonts-nanum postgresql poppler-utils',
      NPM_CI,
    ]);
    expect(lines[0]).toMatch(/^시스템 패키지를 설치합니다.* \/ Installing system packages/);
    expect(lines[1]).toMatch(/^의존성을 설치합니다\(node_modules 없음\)/);
    expect(lines[2]).toMatch(/^의존성 설치 완료\(\d+초\)\. \/ Dependencies installed/);
    // The record makes the next run a hash comparison.
    expect(JSON.parse(machine.files.get(recordPath) ?? '{}')).toMatchObject({
      lockHash: lockHash(LOCK),
    });
    const again = run(machine, 'test');
    expect(again.io.execs).toEqual([]);
    expect(again.lines).toEqual([]);
  });

  it('as a normal user stops with one line before running anything, not even npm ci', () => {
    const machine = wire(freshMachine({ uid: 1000 }));
    machine.executables.add('/usr/bin/chromium');
    const { result, io, lines } = run(machine, 'test');
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.line).toContain(
      'sudo apt-get install -y fontconfig fonts-nanum postgresql poppler-utils',
    );
    expect(io.execs).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('npm start needs no system piece: it neither probes nor installs any', () => {
    const machine = wire(freshMachine({ uid: 1000 }));
    const { result, io } = run(machine, 'start');
    expect(result).toEqual({ ok: true });
    expect(io.runs).toEqual([]);
    expect(io.execs).toEqual([NPM_CI]);
  });

  it('repairs a node_modules whose dependency folder was removed by hand', () => {
    const machine = wire(freshMachine());
    installSystemPieces(machine);
    layOutNodeModules(machine);
    machine.files.set(recordPath, setupRecord(lockHash(LOCK)));
    machine.files.delete(join(ROOT, 'node_modules', 'zod', 'package.json'));
    const { result, io, lines } = run(machine, 'test');
    expect(result).toEqual({ ok: true });
    expect(io.execs).toEqual([NPM_CI]);
    expect(lines[0]).toContain('Installing dependencies (the zod folder is missing)');
  });

  it('reports a failed npm ci and writes no record, so the next run tries again', () => {
    const machine = wire(freshMachine());
    machine.execStatus.set(NPM_CI, 1);
    const { result } = run(machine, 'start');
    expect(result).toEqual({
      ok: false,
      line: 'npm ci 실패(코드 1): 위 출력 참고. / npm ci failed (code 1): see above.',
    });
    expect(machine.files.has(recordPath)).toBe(false);
  });

  it('stops when apt-get ran but a piece is still missing', () => {
    const machine = freshMachine(); // apt-get "succeeds" but installs nothing
    const { result, io } = run(machine, 'bench');
    expect(!result.ok && result.line).toMatch(/^시스템 패키지 설치에 실패했습니다: chromium/);
    expect(io.execs).not.toContain(NPM_CI);
  });

  it('never reinstalls a linked node_modules; warns and goes on', () => {
    const machine = wire(freshMachine());
    machine.links.add(join(ROOT, 'node_modules'));
    const { result, io, lines } = run(machine, 'start');
    expect(result).toEqual({ ok: true });
    expect(io.execs).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^주의: node_modules가 .* \/ Warning: node_modules is a link/);
  });

  it('PUMASI_SYSTEM_SETUP=off skips the system pieces for those who manage them', () => {
    const machine = wire(freshMachine({ uid: 1000, env: { PUMASI_SYSTEM_SETUP: 'off' } }));
    const { result, io } = run(machine, 'test');
    expect(result).toEqual({ ok: true });
    expect(io.runs).toEqual([]);
    expect(io.execs).toEqual([NPM_CI]);
  });

  it('runs npm ci through the npm that started us (npm_execpath), with Node', () => {
    const machine = freshMachine({
      env: { npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' },
    });
    const { io } = run(machine, 'server');
    expect(io.execs).toEqual([
      `${process.execPath} /usr/lib/node_modules/npm/bin/npm-cli.js ci --no-audit --no-fund`,
    ]);
  });

  it('rejects an unknown profile or piece, installing nothing', () => {
    for (const options of [{ profile: 'deploy' }, { profile: 'test', need: ['toString'] }]) {
      const io = fakeIo(freshMachine());
      const result = ensureSetup({ ...options, root: ROOT, io, log: () => {} });
      expect(result.ok).toBe(false);
      expect(io.execs).toEqual([]);
    }
  });
});
