/**
 * "Server ready on a fresh data folder in ≤ 3 s" (issue 9), as a bench figure: `node
 * scripts/server.mjs`, what `npm run server` runs (setup check, then the esbuild bundle
 * dist/server/main.mjs, built before the reps), on an empty PGlite data folder and a free port,
 * timed from spawn to the first `GET /health` that answers 200 (migrations applied, clusters
 * seeded, listening). Baseline, same run: plain Node starting a bare HTTP server answering
 * /health — what any Node service costs here before it does anything.
 * The subject uses this machine's PGlite templates (server/db/pgliteTemplate.ts: initdb, then the
 * migrated schema, made at the first start on a machine or after a migration change); the first
 * start ever, without them, is reported alone (initdb and migrations in WASM).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../scripts/build-server.mjs';
import { bundleIsFresh } from '../../scripts/server.mjs';
import { freePort } from '../support/postgres';
import { latencyFigure, type BenchFigure } from './figures';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const READY_TARGET_MS = 3_000;

const BARE = `import { createServer } from 'node:http';
const port = Number(process.argv.at(-1));
createServer((req, res) => { res.setHeader('content-type', 'application/json'); res.end('{"ok":true}'); })
  .listen(port, '127.0.0.1');
`;

const SERVER = 'scripts/server.mjs';

/** Spawns `node ...args` and resolves with the ms until /health answers 200. */
async function timeToReady(args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, [...args, '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited: ${stderr.slice(0, 500)}`);
      if (performance.now() - start > 60_000) throw new Error('server not ready after 60 s');
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - start;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

export async function serverReadyFigures(reps: number, log: (t: string) => void) {
  const work = mkdtempSync(join(tmpdir(), 'pumasi-ready-'));
  const bare = join(work, 'bare.mjs');
  writeFileSync(bare, BARE);
  if (!bundleIsFresh(ROOT)) await buildServer({ root: ROOT }); // not a rebuild inside rep 1
  try {
    const subject: number[] = [];
    const baseline: number[] = [];
    for (let rep = 0; rep < Math.max(reps, 3); rep += 1) {
      baseline.push(await timeToReady([bare]));
      subject.push(await timeToReady([SERVER, '--data', join(work, `data-${rep}`)]));
      log(
        `ready rep ${rep + 1}: server ${subject.at(-1)!.toFixed(0)} ms, bare node ${baseline.at(-1)!.toFixed(0)} ms`,
      );
    }
    const figures: BenchFigure[] = [latencyFigure('server_ready_fresh_pglite', subject, baseline)];
    // The first start on a machine: no template yet (an empty cache folder).
    const cache = join(work, 'empty-cache');
    const first = await timeToReady([SERVER, '--data', join(work, 'data-first')], {
      PUMASI_CACHE_DIR: cache,
    });
    figures.push(latencyFigure('server_ready_first_start_pglite', [first], [baseline.at(-1)!]));
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
