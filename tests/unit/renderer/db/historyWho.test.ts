/**
 * Issue 7: every history entry says who made the change (the install's profile), older entries
 * without it stay valid, and one record's history is read through the v5 `recordIds` index.
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { mutate } from '../../../../renderer/db/mutate';
import { queryRecordHistory, readHistory } from '../../../../renderer/db/outbox';
import { historyEntrySchema } from '../../../../renderer/db/backupRows';
import { setSetting } from '../../../../renderer/db/settings';
import { freshDb, orgValues } from './helpers';

describe('history who', () => {
  it('records the profile from the moment it is set; earlier entries have none', async () => {
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'o1', values: orgValues(1) }]);
    await setSetting(db, 'profile', { name: '<b>김코디</b>', role: 'coordinator' });
    await mutate(db, [
      { entity: 'organization', op: 'update', id: 'o1', values: { name: '새 이름' } },
    ]);
    const [created, updated] = await readHistory(db);
    expect(created).not.toHaveProperty('who');
    // stored verbatim: screens render it as text, never as HTML
    expect(updated?.who).toEqual({ name: '<b>김코디</b>', role: 'coordinator' });
  });

  it('ignores a profile without a name', async () => {
    const db = await freshDb();
    await setSetting(db, 'profile', { name: '  ', role: 'coordinator' });
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'o1', values: orgValues(1) }]);
    expect((await readHistory(db))[0]).not.toHaveProperty('who');
  });

  it('backup validation accepts entries with and without who, refuses a malformed who', () => {
    const entry = { id: 'h1', entity: 'organization', recordId: 'o1', op: 'create', version: 1 };
    expect(historyEntrySchema.safeParse({ ...entry, before: null }).success).toBe(true);
    expect(
      historyEntrySchema.safeParse({
        ...entry,
        before: null,
        who: { name: '김코디', role: 'head' },
      }).success,
    ).toBe(true);
    expect(
      historyEntrySchema.safeParse({ ...entry, before: null, who: { name: '' } }).success,
    ).toBe(false);
    expect(
      historyEntrySchema.safeParse({ ...entry, before: null, who: { name: 'a', extra: 1 } })
        .success,
    ).toBe(false);
  });
});

describe('one record history through the recordIds index', () => {
  it('finds every write of the record in order, across rows and batches', async () => {
    const db = await freshDb();
    await mutate(db, [
      { entity: 'organization', op: 'create', id: 'o1', values: orgValues(1) },
      { entity: 'organization', op: 'create', id: 'o2', values: orgValues(2) },
    ]);
    await mutate(db, [{ entity: 'organization', op: 'update', id: 'o1', values: { name: 'x' } }]);
    await mutate(db, [{ entity: 'organization', op: 'update', id: 'o2', values: { name: 'y' } }]);
    const rows = await db.history.toArray();
    expect(rows.map((r) => r.recordIds)).toEqual([['o1', 'o2'], ['o1'], ['o2']]);
    const o1 = await queryRecordHistory(db, 'organization', 'o1');
    expect(o1.map((e) => [e.recordId, e.op])).toEqual([
      ['o1', 'create'],
      ['o1', 'update'],
    ]);
  });

  it('reads only the rows the index names (a row without recordIds is never scanned)', async () => {
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'o1', values: orgValues(1) }]);
    // A row that mentions o1 but is not in the index: a table scan would find it.
    await db.history.put({
      id: '9999999999999-0000-ZZZZZZZZZZ',
      entries: [
        {
          id: '9999999999999-0000-ZZZZZZZZZZ',
          entity: 'organization',
          recordId: 'o1',
          op: 'update',
          version: 2,
          before: {},
        },
      ],
    });
    expect((await queryRecordHistory(db, 'organization', 'o1')).map((e) => e.op)).toEqual([
      'create',
    ]);
  });
});
