import { describe, expect, it } from 'vitest';
import { claimTabId, queryLiveTabIds } from '../../../../renderer/features/entities/tabIdentity';

/** Web Locks as Chromium does them, for the exclusive `ifAvailable` requests tabs make. */
class FakeLocks {
  readonly held = new Set<string>();
  request(name: string, _opts: { ifAvailable: boolean }, cb: (lock: unknown) => unknown) {
    if (this.held.has(name)) return Promise.resolve(cb(null));
    this.held.add(name);
    return Promise.resolve(cb({ name }));
  }
  query() {
    return Promise.resolve({ held: [...this.held].map((name) => ({ name })) });
  }
}

const memoryStorage = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
};

describe('tab identity', () => {
  it('keeps its id across a reload and holds a lock that marks it alive', async () => {
    const locks = new FakeLocks();
    const storage = memoryStorage();
    const id = await claimTabId({ storage, locks });
    expect(storage.data.get('pumasi.tabId')).toBe(id);
    expect(await queryLiveTabIds(locks)).toEqual(new Set([id]));
    // The reloaded page: the old page's lock went with it.
    locks.held.clear();
    expect(await claimTabId({ storage, locks })).toBe(id);
  });

  it('a duplicated tab (copied sessionStorage) takes a new id instead of posing as the live one', async () => {
    const locks = new FakeLocks();
    const first = await claimTabId({ storage: memoryStorage(), locks });
    const copy = memoryStorage({ 'pumasi.tabId': first });
    const second = await claimTabId({ storage: copy, locks });
    expect(second).not.toBe(first);
    expect(copy.data.get('pumasi.tabId')).toBe(second);
    expect(await queryLiveTabIds(locks)).toEqual(new Set([first, second]));
  });

  it('other locks are not tabs; without Web Locks liveness is unknown', async () => {
    const locks = new FakeLocks();
    locks.held.add('something-else');
    expect(await queryLiveTabIds(locks)).toEqual(new Set());
    expect(await queryLiveTabIds(undefined)).toBeNull();
    expect(await claimTabId({ storage: undefined, locks: undefined })).toMatch(/^[0-9A-Z]{26}$/);
  });
});
