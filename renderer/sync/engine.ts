/**
 * The sync engine: WHEN to sync and in what order, with every side effect behind ports (the
 * transport, the local store, timers), so the scheduling is unit-tested with fakes.
 *
 * Invariants:
 * - Push before pull: the server merges our writes before we read its state, so a pull never
 *   brings back a value we are about to overwrite (and our conflicts come back in the push answer).
 * - Bounded batches: at most `pushLimit` mutations per push, `pullLimit` changes per pull page.
 * - One run at a time; a request during a run makes one more run after it (nothing is lost).
 * - Runs: at start, on demand, on the `online` event, every `intervalMs` after a success, and
 *   after a failure with exponential backoff + jitter (backoff.ts) — the retries double as the
 *   health probe that tells "browser online" from "endpoint reachable".
 * - A local save (localWrite()) brings the next run forward to `pushDelayMs` after it, debounced
 *   (a burst of saves makes one run) but never later than `pushMaxDelayMs` after the burst's
 *   first save, and never later than a run already due. Not while offline, paused, unconfigured
 *   or backing off after a failure: those keep their own next run (no hammering a failing
 *   server); the save is in the outbox and goes with it.
 * - Paused: no run starts; a run in progress finishes its current step and stops.
 * - Every run first asks /health for the server's time and corrects the HLC's now (skew.ts):
 *   a large skew is a warning, never a block.
 * - A pull that would delete more than 10 % of live local records stops BEFORE applying that
 *   page (cursor not moved) and waits for confirmDeletes()/rejectDeletes() (deletionGuard.ts).
 * - Pull pages are pipelined: page n+1 is requested when page n has arrived, so its round trip
 *   and the server's query overlap page n's local transaction. Pages still APPLY in order, one
 *   at a time, each with the cursor past it in the same transaction (store.applyRemote): a
 *   crash leaves the cursor exactly at the last applied page. A prefetched page that is not
 *   applied (guard, pause, failure) is dropped: the next run asks for it again.
 */
import {
  PROTOCOL_VERSION,
  SYNC_LIMITS,
  type PullResponse,
  type PushResponse,
  type RecordChange,
} from '../../shared/sync/protocol';
import type { PushBatch } from '../db/push';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { deletingChanges, exceedsDeleteGuard } from './deletionGuard';
import { measureSkew, skewNeedsWarning } from './skew';
import { SyncHttpError, type SyncTransport } from './transport';

export interface SyncStore {
  deviceId(): Promise<string>;
  buildPushBatch(limit: number): Promise<PushBatch>;
  ackPushed(ackToken: string, response: PushResponse): Promise<boolean>;
  getCursor(): Promise<string>;
  /** live (not deleted) local records of every entity */
  liveRecordCount(): Promise<number>;
  /** how many of these deleting changes would delete a live local record */
  liveTargets(changes: readonly RecordChange[]): Promise<number>;
  /**
   * Applies one pulled page and stores `cursor` (the server's position after it) in the SAME
   * transaction: the changes and the cursor are durable together or not at all. An empty page
   * with a new cursor stores just the cursor.
   */
  applyRemote(
    changes: readonly RecordChange[],
    cursor: string,
  ): Promise<{ conflicts: number; keptAside: number }>;
  /** applies the pulled changes kept aside again; those that apply leave the kept-aside table */
  retryKeptAside(): Promise<{ applied: number; conflicts: number }>;
  /** server − local clock, ms: the HLC's now is corrected by it */
  setClockOffset(offsetMs: number): void;
  saveLastSuccess(at: number): Promise<void>;
  /** every page of a run is applied: a chance to rebuild caches a large pull made stale */
  pullFinished?(): Promise<void>;
}

export interface SyncTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  random(): number;
}

export type SyncPhase =
  'unconfigured' | 'idle' | 'syncing' | 'waiting' | 'offline' | 'paused' | 'confirmDeletes';

export interface SyncFailure {
  code: string;
  status: number | null;
  detail: string;
  at: number;
}

export interface SyncState {
  phase: SyncPhase;
  /** the browser's link (online/offline events) */
  online: boolean;
  /** the endpoint answered the last call (null: not tried yet) */
  reachable: boolean | null;
  lastSuccessAt: number | null;
  lastError: SyncFailure | null;
  failures: number;
  nextRunAt: number | null;
  skewMs: number | null;
  skewWarning: boolean;
  /** set in phase confirmDeletes */
  pendingDeletes: { count: number; live: number } | null;
  lastRun: { pushed: number; pulled: number; conflicts: number; keptAside: number } | null;
}

/** An engine that has not run yet: online until told otherwise, nothing known about the server. */
export const IDLE_SYNC_STATE: Readonly<SyncState> = {
  phase: 'idle',
  online: true,
  reachable: null,
  lastSuccessAt: null,
  lastError: null,
  failures: 0,
  nextRunAt: null,
  skewMs: null,
  skewWarning: false,
  pendingDeletes: null,
  lastRun: null,
};

export interface SyncEngineOptions {
  /** null when no endpoint/token is configured */
  transport: () => SyncTransport | null;
  store: SyncStore;
  timers: SyncTimers;
  onChange?: (state: SyncState) => void;
  intervalMs?: number;
  pushLimit?: number;
  pullLimit?: number;
  backoff?: BackoffPolicy;
  /** runs `fn` exclusively across tabs (Web Locks); default: just runs it */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** a local save is pushed this long after it (debounced) */
  pushDelayMs?: number;
  /** …but at most this long after the first save of a burst of saves */
  pushMaxDelayMs?: number;
}

export const DEFAULT_SYNC_INTERVAL_MS = 60_000;
/** A save is sent a few seconds after it: long enough to gather a burst of edits in one push. */
export const DEFAULT_PUSH_DELAY_MS = 3_000;
export const DEFAULT_PUSH_MAX_DELAY_MS = 15_000;
/** Below the server's 1,000 and its 4 MiB body: records of ~8 KB still fit. */
export const DEFAULT_PUSH_LIMIT = 500;

/** Stops a run at the delete guard (not a failure). */
class NeedsConfirmation {
  constructor(
    readonly count: number,
    readonly live: number,
  ) {}
}
class Paused {}

export class SyncEngine {
  private state: SyncState;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private allowDeletes = false;
  /** when the first save of the current burst was made (null: no burst waiting) */
  private burstStartedAt: number | null = null;
  /** a save was made during a run: the next run comes after the push delay, not the interval */
  private savedDuringRun = false;
  private readonly o: Required<Omit<SyncEngineOptions, 'onChange'>> &
    Pick<SyncEngineOptions, 'onChange'>;

  constructor(options: SyncEngineOptions, initial: Partial<SyncState> = {}) {
    this.o = {
      intervalMs: DEFAULT_SYNC_INTERVAL_MS,
      pushLimit: DEFAULT_PUSH_LIMIT,
      pullLimit: SYNC_LIMITS.maxChangesPerPull,
      backoff: DEFAULT_BACKOFF,
      exclusive: (fn) => fn(),
      pushDelayMs: DEFAULT_PUSH_DELAY_MS,
      pushMaxDelayMs: DEFAULT_PUSH_MAX_DELAY_MS,
      ...options,
    };
    this.state = { ...IDLE_SYNC_STATE, ...initial };
  }

  getState(): SyncState {
    return this.state;
  }

  private set(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    this.o.onChange?.(this.state);
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = null;
      void this.syncNow();
    }, ms);
    this.set({ nextRunAt: this.o.timers.now() + ms });
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.o.timers.clearTimeout(this.timer);
    this.timer = null;
    this.burstStartedAt = null;
    if (this.state.nextRunAt !== null) this.set({ nextRunAt: null });
  }

  /**
   * This device saved something (mutate() queued it in the outbox): push it soon — see the
   * header for when this does nothing.
   */
  localWrite(): void {
    const { phase, online } = this.state;
    if (!online || (phase !== 'idle' && phase !== 'syncing')) return;
    if (this.running) {
      // The run may have pushed already; its success schedules the next run after the delay.
      this.savedDuringRun = true;
      return;
    }
    const now = this.o.timers.now();
    const burstStart = this.burstStartedAt ?? now;
    const due = Math.min(now + this.o.pushDelayMs, burstStart + this.o.pushMaxDelayMs);
    const scheduled = this.state.nextRunAt;
    // A run already due sooner stays (it will push); else the debounced run replaces it.
    if (scheduled !== null && scheduled <= due && this.burstStartedAt === null) return;
    this.schedule(Math.max(0, due - now));
    this.burstStartedAt = burstStart;
  }

  /** Runs a sync now (or once more right after the one in progress). Resolves when done. */
  syncNow(): Promise<void> {
    if (this.state.phase === 'paused' || this.state.phase === 'confirmDeletes') {
      return this.running ?? Promise.resolve();
    }
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.cancelTimer();
    this.savedDuringRun = false;
    this.running = (async () => {
      do {
        this.again = false;
        await this.o.exclusive(() => this.runOnce());
      } while (this.again && this.state.phase !== 'paused');
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  pause(): void {
    this.cancelTimer();
    this.set({ phase: 'paused', pendingDeletes: null });
  }

  resume(): Promise<void> {
    if (this.state.phase !== 'paused') return Promise.resolve();
    this.set({ phase: 'idle' });
    return this.syncNow();
  }

  /** The user agreed to the deletions the guard stopped: apply them and go on. */
  confirmDeletes(): Promise<void> {
    if (this.state.phase !== 'confirmDeletes') return Promise.resolve();
    this.allowDeletes = true;
    this.set({ phase: 'idle', pendingDeletes: null });
    return this.syncNow();
  }

  /** The user refused: nothing is deleted and sync stays paused until resumed. */
  rejectDeletes(): void {
    if (this.state.phase === 'confirmDeletes') this.pause();
  }

  setOnline(online: boolean): void {
    this.set({ online });
    if (this.state.phase === 'paused' || this.state.phase === 'confirmDeletes') return;
    if (online) {
      void this.syncNow();
    } else if (!this.running) {
      // No timer while the browser says offline: the online event starts the next run.
      this.cancelTimer();
      this.set({ phase: 'offline' });
    }
  }

  /** Endpoint or token changed: forget the failures and try now. */
  reconfigure(): Promise<void> {
    this.set({ failures: 0, lastError: null, reachable: null });
    if (this.state.phase === 'unconfigured' || this.state.phase === 'offline')
      this.set({ phase: 'idle' });
    return this.syncNow();
  }

  stop(): void {
    this.cancelTimer();
  }

  private checkPaused(): void {
    if (this.state.phase === 'paused') throw new Paused();
  }

  private async runOnce(): Promise<void> {
    const transport = this.o.transport();
    if (!transport) {
      this.set({ phase: 'unconfigured' });
      return;
    }
    if (!this.state.online) {
      this.set({ phase: 'offline' });
      return;
    }
    this.set({ phase: 'syncing' });
    const { store, timers } = this.o;
    try {
      const sentAt = timers.now();
      const { serverTime } = await transport.health();
      const offset = measureSkew(sentAt, timers.now(), serverTime);
      store.setClockOffset(offset);
      this.set({ reachable: true, skewMs: offset, skewWarning: skewNeedsWarning(offset) });
      const run = { pushed: 0, pulled: 0, conflicts: 0, keptAside: 0 };
      const deviceId = await store.deviceId();
      for (;;) {
        this.checkPaused();
        const batch = await store.buildPushBatch(this.o.pushLimit);
        if (batch.mutations.length === 0) break;
        const answer = await transport.push({
          protocol: PROTOCOL_VERSION,
          deviceId,
          mutations: batch.mutations,
        });
        await store.ackPushed(batch.ackToken, answer);
        run.pushed += batch.mutations.length;
        run.conflicts += answer.conflicts.length;
      }
      // Counted only when a page deletes something (it reads every table), before that page applies.
      let live: number | null = null;
      let deletions = 0;
      let cursor = await store.getCursor();
      let prefetched: Promise<PullResponse> | null = null;
      try {
        for (;;) {
          this.checkPaused();
          const page: PullResponse = await (prefetched ??
            transport.pull(cursor, this.o.pullLimit, deviceId));
          // The next page travels while this one is applied (see the header).
          prefetched = page.hasMore
            ? transport.pull(page.cursor, this.o.pullLimit, deviceId)
            : null;
          const deleting = deletingChanges(page.changes);
          if (deleting.length > 0) {
            live ??= await store.liveRecordCount();
            deletions += await store.liveTargets(deleting);
          }
          if (!this.allowDeletes && live !== null && exceedsDeleteGuard(deletions, live)) {
            throw new NeedsConfirmation(deletions, live);
          }
          if (page.changes.length > 0 || page.cursor !== cursor) {
            const applied = await store.applyRemote(page.changes, page.cursor);
            run.pulled += page.changes.length;
            run.conflicts += applied.conflicts;
            run.keptAside += applied.keptAside;
          }
          cursor = page.cursor;
          if (!page.hasMore) break;
        }
      } finally {
        // A page fetched but never applied: its failure (if any) is not this run's.
        prefetched?.catch(() => undefined);
      }
      // A change kept aside for a stamp beyond the drift bound (or for a record not yet here)
      // may apply now: without this, the cursor having moved past it, it never would.
      const retried = await store.retryKeptAside();
      run.conflicts += retried.conflicts;
      this.allowDeletes = false;
      await store.pullFinished?.();
      const at = timers.now();
      await store.saveLastSuccess(at);
      // Paused during the last step: the run counts, but the pause stands (no timer).
      const paused = this.state.phase === 'paused';
      this.set({
        phase: paused ? 'paused' : 'idle',
        lastSuccessAt: at,
        lastError: null,
        failures: 0,
        lastRun: run,
      });
      if (!paused) this.schedule(this.savedDuringRun ? this.o.pushDelayMs : this.o.intervalMs);
      this.savedDuringRun = false;
    } catch (err) {
      if (err instanceof Paused) return;
      if (err instanceof NeedsConfirmation) {
        this.cancelTimer();
        this.set({ phase: 'confirmDeletes', pendingDeletes: { count: err.count, live: err.live } });
        return;
      }
      this.fail(err);
    }
  }

  private fail(err: unknown): void {
    const e =
      err instanceof SyncHttpError
        ? err
        : new SyncHttpError('internal', null, err instanceof Error ? err.message : String(err));
    const failures = this.state.failures + 1;
    const reachable = e.code === 'network' ? false : e.status !== null;
    this.set({
      phase: this.state.phase === 'paused' ? 'paused' : 'waiting',
      failures,
      reachable,
      lastError: { code: e.code, status: e.status, detail: e.message, at: this.o.timers.now() },
    });
    if (this.state.phase === 'paused') return;
    const wait = Math.max(
      backoffDelay(failures, this.o.timers.random, this.o.backoff),
      e.retryAfterMs ?? 0,
    );
    this.schedule(wait);
  }
}
