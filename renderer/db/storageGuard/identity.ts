/**
 * The database's identity, kept OUTSIDE IndexedDB so its loss can be noticed: Chromium may delete
 * an origin's whole IndexedDB (issue 12: a full disk during an import), and a database that is
 * simply gone looks exactly like a first run from inside. The identity says "this install had a
 * database with the team's data"; where it exists and the database does not, the app says so
 * and offers a backup instead of the first-run screen.
 *
 * Desktop: a file in the data folder (userData, main process: `identity:read`/`identity:write`);
 * browser mode: localStorage of the same origin (clearing the site's data removes both, which is
 * a deliberate fresh start, not a loss).
 */
import { parseIdentity, type DatabaseIdentity } from '../../../shared/storage/identity';

export { parseIdentity, type DatabaseIdentity };

export interface IdentityStore {
  read(): Promise<DatabaseIdentity | null>;
  write(identity: DatabaseIdentity): Promise<void>;
  /** Forget the identity: the team chose to start over without its old database. */
  clear(): Promise<void>;
}

export const IDENTITY_STORAGE_KEY = 'pumasi.databaseIdentity';

/** Browser mode: one localStorage entry. */
export function localStorageIdentityStore(storage: Storage): IdentityStore {
  return {
    async read() {
      const text = storage.getItem(IDENTITY_STORAGE_KEY);
      if (text === null) return null;
      try {
        return parseIdentity(JSON.parse(text));
      } catch {
        return null;
      }
    },
    async write(identity) {
      storage.setItem(IDENTITY_STORAGE_KEY, JSON.stringify(identity));
    },
    async clear() {
      storage.removeItem(IDENTITY_STORAGE_KEY);
    },
  };
}

/** What the database itself says about being set up (read only when it exists). */
export interface DatabaseMarker {
  firstRunDone: boolean;
  deviceId: string | null;
  clusterId: string | null;
}

export type Presence =
  /** no identity and no set-up database: a real first run (or one not finished yet) */
  | { state: 'new' }
  /** the database is there; the identity to (re)write is attached */
  | { state: 'present'; identity: DatabaseIdentity }
  /** the identity says a database existed, and it is gone or empty */
  | { state: 'vanished'; identity: DatabaseIdentity };

/**
 * Pure decision. `listed`: whether indexedDB.databases() names the database (null: cannot
 * tell); `marker`: what it holds (null when it was not read, i.e. it is not listed).
 */
export function decidePresence(
  identity: DatabaseIdentity | null,
  listed: boolean | null,
  marker: DatabaseMarker | null,
  dbName: string,
  now: Date,
): Presence {
  const setUp = listed !== false && marker?.firstRunDone === true;
  if (identity && !setUp) return { state: 'vanished', identity };
  if (!setUp || !marker) return { state: 'new' };
  const at = now.toISOString();
  return {
    state: 'present',
    identity: {
      format: 1,
      dbName,
      deviceId: marker.deviceId ?? identity?.deviceId ?? '',
      clusterId: marker.clusterId ?? identity?.clusterId ?? null,
      createdAt: identity?.createdAt ?? at,
      lastSeenAt: at,
    },
  };
}
