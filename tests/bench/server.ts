/**
 * Server push benchmark: 100,000 mutations pushed over HTTP (127.0.0.1, batches of 1,000, each
 * serialised, sent, validated, merged, logged and acknowledged) against, in the same run and the
 * same database, a raw multi-row INSERT of the same rows into a bare table of the same shape.
 * Run on PGlite (a data folder) and on PostgreSQL (Debian's, started on a free port).
 * Prints one JSON line per figure on stdout; progress on stderr.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app';
import { createToken, seedClusters } from '../../server/auth/tokens';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/postgres';
import type { Db } from '../../server/db/types';
import { formatHlc } from '../../shared/sync/hlc';
import type { Mutation } from '../../shared/sync/protocol';
import { startPostgres } from '../support/postgres';
import { parseProcStat, treeCpuMs } from './cpu';
import { throughputFigure, type BenchFigure } from './figures';
import { READY_TARGET_MS, serverReadyFigures } from './serverReady';

export interface ServerBenchOptions {
  rows: number;
  batchSize: number;
  reps: number;
  backends: Array<'pglite' | 'postgres'>;
  /** also time the server's start on a fresh data folder (serverReady.ts) */
  ready?: boolean;
}

export const SERVER_TARGET = 0.4;
const log = (text: string) => process.stderr.write(`[bench:server] ${text}\n`);

/**
 * Creates as a client sends them. A client's mutation id is its write's HLC stamp
 * (shared/sync/pushBatch.ts): unique, ascending in push order, so each batch's ids follow the
 * last one's (the server's duplicate check reads only ledger rows whose id range overlaps).
 */
function makeMutations(rows: number, rep: number): Mutation[] {
  const wallMs = Date.UTC(2026, 0, 5) + rep * 1000;
  return Array.from({ length: rows }, (_, i) => {
    const hlc = formatHlc({
      wallMs: wallMs + Math.floor(i / 65536),
      counter: i % 65536,
      deviceId: `BENCH${rep}`,
    });
    return {
      mutationId: hlc,
      change: {
        entity: 'organization',
        id: `r${rep}-o${i}`,
        clusterId: 'gumi',
        // as a client's create sends it: with the tombstone (the server makes records only whole)
        fields: {
          deleted: { value: 0, hlc },
          name: { value: `구미 기업 ${i}`, hlc },
          kind: { value: 'company', hlc },
          phone: {
            value: `054-${String(i % 1000).padStart(3, '0')}-${String(i % 10000).padStart(4, '0')}`,
            hlc,
          },
          employees: { value: i % 500, hlc },
        },
      },
    };
  });
}

export async function rawInsert(db: Db, mutations: Mutation[], batchSize: number): Promise<number> {
  await db.exec(
    'DROP TABLE IF EXISTS bench_raw; CREATE TABLE bench_raw (entity text, id text, cluster_id text, fields jsonb, shared boolean, PRIMARY KEY (entity, id))',
  );
  const start = performance.now();
  for (let i = 0; i < mutations.length; i += batchSize) {
    const chunk = mutations.slice(i, i + batchSize);
    const params: unknown[] = [];
    const tuples = chunk.map(({ change }, j) => {
      params.push(change.entity, change.id, change.clusterId, JSON.stringify(change.fields), false);
      const b = j * 5;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::jsonb, $${b + 5})`;
    });
    await db.query(`INSERT INTO bench_raw VALUES ${tuples.join(', ')}`, params);
  }
  const ms = performance.now() - start;
  await db.exec('DROP TABLE bench_raw');
  return ms;
}

export async function httpPush(
  baseUrl: string,
  token: string,
  mutations: Mutation[],
  batchSize: number,
  deviceId: string,
) {
  const start = performance.now();
  for (let i = 0; i < mutations.length; i += batchSize) {
    const body = JSON.stringify({
      protocol: 1,
      deviceId,
      mutations: mutations.slice(i, i + batchSize),
    });
    const res = await fetch(`${baseUrl}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const answer = (await res.json()) as { results?: Array<{ status: string }> };
    if (res.status !== 200 || answer.results?.some((r) => r.status !== 'applied')) {
      throw new Error(`push failed: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
    }
  }
  return performance.now() - start;
}

export interface BenchServer {
  db: Db;
  baseUrl: string;
  token: string;
  close(): Promise<void>;
}

/** The real server (buildApp) on a fresh database of `backend`, listening on 127.0.0.1:0. */
export async function startBenchServer(backend: 'pglite' | 'postgres'): Promise<BenchServer> {
  const cleanups: Array<() => Promise<void> | void> = [];
  const close = async () => {
    for (const clean of cleanups) await clean();
  };
  try {
    let db: Db;
    if (backend === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'pumasi-bench-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      db = await openPglite(dir);
    } else {
      const pg = await startPostgres();
      cleanups.push(() => pg.stop());
      db = await openPostgres(pg.createDatabase('bench'));
    }
    cleanups.unshift(() => db.close());
    await migrate(db);
    await seedClusters(db);
    const { token } = await createToken(db, { role: 'team', cluster: 'gumi' });
    const app = await buildApp({ db, rateLimit: { max: 1_000_000, windowMs: 60_000 } });
    cleanups.unshift(() => app.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return { db, baseUrl: `http://127.0.0.1:${port}`, token, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * CPU ms used so far by this process (server and HTTP client; PGlite runs inside it) and, on
 * PostgreSQL, by the cluster (the postmaster is no child of ours: pg_ctl detaches it).
 */
export async function cpuClock(db: Db): Promise<() => number> {
  if (db.kind !== 'postgres') return () => treeCpuMs();
  const { rows } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const backend = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8');
  const postmaster = parseProcStat(backend).ppid;
  return () => treeCpuMs() + treeCpuMs(postmaster);
}

/** CPU ms used so far by this Node process alone. */
function nodeCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function benchOne(
  backend: 'pglite' | 'postgres',
  opts: ServerBenchOptions,
): Promise<BenchFigure> {
  const server = await startBenchServer(backend);
  try {
    const { db, baseUrl, token } = server;
    const subject: number[] = [];
    const baseline: number[] = [];
    const cpu = await cpuClock(db);
    for (let rep = 0; rep < opts.reps; rep += 1) {
      const mutations = makeMutations(opts.rows, rep);
      const cpu0 = cpu();
      const node0 = nodeCpuMs();
      baseline.push(await rawInsert(db, mutations, opts.batchSize));
      const [cpu1, node1] = [cpu(), nodeCpuMs()];
      subject.push(await httpPush(baseUrl, token, mutations, opts.batchSize, 'BENCHDEV'));
      const [rawCpu, pushCpu] = [cpu1 - cpu0, cpu() - cpu1];
      // Node's own share (server, HTTP client, and PGlite when it is the database)
      const [rawNode, pushNode] = [node1 - node0, nodeCpuMs() - node1];
      log(
        `${backend} rep ${rep + 1}: raw ${baseline.at(-1)!.toFixed(0)} ms, push ${subject.at(-1)!.toFixed(0)} ms; ` +
          `CPU raw ${rawCpu.toFixed(0)} ms (Node ${rawNode.toFixed(0)}), ` +
          `push ${pushCpu.toFixed(0)} ms (Node ${pushNode.toFixed(0)}) (ratio ${(rawCpu / pushCpu).toFixed(3)})`,
      );
    }
    return throughputFigure(
      `server_push_${Math.round(opts.rows / 1000)}k_${backend}`,
      opts.rows,
      subject,
      baseline,
    );
  } finally {
    await server.close();
  }
}

export async function runServerBench(opts: ServerBenchOptions): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  if (opts.ready) {
    for (const figure of await serverReadyFigures(opts.reps, log)) {
      process.stdout.write(`${JSON.stringify(figure)}\n`);
      if (figure.name === 'server_ready_fresh_pglite') {
        const met = figure.value <= READY_TARGET_MS;
        log(`${figure.name}: target ≤ ${READY_TARGET_MS} ms → ${met ? 'met' : 'MISSED'}`);
      }
      figures.push(figure);
    }
  }
  for (const backend of opts.backends) {
    const figure = await benchOne(backend, opts);
    process.stdout.write(`${JSON.stringify(figure)}\n`);
    log(
      `${figure.name}: target ≥ ${SERVER_TARGET}× raw INSERT → ${figure.ratio >= SERVER_TARGET ? 'met' : 'MISSED'}`,
    );
    figures.push(figure);
  }
  return figures;
}
