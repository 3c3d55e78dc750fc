// `npm start`: the Electron desktop app when its binary is present, browser mode otherwise.
// The electron package is never required here: its index.js would try to download the binary.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { findElectronBinary } from './electron-binary.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
/** An Electron that dies within this time is taken as "cannot start here" (no display, …). */
const STARTUP_GRACE_MS = 5000;

async function runBrowserMode() {
  await import('./web.mjs');
}

/**
 * Starts Electron. Resolves 'failed' if it cannot spawn or exits non-zero within the grace time;
 * otherwise stays attached and exits with Electron's exit code.
 */
function launchElectron(binaryPath, mainScript) {
  return new Promise((resolvePromise) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node and ignore the app
    const child = spawn(binaryPath, [mainScript], { stdio: 'inherit', env });
    const startedAt = Date.now();
    let settled = false;
    const settle = (outcome) => {
      if (!settled) {
        settled = true;
        resolvePromise(outcome);
      }
    };
    const timer = setTimeout(() => settle('running'), STARTUP_GRACE_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      console.error(`Electron 실행 실패 / Electron failed to spawn: ${error.message}`);
      settle('failed');
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const early = Date.now() - startedAt < STARTUP_GRACE_MS;
      if (early && code !== 0 && signal === null) {
        console.error(
          `Electron이 곧바로 종료되었습니다(코드 ${code}): 브라우저 모드로 전환합니다. / ` +
            `Electron exited at once (code ${code}): switching to browser mode.`,
        );
        settle('failed');
        return;
      }
      settle('exited');
      process.exit(code ?? 0);
    });
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  });
}

const decision = findElectronBinary(process.env, projectRoot);
if (!decision.found) {
  console.log(decision.message);
  await runBrowserMode();
} else {
  if (process.env.PUMASI_SKIP_BUILD !== '1') {
    console.log(
      '화면과 Electron 번들을 빌드하는 중… / Building the renderer and Electron bundles…',
    );
    const { build } = await import('vite');
    await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
    await buildElectron({ root: projectRoot });
  }
  const outcome = await launchElectron(
    decision.binaryPath,
    join(projectRoot, 'dist', 'electron', 'main.cjs'),
  );
  if (outcome === 'failed') {
    process.env.PUMASI_SKIP_BUILD = '1'; // the renderer was just built (or the user skipped it)
    await runBrowserMode();
  }
}
