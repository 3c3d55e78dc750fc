/**
 * A watchdog for large write transactions that stop making progress. On a really full disk
 * Chromium's `navigator.storage.estimate()` still reports a ~1 GB quota (so the free-space check
 * passes), and then the import's IndexedDB transaction neither commits nor fails: no
 * QuotaExceededError, no abort, for minutes (tests/e2e/smallDisk.spec.ts). The watchdog turns
 * that silence into an error the storage guard can explain: when the writer reports no progress
 * for `stallMs`, its AbortSignal fires (the writer aborts its transaction, so nothing of it is
 * committed) and `stalled` rejects with WriteStalledError.
 *
 * Pure timing logic: timers are injected, unit-tested with fake timers.
 */

/**
 * 25 s without progress. A healthy write reports every WRITE_CHUNK (1,000) rows — well under a
 * second per chunk even on a loaded two-core machine — and after the last chunk only the final
 * two in-flight chunks, the import log row and the commit remain (a few seconds for 50,000 rows).
 * 25 s is several times that, yet short enough that the user is told before giving up on the app.
 */
export const DEFAULT_STALL_MS = 25_000;

/** How long the check of "what is still there" may take after a stall before saying "unknown". */
export const VERIFY_AFTER_STALL_MS = 10_000;

export class WriteStalledError extends Error {
  constructor(readonly stallMs: number) {
    super(`The write made no progress for ${Math.round(stallMs / 1000)} s and was aborted`);
    this.name = 'WriteStalledError';
  }
}

export interface WatchdogTimers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: WatchdogTimers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What a watched write is given: report progress, and abort its transaction on `signal`. */
export interface WriteWatch {
  /** call whenever the write got further (a chunk written); restarts the countdown */
  progress(): void;
  /** aborted (reason: WriteStalledError) when the countdown ran out */
  readonly signal: AbortSignal;
}

export interface StallWatchdog extends WriteWatch {
  /** rejects with WriteStalledError when the write stalled; never resolves */
  readonly stalled: Promise<never>;
  /** ends the watch (the write finished or failed by itself) */
  stop(): void;
}

export function startStallWatchdog(
  stallMs: number = DEFAULT_STALL_MS,
  timers: WatchdogTimers = realTimers,
): StallWatchdog {
  const controller = new AbortController();
  let fail: (error: WriteStalledError) => void = () => undefined;
  const stalled = new Promise<never>((_, reject) => (fail = reject));
  stalled.catch(() => undefined); // observed through `signal` too; never an unhandled rejection
  let handle: unknown = null;
  let stopped = false;

  const arm = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = timers.setTimeout(() => {
      handle = null;
      stopped = true;
      const error = new WriteStalledError(stallMs);
      controller.abort(error);
      fail(error);
    }, stallMs);
  };
  arm();

  return {
    signal: controller.signal,
    stalled,
    progress() {
      if (!stopped) arm();
    },
    stop() {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
  };
}

/**
 * Runs `write` under a watchdog: its result, or WriteStalledError as soon as it stalled — even
 * when the stuck transaction never settles after its abort.
 */
export async function runWatched<T>(
  write: (watch: WriteWatch) => Promise<T>,
  stallMs: number = DEFAULT_STALL_MS,
  timers: WatchdogTimers = realTimers,
): Promise<T> {
  const watchdog = startStallWatchdog(stallMs, timers);
  try {
    return await Promise.race([write(watchdog), watchdog.stalled]);
  } finally {
    watchdog.stop();
  }
}

/** `work`'s result, or `fallback` when it has not settled (or failed) within `ms`. */
export function settleWithin<T>(
  work: Promise<T>,
  ms: number,
  fallback: T,
  timers: WatchdogTimers = realTimers,
): Promise<T> {
  return new Promise<T>((resolve) => {
    const handle = timers.setTimeout(() => resolve(fallback), ms);
    work.then(
      (value) => {
        timers.clearTimeout(handle);
        resolve(value);
      },
      () => {
        timers.clearTimeout(handle);
        resolve(fallback);
      },
    );
  });
}
