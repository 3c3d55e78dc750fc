import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  directDependencies,
  inspectNodeModules,
  lockHash,
  nodeModulesAction,
  SETUP_RECORD,
  setupRecord,
} from '../../../scripts/setup-node-modules.mjs';
import {
  fakeIo,
  freshMachine,
  hiddenLockfile,
  layOutNodeModules,
  LOCK,
  ROOT,
  type FakeMachine,
} from './fakeSetupIo';

const nodeModules = join(ROOT, 'node_modules');
const recordPath = join(nodeModules, SETUP_RECORD);
const hiddenPath = join(nodeModules, '.package-lock.json');

/** node_modules as left by this script's own `npm ci`: packages plus our record. */
function installedMachine(): FakeMachine {
  const machine = freshMachine();
  layOutNodeModules(machine);
  machine.files.set(recordPath, setupRecord(lockHash(LOCK)));
  return machine;
}

describe('inspectNodeModules', () => {
  it('is missing when there is no node_modules, and installing says why in Korean and English', () => {
    const inspection = inspectNodeModules(ROOT, fakeIo(freshMachine()));
    expect(inspection).toMatchObject({ state: 'missing', linked: false, lockHash: lockHash(LOCK) });
    expect(nodeModulesAction(inspection)).toEqual({
      action: 'install',
      line: '의존성을 설치합니다(node_modules 없음): npm ci … / Installing dependencies (no node_modules): npm ci …',
    });
  });

  it('is installed when the recorded lock hash matches and every direct dependency is there', () => {
    const io = fakeIo(installedMachine());
    const inspection = inspectNodeModules(ROOT, io);
    expect(inspection.state).toBe('installed');
    expect(nodeModulesAction(inspection)).toEqual({ action: 'none' });
    // The fast path reads three small files and never walks the tree or npm's hidden lockfile.
    expect(io.reads.sort()).toEqual(
      [join(ROOT, 'package-lock.json'), join(ROOT, 'package.json'), recordPath].sort(),
    );
  });

  it('is stale when package-lock.json changed since the last npm ci', () => {
    const machine = installedMachine();
    machine.files.set(join(ROOT, 'package-lock.json'), LOCK.replace('19.3.1', '19.4.0'));
    const inspection = inspectNodeModules(ROOT, fakeIo(machine));
    expect(inspection).toMatchObject({ state: 'stale', reasonEn: 'package-lock.json changed' });
    expect(nodeModulesAction(inspection).action).toBe('install');
  });

  it('is stale when a direct dependency folder was removed by hand, naming it', () => {
    const machine = installedMachine();
    machine.files.delete(join(nodeModules, '@types/node', 'package.json'));
    const inspection = inspectNodeModules(ROOT, fakeIo(machine));
    expect(inspection).toMatchObject({
      state: 'stale',
      reasonKo: '@types/node 폴더가 없음',
      reasonEn: 'the @types/node folder is missing',
    });
    expect(nodeModulesAction(inspection)).toMatchObject({ action: 'install' });
  });

  it('adopts an install without our record when npm’s hidden lockfile matches the lock file', () => {
    const machine = freshMachine();
    layOutNodeModules(machine); // a plain `npm ci` from before this script: no record
    expect(inspectNodeModules(ROOT, fakeIo(machine))).toMatchObject({
      state: 'installed',
      adopted: true,
    });
  });

  it('does not adopt when the hidden lockfile shows another version, a missing or an extra package', () => {
    const edits: Array<(packages: Record<string, object>) => void> = [
      (p) => (p['node_modules/zod'] = { version: '3.0.0' }),
      (p) => delete p['node_modules/vite'],
      (p) => (p['node_modules/left-pad'] = { version: '1.0.0' }),
    ];
    for (const edit of edits) {
      const machine = freshMachine();
      layOutNodeModules(machine);
      machine.files.set(hiddenPath, hiddenLockfile(edit));
      expect(inspectNodeModules(ROOT, fakeIo(machine)).state).toBe('stale');
    }
  });

  it('is stale when node_modules exists with neither record nor hidden lockfile', () => {
    const machine = freshMachine();
    layOutNodeModules(machine);
    machine.files.delete(hiddenPath);
    expect(inspectNodeModules(ROOT, fakeIo(machine))).toMatchObject({
      state: 'stale',
      reasonEn: 'the last install does not match package-lock.json',
    });
  });

  it('never reinstalls a linked (shared) node_modules: a mismatch is only a warning', () => {
    const machine = installedMachine();
    machine.links.add(nodeModules);
    machine.files.delete(join(nodeModules, 'vite', 'package.json'));
    const inspection = inspectNodeModules(ROOT, fakeIo(machine));
    expect(inspection).toMatchObject({ state: 'stale', linked: true });
    const action = nodeModulesAction(inspection);
    expect(action.action).toBe('warn');
    expect(action.action !== 'none' && action.line).toMatch(/^주의: .* \/ Warning: .*vite/);
  });

  it('a linked node_modules that matches needs nothing', () => {
    const machine = installedMachine();
    machine.links.add(nodeModules);
    expect(nodeModulesAction(inspectNodeModules(ROOT, fakeIo(machine)))).toEqual({
      action: 'none',
    });
  });
});

describe('directDependencies', () => {
  it('checks every runtime and dev dependency of the real package.json', () => {
    const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const names = directDependencies(packageJson);
    expect(names).toContain('react');
    expect(names).toContain('@playwright/test');
    expect(names).toHaveLength(
      Object.keys(packageJson.dependencies).length +
        Object.keys(packageJson.devDependencies).length,
    );
  });
});

describe('setupRecord', () => {
  it('records the lock hash that the fast path compares', () => {
    const record = JSON.parse(setupRecord('abc', new Date('2026-01-02T03:04:05Z'))) as object;
    expect(record).toEqual({ lockHash: 'abc', installedAt: '2026-01-02T03:04:05.000Z' });
  });
});
