import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncEngine, type SyncStore } from '../../../../renderer/sync/engine';
import { SyncHttpError, type SyncTransport } from '../../../../renderer/sync/transport';
import type { Mutation, PullResponse, RecordChange } from '../../../../shared/sync/protocol';

const stamp = (n: number) => `${String(1_700_000_000_000 + n).padStart(13, '0')}-0000-DEV`;
const change = (id: string, deleted?: 1): RecordChange => ({
  entity: 'organization',
  id,
  clusterId: 'gumi',
  fields: deleted
    ? { deleted: { value: 1, hlc: stamp(1) } }
    : { name: { value: id, hlc: stamp(1) } },
});
const mutation = (n: number): Mutation => ({ mutationId: stamp(n), change: change(`m${n}`) });

/** A store with `queued` mutations in the outbox and `live` local records. */
function fakeStore(queued: number, live = 100) {
  const log: string[] = [];
  let outbox = Array.from({ length: queued }, (_, i) => mutation(i));
  let frozen: Mutation[] | null = null;
  const store: SyncStore & { cursor: string; offset: number; applied: RecordChange[] } = {
    cursor: '0',
    offset: 0,
    applied: [],
    deviceId: async () => 'DEV',
    async buildPushBatch(limit) {
      frozen ??= outbox.slice(0, limit);
      log.push(`build:${frozen.length}`);
      return { mutations: frozen, ackToken: frozen.length ? 't' : '' };
    },
    async ackPushed() {
      outbox = outbox.slice(frozen?.length ?? 0);
      frozen = null;
      return true;
    },
    getCursor: async () => store.cursor,
    liveRecordCount: async () => live,
    liveTargets: async (changes) => changes.length,
    async applyRemote(changes, cursor) {
      log.push(`apply:${changes.length}`);
      // the page and the cursor past it land together (one transaction in the real store)
      store.applied.push(...changes);
      store.cursor = cursor;
      return { conflicts: 0, keptAside: 0 };
    },
    async retryKeptAside() {
      log.push('retryKeptAside');
      return { applied: 0, conflicts: 0 };
    },
    setClockOffset(ms) {
      store.offset = ms;
    },
    saveLastSuccess: async () => undefined,
  };
  return { store, log };
}

function fakeTransport(log: string[], pages: PullResponse[] = [], serverTime = () => Date.now()) {
  const t: SyncTransport & { failNext: number; pushed: number[] } = {
    failNext: 0,
    pushed: [],
    async health() {
      log.push('health');
      if (t.failNext > 0) {
        t.failNext--;
        throw new SyncHttpError('network', null, 'Failed to fetch');
      }
      return { serverTime: serverTime() };
    },
    checkAuth: async () => ({ serverTime: serverTime() }),
    async push(req) {
      log.push(`push:${req.mutations.length}`);
      t.pushed.push(req.mutations.length);
      return {
        serverTime: serverTime(),
        results: req.mutations.map((m) => ({
          mutationId: m.mutationId,
          status: 'applied' as const,
        })),
        conflicts: [],
      };
    },
    async pull(after) {
      log.push(`pull:${after}`);
      const i = Number(after);
      return pages[i] ?? { serverTime: serverTime(), changes: [], cursor: after, hasMore: false };
    },
  };
  return t;
}

const page = (changes: RecordChange[], cursor: string, hasMore: boolean): PullResponse => ({
  serverTime: Date.now(),
  changes,
  cursor,
  hasMore,
});

const timers = () => ({
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
  random: () => 0.5,
});

describe('sync engine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_700_000_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('pushes every queued write in bounded batches before it pulls, then pulls every page', async () => {
    const { store, log } = fakeStore(5);
    const transport = fakeTransport(log, [
      page([change('a')], '1', true),
      page([change('b')], '2', false),
    ]);
    const engine = new SyncEngine({
      transport: () => transport,
      store,
      timers: timers(),
      pushLimit: 2,
    });
    await engine.syncNow();
    expect(transport.pushed).toEqual([2, 2, 1]);
    expect(log.indexOf('pull:0')).toBeGreaterThan(log.lastIndexOf('push:1'));
    expect(store.applied.map((c) => c.id)).toEqual(['a', 'b']);
    // kept-aside changes are tried again once, after the last page (found by the simulation)
    expect(log.filter((l) => l === 'retryKeptAside')).toHaveLength(1);
    expect(log.indexOf('retryKeptAside')).toBeGreaterThan(log.lastIndexOf('apply:1'));
    expect(store.cursor).toBe('2');
    expect(engine.getState()).toMatchObject({ phase: 'idle', failures: 0, lastError: null });
    expect(engine.getState().lastSuccessAt).toBe(Date.now());
  });

  it('fetches the next page while a page is applied, and applies pages in order with their cursors', async () => {
    const { store, log } = fakeStore(0);
    const transport = fakeTransport(log, [
      page([change('a')], '1', true),
      page([change('b')], '2', true),
      page([change('c')], '3', false),
    ]);
    const cursors: string[] = [];
    const apply = store.applyRemote.bind(store);
    store.applyRemote = async (changes, cursor) => {
      cursors.push(cursor);
      // the page after this one was asked for before this one is applied (the last has none)
      if (cursor !== '3') expect(log).toContain(`pull:${cursor}`);
      return apply(changes, cursor);
    };
    const engine = new SyncEngine({ transport: () => transport, store, timers: timers() });
    await engine.syncNow();
    expect(log.filter((l) => l.startsWith('pull:'))).toEqual(['pull:0', 'pull:1', 'pull:2']);
    expect(cursors).toEqual(['1', '2', '3']);
    expect(store.applied.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(store.cursor).toBe('3');
  });

  it('a prefetched page that fails after the current one fails leaves the cursor at the last applied page', async () => {
    const { store, log } = fakeStore(0);
    const transport = fakeTransport(log, [page([change('a')], '1', true)]);
    const pull = transport.pull.bind(transport);
    transport.pull = async (after, limit, device) => {
      if (after === '1') throw new SyncHttpError('network', null, 'Failed to fetch');
      return pull(after, limit, device);
    };
    const engine = new SyncEngine({ transport: () => transport, store, timers: timers() });
    await engine.syncNow();
    expect(store.applied.map((c) => c.id)).toEqual(['a']);
    expect(store.cursor).toBe('1');
    expect(engine.getState()).toMatchObject({ phase: 'waiting', lastError: { code: 'network' } });
  });

  it('retries with growing, jittered waits after failures and runs on the timer after a success', async () => {
    const { store, log } = fakeStore(0);
    const transport = fakeTransport(log);
    transport.failNext = 3;
    const engine = new SyncEngine({
      transport: () => transport,
      store,
      timers: timers(),
      intervalMs: 60_000,
      backoff: { baseMs: 1_000, capMs: 60_000 },
    });
    await engine.syncNow();
    const s1 = engine.getState();
    expect(s1).toMatchObject({ phase: 'waiting', failures: 1, reachable: false });
    expect(s1.lastError?.code).toBe('network');
    const waits: number[] = [(s1.nextRunAt as number) - Date.now()];
    for (let i = 0; i < 2; i++) {
      await vi.advanceTimersByTimeAsync(waits.at(-1) as number);
      waits.push((engine.getState().nextRunAt as number) - Date.now());
    }
    // random = 0.5: base + half of (base·2^(n-1) − base) — 1000, 1500, 2500: growing
    expect(waits).toEqual([1_000, 1_500, 2_500]);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(engine.getState()).toMatchObject({ phase: 'idle', failures: 0, reachable: true });
    expect((engine.getState().nextRunAt as number) - Date.now()).toBe(60_000);
    const healthCalls = log.filter((l) => l === 'health').length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.filter((l) => l === 'health').length).toBe(healthCalls + 1);
  });

  it('when paused runs nothing (timer, demand, online) until resumed', async () => {
    const { store, log } = fakeStore(1);
    const transport = fakeTransport(log);
    const engine = new SyncEngine({ transport: () => transport, store, timers: timers() });
    engine.pause();
    await engine.syncNow();
    engine.setOnline(true);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(log).toEqual([]);
    expect(engine.getState().phase).toBe('paused');
    await engine.resume();
    expect(transport.pushed).toEqual([1]);
  });

  it('a pause during the last step of a run stands: no timer, no more runs', async () => {
    const { store, log } = fakeStore(0);
    const transport = fakeTransport(log);
    const engine = new SyncEngine({ transport: () => transport, store, timers: timers() });
    const pull = transport.pull.bind(transport);
    transport.pull = async (...args) => {
      engine.pause(); // the user pauses while the last page is on its way
      return pull(...args);
    };
    await engine.syncNow();
    expect(engine.getState()).toMatchObject({ phase: 'paused', nextRunAt: null });
    const calls = log.length;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(log).toHaveLength(calls);
  });

  it('waits offline without retrying and syncs on the online event', async () => {
    const { store, log } = fakeStore(1);
    const transport = fakeTransport(log);
    const engine = new SyncEngine({ transport: () => transport, store, timers: timers() });
    engine.setOnline(false);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(log).toEqual([]);
    expect(engine.getState().phase).toBe('offline');
    engine.setOnline(true);
    await vi.waitFor(() => expect(engine.getState().phase).toBe('idle'));
    expect(transport.pushed).toEqual([1]);
  });

  it('a request during a run makes exactly one more run after it', async () => {
    const { store, log } = fakeStore(0);
    const transport = fakeTransport(log);
    const engine = new SyncEngine({ transport: () => transport, store, timers: timers() });
    const first = engine.syncNow();
    void engine.syncNow();
    void engine.syncNow();
    await first;
    expect(log.filter((l) => l === 'health')).toHaveLength(2);
  });

  it('measures the skew from serverTime and corrects the clock; warns only past 5 minutes', async () => {
    const { store, log } = fakeStore(0);
    let ahead = 60_000;
    const transport = fakeTransport(log, [], () => Date.now() + ahead);
    const engine = new SyncEngine({ transport: () => transport, store, timers: timers() });
    await engine.syncNow();
    expect(store.offset).toBe(60_000);
    expect(engine.getState()).toMatchObject({ skewMs: 60_000, skewWarning: false, phase: 'idle' });
    ahead = -6 * 60_000;
    await engine.syncNow();
    // a warning, never a block: the run still succeeded
    expect(engine.getState()).toMatchObject({ skewMs: -360_000, skewWarning: true, phase: 'idle' });
  });

  it('stops before a pull that deletes more than 10 % of local records, then asks', async () => {
    const { store, log } = fakeStore(0, 100);
    const deletes = Array.from({ length: 11 }, (_, i) => change(`d${i}`, 1));
    const transport = fakeTransport(log, [page(deletes, '1', false)]);
    const engine = new SyncEngine({ transport: () => transport, store, timers: timers() });
    await engine.syncNow();
    expect(engine.getState()).toMatchObject({
      phase: 'confirmDeletes',
      pendingDeletes: { count: 11, live: 100 },
      nextRunAt: null,
    });
    expect(store.applied).toEqual([]);
    expect(store.cursor).toBe('0');
    await engine.syncNow(); // still waiting for the answer
    expect(store.applied).toEqual([]);
    await engine.confirmDeletes();
    expect(store.applied).toHaveLength(11);
    expect(store.cursor).toBe('1');
    expect(engine.getState().phase).toBe('idle');
  });

  it('10 % exactly passes; refusing the deletions pauses sync', async () => {
    const { store, log } = fakeStore(0, 100);
    const ten = Array.from({ length: 10 }, (_, i) => change(`d${i}`, 1));
    const engine = new SyncEngine({
      transport: () => fakeTransport(log, [page(ten, '1', false)]),
      store,
      timers: timers(),
    });
    await engine.syncNow();
    expect(store.applied).toHaveLength(10);

    const other = fakeStore(0, 10);
    const engine2 = new SyncEngine({
      transport: () =>
        fakeTransport(other.log, [page([change('x', 1), change('y', 1)], '1', false)]),
      store: other.store,
      timers: timers(),
    });
    await engine2.syncNow();
    expect(engine2.getState().phase).toBe('confirmDeletes');
    engine2.rejectDeletes();
    expect(engine2.getState().phase).toBe('paused');
    expect(other.store.applied).toEqual([]);
  });

  it('without an endpoint it says so and calls nothing', async () => {
    const { store, log } = fakeStore(1);
    const engine = new SyncEngine({ transport: () => null, store, timers: timers() });
    await engine.syncNow();
    expect(engine.getState().phase).toBe('unconfigured');
    expect(log).toEqual([]);
  });

  it('a 429 waits at least Retry-After', async () => {
    const { store, log } = fakeStore(0);
    const transport = fakeTransport(log);
    transport.health = async () => {
      throw new SyncHttpError('rate_limited', 429, '너무 많은 요청', 120_000);
    };
    const engine = new SyncEngine({ transport: () => transport, store, timers: timers() });
    await engine.syncNow();
    expect((engine.getState().nextRunAt as number) - Date.now()).toBe(120_000);
    expect(engine.getState()).toMatchObject({
      reachable: true,
      lastError: { code: 'rate_limited' },
    });
  });
});
