// Decides which system pieces a command needs, which are missing, and whether this user may
// install them (root with apt-get, as on the team's machines and in CI). Plain Node builtins only;
// every probe of the machine goes through the injected `io`, so the decisions are unit-tested.
import { delimiter, join } from 'node:path';

/**
 * The system pieces, each with the Debian packages that provide it. Chromium's lookup mirrors
 * tests/support/chromium.ts (a unit test keeps the two lists equal).
 */
export const SYSTEM_PIECES = {
  chromium: { ko: 'Chromium 브라우저', en: 'Chromium', packages: ['chromium'] },
  // Hangul must render (not as boxes) for the committed e2e screenshot baselines to match.
  font: { ko: '한글 글꼴', en: 'a Korean font', packages: ['fontconfig', 'fonts-nanum'] },
  // The server tests start their own cluster from /usr/lib/postgresql/*/bin (never port 5432's).
  postgresql: { ko: 'PostgreSQL 서버', en: 'PostgreSQL server', packages: ['postgresql'] },
  poppler: { ko: 'PDF 도구(pdftotext)', en: 'PDF tools (pdftotext)', packages: ['poppler-utils'] },
};

/** What each command needs beyond node_modules. */
export const PROFILES = {
  start: [],
  server: [],
  bench: ['chromium'],
  test: ['chromium', 'font', 'postgresql', 'poppler'],
};

export const CHROMIUM_ENV_VARS = ['PUMASI_CHROMIUM', 'CHROME_PATH'];
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
export const POSTGRESQL_ROOT = '/usr/lib/postgresql';

/** `auto` installs when allowed, `check` never installs, `off` skips the system check. */
export const SYSTEM_SETUP_MODES = ['auto', 'check', 'off'];

/**
 * @typedef {{ env: Record<string, string | undefined>, isExecutable(path: string): boolean,
 *   listDir(path: string): string[], run(command: string, args: string[]):
 *   { status: number | null, stdout: string } }} SystemIo
 * @typedef {{ ok: true } | { ok: false, fixable: true } | { ok: false, fixable: false,
 *   line: string }} PieceCheck
 */

const onPath = (command, io) =>
  (io.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => io.isExecutable(join(dir, command)));

/** @returns {PieceCheck} */
function checkChromium(io) {
  for (const name of CHROMIUM_ENV_VARS) {
    const configured = io.env[name]?.trim();
    if (!configured) continue;
    if (io.isExecutable(configured)) return { ok: true };
    // Installing Debian's chromium would not help: the tests would still launch this path.
    return {
      ok: false,
      fixable: false,
      line:
        `${name}=${configured} 은(는) 실행 파일이 아닙니다: 경로를 고치거나 ${name}을(를) 지우세요. / ` +
        `${name}=${configured} is not an executable file: fix the path or unset ${name}.`,
    };
  }
  return CHROMIUM_CANDIDATES.some((path) => io.isExecutable(path))
    ? { ok: true }
    : { ok: false, fixable: true };
}

/** @type {Record<string, (io: SystemIo) => PieceCheck>} */
const CHECKS = {
  chromium: checkChromium,
  font: (io) => {
    const listed = onPath('fc-list', io) ? io.run('fc-list', [':lang=ko', 'family']) : null;
    return listed && listed.status === 0 && listed.stdout.trim() !== ''
      ? { ok: true }
      : { ok: false, fixable: true };
  },
  postgresql: (io) =>
    io
      .listDir(POSTGRESQL_ROOT)
      .some((version) =>
        ['initdb', 'pg_ctl', 'postgres'].every((bin) =>
          io.isExecutable(join(POSTGRESQL_ROOT, version, 'bin', bin)),
        ),
      )
      ? { ok: true }
      : { ok: false, fixable: true },
  poppler: (io) =>
    onPath('pdftotext', io) && onPath('pdfinfo', io) ? { ok: true } : { ok: false, fixable: true },
};

/** @returns {{ missing: string[], broken: string[] }} piece ids to install, lines to stop on */
export function findMissingPieces(pieceIds, io) {
  const missing = [];
  const broken = [];
  for (const id of pieceIds) {
    const check = CHECKS[id](io);
    if (check.ok) continue;
    if (check.fixable) missing.push(id);
    else broken.push(check.line);
  }
  return { missing, broken };
}

export function packagesFor(pieceIds) {
  return [...new Set(pieceIds.flatMap((id) => SYSTEM_PIECES[id].packages))];
}

/**
 * @param {{ mode: string, uid: number | null, hasAptGet: boolean }} facts uid null on Windows
 * @returns {{ may: true } | { may: false, whyKo: string, whyEn: string }}
 */
export function installPermission({ mode, uid, hasAptGet }) {
  if (mode === 'check') {
    return { may: false, whyKo: 'PUMASI_SYSTEM_SETUP=check', whyEn: 'PUMASI_SYSTEM_SETUP=check' };
  }
  if (uid !== 0) return { may: false, whyKo: '관리자(root)가 아님', whyEn: 'not root' };
  if (!hasAptGet) return { may: false, whyKo: 'apt-get 없음', whyEn: 'no apt-get' };
  return { may: true };
}

/** The mode from PUMASI_SYSTEM_SETUP, or a stop line for an unknown value. */
export function systemSetupMode(env) {
  const raw = (env.PUMASI_SYSTEM_SETUP ?? '').trim() || 'auto';
  if (SYSTEM_SETUP_MODES.includes(raw)) return { mode: raw };
  return {
    line:
      `PUMASI_SYSTEM_SETUP 값이 올바르지 않습니다: "${raw}" (auto, check, off). / ` +
      `Invalid PUMASI_SYSTEM_SETUP "${raw}" (auto, check, off).`,
  };
}

/**
 * @returns {{ action: 'none' } | { action: 'install', packages: string[], line: string }
 *   | { action: 'stop', line: string }}
 */
export function systemPlan({ missing, broken, permission, uid }) {
  if (broken.length > 0) return { action: 'stop', line: broken[0] };
  if (missing.length === 0) return { action: 'none' };
  const packages = packagesFor(missing);
  const namesKo = missing.map((id) => SYSTEM_PIECES[id].ko).join(', ');
  const namesEn = missing.map((id) => SYSTEM_PIECES[id].en).join(', ');
  const list = packages.join(' ');
  if (permission.may) {
    return {
      action: 'install',
      packages,
      line:
        `시스템 패키지를 설치합니다(${namesKo}): apt-get install ${list} / ` +
        `Installing system packages (${namesEn}): apt-get install ${list}`,
    };
  }
  const sudo = uid === 0 ? '' : 'sudo ';
  const command = `${sudo}apt-get update && ${sudo}apt-get install -y ${list}`;
  return {
    action: 'stop',
    line:
      `필요한 시스템 패키지가 없습니다: ${list} (${namesKo}; ${permission.whyKo}). ` +
      `설치: ${command} / Missing system packages: ${list} (${namesEn}; ${permission.whyEn}). ` +
      `Install them with: ${command}`,
  };
}
