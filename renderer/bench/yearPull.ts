/**
 * The year-of-use bench's pull (issue 10): every change the server holds pulled into the aged
 * database through the app's real path, as pullBench.ts does into a fresh one — the SyncEngine
 * with the browser's fetch transport over the app's store port (dbSyncStore). A progress line
 * per 10,000 changes goes to the console, which the Node driver echoes (tests/bench/year.ts).
 */
import { entityTable, PumasiDb } from '../db';
import { dbSyncStore, type DbSyncStore } from '../sync/dbStore';
import { SyncEngine, type SyncStore } from '../sync/engine';
import { createTransport, fetchHttp } from '../sync/transport';
import { YEAR_PROGRESS_PREFIX, type PullBenchArgs, type PullBenchResult } from './api';

/**
 * The one place this bench touches the store port: the app's own, with each applied page
 * counted for the progress line. Arguments pass through whole, so a change of the port's
 * signatures (the cursor stored with the page) needs no edit here beyond the types.
 */
function countingStore(db: PumasiDb, onApplied: (changes: number) => void): DbSyncStore {
  const store = dbSyncStore(db);
  return {
    ...store,
    async applyRemote(...args: Parameters<SyncStore['applyRemote']>) {
      const result = await store.applyRemote(...args);
      onApplied(args[0].length);
      return result;
    },
  };
}

export async function pullIntoAged(
  args: PullBenchArgs & { dbName: string },
): Promise<PullBenchResult> {
  const db = new PumasiDb(args.dbName);
  await db.open();
  try {
    const before = await entityTable(db, 'organization').count();
    let applied = 0;
    const start = performance.now();
    const onApplied = (changes: number) => {
      const reported = Math.floor(applied / 10_000);
      applied += changes;
      if (Math.floor(applied / 10_000) > reported) {
        const s = (performance.now() - start) / 1000;
        console.info(`${YEAR_PROGRESS_PREFIX} pulled ${applied}/${args.rows} in ${s.toFixed(0)} s`);
      }
    };
    const store = countingStore(db, onApplied);
    const engine = new SyncEngine({
      transport: () => createTransport(fetchHttp(args.endpoint, args.token)),
      store,
      timers: {
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (h) => window.clearTimeout(h as number),
        now: () => Date.now(),
        random: Math.random,
      },
    });
    await engine.syncNow();
    // the grid snapshot rebuild the pull left for idle time counts here, as it did when the
    // run's end waited for it (the year's figures stay comparable)
    await store.snapshotsRefreshed();
    const ms = performance.now() - start;
    engine.stop();
    const state = engine.getState();
    if (state.lastError) throw new Error(`pull failed: ${JSON.stringify(state.lastError)}`);
    const pulled = state.lastRun?.pulled ?? 0;
    const fresh = (await entityTable(db, 'organization').count()) - before;
    // every change is a record the aged database did not hold: all must land
    if (pulled !== args.rows || fresh !== args.rows) {
      throw new Error(`pulled ${pulled} changes, ${fresh} new records; expected ${args.rows}`);
    }
    return { rows: pulled, ms, keptAside: state.lastRun?.keptAside ?? 0 };
  } finally {
    db.close();
  }
}
