/**
 * The real-process fault harness (docs/SYNC.md, "Fault harness"): two devices of one cluster
 * (headless Chromium, browser mode) and the sync server as a child process, the devices talking
 * to the server through the fault proxy. Each schedule, from (seed, index) alone: a few random
 * actions — edits (own records, network-shared resources, the same field on both devices),
 * syncs under faults, app reloads, app crashes, server SIGKILLs and restarts — then faults off,
 * sync to quiescence, and the checks of check.ts. Processes are reused across schedules; the
 * state accumulates, so later schedules sync over a longer history.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { FaultEdit, FaultEntity } from '../../renderer/bench/faultsApi';
import { chromiumLaunchOptions } from '../support/chromium';
import { startPostgres, type TestPostgres } from '../support/postgres';
import {
  acknowledgedKept,
  agreement,
  foldChanges,
  inboxComplete,
  keyOf,
  noneTwice,
  type CommittedEdit,
} from './check';
import { FaultClient } from './client';
import { createRng, scheduleSeed, type Rng } from './prng';
import { FaultProxy } from './proxy';
import { ServerProcess, createTokens, type ServerDb } from './serverProcess';
import { conflictsOf, pullAll } from './serverState';

const ROOT = resolve(import.meta.dirname, '../..');
const CLUSTER = 'gumi';

export interface FaultRunOptions {
  seed: number;
  schedules: number;
  /** index of the first schedule (a failing schedule's reproduction starts there) */
  from: number;
  db: 'pglite' | 'postgres';
  log: (line: string) => void;
  /** every action and quiescence round, for debugging a schedule */
  verbose?: (line: string) => void;
}

export interface FaultRunResult {
  ok: boolean;
  schedules: number;
  edits: number;
  records: number;
  actions: Record<string, number>;
  faults: Record<string, number>;
  serverKills: number;
  clientCloses: number;
  clientReloads: number;
  ms: number;
  failure?: { schedule: number; problems: string[]; reproduce: string };
}

interface StaticServer {
  url: string;
  close(): Promise<void>;
}

async function startStatic(syncEndpoint: string): Promise<StaticServer> {
  const root = resolve(ROOT, 'dist/renderer');
  if (!existsSync(join(root, 'bench.html'))) {
    throw new Error('dist/renderer has no build: run `npx vite build` first');
  }
  const href = pathToFileURL(resolve(ROOT, 'scripts/serve-static.mjs')).href;
  const mod = (await import(href)) as {
    startStaticServer(o: {
      root: string;
      port: number;
      syncEndpoint: string;
    }): Promise<StaticServer>;
  };
  // The proxy is the endpoint: the page's CSP connect-src allows exactly its origin.
  return mod.startStaticServer({ root, port: 0, syncEndpoint });
}

type Action = 'edit' | 'concurrent' | 'sync' | 'reload' | 'close' | 'killServer' | 'startServer';
const ACTIONS: ReadonlyArray<readonly [Action, number]> = [
  ['edit', 34],
  ['concurrent', 12],
  ['sync', 22],
  ['reload', 7],
  ['close', 7],
  ['killServer', 9],
  ['startServer', 9],
];

function drawAction(rng: Rng): Action {
  let r = rng.next() * ACTIONS.reduce((s, [, w]) => s + w, 0);
  for (const [a, w] of ACTIONS) if ((r -= w) < 0) return a;
  return 'edit';
}

interface Known {
  entity: FaultEntity;
  id: string;
}

/** One random edit; `n` makes values unique so a write is never a no-op by accident. */
function randomEdit(rng: Rng, known: readonly Known[], tag: string): FaultEdit {
  const target = known.length > 0 && rng.chance(0.65) ? rng.pick(known) : undefined;
  if (!target) {
    return rng.chance(0.6)
      ? {
          op: 'create',
          entity: 'organization',
          values: { name: `기업 ${tag}`, kind: 'company', employees: rng.int(1, 900) },
        }
      : {
          op: 'create',
          entity: 'resource',
          values: {
            name: `장비 ${tag}`,
            kind: 'equipment',
            availability: 'available',
            sharedWithNetwork: rng.chance(0.5),
          },
        };
  }
  if (rng.chance(0.12)) return { op: rng.chance(0.6) ? 'delete' : 'restore', ...target };
  return { op: 'update', ...target, values: fieldEdit(rng, target.entity, tag) };
}

function fieldEdit(rng: Rng, entity: FaultEntity, tag: string): Record<string, unknown> {
  if (entity === 'organization') {
    return rng.pick([
      { name: `기업 ${tag}` },
      { employees: rng.int(1, 900) },
      { notes: `메모 ${tag}` },
      { notes: `메모 ${tag}`, employees: rng.int(1, 900) },
    ]);
  }
  return rng.pick([
    { contact: `연락처 ${tag}` },
    { sharedWithNetwork: rng.chance(0.5) },
    { availability: rng.pick(['available', 'booked', 'unavailable']) },
  ]);
}

export async function runFaults(opts: FaultRunOptions): Promise<FaultRunResult> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const { log } = opts;
  let pg: TestPostgres | undefined;
  let dataDir: string | undefined;
  let db: ServerDb;
  if (opts.db === 'postgres') {
    pg = await startPostgres();
    db = { kind: 'postgres', location: pg.createDatabase('faults') };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'pumasi-faults-'));
    db = { kind: 'pglite', location: dataDir };
  }
  const server = await ServerProcess.create(db);
  const proxy = new FaultProxy(() => server.port);
  let browser: Browser | undefined;
  let statik: StaticServer | undefined;
  const clients: FaultClient[] = [];
  const result: FaultRunResult = {
    ok: true,
    schedules: 0,
    edits: 0,
    records: 0,
    actions: {},
    faults: {},
    serverKills: 0,
    clientCloses: 0,
    clientReloads: 0,
    ms: 0,
  };
  try {
    const { team: teamToken, hq: hqToken } = await createTokens(db, CLUSTER);
    await server.start();
    const endpoint = await proxy.listen();
    statik = await startStatic(endpoint);
    const baseUrl = statik.url.replace(/\/$/, '');
    browser = await chromium.launch(chromiumLaunchOptions());
    for (const name of ['A', 'B']) {
      clients.push(
        await FaultClient.open(browser, name, baseUrl, {
          clusterId: CLUSTER,
          endpoint,
          token: teamToken,
        }),
      );
    }
    const [a, b] = clients as [FaultClient, FaultClient];
    const edits: CommittedEdit[] = [];
    const known: Known[] = [];

    for (let index = opts.from; index < opts.from + opts.schedules; index++) {
      const sSeed = scheduleSeed(opts.seed, index);
      const rng = createRng(sSeed);
      proxy.setFaults(createRng(sSeed ^ 0x5bd1e995));
      const steps = rng.int(3, 6);
      let n = 0;
      const commit = async (client: FaultClient, batch: FaultEdit[]) => {
        const results = await client.edit(batch);
        results.forEach((r, i) => {
          const e = batch[i] as FaultEdit;
          if (!r.ok) return; // not committed: nothing to keep (e.g. a record this device lacks yet)
          if (e.op === 'create') known.push({ entity: e.entity, id: r.id });
          edits.push({
            client: client.name,
            key: keyOf(e.entity, r.id),
            values: r.values,
            stamps: r.stamps,
          });
          result.edits++;
        });
      };
      let problems: string[] = [];
      try {
        for (let step = 0; step < steps; step++) {
          // Every schedule starts with an edit, so each one has something to sync.
          const action: Action = step === 0 ? 'edit' : drawAction(rng);
          result.actions[action] = (result.actions[action] ?? 0) + 1;
          const client = rng.pick(clients);
          opts.verbose?.(`#${index} step ${step}: ${action} ${client.name} ${elapsed()}`);
          const tag = () => `${index}-${step}-${n++}`;
          if (action === 'edit') {
            const count = rng.int(1, 2);
            await commit(
              client,
              Array.from({ length: count }, () => randomEdit(rng, known, tag())),
            );
          } else if (action === 'concurrent') {
            // The same fields of one record on both devices before either syncs.
            const target = known.length > 0 ? rng.pick(known) : undefined;
            if (!target) continue;
            const fields = Object.keys(fieldEdit(rng, target.entity, 'x'));
            const valuesFor = (t: string) =>
              Object.fromEntries(
                fields.map((f) => [
                  f,
                  f === 'employees'
                    ? rng.int(1, 900)
                    : f === 'sharedWithNetwork'
                      ? rng.chance(0.5)
                      : f === 'availability'
                        ? rng.pick(['available', 'booked', 'unavailable'])
                        : `${f} ${t}`,
                ]),
              );
            await commit(a, [{ op: 'update', ...target, values: valuesFor(tag()) }]);
            await commit(b, [{ op: 'update', ...target, values: valuesFor(tag()) }]);
          } else if (action === 'sync') {
            await client.syncNow(rng.int(300, 2500));
          } else if (action === 'reload') {
            await client.reload();
          } else if (action === 'close') {
            await client.closeAndReopen();
          } else if (action === 'killServer') {
            // After a random moment, so the kill lands in the middle of whatever is in flight.
            void client.syncNow(1000).catch(() => false);
            await new Promise((r) => setTimeout(r, rng.int(0, 400)));
            await server.kill();
          } else {
            await server.start();
          }
        }

        // Faults off, server up, sync to quiescence.
        proxy.setFaults(undefined);
        await server.start();
        for (let round = 0; round < 6; round++) {
          // Both at once, twice: the second pass pulls what the other pushed in the first.
          for (let pass = 0; pass < 2; pass++) {
            const synced = await Promise.all(clients.map((c) => c.syncNow(30_000)));
            opts.verbose?.(
              `#${index} quiesce ${round}.${pass}: synced ${synced.join(' ')} ${elapsed()}`,
            );
          }
          const snaps = await Promise.all(clients.map((c) => c.snapshot()));
          const changes = await pullAll(server.url, hqToken);
          const state = foldChanges(changes);
          const serverConflicts = (
            await Promise.all(
              snaps.map(async (s) =>
                (await conflictsOf(server.url, hqToken, s.deviceId)).map((conflict) => ({
                  device: s.deviceId,
                  conflict,
                })),
              ),
            )
          ).flat();
          problems = [
            ...snaps.flatMap((s, i) =>
              s.outbox > 0 ? [`${clients[i]!.name}: ${s.outbox} writes still queued`] : [],
            ),
            ...snaps.flatMap((s, i) =>
              s.keptAside.map((k) => `${clients[i]!.name}: kept aside ${k}`),
            ),
            ...snaps.flatMap((s, i) => agreement(clients[i]!.name, s, state)),
            ...acknowledgedKept(edits, state),
            ...snaps.flatMap((s, i) =>
              inboxComplete(
                clients[i]!.name,
                s.conflicts,
                serverConflicts.filter((c) => c.device === s.deviceId).map((c) => c.conflict),
              ),
            ),
            ...noneTwice(
              changes.filter((c) => c.entity === 'organization'),
              serverConflicts,
              snaps.map((s, i) => ({ name: clients[i]!.name, conflicts: s.conflicts })),
            ),
          ];
          result.records = state.size;
          opts.verbose?.(
            `#${index} quiesce ${round}: ${problems.length} problems ${problems.slice(0, 3).join(' | ')}`,
          );
          if (problems.length === 0) break;
        }
      } catch (error) {
        // A process that would not start or a page that would not answer fails the schedule too.
        problems = [`harness: ${error instanceof Error ? error.message : String(error)}`];
      }
      result.schedules++;
      if (problems.length > 0) {
        result.ok = false;
        result.failure = {
          schedule: index,
          problems,
          reproduce:
            `npm run faults -- --seed ${opts.seed} --from ${opts.from} --schedules ${index - opts.from + 1} --db ${opts.db}` +
            `  (or from a fresh state: --from ${index} --schedules 1)`,
        };
        break;
      }
      if ((index - opts.from + 1) % 10 === 0) {
        log(
          `schedule ${index + 1 - opts.from}/${opts.schedules}: ${result.edits} edits, ${result.records} records, ${Math.round((Date.now() - started) / 1000)} s`,
        );
      }
    }
  } finally {
    proxy.setFaults(undefined);
    result.faults = { ...proxy.counts };
    result.serverKills = server.kills;
    result.clientCloses = clients.reduce((s, c) => s + c.closes, 0);
    result.clientReloads = clients.reduce((s, c) => s + c.reloads, 0);
    for (const c of clients) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await statik?.close().catch(() => undefined);
    await proxy.close().catch(() => undefined);
    await server.stop().catch(() => undefined);
    pg?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    result.ms = Date.now() - started;
  }
  return result;
}
