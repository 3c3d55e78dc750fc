/**
 * Grid snapshots (renderer/db/gridSnapshot.ts): a snapshot is read only while it is fresh, every
 * writer makes it stale, and whatever path a read takes its answer equals queryRecords.
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBackup } from '../../../../shared/backup';
import type { MutationOrigin } from '../../../../renderer/db/apply';
import {
  createBackupBytes,
  dumpDatabase,
  restorableTables,
  restoreDatabase,
} from '../../../../renderer/db/backup';
import type { PumasiDb } from '../../../../renderer/db/db';
import {
  cancelSnapshotRebuilds,
  LARGE_WRITE_RECORDS,
  readLiveRecords,
  refreshAfterLargeWrite,
  readRevisions,
  refreshGridSnapshot,
  restartQuietPeriod,
  scheduleSnapshotRebuild,
  writeGridSnapshot,
  SNAPSHOT_FORMAT,
  START_QUIET_MS,
} from '../../../../renderer/db/gridSnapshot';
import { storedRanks } from '../../../../renderer/db/recordRanks';
import { rankValues } from '../../../../renderer/features/entities/rowOrder';
import { mutate } from '../../../../renderer/db/mutate';
import { queryRecords } from '../../../../renderer/db/queries';
import { LATEST_DB_VERSION } from '../../../../renderer/db/versions';
import { freshDb, orgValues } from './helpers';

/** Few records per chunk, so a handful of records makes several chunks. */
const CHUNK = 2;

async function seed(db: PumasiDb, n: number): Promise<string[]> {
  const result = await mutate(
    db,
    Array.from({ length: n }, (_, i) => ({
      entity: 'organization' as const,
      op: 'create' as const,
      values: orgValues(i + 1),
    })),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.records.map((r) => r.id);
}

/** Reads once (from the table) and stores the snapshot of that read. */
async function snapshotNow(db: PumasiDb): Promise<void> {
  const read = await readLiveRecords(db, 'organization');
  expect(await writeGridSnapshot(db, 'organization', read.records, read.revision, CHUNK)).toBe(
    true,
  );
}

const revisionOf = async (db: PumasiDb) => (await readRevisions(db, ['organizations']))[0];

afterEach(() => {
  cancelSnapshotRebuilds();
  vi.useRealTimers();
});

describe('grid snapshots', () => {
  it('are read only when fresh, and give exactly what queryRecords gives', async () => {
    const db = await freshDb();
    const ids = await seed(db, 5);
    await mutate(db, [{ entity: 'organization', op: 'delete', id: ids[1] as string }]);

    const first = await readLiveRecords(db, 'organization');
    expect(first.fromSnapshot).toBe(false); // none built yet
    expect(first.records).toEqual(await queryRecords(db, 'organization'));

    await snapshotNow(db);
    const second = await readLiveRecords(db, 'organization');
    expect(second.fromSnapshot).toBe(true);
    expect(second.records).toEqual(await queryRecords(db, 'organization'));
    expect(second.records.map((r) => r.id)).not.toContain(ids[1]); // the tombstone
    expect(await db.table('gridSnapshots').count()).toBe(1 + 2); // header + ⌈4 / 2⌉ chunks
    expect((await db.table('gridSnapshots').get('organizations/0'))?.fields).toContain('name');
  });

  it('an empty table makes an empty, usable snapshot', async () => {
    const db = await freshDb();
    await snapshotNow(db);
    expect(await readLiveRecords(db, 'organization')).toEqual({
      records: [],
      revision: 0,
      fromSnapshot: true,
    });
  });

  const ops = ['create', 'update', 'delete', 'restore'] as const;
  const origins: MutationOrigin[] = ['local', 'import', 'demo'];
  for (const origin of origins) {
    it(`any ${origin} mutate (${ops.join('/')}) makes the snapshot stale`, async () => {
      const db = await freshDb();
      const [id] = (await seed(db, 3)) as [string];
      await mutate(db, [{ entity: 'organization', op: 'delete', id }]); // so restore can run
      for (const op of ops) {
        await snapshotNow(db);
        const before = await revisionOf(db);
        const result = await mutate(
          db,
          [
            op === 'create'
              ? { entity: 'organization', op, values: orgValues(90) }
              : op === 'update'
                ? { entity: 'organization', op, id, values: { name: `${origin} 수정` } }
                : { entity: 'organization', op, id },
          ],
          { origin },
        );
        expect(result.ok, op).toBe(true);
        expect(await revisionOf(db), op).toBe((before ?? 0) + 1);
        const read = await readLiveRecords(db, 'organization');
        expect(read.fromSnapshot, op).toBe(false);
        expect(read.records, op).toEqual(await queryRecords(db, 'organization'));
        if (op === 'create') await mutate(db, [{ entity: 'organization', op: 'restore', id }]);
        if (op === 'update') await mutate(db, [{ entity: 'organization', op: 'restore', id }]);
      }
    });
  }

  it('a rejected mutate leaves the revision, and so the snapshot, as they were', async () => {
    const db = await freshDb();
    const [id] = (await seed(db, 2)) as [string];
    await snapshotNow(db);
    const before = await revisionOf(db);
    const result = await mutate(db, [
      { entity: 'organization', op: 'update', id, values: { name: '바뀌면 안 됨' } },
      { entity: 'organization', op: 'update', id: 'missing-id', values: { name: 'x' } },
    ]);
    expect(result.ok).toBe(false);
    expect(await revisionOf(db)).toBe(before);
    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(true);
    expect(read.records).toEqual(await queryRecords(db, 'organization'));
  });

  it('refreshGridSnapshot builds it at once after a bulk write, so the next read is a snapshot read', async () => {
    const db = await freshDb();
    await seed(db, 3);
    await snapshotNow(db);
    await seed(db, 2); // e.g. an import's commit: the snapshot is stale now
    expect((await readLiveRecords(db, 'organization')).fromSnapshot).toBe(false);

    expect(await refreshGridSnapshot(db, 'organization')).toBe(true);
    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(true);
    expect(read.records).toEqual(await queryRecords(db, 'organization'));
    expect(read.records).toHaveLength(5);
    // Fresh already: a second refresh (or the idle rebuild of the same revision) writes nothing.
    const head = await db.table('gridSnapshots').get('organizations/head');
    expect(await refreshGridSnapshot(db, 'organization')).toBe(true);
    expect(await writeGridSnapshot(db, 'organization', [], read.revision)).toBe(true);
    expect(await db.table('gridSnapshots').get('organizations/head')).toEqual(head);
    expect((await readLiveRecords(db, 'organization')).records).toHaveLength(5);
  });

  it('is not written when the table changed since the read it was built from', async () => {
    const db = await freshDb();
    await seed(db, 2);
    const read = await readLiveRecords(db, 'organization');
    await seed(db, 1);
    expect(await writeGridSnapshot(db, 'organization', read.records, read.revision, CHUNK)).toBe(
      false,
    );
    expect(await db.table('gridSnapshots').count()).toBe(0);
  });

  it('ignores a snapshot built at another schema version', async () => {
    const db = await freshDb();
    await seed(db, 3);
    await snapshotNow(db);
    await db.table('gridSnapshots').update('organizations/head', { schemaVersion: db.verno - 1 });
    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(false);
    expect(read.records).toEqual(await queryRecords(db, 'organization'));
  });

  it('never misreads a snapshot of the older format (record objects): reads the table, rebuilds', async () => {
    const db = await freshDb();
    await seed(db, 3);
    const revision = (await revisionOf(db)) ?? 0;
    const old = await queryRecords(db, 'organization');
    // What format 1 wrote: one chunk holding record objects, a header with format 1.
    await db.table('gridSnapshots').bulkPut([
      { key: 'organizations/0', revision, records: old.map((r) => ({ ...r, name: '옛 형식' })) },
      {
        key: 'organizations/head',
        revision,
        schemaVersion: db.verno,
        format: 1,
        chunks: 1,
        rows: old.length,
      },
    ]);
    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(false);
    expect(read.records).toEqual(old);

    expect(await refreshGridSnapshot(db, 'organization')).toBe(true);
    expect((await db.table('gridSnapshots').get('organizations/head'))?.format).toBe(
      SNAPSHOT_FORMAT,
    );
    const rebuilt = await readLiveRecords(db, 'organization');
    expect(rebuilt.fromSnapshot).toBe(true);
    expect(rebuilt.records).toEqual(old);
  });

  it('stores the title field sort ranks, kept for the records a snapshot read returns', async () => {
    const db = await freshDb();
    await seed(db, 7);
    await snapshotNow(db);
    const { records } = await readLiveRecords(db, 'organization');
    const stored = storedRanks('name', records.length, (i) => records[i]);
    expect(stored).toEqual(rankValues(records.map((r) => r.name)));
    // Only for exactly those rows in that order: a copy or another order misses.
    const reversed = records.slice().reverse();
    expect(storedRanks('name', records.length, (i) => reversed[i])).toBeUndefined();
    expect(storedRanks('name', 3, (i) => records[i])).toBeUndefined();
    expect(storedRanks('kind', records.length, (i) => records[i])).toBeUndefined();
  });

  it('ignores a snapshot with a chunk missing', async () => {
    const db = await freshDb();
    await seed(db, 5);
    await snapshotNow(db);
    await db.table('gridSnapshots').delete('organizations/1');
    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(false);
    expect(read.records).toHaveLength(5);
  });

  it('never stores tombstones, even when handed some', async () => {
    const db = await freshDb();
    const [id] = (await seed(db, 3)) as [string];
    const all = await db.table('organizations').toArray();
    const withTombstone = all.map((r) => (r.id === id ? { ...r, deleted: 1 } : r));
    const revision = (await revisionOf(db)) ?? 0;
    await writeGridSnapshot(db, 'organization', withTombstone, revision, CHUNK);
    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(true);
    expect(read.records.map((r) => r.id)).not.toContain(id);
    expect(read.records).toHaveLength(2);
  });

  it('a restore makes every snapshot stale; backups hold the bookkeeping empty', async () => {
    const source = await freshDb();
    await seed(source, 2);
    await snapshotNow(source);
    const dump = await dumpDatabase(source);
    expect(dump.tables.gridSnapshots).toEqual([]);
    expect(dump.tables.tableRevisions).toEqual([]);

    const target = await freshDb();
    await seed(target, 4);
    await snapshotNow(target);
    const before = (await revisionOf(target)) ?? 0;
    const bytes = await createBackupBytes(source, { appVersion: 'test' });
    const backup = await readBackup(bytes, {
      maxSchemaVersion: LATEST_DB_VERSION,
      knownTables: restorableTables(target),
    });
    if (!backup.ok) throw new Error(backup.error.message);
    await restoreDatabase(target, { manifest: backup.manifest, tables: backup.tables });

    expect(await revisionOf(target)).toBeGreaterThan(before); // grows, never resets
    expect(await target.table('gridSnapshots').count()).toBe(0);
    const read = await readLiveRecords(target, 'organization');
    expect(read.fromSnapshot).toBe(false);
    expect(read.records).toEqual(await queryRecords(target, 'organization'));
    expect(read.records).toHaveLength(2);
  });

  it('a stale read schedules a rebuild, debounced, after the quiet start', async () => {
    const db = await freshDb();
    await seed(db, 3);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stale = await readLiveRecords(db, 'organization');
    // The quiet period counts from module load; on a loaded machine that may be long past.
    restartQuietPeriod();
    scheduleSnapshotRebuild(db, 'organization', stale);
    scheduleSnapshotRebuild(db, 'organization', stale); // replaces the first: one rebuild
    vi.advanceTimersByTime(START_QUIET_MS - 1_000);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(START_QUIET_MS);
    vi.useRealTimers();
    // Without requestIdleCallback (Node) the write starts at once; wait for it (bounded).
    for (let i = 0; i < 100 && (await db.table('gridSnapshots').count()) === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(true);
    expect(read.records).toEqual(await queryRecords(db, 'organization'));
  });

  it('a large write refreshes the snapshots at once; a small one leaves it to the idle rebuild', async () => {
    const db = await freshDb();
    await seed(db, 3);
    // 3 records written: below the threshold, the next read still reads the table.
    expect(await refreshAfterLargeWrite(db, [['organization', 3]])).toEqual([]);
    expect((await readLiveRecords(db, 'organization')).fromSnapshot).toBe(false);
    expect(
      await refreshAfterLargeWrite(db, [
        ['organization', LARGE_WRITE_RECORDS],
        ['expert', 0],
      ]),
    ).toEqual(['organization']);
    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(true);
    expect(read.records).toEqual(await queryRecords(db, 'organization'));
  });

  it('a restore of a large table rebuilds its snapshot as it commits', async () => {
    const source = await freshDb();
    await seed(source, LARGE_WRITE_RECORDS);
    const target = await freshDb();
    const bytes = await createBackupBytes(source, { appVersion: 'test' });
    const backup = await readBackup(bytes, {
      maxSchemaVersion: LATEST_DB_VERSION,
      knownTables: restorableTables(target),
    });
    if (!backup.ok) throw new Error(backup.error.message);
    await restoreDatabase(target, { manifest: backup.manifest, tables: backup.tables });
    const read = await readLiveRecords(target, 'organization');
    expect(read.fromSnapshot).toBe(true);
    expect(read.records).toHaveLength(LARGE_WRITE_RECORDS);
    expect(read.records).toEqual(await queryRecords(target, 'organization'));
  });
});
