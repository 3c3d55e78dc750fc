/**
 * The year-of-use benchmark (issue 10, `--only year`, never in the default set), driven from
 * Node against the bench page in Chromium and the real server (tests/bench/server.ts).
 *
 * 1. A year of heavy use replayed into one database (renderer/bench/yearBench.ts) in slices of
 *    a few syncs each — bounded page calls, a progress line on stderr after each.
 * 2. year_<n>k_mutate_aged: the same edit workload on the aged database and on a fresh one
 *    holding the same companies, 3 reps alternating.
 * 3. year_pull_<rows>k_aged_<db>: the server holds `rows` changes from another device (pushed
 *    untimed); the app's SyncEngine pulls them into the aged database (yearPull.ts). Baseline:
 *    a raw multi-row INSERT of the same rows into the server's database, as pull_*_sql uses.
 * Each figure comes with a `_cpu` twin: the same ratio in CPU time of the bench's process tree
 * (tests/bench/cpu.ts), which the others' load on the shared machine disturbs much less.
 */
import type { Page } from 'playwright-core';
import {
  YEAR_PROGRESS_PREFIX,
  type PullBenchArgs,
  type PullBenchResult,
  type WriteBenchResult,
  type YearBenchResult,
  type YearSliceArgs,
  type YearSliceResult,
  type YearStartResult,
} from '../../renderer/bench/api';
import { SOURCE_DEVICE, companyChanges } from '../../renderer/bench/changes';
import { withCpu } from './cpu';
import { throughputFigure, type BenchFigure } from './figures';
import type { Call } from './pull';
import { httpPush, rawInsert, startBenchServer } from './server';

const log = (text: string) => process.stderr.write(`[bench:year] ${text}\n`);

export interface YearBenchOptions {
  /** changes pulled into the aged database */
  rows: number;
  backend: 'pglite' | 'postgres';
  /** mutations replayed (500,000 by default) */
  mutations?: number;
}

const RECORDS = 20_000;
const PER_CALL = 100;
const SYNC_EVERY = 5_000;
/** syncs per page call: ~20,000 edits, well under a minute even on the loaded machine */
const SYNCS_PER_SLICE = 4;
const AGED = 'pumasi-bench-year';
const FRESH = 'pumasi-bench-year-fresh';

/** The replay, slice by slice; returns the aged database's state and the replay's CPU ms. */
async function replayYear(page: Page, call: Call, mutations: number) {
  log(`replaying a year: ${RECORDS} companies, ${mutations} edits, a sync every ${SYNC_EVERY}…`);
  const wallStart = performance.now();
  const { result: replayed, cpuMs } = await withCpu(async () => {
    const start = await call<object, YearStartResult>(page, 'ageStart', {
      dbName: AGED,
      records: RECORDS,
    });
    log(`${RECORDS} companies created in ${(start.ms / 1000).toFixed(0)} s`);
    for (let from = 0; from < mutations;) {
      const args: YearSliceArgs = {
        dbName: AGED,
        yearStart: start.yearStart,
        mutations,
        from,
        count: SYNC_EVERY * SYNCS_PER_SLICE,
        perCall: PER_CALL,
        syncEvery: SYNC_EVERY,
      };
      const slice = await call<YearSliceArgs, YearSliceResult>(page, 'ageSlice', args);
      const rate = (slice.done - from) / (slice.ms / 1000);
      const elapsed = (performance.now() - wallStart) / 1000;
      const eta = (mutations - slice.done) / rate;
      log(
        `replayed ${slice.done}/${mutations} edits: slice ${(slice.ms / 1000).toFixed(1)} s ` +
          `(${rate.toFixed(0)} edits/s), elapsed ${elapsed.toFixed(0)} s, ~${eta.toFixed(0)} s ` +
          `left; compaction ${slice.compacted.before} → ${slice.compacted.after}`,
      );
      from = slice.done;
    }
    return call<object, YearBenchResult>(page, 'ageFinish', { dbName: AGED });
  });
  const wall = (performance.now() - wallStart) / 1000;
  log(
    `aged in ${wall.toFixed(0)} s (CPU ${(cpuMs / 1000).toFixed(0)} s): history ` +
      `${replayed.historyEntries} entries in ${replayed.historyRows} rows, outbox ` +
      `${replayed.outboxEntries}, final compaction ${replayed.compacted.before} → ` +
      `${replayed.compacted.after}`,
  );
}

/** The timed edit workload on the aged and the fresh database, wall and CPU time. */
async function mutateAged(page: Page, call: Call, mutations: number): Promise<BenchFigure[]> {
  await call(page, 'seedCompanies', { dbName: FRESH, records: RECORDS });
  // 20,000 edits after the full year; a smaller replay (a smoke run) times fewer
  const workload = {
    records: RECORDS,
    edits: Math.min(20_000, Math.max(2_000, Math.round(mutations / 25))),
    perCall: PER_CALL,
  };
  const wall = { aged: [] as number[], fresh: [] as number[] };
  const cpu = { aged: [] as number[], fresh: [] as number[] };
  for (let rep = 0; rep < 3; rep++) {
    // alternate which side goes first
    for (const side of rep % 2 === 0
      ? (['fresh', 'aged'] as const)
      : (['aged', 'fresh'] as const)) {
      const dbName = side === 'fresh' ? FRESH : AGED;
      const { result, cpuMs } = await withCpu(() =>
        call<object, WriteBenchResult>(page, 'editWorkload', { ...workload, dbName }),
      );
      wall[side].push(result.ms);
      cpu[side].push(cpuMs);
      log(
        `edit workload rep ${rep + 1} on the ${side} database: ${result.ms.toFixed(0)} ms ` +
          `(CPU ${cpuMs.toFixed(0)} ms)`,
      );
    }
  }
  const name = `year_${mutations / 1000}k_mutate_aged`;
  return [
    throughputFigure(name, workload.edits, wall.aged, wall.fresh),
    throughputFigure(`${name}_cpu`, workload.edits, cpu.aged, cpu.fresh),
  ];
}

/** The pull of `rows` changes into the aged database against a raw INSERT of them. */
async function pullAged(page: Page, call: Call, opts: YearBenchOptions): Promise<BenchFigure[]> {
  const server = await startBenchServer(opts.backend);
  try {
    const changes = companyChanges(opts.rows);
    const raw = await withCpu(() => rawInsert(server.db, changes, 1000));
    log(`${opts.rows} changes: raw INSERT ${raw.result.toFixed(0)} ms (CPU ${raw.cpuMs} ms)`);
    const pushMs = await httpPush(server.baseUrl, server.token, changes, 1000, SOURCE_DEVICE);
    log(`pushed to the ${opts.backend} server in ${(pushMs / 1000).toFixed(0)} s (untimed)`);
    const args: PullBenchArgs & { dbName: string } = {
      endpoint: server.baseUrl,
      token: server.token,
      rows: opts.rows,
      dbName: AGED,
    };
    const pull = await withCpu(() =>
      call<typeof args, PullBenchResult>(page, 'pullIntoAged', args),
    );
    log(
      `pull into the aged database: ${pull.result.ms.toFixed(0)} ms (CPU ${pull.cpuMs} ms, ` +
        `kept aside ${pull.result.keptAside})`,
    );
    const name = `year_pull_${opts.rows / 1000}k_aged_${opts.backend}`;
    return [
      throughputFigure(name, opts.rows, [pull.result.ms], [raw.result]),
      throughputFigure(`${name}_cpu`, opts.rows, [pull.cpuMs], [raw.cpuMs]),
    ];
  } finally {
    await server.close();
  }
}

export async function yearBench(
  page: Page,
  call: Call,
  opts: YearBenchOptions,
): Promise<BenchFigure[]> {
  const mutations = opts.mutations ?? 500_000;
  const echo = (message: { text(): string }) => {
    const text = message.text();
    if (text.startsWith(YEAR_PROGRESS_PREFIX)) process.stderr.write(`${text}\n`);
  };
  page.on('console', echo);
  try {
    await replayYear(page, call, mutations);
    const figures = await mutateAged(page, call, mutations);
    figures.push(...(await pullAged(page, call, opts)));
    return figures;
  } finally {
    page.off('console', echo);
    await call(page, 'dropDatabase', { dbName: FRESH });
    await call(page, 'dropDatabase', { dbName: AGED });
  }
}
