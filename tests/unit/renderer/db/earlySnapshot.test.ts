/**
 * The early read (renderer/db/earlySnapshot.ts): it reads a fresh format-2 snapshot with the raw
 * IndexedDB API, never creates a database, and readLiveRecords takes its result over only while
 * the revision and schema version still match — so a write in between is never hidden.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PumasiDb } from '../../../../renderer/db/db';
import {
  pendingEarlyRead,
  peekEarlyRead,
  readSnapshotRaw,
  startEarlyRead,
  takeEarlyRead,
} from '../../../../renderer/db/earlySnapshot';
import { readLiveRecords, refreshGridSnapshot } from '../../../../renderer/db/gridSnapshot';
import { mutate } from '../../../../renderer/db/mutate';
import { queryRecords } from '../../../../renderer/db/queries';
import { freshDb, orgValues } from './helpers';

async function seededWithSnapshot(n: number): Promise<PumasiDb> {
  const db = await freshDb();
  const result = await mutate(
    db,
    Array.from({ length: n }, (_, i) => ({
      entity: 'organization' as const,
      op: 'create' as const,
      values: orgValues(i + 1),
    })),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  expect(await refreshGridSnapshot(db, 'organization')).toBe(true);
  return db;
}

const scope = (hash: string) => ({ location: { hash }, indexedDB });

afterEach(() => {
  // Drop any handoff a test left behind.
  takeEarlyRead('organizations', -1, -1);
});

describe('the early snapshot read', () => {
  it('reads the fresh snapshot as the app would', async () => {
    const db = await seededWithSnapshot(5);
    const early = await readSnapshotRaw(indexedDB, db.name, 'organizations');
    expect(early?.schemaVersion).toBe(db.verno);
    expect(early?.content.records).toEqual(await queryRecords(db, 'organization'));
    expect(early?.content.ranks.get('name')?.ranks).toHaveLength(5);
  });

  it('finds nothing when the snapshot is stale, missing, or the database does not exist', async () => {
    const db = await seededWithSnapshot(3);
    await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(9) }]);
    expect(await readSnapshotRaw(indexedDB, db.name, 'organizations')).toBeUndefined();
    expect(await readSnapshotRaw(indexedDB, db.name, 'experts')).toBeUndefined();

    const name = `never-created-${Math.random().toString(36).slice(2)}`;
    expect(await readSnapshotRaw(indexedDB, name, 'organizations')).toBeUndefined();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(name); // the read did not create it
  });

  it('is handed to readLiveRecords, which takes it over once at the same revision', async () => {
    const db = await seededWithSnapshot(4);
    startEarlyRead(scope('#/organizations'), db.name);
    expect(pendingEarlyRead('organizations')).toBeDefined();
    expect(pendingEarlyRead('experts')).toBeUndefined();
    await pendingEarlyRead('organizations');
    const early = peekEarlyRead('organizations');
    expect(early).toBeDefined();

    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(true);
    expect(read.records).toBe(early?.content.records); // the early read's very array
    expect(peekEarlyRead('organizations')).toBeUndefined(); // taken once
    const again = await readLiveRecords(db, 'organization');
    expect(again.records).not.toBe(read.records);
    expect(again.records).toEqual(read.records);
  });

  it('is dropped when the table was written after it was read', async () => {
    const db = await seededWithSnapshot(4);
    startEarlyRead(scope('#/organizations?x=1'), db.name);
    await pendingEarlyRead('organizations');
    expect(peekEarlyRead('organizations')).toBeDefined();
    await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(50) }]);

    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(false);
    expect(read.records).toHaveLength(5);
    expect(read.records).toEqual(await queryRecords(db, 'organization'));
    expect(peekEarlyRead('organizations')).toBeUndefined();
  });

  it('is not started for a route without a grid', () => {
    startEarlyRead(scope('#/settings'));
    expect(pendingEarlyRead('organizations')).toBeUndefined();
  });
});
