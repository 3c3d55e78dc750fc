/**
 * The shared live record sets over a fresh grid snapshot: the first read comes from the
 * snapshot, and writes after it still reach the readers (the query observes the revision row).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDb, mutate, setSetting } from '../../../../renderer/db';
import {
  cancelSnapshotRebuilds,
  readLiveRecords,
  writeGridSnapshot,
} from '../../../../renderer/db/gridSnapshot';
import { peekRecords, retainRecords } from '../../../../renderer/db/liveRecords';
import { orgValues } from './helpers';

async function until<T>(read: () => T | undefined, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = read();
    if (v !== undefined && ok(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached');
}

describe('live record sets over a grid snapshot', () => {
  it('start from the snapshot and follow every later write', async () => {
    const db = getDb();
    await setSetting(db, 'clusterId', 'gumi');
    const seeded = await mutate(
      db,
      [1, 2, 3].map((n) => ({
        entity: 'organization' as const,
        op: 'create' as const,
        values: orgValues(n),
      })),
    );
    if (!seeded.ok) throw new Error('seed failed');
    const read = await readLiveRecords(db, 'organization');
    expect(await writeGridSnapshot(db, 'organization', read.records, read.revision)).toBe(true);
    expect((await readLiveRecords(db, 'organization')).fromSnapshot).toBe(true);

    const release = retainRecords('organization');
    const first = await until(
      () => peekRecords('organization'),
      (v) => v.length === 3,
    );
    expect(first).toEqual(read.records);

    const id = first[0]!.id;
    await mutate(db, [{ entity: 'organization', op: 'update', id, values: { name: '새 이름' } }]);
    const updated = await until(
      () => peekRecords('organization'),
      (v) => v.some((r) => r.name === '새 이름'),
    );
    expect(updated).toHaveLength(3);
    await mutate(db, [{ entity: 'organization', op: 'delete', id }]);
    await until(
      () => peekRecords('organization'),
      (v) => v.length === 2,
    );
    release();
    cancelSnapshotRebuilds();
  });
});
