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
  refreshAfterLargeWrite,
  setSetting,
  type PumasiDb,
} from '../db';
import { correctedNow, setClockOffset } from '../db/clock';
import { SYNC_CURSOR_KEY } from '../db/remoteApply';
import type { SyncStore } from './engine';

export function dbSyncStore(db: PumasiDb): SyncStore {
  const tableOf = (entity: string) => entities.find((e) => e.name === entity)?.table;
  const present = () => new Set(db.tables.map((t) => t.name));
  /** changes applied per entity since the last finished pull (for the grid snapshots) */
  const pulled = new Map<EntityName, number>();
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
      // A large pull (a new device's first sync) made the grid snapshots stale: rebuild them now,
      // so the next open of a 100,000-row grid reads ~10 values, not the table (issue 6).
      const counts = [...pulled];
      pulled.clear();
      await refreshAfterLargeWrite(db, counts);
    },
    retryKeptAside: () => retryKeptAside(db, { now: () => correctedNow(db) }),
    setClockOffset: (ms) => setClockOffset(db, ms),
    saveLastSuccess: (at) => setSetting(db, 'syncLastSuccessAt', at),
  };
}
