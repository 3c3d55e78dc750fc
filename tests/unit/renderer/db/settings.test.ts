import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DB_NAME, entityTable, getDb, openDb } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import { getDeviceId, getSetting, setSetting } from '../../../../renderer/db/settings';
import { getClock } from '../../../../renderer/db/clock';
import { newId } from '../../../../shared/sync/ids';
import { compareHlc, parseHlc } from '../../../../shared/sync/hlc';
import { freshDb, orgValues, track } from './helpers';

describe('durability', () => {
  it('opens every database with strict transaction durability', () => {
    expect(openDb('durability-check')._options.chromeTransactionDurability).toBe('strict');
  });

  it('the app singleton is the strict "pumasi" database, made once', () => {
    const db = getDb();
    expect(db.name).toBe(DEFAULT_DB_NAME);
    expect(DEFAULT_DB_NAME).toBe('pumasi');
    expect(db._options.chromeTransactionDurability).toBe('strict');
    expect(getDb()).toBe(db);
  });

  it('asks IndexedDB for strict durability on the write transaction of mutate()', async () => {
    // Spied before opening: Dexie binds idbdb.transaction when the database opens.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      const db = await freshDb();
      spy.mockClear();
      await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(1) }]);
      const writes = spy.mock.calls.filter(([, mode]) => mode === 'readwrite');
      // the device-id transaction and the one write transaction (with the table's revision)
      expect(writes.map(([stores]) => [...stores].sort())).toContainEqual([
        'history',
        'organizations',
        'outbox',
        'tableRevisions',
      ]);
      for (const [, , options] of writes) expect(options).toEqual({ durability: 'strict' });
    } finally {
      spy.mockRestore();
    }
  });
});

describe('settings', () => {
  it('stores and reads key/value settings', async () => {
    const db = await freshDb({ clusterId: null });
    expect(await getSetting(db, 'clusterId')).toBeUndefined();
    await setSetting(db, 'clusterId', 'gwangju');
    await setSetting(db, 'firstRunDone', true);
    expect(await getSetting<string>(db, 'clusterId')).toBe('gwangju');
    expect(await getSetting<boolean>(db, 'firstRunDone')).toBe(true);
  });

  it('makes the device id once (a ULID) and keeps it across reopening', async () => {
    const db = await freshDb();
    const [a, b] = await Promise.all([getDeviceId(db), getDeviceId(db)]);
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(b).toBe(a);
    const reopened = track(openDb(db.name));
    expect(await getDeviceId(reopened)).toBe(a);
    expect(await reopened.settings.get('deviceId')).toEqual({ key: 'deviceId', value: a });
  });

  it('stamps writes with a replaced device id (set by the sync layer for a copied database)', async () => {
    const db = await freshDb();
    const first = await mutate(db, [
      { entity: 'organization', op: 'create', values: orgValues(1) },
    ]);
    const replacement = newId();
    await setSetting(db, 'deviceId', replacement);
    const second = await mutate(db, [
      { entity: 'organization', op: 'create', values: orgValues(2) },
    ]);
    if (!first.ok || !second.ok) throw new Error('mutate failed');
    expect(second.records[0]?.deviceId).toBe(replacement);
    expect(parseHlc(second.records[0]?.hlc as string).deviceId).toBe(replacement);
    expect((second.records[0]?.hlc as string) > (first.records[0]?.hlc as string)).toBe(true);
    await expect(setSetting(db, 'deviceId', 'with-dash')).rejects.toThrow();
  });
});

describe('clock', () => {
  it('continues after the newest stored stamp when the database is reopened', async () => {
    const db = await freshDb();
    const clock = await getClock(db);
    // A stamp far in the future, as if the system clock had been set back since.
    const future = `9000000000000-0005-${clock.deviceId}`;
    await db.history.add({
      id: future,
      entries: [
        {
          id: future,
          entity: 'organization',
          recordId: 'x',
          op: 'create',
          version: 1,
          before: null,
        },
      ],
    });
    const reopened = track(openDb(db.name));
    const result = await mutate(reopened, [
      { entity: 'organization', op: 'create', values: orgValues(1) },
    ]);
    if (!result.ok) throw new Error('mutate failed');
    const stamp = result.records[0]?.hlc as string;
    expect(compareHlc(future, stamp)).toBe(-1);
    expect(parseHlc(stamp)).toMatchObject({ wallMs: 9_000_000_000_000, deviceId: clock.deviceId });
    expect(await entityTable(reopened, 'organization').count()).toBe(1);
  });
});

describe('device id in a live query', () => {
  it('is read without a rw transaction once it exists (Dexie refuses rw inside liveQuery)', async () => {
    const { liveQuery } = await import('dexie');
    const db = await freshDb();
    const made = await getDeviceId(db);
    // A second database object on the same data: its first getDeviceId call runs inside the query.
    const again = track(openDb(db.name));
    const seen = await new Promise<string>((resolve, reject) => {
      const sub = liveQuery(() => getDeviceId(again)).subscribe({
        next: (id) => {
          sub.unsubscribe();
          resolve(id);
        },
        error: reject,
      });
    });
    expect(seen).toBe(made);
  });
});
