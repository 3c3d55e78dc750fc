/**
 * App settings: a key/value table (`settings`) that is not entity data — never synced, never in
 * history or the outbox. The device id lives here: made once per database (a ULID), so a copied
 * or restored database is recognisable by the sync layer. Only the sync layer may replace it
 * (setSetting('deviceId', newId())) when it detects a copied database.
 */
import { newId } from '../../shared/sync/ids';
import type { PumasiDb } from './db';

export type SettingKey =
  | 'clusterId'
  | 'lang'
  | 'firstRunDone'
  | 'deviceId'
  | 'demoLoaded'
  /**
   * true from the first demo batch until the whole load is written: a closed app, a crash or a
   * cancel leaves it set, so 설정 and the shell say "일부만 불러옴" and offer to finish the load
   */
  | 'demoLoadInterrupted'
  /** ISO time of the last automatic (daily) backup, desktop only */
  | 'lastAutoBackupAt'
  /** what a restore brought back: the backup's time and device (backup.ts) */
  | 'restoredFrom'
  /** this install's user: `{ name, role }` (role: staffRole code), written into history `who` */
  | 'profile'
  /** the team's staff list `[{ name, role }]` (desk assignees, the report's 결재란) */
  | 'staff'
  /** sync (renderer/sync): endpoint base URL, the pull cursor, paused flag, last success (ms).
   *  Never the token: it is not in this database (docs/SYNC.md "Where the token lives"). */
  | 'syncEndpoint'
  | 'syncCursor'
  | 'syncPaused'
  | 'syncLastSuccessAt'
  /** ms of the last history compaction (historyCompaction.ts; runs at most weekly) */
  | 'historyCompactedAt';

export async function getSetting<T>(db: PumasiDb, key: SettingKey): Promise<T | undefined> {
  const row = await db.settings.get(key);
  return row?.value as T | undefined;
}

export async function setSetting(db: PumasiDb, key: SettingKey, value: unknown): Promise<void> {
  if (key === 'deviceId' && (typeof value !== 'string' || value === '' || value.includes('-'))) {
    // It becomes part of every HLC stamp, where '-' is the separator.
    throw new Error('deviceId must be a non-empty string without "-" (use newId())');
  }
  await db.settings.put({ key, value });
  // Only the sync layer replaces the device id (a restored or copied database must not pose as
  // the original device); forget the cached one so the next write uses the new id.
  if (key === 'deviceId') deviceIds.delete(db);
}

// One promise per open database: concurrent first calls must not race to make two ids.
const deviceIds = new WeakMap<PumasiDb, Promise<string>>();

/** This install's device id (a ULID), created and stored on first call. */
export function getDeviceId(db: PumasiDb): Promise<string> {
  let id = deviceIds.get(db);
  if (!id) {
    id = (async () => {
      // A plain read first: once the id exists no rw transaction is needed, so this also works
      // inside a live query (Dexie refuses rw transactions there).
      const existing = await db.settings.get('deviceId');
      if (typeof existing?.value === 'string') return existing.value;
      // One rw transaction: the read and the write cannot interleave with another tab's.
      return db.transaction('rw', db.settings, async () => {
        const row = await db.settings.get('deviceId');
        if (typeof row?.value === 'string') return row.value;
        const fresh = newId();
        await db.settings.put({ key: 'deviceId', value: fresh });
        return fresh;
      });
    })();
    // A failed attempt (e.g. the database could not open) may be retried on the next call.
    id.catch(() => deviceIds.delete(db));
    deviceIds.set(db, id);
  }
  return id;
}
