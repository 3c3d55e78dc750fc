/**
 * Shared live record sets: ONE Dexie liveQuery per entity, however many screens read it, kept
 * for a while after the last reader leaves so going back to a page is instant.
 *
 * Why: reading 100,000 records is the slowest step of opening a grid (about a second of
 * IndexedDB reads and deserialisation). With one shared subscription the read happens once, and
 * the start-up code can retain the opening route's entity before React renders, so the read
 * overlaps loading and mounting the UI (see `prefetchRecords`).
 * Values are the arrays queryRecords returns (deleted rows left out); they are replaced, never
 * mutated, so React and AG Grid can compare them by identity.
 *
 * Reads go through readLiveRecords (gridSnapshot.ts): a fresh grid snapshot when there is one
 * (about 3× faster for 100,000 rows), else the table. A read that found the snapshot stale has
 * it rebuilt in idle time, so the next start is fast. The opening route's snapshot may have been
 * read before the app loaded (earlySnapshot.ts): its set waits for that read and takes it over.
 * The query observes the table's revision row, which every write bumps, so live updates work
 * whichever path a read took.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { liveQuery, type Subscription } from 'dexie';
import { getEntity, type EntityName, type StoredRecord } from '../../shared/registry';
import { getDb, type PumasiDb } from './db';
import { peekEarlyRead, pendingEarlyRead } from './earlySnapshot';
import { rememberRanks } from './recordRanks';
import { readLiveRecords, scheduleSnapshotRebuild, type LiveRead } from './gridSnapshot';

/** How long a record set stays subscribed after its last reader left. */
export const KEEP_AFTER_LAST_READER_MS = 30_000;

interface LiveSet {
  value: StoredRecord[] | undefined;
  /** the table revision `value` was read at */
  revision: number | undefined;
  error: unknown;
  readers: number;
  listeners: Set<() => void>;
  /** undefined until the query starts (after a running early read of this table) */
  subscription: Subscription | undefined;
  /** set when released for good before the query had started */
  closed: boolean;
  releaseTimer: ReturnType<typeof setTimeout> | undefined;
}

const sets = new Map<EntityName, LiveSet>();

function liveSet(entity: EntityName): LiveSet {
  const existing = sets.get(entity);
  if (existing) return existing;
  const set: LiveSet = {
    value: undefined,
    revision: undefined,
    error: undefined,
    readers: 0,
    listeners: new Set(),
    subscription: undefined,
    closed: false,
    releaseTimer: undefined,
  };
  const notify = () => set.listeners.forEach((listener) => listener());
  const db = getDb();
  const table = getEntity(entity).table;
  const start = () => {
    if (set.closed) return;
    // Shown at once, before Dexie has even opened: a state the table really had (one readonly
    // transaction), at the schema version this build declares. The query's first read then
    // checks its revision (same revision: the same array is kept; else it is replaced).
    const early = peekEarlyRead(table);
    if (early && early.schemaVersion === db.verno && set.value === undefined) {
      rememberRanks(early.content.records, early.content.ranks);
      set.value = early.content.records;
      set.revision = early.revision;
      notify();
    }
    set.subscription = subscribe(set, db, entity, notify);
  };
  // The opening route's snapshot may be being read already (earlySnapshot.ts): wait for it, so
  // the query's first read takes it over instead of reading the snapshot a second time.
  const early = pendingEarlyRead(table);
  if (early) void early.then(start, start);
  else start();
  sets.set(entity, set);
  return set;
}

function subscribe(
  set: LiveSet,
  db: PumasiDb,
  entity: EntityName,
  notify: () => void,
): Subscription {
  return liveQuery(() => readLiveRecords(db, entity)).subscribe({
    next: (read: LiveRead) => {
      if (!read.fromSnapshot) scheduleSnapshotRebuild(db, entity, read);
      // Same revision, same data (e.g. re-read after a snapshot rebuild): keep the array, so
      // the grid does not redraw 100,000 rows for nothing.
      if (set.value && set.error === undefined && read.revision === set.revision) return;
      set.value = read.records;
      set.revision = read.revision;
      set.error = undefined;
      notify();
    },
    error: (err: unknown) => {
      set.error = err;
      notify();
    },
  });
}

/**
 * Keeps the entity's live set subscribed until the returned release is called (then for
 * KEEP_AFTER_LAST_READER_MS more). Calling release twice is harmless.
 */
export function retainRecords(entity: EntityName): () => void {
  const set = liveSet(entity);
  set.readers += 1;
  clearTimeout(set.releaseTimer);
  set.releaseTimer = undefined;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    set.readers -= 1;
    if (set.readers > 0) return;
    set.releaseTimer = setTimeout(() => {
      if (set.readers > 0) return;
      set.closed = true;
      set.subscription?.unsubscribe();
      sets.delete(entity);
    }, KEEP_AFTER_LAST_READER_MS);
  };
}

/** Starts reading an entity now (e.g. the opening route's), for a reader that mounts soon. */
export function prefetchRecords(entity: EntityName, holdMs = 15_000): void {
  const release = retainRecords(entity);
  setTimeout(release, holdMs);
}

/** Current value (undefined while loading) without subscribing; for tests and diagnostics. */
export function peekRecords(entity: EntityName): StoredRecord[] | undefined {
  return sets.get(entity)?.value;
}

/** Records of an entity that are not deleted, live; undefined while loading. */
export function useRecords(entity: EntityName): StoredRecord[] | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const release = retainRecords(entity);
      const set = liveSet(entity);
      set.listeners.add(onChange);
      return () => {
        set.listeners.delete(onChange);
        release();
      };
    },
    [entity],
  );
  const set = sets.get(entity);
  // A failed read goes to the nearest error boundary, as useLiveQuery would do.
  if (set?.error) throw set.error;
  const getSnapshot = useCallback(() => sets.get(entity)?.value, [entity]);
  return useSyncExternalStore(subscribe, getSnapshot);
}

type RecordLists = ReadonlyArray<StoredRecord[] | undefined>;

/**
 * Several entities' live sets at once (a fixed list, e.g. every entity for the dashboard): one
 * subscription per entity, the same shared sets the grids use. The returned array keeps its
 * identity until one of the lists changes, so it can feed useMemo.
 */
export function useRecordLists(names: readonly EntityName[]): RecordLists {
  const key = names.join(',');
  const subscribe = useCallback(
    (onChange: () => void) => {
      const leaves = names.map((entity) => {
        const release = retainRecords(entity);
        const set = liveSet(entity);
        set.listeners.add(onChange);
        return () => {
          set.listeners.delete(onChange);
          release();
        };
      });
      return () => leaves.forEach((leave) => leave());
    },
    // `key` stands for `names`: callers pass a constant list, possibly a new array each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const last = useRef<RecordLists>([]);
  const getSnapshot = useCallback(() => {
    const current = names.map((entity) => sets.get(entity)?.value);
    const previous = last.current;
    const same =
      previous.length === current.length && current.every((list, i) => list === previous[i]);
    if (!same) last.current = current;
    return last.current;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  for (const entity of names) {
    const error = sets.get(entity)?.error;
    if (error) throw error;
  }
  return useSyncExternalStore(subscribe, getSnapshot);
}
