/**
 * Pull benchmarks (issue 9), driven from Node against
 * the real server (tests/bench/server.ts startBenchServer) and the bench page in Chromium.
 *
 * pull_100k_<db>: the server holds 100,000 company changes from another device (pushed over
 * HTTP beforehand, untimed); the page's real SyncEngine pulls them into a fresh IndexedDB
 * database (pullBench.ts). Baseline: a raw Dexie bulkPut of the very records the pull stored
 * into a fresh database (no write into the browser store can be faster; docs/BENCHMARKS.md,
 * "Sync: push after session 4…", finding 1). A second line, pull_100k_<db>_sql, sets the same
 * pull beside a raw multi-row INSERT of the same rows into the same server database (as for
 * the push), for comparison with the server side.
 *
 * The year-of-use benchmark (issue 10) is tests/bench/year.ts; both take their changes from
 * renderer/bench/changes.ts.
 */
import type { Page } from 'playwright-core';
import type {
  PullBenchArgs,
  PullBenchResult,
  PullSplit,
  WriteBenchResult,
} from '../../renderer/bench/api';
import { SOURCE_DEVICE, companyChanges } from '../../renderer/bench/changes';
import { throughputFigure, type BenchFigure } from './figures';
import { profileDir, profiled } from './profile';
import { cpuClock, httpPush, rawInsert, startBenchServer } from './server';

export type Call = <A, R>(page: Page, fn: string, arg: A) => Promise<R>;
const log = (text: string) => process.stderr.write(`[bench:pull] ${text}\n`);

export interface PullBenchOptions {
  rows: number;
  backends: Array<'pglite' | 'postgres'>;
}

async function withServer<T>(
  backend: 'pglite' | 'postgres',
  rows: number,
  fn: (s: { baseUrl: string; token: string; rawMs: number; cpu: () => number }) => Promise<T>,
): Promise<T> {
  const server = await startBenchServer(backend);
  try {
    const changes = companyChanges(rows);
    const rawMs = await rawInsert(server.db, changes, 1000);
    const pushMs = await httpPush(server.baseUrl, server.token, changes, 1000, SOURCE_DEVICE);
    log(
      `${backend}: ${rows} changes on the server (push ${pushMs.toFixed(0)} ms, untimed); raw INSERT ${rawMs.toFixed(0)} ms`,
    );
    const cpu = await cpuClock(server.db);
    return await fn({ baseUrl: server.baseUrl, token: server.token, rawMs, cpu });
  } finally {
    await server.close();
  }
}

const splitText = (s: PullSplit): string =>
  `start ${s.startMs.toFixed(0)} ms; ${s.pages} pages: requests ${s.fetchMs.toFixed(0)} ms ` +
  `(overlapped), waits for a page ${s.waitMs.toFixed(0)} ms, transactions ${s.applyMs.toFixed(0)} ms; ` +
  `finish ${s.finishMs.toFixed(0)} ms` +
  (s.deferredMs === undefined
    ? ''
    : `; then the deferred snapshot rebuild ${s.deferredMs.toFixed(0)} ms (not in the figure)`);

export async function pullBench(page: Page, call: Call, opts: PullBenchOptions) {
  const figures: BenchFigure[] = [];
  const k = `${opts.rows / 1000}k`;
  for (const backend of opts.backends) {
    await withServer(backend, opts.rows, async ({ baseUrl, token, rawMs, cpu }) => {
      const args: PullBenchArgs = { endpoint: baseUrl, token, rows: opts.rows };
      const run = () => call<PullBenchArgs, PullBenchResult>(page, 'pullChanges', args);
      // PUMASI_BENCH_PROFILE=<dir>: a CPU profile of the page during the pull (profile.ts)
      const dir = profileDir();
      // CPU of this process and its children (Chromium; PGlite runs in here) and of PostgreSQL:
      // on a shared machine the wall time also counts waiting for a core (cpu.ts)
      const cpu0 = cpu();
      const pull = dir ? await profiled(page, dir, `pull_${k}_${backend}`, run, log) : await run();
      const cpu1 = cpu();
      const bulk = await call<{ batchSize: number }, WriteBenchResult>(page, 'bulkPutPulled', {
        batchSize: 1000,
      });
      const [pullCpu, bulkCpu] = [cpu1 - cpu0, cpu() - cpu1];
      log(
        `${backend}: pull ${pull.ms.toFixed(0)} ms (kept aside ${pull.keptAside}), bulkPut ${bulk.ms.toFixed(0)} ms`,
      );
      log(
        `${backend}: CPU pull ${pullCpu.toFixed(0)} ms, bulkPut ${bulkCpu.toFixed(0)} ms (ratio ${(bulkCpu / pullCpu).toFixed(3)})`,
      );
      if (pull.split) log(`${backend}: pull split ${splitText(pull.split)}`);
      figures.push(throughputFigure(`pull_${k}_${backend}`, opts.rows, [pull.ms], [bulk.ms]));
      figures.push(throughputFigure(`pull_${k}_${backend}_sql`, opts.rows, [pull.ms], [rawMs]));
    });
  }
  return figures;
}
