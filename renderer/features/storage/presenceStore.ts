/**
 * Is the team's database still there? Checked once at start (app/start.tsx, before React renders and
 * before anything could re-create a deleted database) against the identity kept outside
 * IndexedDB, and again whenever a large write finds the database gone. While `vanished`, the app
 * shows DatabaseVanished instead of the first-run screen.
 */
import { create } from 'zustand';
import { DEFAULT_DB_NAME, getDb, type PumasiDb } from '../../db';
import {
  decidePresence,
  localStorageIdentityStore,
  type DatabaseIdentity,
  type DatabaseMarker,
  type IdentityStore,
} from '../../db/storageGuard/identity';
import { listDatabaseNames } from '../../db/storageGuard/verify';
import { platform as appPlatform } from '../../platform';
import type { Platform } from '../../platform/types';

export type PresenceStatus = 'checking' | 'ok' | 'vanished';

interface PresenceState {
  status: PresenceStatus;
  /** the identity of the database this install had (null: none recorded) */
  identity: DatabaseIdentity | null;
}

export const usePresenceStore = create<PresenceState>()(() => ({
  status: 'checking',
  identity: null,
}));

/** Desktop: the file in the data folder (IPC); browser mode: localStorage. */
export function identityStoreFor(platform: Platform = appPlatform): IdentityStore {
  if (platform.readIdentity && platform.writeIdentity) {
    const { readIdentity, writeIdentity } = platform;
    return {
      read: () => readIdentity(),
      write: (identity) => writeIdentity(identity),
      clear: () => writeIdentity(null),
    };
  }
  return localStorageIdentityStore(window.localStorage);
}

export async function readMarker(db: PumasiDb): Promise<DatabaseMarker> {
  const [firstRunDone, deviceId, clusterId] = await Promise.all(
    ['firstRunDone', 'deviceId', 'clusterId'].map((key) => db.settings.get(key)),
  );
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    firstRunDone: firstRunDone?.value === true,
    deviceId: text(deviceId?.value),
    clusterId: text(clusterId?.value),
  };
}

/** Start-up check. Never rejects: an unreadable identity counts as none. */
export async function checkDatabasePresence(
  store: IdentityStore = identityStoreFor(),
  now = new Date(),
): Promise<PresenceStatus> {
  const identity = await store.read().catch(() => null);
  const names = await listDatabaseNames().catch(() => null);
  const listed = names === null ? null : names.includes(DEFAULT_DB_NAME);
  // Not listed: do not open it, opening would create an empty one.
  const marker = listed === false ? null : await readMarker(getDb()).catch(() => null);
  const presence = decidePresence(identity, listed, marker, DEFAULT_DB_NAME, now);
  if (presence.state === 'present') {
    await store.write(presence.identity).catch((e: unknown) => {
      console.error('[pumasi] could not record the database identity', e);
    });
  }
  const status: PresenceStatus = presence.state === 'vanished' ? 'vanished' : 'ok';
  usePresenceStore.setState({
    status,
    identity: presence.state === 'new' ? null : presence.identity,
  });
  return status;
}

/** The shell is showing a set-up database: record (or refresh) its identity. */
export async function rememberDatabase(store: IdentityStore = identityStoreFor()): Promise<void> {
  const marker = await readMarker(getDb());
  const presence = decidePresence(
    usePresenceStore.getState().identity,
    true,
    marker,
    DEFAULT_DB_NAME,
    new Date(),
  );
  if (presence.state !== 'present') return;
  await store.write(presence.identity);
  usePresenceStore.setState({ status: 'ok', identity: presence.identity });
}

/** A large write found the database gone. */
export function markDatabaseVanished(): void {
  usePresenceStore.setState({ status: 'vanished' });
}

/** Restored from a backup: the shell takes over (and records the identity again). */
export function databaseRestored(): void {
  usePresenceStore.setState({ status: 'ok' });
}

/** The team chose to start over without its old data: forget the identity, show the first run. */
export async function startFresh(store: IdentityStore = identityStoreFor()): Promise<void> {
  await store.clear();
  usePresenceStore.setState({ status: 'ok', identity: null });
}
