import 'fake-indexeddb/auto'; // before Dexie loads
import { describe, expect, it } from 'vitest';
import { mutate } from '../../../../renderer/db/mutate';
import { countOutbox, readOutbox } from '../../../../renderer/db/outbox';
import { buildPushBatch } from '../../../../renderer/db/push';
import { CONFLICTS_TABLE, queryConflicts } from '../../../../renderer/db/remoteApply';
import { getSetting, setSetting } from '../../../../renderer/db/settings';
import { distinctConflicts, reapplyMine } from '../../../../renderer/sync/conflicts';
import { hasDemoData, removeDemoData } from '../../../../renderer/sync/demoGuard';
import { demoId } from '../../../../shared/demo/ids';
import { freshDb, orgValues } from '../db/helpers';

describe('demo data guard', () => {
  it('removes demo records and their queued edits, keeps the team’s own records and edits', async () => {
    const db = await freshDb();
    const demo = demoId('organization', 'gumi:company:1');
    await mutate(db, [{ entity: 'organization', op: 'create', id: demo, values: orgValues(1) }], {
      origin: 'demo',
    });
    await setSetting(db, 'demoLoaded', true);
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'mine', values: orgValues(2) }]);
    // the user edited a demo record: that edit was queued
    await mutate(db, [
      { entity: 'organization', op: 'update', id: demo, values: { employees: 7 } },
    ]);
    expect(await countOutbox(db)).toBe(2);
    expect(await hasDemoData(db)).toBe(true);

    expect(await removeDemoData(db)).toBe(1);
    expect(await hasDemoData(db)).toBe(false);
    expect(await getSetting(db, 'demoLoaded')).toBe(false);
    expect((await readOutbox(db)).map((e) => e.recordId)).toEqual(['mine']);
    const { mutations } = await buildPushBatch(db);
    expect(mutations.map((m) => m.change.id)).toEqual(['mine']);
    expect(await db.table('organizations').get(demo)).toMatchObject({ deleted: 1 });
    expect(await db.table('organizations').get('mine')).toMatchObject({ deleted: 0 });
  });

  it('counts a demo load cut off midway (partial data, never marked loaded) as demo data', async () => {
    const db = await freshDb();
    expect(await hasDemoData(db)).toBe(false);
    await setSetting(db, 'demoLoadInterrupted', true);
    expect(await hasDemoData(db)).toBe(true);
    await removeDemoData(db);
    expect(await getSetting(db, 'demoLoadInterrupted')).toBe(false);
    expect(await hasDemoData(db)).toBe(false);
  });
});

describe('conflict inbox: re-apply my value', () => {
  it('writes the lost value as a new queued change and files the conflict away', async () => {
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'a', values: orgValues(1) }]);
    await mutate(db, [
      { entity: 'organization', op: 'update', id: 'a', values: { employees: 50 } },
    ]);
    const before = await countOutbox(db);
    const row = {
      id: 'c1',
      entity: 'organization',
      recordId: 'a',
      field: 'employees',
      lostValue: 99,
      lostHlc: '1700000000000-0000-ME',
      wonValue: 50,
      wonHlc: '1700000000001-0000-OTHER',
      why: 'later_time' as const,
      at: new Date().toISOString(),
      source: 'pull' as const,
    };
    // the same loss filed twice (push answer, then the pulled winner): one inbox row
    await db.table(CONFLICTS_TABLE).bulkAdd([row, { ...row, id: 'c1b', source: 'push' }]);
    expect(distinctConflicts(await queryConflicts(db))).toHaveLength(1);
    expect(await reapplyMine(db, row)).toEqual({ ok: true });
    expect(await db.table('organizations').get('a')).toMatchObject({ employees: 99 });
    expect(await countOutbox(db)).toBe(before + 1);
    expect(await queryConflicts(db)).toEqual([]);
  });

  it('a value the schema now rejects is refused with the reason; the conflict stays', async () => {
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'a', values: orgValues(1) }]);
    const row = {
      id: 'c2',
      entity: 'organization',
      recordId: 'a',
      field: 'employees',
      lostValue: '<script>alert(1)</script>',
      lostHlc: '1700000000000-0000-ME',
      wonValue: 5,
      wonHlc: '1700000000001-0000-OTHER',
      why: 'later_time' as const,
      at: new Date().toISOString(),
      source: 'pull' as const,
    };
    await db.table(CONFLICTS_TABLE).add(row);
    const r = await reapplyMine(db, row);
    expect(r.ok).toBe(false);
    expect(await queryConflicts(db)).toHaveLength(1);
  });
});
