// Decides whether node_modules matches package-lock.json, cheaply enough to run before every
// `npm start` / `npm test`: one hash of the lock file and one existence check per direct
// dependency, never a walk of the tree. Plain Node builtins only: it runs before node_modules
// exists. The file system is injected (`io`) so the decisions are unit-tested without installs.
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** Written into node_modules after a successful `npm ci` (npm ci deletes it with the folder). */
export const SETUP_RECORD = '.pumasi-setup.json';
/** npm's own "hidden lockfile": what the last npm install/ci actually laid out. */
export const NPM_HIDDEN_LOCKFILE = '.package-lock.json';

export function lockHash(lockText) {
  return createHash('sha256').update(lockText).digest('hex');
}

/** Every dependency package.json names directly (runtime and dev): each must have its folder. */
export function directDependencies(packageJson) {
  return [
    ...Object.keys(packageJson.dependencies ?? {}),
    ...Object.keys(packageJson.devDependencies ?? {}),
  ].sort();
}

const parseJson = (text) => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * True when npm's hidden lockfile shows that exactly the lock's versions were installed. Used only
 * when our own record is absent (node_modules installed by a plain `npm ci`, as on machines set
 * up before this script), so such an install is adopted instead of being deleted and redone.
 * Optional packages (other platforms' esbuild binaries, …) may be absent; nothing may differ.
 */
export function hiddenLockfileMatches(lock, hidden) {
  const wanted = lock?.packages;
  const installed = hidden?.packages;
  if (!wanted || !installed) return false;
  for (const [key, entry] of Object.entries(wanted)) {
    if (key === '') continue; // the project itself
    const got = installed[key];
    if (!got) {
      if (entry.optional) continue;
      return false;
    }
    if (got.version !== entry.version) return false;
  }
  return Object.keys(installed).every((key) => key in wanted);
}

/**
 * @typedef {{ exists(path: string): boolean, isSymlink(path: string): boolean,
 *   readText(path: string): string | null }} NodeModulesIo
 * @returns {{ state: 'installed' | 'stale' | 'missing', linked: boolean, lockHash: string | null,
 *   reasonKo: string, reasonEn: string, adopted?: boolean }}
 */
export function inspectNodeModules(root, io) {
  const folder = join(root, 'node_modules');
  const linked = io.isSymlink(folder);
  const lockText = io.readText(join(root, 'package-lock.json'));
  const hash = lockText === null ? null : lockHash(lockText);
  const result = (state, reasonKo, reasonEn, extra = {}) => ({
    state,
    linked,
    lockHash: hash,
    reasonKo,
    reasonEn,
    ...extra,
  });
  if (!io.exists(folder)) return result('missing', 'node_modules 없음', 'no node_modules');

  const packageJson = parseJson(io.readText(join(root, 'package.json'))) ?? {};
  const absent = directDependencies(packageJson).find(
    (name) => !io.exists(join(folder, name, 'package.json')),
  );
  if (absent) {
    return result('stale', `${absent} 폴더가 없음`, `the ${absent} folder is missing`);
  }

  const record = parseJson(io.readText(join(folder, SETUP_RECORD)));
  if (record && typeof record.lockHash === 'string') {
    if (record.lockHash === hash) return result('installed', '', '');
    return result('stale', 'package-lock.json이 바뀜', 'package-lock.json changed');
  }
  // No record of ours: adopt an install whose npm hidden lockfile agrees with the lock file.
  const lock = parseJson(lockText);
  const hidden = parseJson(io.readText(join(folder, NPM_HIDDEN_LOCKFILE)));
  if (hiddenLockfileMatches(lock, hidden)) return result('installed', '', '', { adopted: true });
  return result(
    'stale',
    '마지막 설치 기록이 package-lock.json과 맞지 않음',
    'the last install does not match package-lock.json',
  );
}

/**
 * What to do about an inspection. A linked node_modules (the engineers' worktrees share one
 * install through a symlink) is never reinstalled from here: `npm ci` would delete the shared
 * folder under everyone using it. Then a mismatch is only a warning.
 * @returns {{ action: 'none' } | { action: 'install' | 'warn', line: string }}
 */
export function nodeModulesAction(inspection) {
  if (inspection.state === 'installed') return { action: 'none' };
  const { reasonKo, reasonEn } = inspection;
  if (inspection.linked) {
    return {
      action: 'warn',
      line:
        `주의: node_modules가 다른 곳을 가리키는 링크라서 다시 설치하지 않습니다(${reasonKo}). ` +
        `링크 대상 폴더에서 npm ci를 실행하세요. / Warning: node_modules is a link, so it is not ` +
        `reinstalled here (${reasonEn}); run npm ci where it points.`,
    };
  }
  return {
    action: 'install',
    line:
      `의존성을 설치합니다(${reasonKo}): npm ci … / ` +
      `Installing dependencies (${reasonEn}): npm ci …`,
  };
}

/** The record written after a successful `npm ci`. */
export function setupRecord(hash, now = new Date()) {
  return `${JSON.stringify({ lockHash: hash, installedAt: now.toISOString() }, null, 2)}\n`;
}
