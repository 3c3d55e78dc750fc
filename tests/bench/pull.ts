/**
 * Pull benchmarks (issue 9) and the year-of-use benchmark (issue 10), driven from Node against
 * the real server (tests/bench/server.ts startBenchServer) and the bench page in Chromium.
 *
 * pull_100k_<db>: the server holds 100,000 company changes from another device (pushed over
 * HTTP beforehand, untimed); the page's real SyncEngine pulls them into a fresh IndexedDB
 * database (pullBench.ts). Baseline: a raw multi-row INSERT of the same rows into the same
 * server database (as for the push). A second line, pull_100k_<db>_idb, sets the same pull
 * beside a raw Dexie bulkPut of the records it stored.
 *
 * year_* (`--only year`, not in the default set): a year of heavy use replayed into one
 * database (yearBench.ts), then the same edit workload on it and on a fresh database, then the
 * pull of 100,000 changes into the aged database.
 */
import type { Page } from 'playwright-core';
import { getEntity, validateRecord } from '../../shared/registry';
import type { Mutation } from '../../shared/sync/protocol';
import type {
  PullBenchArgs,
  PullBenchResult,
  WriteBenchResult,
  YearBenchArgs,
  YearBenchResult,
} from '../../renderer/bench/api';
import { generateCompanies } from '../../renderer/bench/rows';
import { throughputFigure, type BenchFigure } from './figures';
import { httpPush, rawInsert, startBenchServer } from './server';

type Call = <A, R>(page: Page, fn: string, arg: A) => Promise<R>;
const log = (text: string) => process.stderr.write(`[bench:pull] ${text}\n`);
const SOURCE_DEVICE = '01BENCHSRCDEVICE0000000000';

/** `rows` whole, valid company records as another device's mutations (every field stamped). */
export function companyChanges(rows: number): Mutation[] {
  const organization = getEntity('organization');
  // ten minutes ago: inside the client's drift bound, ascending per device
  const base = Date.now() - 10 * 60_000;
  return generateCompanies(rows, 4242).map((input, i) => {
    const r = validateRecord(organization, input, 'ko');
    if (!r.ok) throw new Error(`bench row ${i} invalid`);
    const wall = String(base + Math.floor(i / 1000)).padStart(13, '0');
    const hlc = `${wall}-${(i % 1000).toString(16).padStart(4, '0')}-${SOURCE_DEVICE}`;
    const fields: Mutation['change']['fields'] = { deleted: { value: 0, hlc } };
    for (const [k, v] of Object.entries(r.value))
      if (v !== undefined) fields[k] = { value: v, hlc };
    return {
      mutationId: hlc,
      change: { entity: 'organization', id: `pull-${i}`, clusterId: 'gumi', fields },
    };
  });
}

export interface PullBenchOptions {
  rows: number;
  backends: Array<'pglite' | 'postgres'>;
  /** year-of-use replay: mutations (500,000 by default) */
  yearMutations?: number;
}

async function withServer<T>(
  backend: 'pglite' | 'postgres',
  rows: number,
  fn: (s: { baseUrl: string; token: string; rawMs: number }) => Promise<T>,
): Promise<T> {
  const server = await startBenchServer(backend);
  try {
    const changes = companyChanges(rows);
    const rawMs = await rawInsert(server.db, changes, 1000);
    const pushMs = await httpPush(server.baseUrl, server.token, changes, 1000, SOURCE_DEVICE);
    log(
      `${backend}: ${rows} changes on the server (push ${pushMs.toFixed(0)} ms, untimed); raw INSERT ${rawMs.toFixed(0)} ms`,
    );
    return await fn({ baseUrl: server.baseUrl, token: server.token, rawMs });
  } finally {
    await server.close();
  }
}

export async function pullBench(page: Page, call: Call, opts: PullBenchOptions) {
  const figures: BenchFigure[] = [];
  const k = `${opts.rows / 1000}k`;
  for (const backend of opts.backends) {
    await withServer(backend, opts.rows, async ({ baseUrl, token, rawMs }) => {
      const args: PullBenchArgs = { endpoint: baseUrl, token, rows: opts.rows };
      const pull = await call<PullBenchArgs, PullBenchResult>(page, 'pullChanges', args);
      const bulk = await call<{ batchSize: number }, WriteBenchResult>(page, 'bulkPutPulled', {
        batchSize: 1000,
      });
      log(
        `${backend}: pull ${pull.ms.toFixed(0)} ms (kept aside ${pull.keptAside}), bulkPut ${bulk.ms.toFixed(0)} ms`,
      );
      figures.push(throughputFigure(`pull_${k}_${backend}`, opts.rows, [pull.ms], [rawMs]));
      figures.push(throughputFigure(`pull_${k}_${backend}_idb`, opts.rows, [pull.ms], [bulk.ms]));
    });
  }
  return figures;
}

export async function yearBench(page: Page, call: Call, opts: PullBenchOptions) {
  const mutations = opts.yearMutations ?? 500_000;
  const year: YearBenchArgs = {
    dbName: 'pumasi-bench-year',
    records: 20_000,
    mutations,
    perCall: 100,
    syncEvery: 5_000,
  };
  const fresh = 'pumasi-bench-year-fresh';
  // 20,000 edits after the full year; a smaller replay (a smoke run) times fewer
  const workload = {
    records: year.records,
    edits: Math.min(20_000, Math.max(2_000, Math.round(mutations / 25))),
    perCall: 100,
  };
  log(
    `replaying a year: ${year.records} companies, ${mutations} edits, a sync every ${year.syncEvery}…`,
  );
  const aged = await call<YearBenchArgs, YearBenchResult>(page, 'ageDatabase', year);
  log(
    `aged in ${(aged.ms / 1000).toFixed(0)} s: history ${aged.historyEntries} entries in ${aged.historyRows} rows, outbox ${aged.outboxEntries}, compaction ${aged.compacted.before} → ${aged.compacted.after}`,
  );
  await call(page, 'seedCompanies', { dbName: fresh, records: year.records });
  const subject: number[] = [];
  const baseline: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    // alternate which side goes first
    for (const side of rep % 2 === 0 ? ['fresh', 'aged'] : ['aged', 'fresh']) {
      const dbName = side === 'fresh' ? fresh : year.dbName;
      const r = await call<object, WriteBenchResult>(page, 'editWorkload', { ...workload, dbName });
      (side === 'aged' ? subject : baseline).push(r.ms);
      log(`edit workload rep ${rep + 1} on the ${side} database: ${r.ms.toFixed(0)} ms`);
    }
  }
  const figures = [
    throughputFigure(`year_${mutations / 1000}k_mutate_aged`, workload.edits, subject, baseline),
  ];
  const backend = opts.backends[0] ?? 'pglite';
  await withServer(backend, opts.rows, async ({ baseUrl, token, rawMs }) => {
    const args: PullBenchArgs = { endpoint: baseUrl, token, rows: opts.rows, dbName: year.dbName };
    const pull = await call<PullBenchArgs, PullBenchResult>(page, 'pullChanges', args);
    log(`pull into the aged database: ${pull.ms.toFixed(0)} ms`);
    figures.push(
      throughputFigure(
        `year_pull_${opts.rows / 1000}k_aged_${backend}`,
        opts.rows,
        [pull.ms],
        [rawMs],
      ),
    );
  });
  await call(page, 'dropDatabase', { dbName: fresh });
  await call(page, 'dropDatabase', { dbName: year.dbName });
  return figures;
}
