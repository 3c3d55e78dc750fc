/**
 * The app's one sync engine, wired to the browser (online/offline events, timers, Web Locks),
 * the app database and the connection store; its state in a zustand store for the UI.
 * startSync() is called once by the shell; features use the actions below.
 */
import { create } from 'zustand';
import { getDb, getSetting, setSetting } from '../db';
import { compactHistoryIfDue } from '../db/historyCompaction';
import { platform } from '../platform';
import {
  browserConnectionStore,
  type SyncConnectionInfo,
  type SyncConnectionStore,
} from './connection';
import { dbSyncStore } from './dbStore';
import { hasDemoData, removeDemoData } from './demoGuard';
import { IDLE_SYNC_STATE, SyncEngine, type SyncState } from './engine';
import { desktopConnectionStore } from './desktopConnection';
import { watchLocalWrites } from './localWrites';
import { createTransport, type SyncTransport } from './transport';
import { runConnectionTest } from './connectionTest';
import { assertEndpointAllowed } from './cspCheck';
import { normalizeEndpoint } from '../../shared/sync/endpoint';

export interface SyncUiState extends SyncState {
  connection: SyncConnectionInfo | null;
  /** demo data is loaded: no sync until it is removed (demoGuard.ts) */
  demoBlocked: boolean;
}

const initialState: SyncUiState = {
  ...IDLE_SYNC_STATE,
  phase: 'unconfigured',
  connection: null,
  demoBlocked: false,
};

export const useSyncStore = create<SyncUiState>()(() => initialState);

let engine: SyncEngine | null = null;
let transport: SyncTransport | null = null;
let connections: SyncConnectionStore | null = null;

export function connectionStore(): SyncConnectionStore {
  connections ??= desktopConnectionStore(platform) ?? browserConnectionStore();
  return connections;
}

async function loadTransport(): Promise<void> {
  const store = connectionStore();
  const [info, http, demo] = await Promise.all([store.read(), store.http(), hasDemoData(getDb())]);
  // Demo data never leaves the machine: with it loaded the engine has no transport at all.
  transport = http && !demo ? createTransport(http) : null;
  useSyncStore.setState({ connection: info, demoBlocked: demo && http !== null });
}

/** One sync at a time across tabs of this origin (each tab runs an engine). */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // The lock's callback result is the call's result; lib.dom types it one Promise too deep.
  return locks ? (locks.request('pumasi-sync', fn) as unknown as Promise<T>) : fn();
}

export async function startSync(): Promise<void> {
  if (engine) return;
  const db = getDb();
  const [paused, lastSuccessAt] = await Promise.all([
    getSetting<boolean>(db, 'syncPaused'),
    getSetting<number>(db, 'syncLastSuccessAt'),
  ]);
  engine = new SyncEngine(
    {
      transport: () => transport,
      store: dbSyncStore(db),
      timers: {
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (h) => window.clearTimeout(h as number),
        now: () => Date.now(),
        random: Math.random,
      },
      exclusive,
      onChange: (state) => useSyncStore.setState(state),
    },
    {
      phase: paused ? 'paused' : 'idle',
      online: navigator.onLine,
      lastSuccessAt: lastSuccessAt ?? null,
    },
  );
  useSyncStore.setState(engine.getState());
  window.addEventListener('online', () => engine?.setOnline(true));
  window.addEventListener('offline', () => engine?.setOnline(false));
  watchLocalWrites(db, () => engine?.localWrite());
  // A year of use: old plain edits are collapsed weekly, a minute after start (off the start path).
  window.setTimeout(() => void compactHistoryIfDue(db).catch(() => undefined), 60_000);
  await loadTransport();
  if (!paused) void engine.syncNow();
}

export function syncNow(): Promise<void> {
  return engine?.syncNow() ?? Promise.resolve();
}

export async function pauseSync(): Promise<void> {
  engine?.pause();
  await setSetting(getDb(), 'syncPaused', true);
}

export async function resumeSync(): Promise<void> {
  await setSetting(getDb(), 'syncPaused', false);
  await engine?.resume();
}

export const confirmDeletes = () => engine?.confirmDeletes() ?? Promise.resolve();
export async function rejectDeletes(): Promise<void> {
  engine?.rejectDeletes();
  await setSetting(getDb(), 'syncPaused', true);
}

/** Browser mode: refuses an endpoint the page's CSP blocks, with the fix in words. */
async function checkCsp(endpoint: string): Promise<void> {
  if (platform.kind !== 'browser') return;
  const normalized = normalizeEndpoint(endpoint);
  if (normalized) await assertEndpointAllowed(normalized);
}

/** Saves a new endpoint/token and syncs with them. */
export async function saveConnection(endpoint: string, token?: string): Promise<void> {
  await checkCsp(endpoint);
  await connectionStore().save(endpoint, token);
  await loadTransport();
  void engine?.reconfigure();
}

export async function clearConnection(): Promise<void> {
  await connectionStore().clear();
  await loadTransport();
  void engine?.reconfigure();
}

/** Removes the demo data (demoGuard.ts), then syncs with the saved connection. */
export async function removeDemoAndSync(): Promise<number> {
  const removed = await removeDemoData(getDb());
  await loadTransport();
  void engine?.reconfigure();
  return removed;
}

/** "연결 시험" of a candidate endpoint/token (token undefined: the stored one). */
export async function testConnection(endpoint: string, token?: string) {
  await checkCsp(endpoint);
  return runConnectionTest(createTransport(await connectionStore().trial(endpoint, token)));
}
