#!/usr/bin/env node
// One setup step before `npm start`, `npm test`, `npm run bench` and `npm run server`:
//   node scripts/setup.mjs --for start|test|bench|server [--need postgresql,poppler]
// 1. the system pieces the command needs (test: Chromium, a Korean font, PostgreSQL, poppler),
//    installed with apt-get when root may, otherwise ONE line naming the package and command;
// 2. node_modules matching package-lock.json, else `npm ci` (when it matches: one hash and a few
//    stat calls). Plain Node builtins only: this runs before node_modules exists, and it lives
//    outside node_modules because `npm ci` deletes that folder while we run.
// Node callers: `import { ensureSetup } from './setup.mjs'` → { ok: true } | { ok: false, line }.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, readdirSync } from 'node:fs';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { inspectNodeModules, nodeModulesAction, SETUP_RECORD } from './setup-node-modules.mjs';
import { setupRecord } from './setup-node-modules.mjs';
import { findMissingPieces, installPermission, PROFILES } from './setup-system.mjs';
import { SYSTEM_PIECES, systemPlan, systemSetupMode } from './setup-system.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The machine as the decisions see it; tests pass a fake with the same shape. */
export function systemIo(env = process.env) {
  const quiet = (fn, fallback) => {
    try {
      return fn();
    } catch {
      return fallback;
    }
  };
  return {
    env,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    exists: (path) => existsSync(path),
    isSymlink: (path) => quiet(() => lstatSync(path).isSymbolicLink(), false),
    readText: (path) => quiet(() => readFileSync(path, 'utf8'), null),
    writeText: (path, text) => writeFileSync(path, text),
    isExecutable: (path) => quiet(() => (accessSync(path, constants.X_OK), true), false),
    listDir: (path) => quiet(() => readdirSync(path), []),
    run: (command, args) => {
      const result = spawnSync(command, args, { encoding: 'utf8', env });
      return { status: result.status, stdout: result.stdout ?? '' };
    },
    /** Runs with the terminal attached, so npm and apt-get show their own progress. */
    exec: (command, args, options = {}) =>
      spawnSync(command, args, {
        stdio: 'inherit',
        cwd: options.cwd,
        env: { ...env, ...options.env },
        // npm.cmd needs a shell on Windows; Node's own path (maybe with spaces) must not get one.
        shell: process.platform === 'win32' && command === 'npm',
      }).status,
  };
}

/** `npm ci` through the npm that runs us (npm_execpath), else the one on PATH. */
function npmCommand(env) {
  const args = ['ci', '--no-audit', '--no-fund'];
  const cli = env.npm_execpath;
  if (cli && /\.c?js$/.test(cli)) return [process.execPath, [cli, ...args]];
  return [cli || 'npm', args];
}

function ensureSystem(pieceIds, io, log) {
  if (pieceIds.length === 0) return { ok: true };
  const mode = systemSetupMode(io.env);
  if (mode.line) return { ok: false, line: mode.line };
  if (mode.mode === 'off') return { ok: true };
  const found = findMissingPieces(pieceIds, io);
  const hasAptGet = found.missing.length > 0 && io.run('apt-get', ['--version']).status === 0;
  const permission = installPermission({ mode: mode.mode, uid: io.uid, hasAptGet });
  const plan = systemPlan({ ...found, permission, uid: io.uid });
  if (plan.action === 'none') return { ok: true };
  if (plan.action === 'stop') return { ok: false, line: plan.line };

  log(plan.line);
  const aptEnv = { env: { DEBIAN_FRONTEND: 'noninteractive' } };
  // One update per run: the package lists of a fresh machine or CI image may be empty.
  const installed =
    io.exec('apt-get', ['update'], aptEnv) === 0 &&
    io.exec('apt-get', ['install', '-y', ...plan.packages], aptEnv) === 0;
  const still = findMissingPieces(found.missing, io).missing;
  if (installed && still.length === 0) return { ok: true };
  const names = (still.length ? still : found.missing).map((id) => SYSTEM_PIECES[id].en);
  return {
    ok: false,
    line:
      `시스템 패키지 설치에 실패했습니다: ${plan.packages.join(' ')} (위 apt-get 출력 참고). / ` +
      `Installing system packages failed (${names.join(', ')}): see apt-get's output above.`,
  };
}

function ensureNodeModules(root, io, log) {
  const inspection = inspectNodeModules(root, io);
  const action = nodeModulesAction(inspection);
  if (action.action === 'none') return { ok: true };
  log(action.line);
  if (action.action === 'warn') return { ok: true };
  if (inspection.lockHash === null) {
    return {
      ok: false,
      line: 'package-lock.json이 없어 설치할 수 없습니다. / No package-lock.json: cannot install.',
    };
  }
  const started = Date.now();
  const [command, args] = npmCommand(io.env);
  const status = io.exec(command, args, { cwd: root });
  if (status !== 0) {
    return {
      ok: false,
      line: `npm ci 실패(코드 ${status}): 위 출력 참고. / npm ci failed (code ${status}): see above.`,
    };
  }
  io.writeText(join(root, 'node_modules', SETUP_RECORD), setupRecord(inspection.lockHash));
  const seconds = Math.round((Date.now() - started) / 1000);
  log(`의존성 설치 완료(${seconds}초). / Dependencies installed (${seconds} s).`);
  return { ok: true };
}

/**
 * Makes the machine ready for one command. System pieces come first: when one is missing and may
 * not be installed, nothing else has run (not even a two-minute `npm ci`).
 * @param {{ profile?: keyof typeof PROFILES, need?: string[], root?: string,
 *   io?: ReturnType<typeof systemIo>, log?: (line: string) => void }} [options]
 * @returns {{ ok: true } | { ok: false, line: string }}
 */
export function ensureSetup({
  profile = 'start',
  need = [],
  root = projectRoot,
  io = systemIo(),
  log = (line) => console.log(line),
} = {}) {
  const unknown = need.find((id) => !Object.hasOwn(SYSTEM_PIECES, id));
  if (!Object.hasOwn(PROFILES, profile) || unknown) {
    const bad = unknown ?? profile;
    return {
      ok: false,
      line: `알 수 없는 설정 대상: ${bad} / Unknown setup target: ${bad}`,
    };
  }
  const pieces = [...new Set([...PROFILES[profile], ...need])];
  const system = ensureSystem(pieces, io, log);
  if (!system.ok) return system;
  return ensureNodeModules(root, io, log);
}

function main() {
  const { values } = parseArgs({
    options: { for: { type: 'string', default: 'start' }, need: { type: 'string' } },
  });
  const need = (values.need ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const result = ensureSetup({ profile: values.for, need });
  if (!result.ok) {
    console.error(result.line);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
