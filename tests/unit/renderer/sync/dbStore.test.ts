import 'fake-indexeddb/auto'; // before Dexie loads
import { describe, expect, it } from 'vitest';
import { mutate } from '../../../../renderer/db/mutate';
import { getClock, setClockOffset } from '../../../../renderer/db/clock';
import { parseHlc } from '../../../../shared/sync/hlc';
import { dbSyncStore } from '../../../../renderer/sync/dbStore';
import {
  LARGE_WRITE_RECORDS,
  readLiveRecords,
  refreshGridSnapshot,
} from '../../../../renderer/db/gridSnapshot';
import { formatHlc } from '../../../../shared/sync/hlc';
import type { RecordChange } from '../../../../shared/sync/protocol';
import { freshDb, orgValues } from '../db/helpers';

describe('sync store over the app database', () => {
  it('counts live records and the live records a pull would delete', async () => {
    const db = await freshDb();
    await mutate(db, [
      { entity: 'organization', op: 'create', id: 'a', values: orgValues(1) },
      { entity: 'organization', op: 'create', id: 'b', values: orgValues(2) },
      { entity: 'organization', op: 'create', id: 'c', values: orgValues(3) },
    ]);
    await mutate(db, [{ entity: 'organization', op: 'delete', id: 'c' }]);
    const store = dbSyncStore(db);
    expect(await store.liveRecordCount()).toBe(2);
    const del = (id: string) => ({
      entity: 'organization',
      id,
      clusterId: 'gumi',
      fields: { deleted: { value: 1, hlc: '1700000000000-0000-X' } },
    });
    // c is already deleted, z unknown, nope is no entity: only a counts
    expect(
      await store.liveTargets([del('a'), del('c'), del('z'), { ...del('q'), entity: 'nope' }]),
    ).toBe(1);
  });

  it('keeps the cursor in settings and corrects the HLC by the measured skew', async () => {
    const db = await freshDb();
    const store = dbSyncStore(db);
    expect(await store.getCursor()).toBe('0');
    await store.applyRemote([], '42'); // an empty page that moves the cursor
    expect(await dbSyncStore(db).getCursor()).toBe('42');
    setClockOffset(db, 3_600_000); // our clock is an hour behind the server's
    const stamp = (await getClock(db)).tick();
    expect(parseHlc(stamp).wallMs - Date.now()).toBeGreaterThan(3_590_000);
    setClockOffset(db, 0);
  });

  it('rebuilds the grid snapshot after a large pull, in idle time; a read before shows the pull', async () => {
    const db = await freshDb();
    // A fresh snapshot of the table before the pull: three records.
    await mutate(
      db,
      [1, 2, 3].map((n) => ({
        entity: 'organization' as const,
        op: 'create' as const,
        id: `local${n}`,
        values: orgValues(LARGE_WRITE_RECORDS + n),
      })),
    );
    expect(await refreshGridSnapshot(db, 'organization')).toBe(true);
    const store = dbSyncStore(db);
    const stamp = formatHlc({
      wallMs: Date.now(),
      counter: 0,
      deviceId: '01HZZZZZZZZZZZZZZZZZZZZZZB',
    });
    const changes: RecordChange[] = Array.from({ length: LARGE_WRITE_RECORDS }, (_, i) => ({
      entity: 'organization',
      id: `p${i}`,
      clusterId: 'gumi',
      fields: Object.fromEntries(
        Object.entries({ ...orgValues(i + 1), deleted: 0 }).map(([k, v]) => [
          k,
          { value: v, hlc: stamp, base: null },
        ]),
      ),
    }));
    // Two pages: nothing is rebuilt between them, the snapshot is there once the pull ends.
    await store.applyRemote(changes.slice(0, 600), '1');
    await store.applyRemote(changes.slice(600), '2');
    expect((await readLiveRecords(db, 'organization')).fromSnapshot).toBe(false);
    await store.pullFinished?.();
    // Opened before the deferred rebuild: the pulled records, never the stale snapshot's three.
    const before = await readLiveRecords(db, 'organization');
    expect(before.records).toHaveLength(LARGE_WRITE_RECORDS + 3);
    expect(before.records.map((r) => r.id)).toContain(`p${LARGE_WRITE_RECORDS - 1}`);
    await store.snapshotsRefreshed();
    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(true);
    expect(read.records).toHaveLength(LARGE_WRITE_RECORDS + 3);
    expect(read.revision).toBe(before.revision);
  });

  it('leaves the grid snapshot alone after a small pull', async () => {
    const db = await freshDb();
    const store = dbSyncStore(db);
    const stamp = formatHlc({
      wallMs: Date.now(),
      counter: 0,
      deviceId: '01HZZZZZZZZZZZZZZZZZZZZZZB',
    });
    await store.applyRemote(
      [
        {
          entity: 'organization',
          id: 'p1',
          clusterId: 'gumi',
          fields: Object.fromEntries(
            Object.entries({ ...orgValues(1), deleted: 0 }).map(([k, v]) => [
              k,
              { value: v, hlc: stamp, base: null },
            ]),
          ),
        },
      ],
      '1',
    );
    await store.pullFinished?.();
    await store.snapshotsRefreshed();
    const read = await readLiveRecords(db, 'organization');
    expect(read.fromSnapshot).toBe(false);
    expect(read.records.map((r) => r.id)).toEqual(['p1']);
  });
});
