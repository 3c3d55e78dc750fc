// Decides whether Electron can start, WITHOUT requiring the electron package's index.js: that file
// downloads the binary when it is missing, and this project must never download at start-up.
// Mirrors the lookup of node_modules/electron/index.js: ELECTRON_OVERRIDE_DIST_PATH first, then
// node_modules/electron/dist/<path.txt>.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The executable inside an unpacked Electron folder, as electron's install.js names it. */
export function defaultExecutableName(platform = process.platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

const isFile = (path) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

const readPathTxt = (file) => {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
};

const FIX_KO =
  '네트워크가 되는 PC에서 `npm ci`를 실행하거나, 압축을 푼 Electron 45 폴더를 ELECTRON_OVERRIDE_DIST_PATH로 지정하세요.';
const FIX_EN =
  'run `npm ci` on a networked machine, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 folder.';

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} cwd project root
 * @param {string} [platform]
 * @returns {{ found: true, binaryPath: string, source: 'override' | 'node_modules' }
 *   | { found: false, reason: 'override-missing' | 'not-installed', message: string }}
 */
export function findElectronBinary(env, cwd, platform = process.platform) {
  const packageDir = join(cwd, 'node_modules', 'electron');
  const executable = readPathTxt(join(packageDir, 'path.txt')) ?? defaultExecutableName(platform);

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binaryPath = join(override, executable);
    if (isFile(binaryPath)) return { found: true, binaryPath, source: 'override' };
    return {
      found: false,
      reason: 'override-missing',
      message:
        `Electron 실행 파일이 ELECTRON_OVERRIDE_DIST_PATH에 없습니다(${binaryPath}): 경로를 확인하세요. 지금은 브라우저 모드로 실행합니다. / ` +
        `No Electron executable at ELECTRON_OVERRIDE_DIST_PATH (${binaryPath}): check the path. Starting browser mode instead.`,
    };
  }

  const pathTxt = readPathTxt(join(packageDir, 'path.txt'));
  const binaryPath = pathTxt ? join(packageDir, 'dist', pathTxt) : null;
  if (binaryPath && existsSync(join(packageDir, 'dist')) && isFile(binaryPath)) {
    return { found: true, binaryPath, source: 'node_modules' };
  }
  return {
    found: false,
    reason: 'not-installed',
    message:
      `Electron 실행 파일이 설치되지 않아 데스크톱 창을 열 수 없습니다: ${FIX_KO} 지금은 브라우저 모드로 실행합니다. / ` +
      `The Electron binary is not installed, so the desktop window cannot open: ${FIX_EN} Starting browser mode instead.`,
  };
}
