/** The sync engine's store port over the app database (renderer/db). */
import { entities, type EntityName, type StoredRecord } from '../../shared/registry';
import type { RecordChange } from '../../shared/sync/protocol';
import {
  ackPushed,
  applyRemote,
  buildPushBatch,
  retryKeptAside,
  getDeviceId,
  getSetting,
  LARGE_WRITE_RECORDS,
  refreshAfterLargeWrite,
  setSetting,
  type PumasiDb,
} from '../db';
import { correctedNow, setClockOffset } from '../db/clock';
import { SYNC_CURSOR_KEY } from '../db/remoteApply';
import type { SyncStore } from './engine';

export interface DbSyncStore extends SyncStore {
  /** settles once the grid snapshot rebuilds that finished pulls left for idle time are done */
  snapshotsRefreshed(): Promise<void>;
}

/** Settles when the page is idle (within `timeoutMs` anyway); at once without the API. */
function whenIdle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    } else setTimeout(resolve, 0);
  });
}

/** The longest a deferred snapshot rebuild waits for an idle moment after a pull. */
const REFRESH_IDLE_TIMEOUT_MS = 5_000;

export function dbSyncStore(db: PumasiDb): DbSyncStore {
  const tableOf = (entity: string) => entities.find((e) => e.name === entity)?.table;
  const present = () => new Set(db.tables.map((t) => t.name));
  /** changes applied per entity since the last finished pull (for the grid snapshots) */
  const pulled = new Map<EntityName, number>();
  /** the deferred snapshot rebuilds, one after the other */
  let refreshing: Promise<void> = Promise.resolve();
  return {
    deviceId: () => getDeviceId(db),
    buildPushBatch: (limit) => buildPushBatch(db, limit),
    ackPushed: (token, response) => ackPushed(db, token, response),
    getCursor: async () => (await getSetting<string>(db, SYNC_CURSOR_KEY)) ?? '0',
    async liveRecordCount() {
      const tables = present();
      let n = 0;
      for (const e of entities) {
        if (!tables.has(e.table)) continue;
        n += await db
          .table<StoredRecord, string>(e.table)
          .filter((r) => !r.deleted)
          .count();
      }
      return n;
    },
    async liveTargets(changes: readonly RecordChange[]) {
      const byTable = new Map<string, string[]>();
      for (const c of changes) {
        const table = tableOf(c.entity);
        if (!table || !present().has(table)) continue;
        byTable.set(table, [...(byTable.get(table) ?? []), c.id]);
      }
      let n = 0;
      for (const [table, ids] of byTable) {
        const rows = await db.table<StoredRecord, string>(table).bulkGet(ids);
        n += rows.filter((r) => r && !r.deleted).length;
      }
      return n;
    },
    async applyRemote(changes, cursor) {
      // The drift bound is judged against the corrected clock, like the stamps we mint; the
      // cursor is written in the page's own transaction (engine.ts, SyncStore.applyRemote).
      const result = await applyRemote(db, changes, { now: () => correctedNow(db), cursor });
      for (const c of changes) {
        const entity = c.entity as EntityName;
        pulled.set(entity, (pulled.get(entity) ?? 0) + 1);
      }
      return result;
    },
    async pullFinished() {
      // A large pull (a new device's first sync) made the grid snapshots stale: rebuild them
      // so the next open of a 100,000-row grid reads ~10 values, not the table (issue 6) — in
      // idle time after the run, not inside it: the rebuild reads all the records back (seconds
      // for 100,000). Never a stale grid meanwhile: every page's transaction bumped its tables'
      // revisions, so a grid opened before the rebuild reads the table itself (gridSnapshot.ts).
      const counts = [...pulled];
      pulled.clear();
      if (!counts.some(([, n]) => n >= LARGE_WRITE_RECORDS)) return;
      refreshing = refreshing
        .then(() => whenIdle(REFRESH_IDLE_TIMEOUT_MS))
        .then(async () => {
          if (db.isOpen()) await refreshAfterLargeWrite(db, counts);
        })
        // Only an accelerator: a failed rebuild leaves the grid reading the table, and must not
        // reject the chain (that would skip every later rebuild) or go unhandled.
        .catch(() => undefined);
    },
    snapshotsRefreshed: () => refreshing,
    retryKeptAside: () => retryKeptAside(db, { now: () => correctedNow(db) }),
    setClockOffset: (ms) => setClockOffset(db, ms),
    saveLastSuccess: (at) => setSetting(db, 'syncLastSuccessAt', at),
  };
}
