/**
 * Which browser tab (or Electron window) this is, and which tabs are still alive — so a form
 * draft belongs to the tab that typed it. A tab's id lives in sessionStorage (it survives a
 * reload of that tab, and nothing else sees it), and the tab holds a Web Lock named after it for
 * as long as it lives. A tab that crashed or was closed holds no lock, so its drafts are
 * offered to whoever opens the record next; a live tab's drafts are never offered elsewhere.
 *
 * "Duplicate tab" copies sessionStorage: the copy then finds the id's lock taken and makes a
 * new id. Without Web Locks (never in the Chromium versions we ship) liveness is unknown and
 * every other tab's draft counts as left behind — the behaviour before tabs were told apart.
 */
import { newId } from '../../../shared/sync/ids';

const STORAGE_KEY = 'pumasi.tabId';
const LOCK_PREFIX = 'pumasi-tab:';

interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<unknown> | unknown,
  ): Promise<unknown>;
  query(): Promise<{ held?: Array<{ name?: string }> }>;
}

interface TabEnvironment {
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  locks: LockManagerLike | undefined;
}

function browserEnvironment(): TabEnvironment {
  const g = globalThis as {
    sessionStorage?: Storage;
    navigator?: { locks?: LockManagerLike };
  };
  let storage: Storage | undefined;
  try {
    storage = g.sessionStorage; // throws where storage is blocked
  } catch {
    storage = undefined;
  }
  return { storage, locks: g.navigator?.locks };
}

/** Takes the tab's lock for good if nobody holds it; false when another live tab does. */
function holdLock(locks: LockManagerLike, id: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    locks
      .request(LOCK_PREFIX + id, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        resolve(true);
        return new Promise(() => undefined); // held until the tab goes away
      })
      .catch(reject);
  });
}

/** Finds or makes this tab's id and takes its lock (exported for tests with a fake environment). */
export async function claimTabId(env: TabEnvironment): Promise<string> {
  let id = env.storage?.getItem(STORAGE_KEY) ?? null;
  if (env.locks) {
    // A copied id held by a live tab is not ours; a fresh ULID is never held.
    if (id === null || !(await holdLock(env.locks, id))) {
      id = newId();
      await holdLock(env.locks, id);
    }
  }
  id ??= newId();
  env.storage?.setItem(STORAGE_KEY, id);
  return id;
}

/** Ids of the tabs alive now, or null when this browser cannot tell. */
export async function queryLiveTabIds(
  locks: LockManagerLike | undefined,
): Promise<ReadonlySet<string> | null> {
  if (!locks) return null;
  const { held = [] } = await locks.query();
  const live = new Set<string>();
  for (const lock of held) {
    if (lock.name?.startsWith(LOCK_PREFIX)) live.add(lock.name.slice(LOCK_PREFIX.length));
  }
  return live;
}

let tabId: Promise<string> | undefined;

/** This tab's id (claimed once per page load). */
export function getTabId(): Promise<string> {
  tabId ??= claimTabId(browserEnvironment());
  return tabId;
}

export function liveTabIds(): Promise<ReadonlySet<string> | null> {
  return queryLiveTabIds(browserEnvironment().locks);
}
