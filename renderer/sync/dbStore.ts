/** The sync engine's store port over the app database (renderer/db). */
import { entities, type StoredRecord } from '../../shared/registry';
import type { RecordChange } from '../../shared/sync/protocol';
import {
  ackPushed,
  applyRemote,
  buildPushBatch,
  retryKeptAside,
  getDeviceId,
  getSetting,
  setSetting,
  type PumasiDb,
} from '../db';
import { correctedNow, setClockOffset } from '../db/clock';
import type { SyncStore } from './engine';

const CURSOR_KEY = 'syncCursor';

export function dbSyncStore(db: PumasiDb): SyncStore {
  const tableOf = (entity: string) => entities.find((e) => e.name === entity)?.table;
  const present = () => new Set(db.tables.map((t) => t.name));
  return {
    deviceId: () => getDeviceId(db),
    buildPushBatch: (limit) => buildPushBatch(db, limit),
    ackPushed: (token, response) => ackPushed(db, token, response),
    getCursor: async () => (await getSetting<string>(db, CURSOR_KEY)) ?? '0',
    setCursor: (cursor) => setSetting(db, CURSOR_KEY, cursor),
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
    async applyRemote(changes) {
      // The drift bound is judged against the corrected clock, like the stamps we mint.
      return applyRemote(db, changes, { now: () => correctedNow(db) });
    },
    retryKeptAside: () => retryKeptAside(db, { now: () => correctedNow(db) }),
    setClockOffset: (ms) => setClockOffset(db, ms),
    saveLastSuccess: (at) => setSetting(db, 'syncLastSuccessAt', at),
  };
}
