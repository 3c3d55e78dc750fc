/**
 * Pull into IndexedDB through the app's real path (issue 9): the SyncEngine with the browser's
 * fetch transport and the app's store port — /health, an empty push, then pull pages of 1,000
 * from the real server (the next page fetched while one is applied), each applied by
 * applyRemote() in one transaction together with the cursor past it. Baseline on the page (the
 * figure's): raw Dexie bulkPut of the very records the pull stored, in batches of the same size,
 * into a fresh database. Also used by the year-of-use bench, which
 * pulls into an aged database (`dbName`).
 */
import Dexie from 'dexie';
import type { StoredRecord } from '../../shared/registry';
import { newId } from '../../shared/sync/ids';
import { PumasiDb, entityTable } from '../db';
import { dbSyncStore } from '../sync/dbStore';
import { SyncEngine, type SyncStore } from '../sync/engine';
import { createTransport, fetchHttp, type SyncTransport } from '../sync/transport';
import type { PullBenchArgs, PullBenchResult, PullSplit, WriteBenchResult } from './api';

/** What the last pull stored, for the baseline (read untimed after the pull). */
let pulledRecords: StoredRecord[] = [];

async function openNamed(name: string): Promise<PumasiDb> {
  const db = new PumasiDb(name);
  await db.open();
  return db;
}

/**
 * The transport and store with clocks around the pull's steps (nothing else changes): the
 * split of a run between the requests, the pages' transactions and the waits between them.
 */
function timedPorts(transport: SyncTransport, store: SyncStore) {
  const split: PullSplit = {
    startMs: 0,
    pages: 0,
    fetchMs: 0,
    waitMs: 0,
    applyMs: 0,
    finishMs: 0,
    deferredMs: 0,
  };
  const t0 = performance.now();
  let firstRequest: number | null = null;
  let lastApplyEnd: number | null = null;
  const timedTransport: SyncTransport = {
    ...transport,
    async pull(after, limit, deviceId) {
      const start = performance.now();
      firstRequest ??= start;
      split.pages++;
      try {
        return await transport.pull(after, limit, deviceId);
      } finally {
        split.fetchMs += performance.now() - start;
      }
    },
  };
  const timedStore: SyncStore = {
    ...store,
    async applyRemote(changes, cursor) {
      const start = performance.now();
      split.waitMs += start - (lastApplyEnd ?? firstRequest ?? start);
      try {
        return await store.applyRemote(changes, cursor);
      } finally {
        lastApplyEnd = performance.now();
        split.applyMs += lastApplyEnd - start;
      }
    },
  };
  const finish = (end: number, deferredMs: number): PullSplit => ({
    ...split,
    startMs: (firstRequest ?? end) - t0,
    finishMs: end - (lastApplyEnd ?? end),
    deferredMs,
  });
  return { timedTransport, timedStore, finish };
}

export async function pullChanges(args: PullBenchArgs): Promise<PullBenchResult> {
  const name = args.dbName ?? `pumasi-bench-pull-${newId()}`;
  const db = await openNamed(name);
  try {
    const before = await entityTable(db, 'organization').count();
    const store = dbSyncStore(db);
    const ports = timedPorts(createTransport(fetchHttp(args.endpoint, args.token)), store);
    const engine = new SyncEngine({
      transport: () => ports.timedTransport,
      store: ports.timedStore,
      timers: {
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (h) => window.clearTimeout(h as number),
        now: () => Date.now(),
        random: Math.random,
      },
    });
    const start = performance.now();
    await engine.syncNow();
    const end = performance.now();
    const ms = end - start;
    engine.stop();
    // The snapshot rebuild the pull left for idle time: done before anything else is measured
    // (the baseline's bulkPut must not share the page with it), its time reported apart.
    await store.snapshotsRefreshed();
    const split = ports.finish(end, performance.now() - end);
    const state = engine.getState();
    if (state.lastError) throw new Error(`pull failed: ${JSON.stringify(state.lastError)}`);
    const pulled = state.lastRun?.pulled ?? 0;
    const stored = await entityTable(db, 'organization').toArray();
    const fresh = stored.length - before;
    if (pulled !== args.rows || fresh !== args.rows) {
      throw new Error(`pulled ${pulled} changes, ${fresh} new records; expected ${args.rows}`);
    }
    if (!args.dbName) pulledRecords = stored;
    return { rows: pulled, ms, keptAside: state.lastRun?.keptAside ?? 0, split };
  } finally {
    db.close();
    if (!args.dbName) await Dexie.delete(name);
  }
}

/** Baseline: the records the last pull stored, through bulkPut into a fresh database. */
export async function bulkPutPulled(args: { batchSize: number }): Promise<WriteBenchResult> {
  const name = `pumasi-bench-pullbase-${newId()}`;
  const db = await openNamed(name);
  try {
    const table = entityTable(db, 'organization');
    const start = performance.now();
    for (let i = 0; i < pulledRecords.length; i += args.batchSize) {
      await table.bulkPut(pulledRecords.slice(i, i + args.batchSize));
    }
    const ms = performance.now() - start;
    const count = await table.count();
    if (count !== pulledRecords.length) throw new Error(`bulkPut stored ${count} rows`);
    return { rows: count, ms };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}
