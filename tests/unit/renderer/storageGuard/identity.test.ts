import { describe, expect, it } from 'vitest';
import {
  decidePresence,
  IDENTITY_STORAGE_KEY,
  localStorageIdentityStore,
  type DatabaseIdentity,
} from '../../../../renderer/db/storageGuard/identity';

const now = new Date('2026-12-02T05:00:00.000Z');
const identity: DatabaseIdentity = {
  format: 1,
  dbName: 'pumasi',
  deviceId: '01JDEVICE',
  clusterId: 'gumi',
  createdAt: '2026-11-01T00:00:00.000Z',
  lastSeenAt: '2026-12-01T00:00:00.000Z',
};
const setUp = { firstRunDone: true, deviceId: '01JDEVICE', clusterId: 'gumi' };
const empty = { firstRunDone: false, deviceId: null, clusterId: null };

describe('vanished-database decision', () => {
  it('an identity without its database is a vanished database, not a first run', () => {
    expect(decidePresence(identity, false, null, 'pumasi', now)).toEqual({
      state: 'vanished',
      identity,
    });
  });

  it('an identity with a re-created empty database is vanished too', () => {
    expect(decidePresence(identity, true, empty, 'pumasi', now).state).toBe('vanished');
    // Where indexedDB.databases() is missing, the contents decide.
    expect(decidePresence(identity, null, empty, 'pumasi', now).state).toBe('vanished');
  });

  it('no identity and no set-up database is a first run', () => {
    expect(decidePresence(null, false, null, 'pumasi', now)).toEqual({ state: 'new' });
    expect(decidePresence(null, true, empty, 'pumasi', now)).toEqual({ state: 'new' });
  });

  it('a set-up database refreshes the identity, keeping when it was first seen', () => {
    const presence = decidePresence(
      identity,
      true,
      { ...setUp, clusterId: 'ulsan' },
      'pumasi',
      now,
    );
    expect(presence).toEqual({
      state: 'present',
      identity: { ...identity, clusterId: 'ulsan', lastSeenAt: now.toISOString() },
    });
  });

  it('a set-up database from before identities existed gets one', () => {
    const presence = decidePresence(null, true, setUp, 'pumasi', now);
    expect(presence).toMatchObject({
      state: 'present',
      identity: { createdAt: now.toISOString(), deviceId: '01JDEVICE', clusterId: 'gumi' },
    });
  });
});

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('browser identity store (localStorage)', () => {
  it('writes, reads and clears', async () => {
    const storage = memoryStorage();
    const store = localStorageIdentityStore(storage);
    expect(await store.read()).toBeNull();
    await store.write(identity);
    expect(await store.read()).toEqual(identity);
    await store.clear();
    expect(storage.getItem(IDENTITY_STORAGE_KEY)).toBeNull();
  });

  it('reads damaged or foreign values as no identity', async () => {
    const storage = memoryStorage();
    const store = localStorageIdentityStore(storage);
    storage.setItem(IDENTITY_STORAGE_KEY, '{not json');
    expect(await store.read()).toBeNull();
    storage.setItem(IDENTITY_STORAGE_KEY, JSON.stringify({ ...identity, extra: '<script>' }));
    expect(await store.read()).toBeNull();
    storage.setItem(IDENTITY_STORAGE_KEY, JSON.stringify({ ...identity, format: 2 }));
    expect(await store.read()).toBeNull();
  });
});
