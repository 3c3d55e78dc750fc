import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { entityTable } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import {
  getPref,
  queryPendingCount,
  queryRecord,
  queryRecords,
  setPref,
} from '../../../../renderer/db/queries';
import { freshDb, orgValues } from './helpers';

describe('read queries behind the hooks', () => {
  it('lists records without tombstones, and finds one by id even when deleted', async () => {
    const db = await freshDb();
    await mutate(db, [
      { entity: 'organization', op: 'create', id: 'a', values: orgValues(1) },
      { entity: 'organization', op: 'create', id: 'b', values: orgValues(2) },
      { entity: 'organization', op: 'create', id: 'c', values: orgValues(3) },
      { entity: 'organization', op: 'delete', id: 'b' },
    ]);
    expect((await queryRecords(db, 'organization')).map((r) => r.id).sort()).toEqual(['a', 'c']);
    expect(await queryRecord(db, 'organization', 'b')).toMatchObject({ id: 'b', deleted: 1 });
    expect(await queryRecord(db, 'organization', undefined)).toBeUndefined();
    expect(await entityTable(db, 'organization').count()).toBe(3);
  });

  it('counts the pending outbox', async () => {
    const db = await freshDb();
    expect(await queryPendingCount(db)).toBe(0);
    await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(1) }]);
    await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(2) }], {
      origin: 'demo',
    });
    expect(await queryPendingCount(db)).toBe(1);
  });

  it('keeps UI prefs outside history and the outbox', async () => {
    const db = await freshDb();
    expect(await getPref(db, 'grid:organization')).toBeUndefined();
    await setPref(db, 'grid:organization', { columns: ['name', 'brn'] });
    expect(await getPref(db, 'grid:organization')).toEqual({ columns: ['name', 'brn'] });
    expect(await db.history.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
