import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  runWatched,
  settleWithin,
  startStallWatchdog,
  WriteStalledError,
} from '../../../../renderer/db/storageGuard/stallWatchdog';
import { classifyStorageError } from '../../../../renderer/db/storageGuard/errors';

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );

describe('stall watchdog (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('aborts after the limit without progress, with WriteStalledError as the reason', async () => {
    const watchdog = startStallWatchdog(1_000);
    const stalled = rejection(watchdog.stalled);
    vi.advanceTimersByTime(999);
    expect(watchdog.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(watchdog.signal.aborted).toBe(true);
    expect(watchdog.signal.reason).toBeInstanceOf(WriteStalledError);
    const error = await stalled;
    expect(error).toBeInstanceOf(WriteStalledError);
    expect((error as WriteStalledError).stallMs).toBe(1_000);
  });

  it('restarts the countdown on every progress report', () => {
    const watchdog = startStallWatchdog(1_000);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(900);
      watchdog.progress();
    }
    // 9 s in total, never 1 s without progress
    expect(watchdog.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(watchdog.signal.aborted).toBe(true);
  });

  it('never fires once stopped, and progress after a stop does not re-arm it', () => {
    const watchdog = startStallWatchdog(1_000);
    watchdog.stop();
    watchdog.progress();
    vi.advanceTimersByTime(10_000);
    expect(watchdog.signal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runWatched: returns a healthy write and leaves no timer behind', async () => {
    const result = runWatched(async (watch) => {
      await new Promise((r) => setTimeout(r, 800));
      watch.progress();
      await new Promise((r) => setTimeout(r, 800));
      return 'done';
    }, 1_000);
    await vi.advanceTimersByTimeAsync(1_600);
    await expect(result).resolves.toBe('done');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runWatched: a write that never settles fails with WriteStalledError and sees the abort', async () => {
    let seen: unknown = null;
    const result = rejection(
      runWatched((watch) => {
        watch.signal.addEventListener('abort', () => (seen = watch.signal.reason));
        return new Promise<never>(() => undefined); // a transaction that neither commits nor fails
      }, 20_000),
    );
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await result).toBeInstanceOf(WriteStalledError);
    expect(seen).toBeInstanceOf(WriteStalledError);
  });

  it('runWatched: a write failing by itself keeps its own error', async () => {
    const own = new DOMException('full', 'QuotaExceededError');
    const error = await rejection(runWatched(() => Promise.reject(own), 1_000));
    expect(error).toBe(own);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('settleWithin: the result when in time, the fallback when late or failed', async () => {
    await expect(settleWithin(Promise.resolve(1), 100, 0)).resolves.toBe(1);
    await expect(settleWithin(Promise.reject(new Error('x')), 100, 0)).resolves.toBe(0);
    const late = settleWithin(new Promise<number>(() => undefined), 100, 0);
    await vi.advanceTimersByTimeAsync(100);
    await expect(late).resolves.toBe(0);
  });

  it('a stall is its own storage error kind, also when wrapped', () => {
    const stall = new WriteStalledError(25_000);
    expect(classifyStorageError(stall)).toBe('stalled');
    expect(classifyStorageError({ name: 'AbortError', inner: stall })).toBe('stalled');
  });
});
