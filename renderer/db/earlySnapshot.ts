/**
 * The early read: the opening route's grid snapshot, read with the raw IndexedDB API by a tiny
 * script that index.html runs BEFORE the app's chunks (React, Dexie, AG Grid) load and parse,
 * so the read (about half of opening a 100,000-row grid) overlaps them instead of following.
 *
 * Handoff: the promise goes on a global (`__pumasiEarlySnapshot`), which the app reads once.
 * The result is only a candidate: readLiveRecords (gridSnapshot.ts) uses it only when, inside its
 * own Dexie transaction, the table's revision and the database version still equal the ones the
 * early read saw — so a write in between, or an upgrade, makes the app read as before.
 *
 * Never harmful to the database: opened without a version (no upgrade), a database that does
 * not exist is NOT created (the open is aborted; the presence check relies on that), the
 * connection closes as soon as the read is done and at once when an upgrade asks (versionchange).
 */
import { assembleSnapshot, type SnapshotContent, type SnapshotHeader } from './snapshotColumns';
import {
  APP_DB_NAME,
  chunkKey,
  GRID_SNAPSHOTS_TABLE,
  headerKey,
  SNAPSHOT_FORMAT,
  TABLE_REVISIONS_TABLE,
  tableOfHash,
} from './snapshotKeys';

export interface EarlyRead {
  revision: number;
  /** the Dexie version (`verno`) the snapshot was built at */
  schemaVersion: number;
  content: SnapshotContent;
}

interface Handoff {
  table: string;
  read: Promise<EarlyRead | undefined>;
  /** set once `read` settled (undefined result = nothing usable) */
  done?: { result: EarlyRead | undefined };
}

const HANDOFF = '__pumasiEarlySnapshot';
type WithHandoff = { [HANDOFF]?: Handoff };

function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    const request = factory.open(name);
    // No database yet: abort, so this read never creates an empty one.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

const got = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
  });

/** The fresh-looking format-2 snapshot of `table`, read in ONE readonly transaction. */
export async function readSnapshotRaw(
  factory: IDBFactory,
  dbName: string,
  table: string,
): Promise<EarlyRead | undefined> {
  const db = await openExisting(factory, dbName);
  if (!db) return undefined;
  try {
    const names = db.objectStoreNames;
    if (!names.contains(GRID_SNAPSHOTS_TABLE) || !names.contains(TABLE_REVISIONS_TABLE)) {
      return undefined;
    }
    const tx = db.transaction([TABLE_REVISIONS_TABLE, GRID_SNAPSHOTS_TABLE], 'readonly');
    const store = tx.objectStore(GRID_SNAPSHOTS_TABLE);
    const [revisionRow, header] = await Promise.all([
      got(tx.objectStore(TABLE_REVISIONS_TABLE).get(table)) as Promise<{ revision?: number }>,
      got(store.get(headerKey(table))) as Promise<SnapshotHeader | undefined>,
    ]);
    const revision = revisionRow?.revision ?? 0;
    if (!header || header.format !== SNAPSHOT_FORMAT || header.revision !== revision) {
      return undefined;
    }
    const keys = Array.from({ length: header.chunks }, (_, n) => chunkKey(table, n));
    const chunks = await Promise.all(keys.map((key) => got(store.get(key))));
    const content = assembleSnapshot(header, chunks, revision);
    return content ? { revision, schemaVersion: header.schemaVersion, content } : undefined;
  } catch {
    return undefined; // only an accelerator: the app reads the normal way
  } finally {
    db.close();
  }
}

/** Starts the early read for the route in `location.hash`, if it opens an entity grid. */
export function startEarlyRead(
  scope: { location: { hash: string }; indexedDB?: IDBFactory },
  dbName: string = APP_DB_NAME,
): void {
  const table = tableOfHash(scope.location.hash);
  const factory = scope.indexedDB;
  if (!table || !factory) return;
  const handoff: Handoff = { table, read: Promise.resolve(undefined) };
  handoff.read = readSnapshotRaw(factory, dbName, table).then(
    (result) => ((handoff.done = { result }), result),
    () => ((handoff.done = { result: undefined }), undefined),
  );
  (globalThis as WithHandoff)[HANDOFF] = handoff;
}

/** The early read of `table` while it is still running (to wait for before reading), else undefined. */
export function pendingEarlyRead(table: string): Promise<unknown> | undefined {
  const handoff = (globalThis as WithHandoff)[HANDOFF];
  return handoff && handoff.table === table && !handoff.done ? handoff.read : undefined;
}

/** The finished early read of `table`, without taking it (undefined when none or unusable). */
export function peekEarlyRead(table: string): EarlyRead | undefined {
  const handoff = (globalThis as WithHandoff)[HANDOFF];
  return handoff?.table === table ? handoff.done?.result : undefined;
}

/**
 * Takes (once) the finished early read of `table` when it was made at `revision` and schema
 * `verno`; else undefined. Any early read of `table` is dropped by this call either way.
 */
export function takeEarlyRead(
  table: string,
  revision: number,
  verno: number,
): SnapshotContent | undefined {
  const scope = globalThis as WithHandoff;
  const handoff = scope[HANDOFF];
  if (!handoff || handoff.table !== table || !handoff.done) return undefined;
  delete scope[HANDOFF];
  const result = handoff.done.result;
  if (!result || result.revision !== revision || result.schemaVersion !== verno) return undefined;
  return result.content;
}
