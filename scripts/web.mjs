// `npm run web`: browser mode. Builds the renderer with Vite (unless --no-build or
// PUMASI_SKIP_BUILD=1), then serves dist/renderer on 127.0.0.1 (port PUMASI_PORT, else
// DEFAULT_PORT, else — taken — a free one, with a warning).
// Also the fallback of `npm start` when Electron cannot run (scripts/start.mjs imports this file).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './serve-static.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const rendererRoot = join(projectRoot, 'dist', 'renderer');

function fatal(message) {
  console.error(message);
  process.exit(1);
}

/**
 * IndexedDB belongs to the origin and the port is part of it: the same port every run keeps the
 * same data. A free port is only the last resort, and says so.
 */
const DEFAULT_PORT = 4780;

function requestedPort(raw) {
  if (raw === undefined || raw === '') return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fatal(
      `PUMASI_PORT 값이 올바르지 않습니다: "${raw}" (0–65535). / Invalid PUMASI_PORT "${raw}" (0–65535).`,
    );
  }
  return port;
}

const skipBuild = process.argv.includes('--no-build') || process.env.PUMASI_SKIP_BUILD === '1';
if (!skipBuild) {
  console.log('화면을 빌드하는 중… / Building the renderer…');
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}
if (!existsSync(join(rendererRoot, 'index.html'))) {
  fatal(
    `빌드된 화면이 없습니다(${rendererRoot}): --no-build 없이 다시 실행하세요. / ` +
      `No built renderer in ${rendererRoot}: run again without --no-build.`,
  );
}

const explicitPort = requestedPort(process.env.PUMASI_PORT);
// The one outside origin the page may connect to (CSP connect-src): the central sync endpoint.
const syncEndpoint = process.env.PUMASI_SYNC_ENDPOINT || undefined;
const port = explicitPort ?? DEFAULT_PORT;
let server;
try {
  try {
    server = await startStaticServer({ root: rendererRoot, port, syncEndpoint });
  } catch (error) {
    if (explicitPort !== null || !error || error.code !== 'EADDRINUSE') throw error;
    server = await startStaticServer({ root: rendererRoot, port: 0, syncEndpoint });
    console.warn(
      `주의: 기본 포트 ${DEFAULT_PORT}을(를) 다른 프로그램이 쓰고 있어 임시 포트 ${server.port}에서 엽니다. ` +
        `브라우저의 자료는 포트마다 따로 저장되므로, 평소 자료를 보려면 ${DEFAULT_PORT}을(를) 비우고 다시 실행하세요. / ` +
        `Warning: default port ${DEFAULT_PORT} is in use, so this runs on temporary port ${server.port}. ` +
        `Browser data is kept per port: free ${DEFAULT_PORT} and restart to see your usual data.`,
    );
  }
} catch (error) {
  if (error && error.code === 'EADDRINUSE') {
    fatal(
      `포트 ${port}을(를) 이미 다른 프로그램이 쓰고 있습니다: PUMASI_PORT로 다른 포트를 지정하세요. / ` +
        `Port ${port} is already in use: set PUMASI_PORT to another port.`,
    );
  }
  fatal(`서버를 시작하지 못했습니다 / Could not start the server: ${error?.message ?? error}`);
}

console.log(`품앗이(Pumasi) 브라우저 모드: ${server.url}  (Ctrl+C로 종료)`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
