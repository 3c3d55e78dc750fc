/**
 * Issue 9: a local save is pushed a few seconds after it (debounced), not at the next 60 s timer;
 * never while offline, paused or backing off after a failure. Fake timers: nothing here waits.
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mutate } from '../../../../renderer/db/mutate';
import { SyncEngine, type SyncStore } from '../../../../renderer/sync/engine';
import { watchLocalWrites } from '../../../../renderer/sync/localWrites';
import { SyncHttpError, type SyncTransport } from '../../../../renderer/sync/transport';
import { freshDb, orgValues } from '../db/helpers';

function fakes() {
  const runs: number[] = [];
  let failing = false;
  const transport: SyncTransport = {
    async health() {
      runs.push(Date.now());
      if (failing) throw new SyncHttpError('network', null, 'Failed to fetch');
      return { serverTime: Date.now() };
    },
    checkAuth: async () => ({ serverTime: Date.now() }),
    push: async () => ({ serverTime: Date.now(), results: [], conflicts: [] }),
    pull: async (after) => ({ serverTime: Date.now(), changes: [], cursor: after, hasMore: false }),
  };
  const store: SyncStore = {
    deviceId: async () => 'DEV',
    buildPushBatch: async () => ({ mutations: [], ackToken: '' }),
    ackPushed: async () => true,
    getCursor: async () => '0',
    liveRecordCount: async () => 0,
    liveTargets: async () => 0,
    applyRemote: async () => ({ conflicts: 0, keptAside: 0 }),
    retryKeptAside: async () => ({ applied: 0, conflicts: 0 }),
    setClockOffset: () => undefined,
    saveLastSuccess: async () => undefined,
  };
  const engine = new SyncEngine({
    transport: () => transport,
    store,
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
      random: () => 0.5,
    },
    intervalMs: 60_000,
    pushDelayMs: 3_000,
    pushMaxDelayMs: 15_000,
  });
  return { engine, runs, fail: (on: boolean) => (failing = on) };
}

const T0 = 1_700_000_000_000;

describe('push soon after a local save', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('runs 3 s after a save instead of at the 60 s timer', async () => {
    const { engine, runs } = fakes();
    await engine.syncNow();
    expect(engine.getState().nextRunAt).toBe(T0 + 60_000);
    await vi.advanceTimersByTimeAsync(10_000);
    engine.localWrite();
    expect(engine.getState().nextRunAt).toBe(T0 + 13_000);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([T0, T0 + 13_000]);
    expect(engine.getState().nextRunAt).toBe(T0 + 73_000); // back to the interval
  });

  it('debounces a burst of saves, but sends it at most 15 s after its first save', async () => {
    const { engine, runs } = fakes();
    await engine.syncNow();
    for (let i = 0; i < 5; i++) {
      engine.localWrite();
      await vi.advanceTimersByTimeAsync(2_000); // each save pushes the run back
    }
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toEqual([T0, T0 + 11_000]); // 3 s after the last of five saves 2 s apart
    for (let i = 0; i < 10; i++) {
      engine.localWrite();
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(runs).toEqual([T0, T0 + 11_000, T0 + 26_000]); // the cap: 15 s after the first
  });

  it('a save during a run brings the next run to the push delay, not the interval', async () => {
    const { engine, runs } = fakes();
    const run = engine.syncNow();
    engine.localWrite();
    await run;
    expect(engine.getState().nextRunAt).toBe(T0 + 3_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toEqual([T0, T0 + 3_000]);
  });

  it('does nothing while offline, paused, or backing off after a failure', async () => {
    const { engine, runs, fail } = fakes();
    engine.setOnline(false);
    engine.localWrite();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual([]);

    engine.pause();
    engine.setOnline(true);
    engine.localWrite();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual([]);

    fail(true);
    await engine.resume(); // fails: backoff 2 s · 2^0 (jitter 0.5) …
    const retryAt = engine.getState().nextRunAt;
    expect(engine.getState().phase).toBe('waiting');
    engine.localWrite();
    expect(engine.getState().nextRunAt).toBe(retryAt); // the backoff stands
  });

  it('watchLocalWrites signals each new local write, not the state at start nor an ack', async () => {
    vi.useRealTimers(); // Dexie's liveQuery runs on real microtasks and IndexedDB events
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'a', values: orgValues(1) }]);
    let signals = 0;
    const stop = watchLocalWrites(db, () => (signals += 1));
    const settle = () => new Promise((r) => setTimeout(r, 50));
    await settle();
    expect(signals).toBe(0); // what was queued before start goes with the first run
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'b', values: orgValues(2) }]);
    await settle();
    expect(signals).toBe(1);
    await db.outbox.clear(); // an acknowledged push only removes entries
    await settle();
    expect(signals).toBe(1);
    await mutate(db, [{ entity: 'organization', op: 'update', id: 'a', values: { name: '새' } }]);
    await settle();
    expect(signals).toBe(2);
    stop();
  });
});
