import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { entityTable } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import { countOutbox, readHistory } from '../../../../renderer/db/outbox';
import {
  applyRemote,
  queryConflicts,
  queryKeptAside,
  retryKeptAside,
} from '../../../../renderer/db/remoteApply';
import { getClock } from '../../../../renderer/db/clock';
import { getDeviceId } from '../../../../renderer/db/settings';
import { compareHlc, formatHlc } from '../../../../shared/sync/hlc';
import type { RecordChange } from '../../../../shared/sync/protocol';
import { fieldStamp, type StampMeta } from '../../../../shared/sync/recordStamps';
import { countRequests, freshDb, orgValues } from './helpers';

const OTHER = '01HZZZZZZZZZZZZZZZZZZZZZZB';
const other = (offsetMs: number, counter = 0) =>
  formatHlc({ wallMs: Date.now() + offsetMs, counter, deviceId: OTHER });

/** A full organization change from the other device, every field stamped `stamp`. */
function fullChange(id: string, stamp: string, extra: Record<string, unknown> = {}): RecordChange {
  const values = { ...orgValues(7), ...extra, deleted: 0 };
  return {
    entity: 'organization',
    id,
    clusterId: 'gumi',
    fields: Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, { value: v, hlc: stamp, base: null }]),
    ),
  };
}

describe('applyRemote (pulled changes)', () => {
  it("creates records with the sender's stamps, never echoes them, and moves the clock past them", async () => {
    const db = await freshDb();
    const stamp = other(60_000); // a minute ahead: within the drift bound
    const result = await applyRemote(db, [fullChange('p1', stamp)]);
    expect(result).toEqual({ applied: 1, unchanged: 0, keptAside: 0, conflicts: 0 });
    const row = await entityTable(db, 'organization').get('p1');
    expect(row).toMatchObject({
      name: '기관 7',
      hlc: stamp,
      deviceId: OTHER,
      version: 1,
      deleted: 0,
    });
    expect(row).not.toHaveProperty('fieldHlc'); // one stamp for all: no map
    expect(row?.createdAt).toBe(new Date(Number(stamp.slice(0, 13))).toISOString());
    expect(await countOutbox(db)).toBe(0);
    // Applying it again changes nothing (idempotent).
    expect((await applyRemote(db, [fullChange('p1', stamp)])).unchanged).toBe(1);
    // The next local write sorts after the pulled stamp.
    const local = await mutate(db, [
      { entity: 'organization', op: 'update', id: 'p1', values: { employees: 9 } },
    ]);
    if (!local.ok) throw new Error('update failed');
    expect(compareHlc(local.records[0]?.hlc as string, stamp)).toBeGreaterThan(0);
    expect(await countOutbox(db)).toBe(1);
  });

  it('keeps concurrent edits of different fields of one record, and applies tombstones', async () => {
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'r', values: orgValues(1) }]);
    const created = (await entityTable(db, 'organization').get('r')) as StampMeta;
    await mutate(db, [
      { entity: 'organization', op: 'update', id: 'r', values: { name: '로컬 이름' } },
    ]);
    await applyRemote(db, [
      {
        entity: 'organization',
        id: 'r',
        clusterId: 'gumi',
        fields: { employees: { value: 77, hlc: other(1), base: created.hlc } },
      },
    ]);
    const merged = await entityTable(db, 'organization').get('r');
    expect(merged).toMatchObject({ name: '로컬 이름', employees: 77, version: 3 });
    expect(fieldStamp(merged as StampMeta, 'employees')).toMatch(new RegExp(`${OTHER}$`));
    await applyRemote(db, [
      {
        entity: 'organization',
        id: 'r',
        clusterId: 'gumi',
        fields: { deleted: { value: 1, hlc: other(2) } },
      },
    ]);
    expect(await entityTable(db, 'organization').get('r')).toMatchObject({
      deleted: 1,
      name: '로컬 이름',
    });
    expect((await readHistory(db)).map((h) => h.op)).toEqual([
      'create',
      'update',
      'update',
      'update',
    ]);
  });

  it('keeps aside what it cannot apply, with the reason, and applies the rest of the batch', async () => {
    const db = await freshDb();
    const result = await applyRemote(db, [
      fullChange('ok1', other(1)),
      {
        entity: 'spaceship',
        id: 'x',
        clusterId: 'gumi',
        fields: { name: { value: 'a', hlc: other(1) } },
      },
      fullChange('enum', other(1), { kind: 'quantumLab' }), // a newer app's option
      fullChange('future', other(10 * 60_000)),
      fullChange('field', other(1), { shoeSize: 270 }),
      fullChange('ok2', other(2)),
    ]);
    expect(result).toMatchObject({ applied: 2, keptAside: 4 });
    expect((await entityTable(db, 'organization').toArray()).map((r) => r.id).sort()).toEqual([
      'ok1',
      'ok2',
    ]);
    const kept = await queryKeptAside(db);
    expect(kept.map((k) => [k.recordId, k.reason])).toEqual([
      ['x', 'unknown_entity'],
      ['enum', 'invalid_value'],
      ['future', 'future_stamp'],
      ['field', 'unknown_field'],
    ]);
    expect(kept[1]?.message).toContain('kind');
    expect(kept[1]?.change.fields['kind']?.value).toBe('quantumLab'); // kept whole, to retry later
    // The refused future stamp did not drag the clock ahead.
    const clock = await getClock(db);
    expect(Number(clock.tick().slice(0, 13))).toBeLessThan(Date.now() + 60_000);
  });

  it('files the fields this device lost in the conflict inbox, with both values and why', async () => {
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'c', values: orgValues(1) }]);
    const base = ((await entityTable(db, 'organization').get('c')) as StampMeta).hlc;
    await mutate(db, [
      { entity: 'organization', op: 'update', id: 'c', values: { name: '내 이름' } },
    ]);
    const mine = ((await entityTable(db, 'organization').get('c')) as StampMeta).hlc;
    const theirs = other(30_000);
    const result = await applyRemote(db, [
      {
        entity: 'organization',
        id: 'c',
        clusterId: 'gumi',
        fields: { name: { value: '그쪽 이름', hlc: theirs, base } },
      },
    ]);
    expect(result.conflicts).toBe(1);
    expect(await entityTable(db, 'organization').get('c')).toMatchObject({ name: '그쪽 이름' });
    const [conflict, ...rest] = await queryConflicts(db, 'c');
    expect(rest).toEqual([]);
    expect(conflict).toMatchObject({
      entity: 'organization',
      field: 'name',
      lostValue: '내 이름',
      lostHlc: mine,
      wonValue: '그쪽 이름',
      wonHlc: theirs,
      why: 'later_time',
      source: 'pull',
    });
    expect(mine.endsWith(await getDeviceId(db))).toBe(true);
  });

  it('applies kept-aside changes again once they can apply, and removes only those', async () => {
    // Found by the sync simulation (tests/sim): a change kept aside for a stamp 10 minutes ahead
    // was never applied, the cursor having moved past it, and this device never converged.
    const db = await freshDb();
    const future = other(10 * 60_000);
    const partial: RecordChange = {
      entity: 'organization',
      id: 'later',
      clusterId: 'gumi',
      fields: { name: { value: '나중 이름', hlc: other(11 * 60_000) } },
    };
    await applyRemote(db, [
      fullChange('later', future),
      partial,
      fullChange('enum', other(1), { kind: 'quantumLab' }),
    ]);
    expect((await queryKeptAside(db)).map((k) => k.reason)).toEqual([
      'future_stamp',
      'future_stamp',
      'invalid_value',
    ]);
    // Still ahead: nothing applies, nothing is added twice.
    expect(await retryKeptAside(db)).toMatchObject({ applied: 0, keptAside: 3 });
    expect(await queryKeptAside(db)).toHaveLength(3);
    // Twelve minutes later both stamps are within the bound: the record and its later name apply.
    const later = { now: () => Date.now() + 12 * 60_000 };
    expect(await retryKeptAside(db, later)).toMatchObject({ applied: 2, keptAside: 1 });
    expect(await entityTable(db, 'organization').get('later')).toMatchObject({ name: '나중 이름' });
    expect((await queryKeptAside(db)).map((k) => k.recordId)).toEqual(['enum']);
  });

  it('reads a page by one key range when the range is nearly the page, key by key otherwise', async () => {
    let counts: ReturnType<typeof countRequests> = {};
    const db = await freshDb({ beforeOpen: (d) => (counts = countRequests(d)) });
    const id = (n: number) => `r${String(n).padStart(3, '0')}`;
    const stamp = other(0);
    const first = Array.from({ length: 100 }, (_, n) => fullChange(id(n), stamp));
    // an empty table: one count, no key-by-key read
    expect((await applyRemote(db, first)).applied).toBe(100);
    expect(counts['organizations']?.getMany ?? 0).toBe(0);
    // a dense page (r010–r029 and two new ids at its end): read by the range, updates right
    const dense = [...Array.from({ length: 20 }, (_, k) => id(10 + k)), 'r029a', 'r029b'];
    const renamed = other(1);
    const r1 = await applyRemote(
      db,
      dense.map((x) => fullChange(x, renamed, { name: `새 ${x}` })),
    );
    expect(r1).toMatchObject({ applied: 22, unchanged: 0 });
    expect(counts['organizations']?.getMany ?? 0).toBe(0);
    // a sparse page (every fifth id: its range holds ~5× the page): key by key
    const sparse = Array.from({ length: 20 }, (_, k) => id(k * 5));
    const r2 = await applyRemote(
      db,
      sparse.map((x) => fullChange(x, stamp)),
    );
    expect(r2).toMatchObject({ applied: 0, unchanged: 20 });
    expect(counts['organizations']?.getMany).toBe(1);
    const rows = await entityTable(db, 'organization').bulkGet(['r010', 'r029a', 'r030']);
    expect(rows.map((r) => [r?.name, r?.version])).toEqual([
      ['새 r010', 2],
      ['새 r029a', 1],
      ['기관 7', 1],
    ]);
  });

  it('applies a page sent to the database in parts like one batch: later changes of a record win', async () => {
    const db = await freshDb();
    const id = (n: number) => `w${String(n).padStart(3, '0')}`;
    // 250 new records, then in later parts of the same page two updates of w005 and w120
    const page = [
      ...Array.from({ length: 250 }, (_, n) => fullChange(id(n), other(0))),
      fullChange(id(5), other(1), { name: '두 번째' }),
      fullChange(id(120), other(2), { employees: 12 }),
      fullChange(id(5), other(3), { name: '세 번째' }),
    ];
    const result = await applyRemote(db, page, { cursor: '253' });
    expect(result).toEqual({ applied: 253, unchanged: 0, keptAside: 0, conflicts: 0 });
    const rows = await entityTable(db, 'organization').bulkGet([id(5), id(120), id(249)]);
    expect(rows.map((r) => [r?.name, r?.employees, r?.version])).toEqual([
      ['세 번째', 7, 3],
      ['기관 7', 12, 2],
      ['기관 7', 7, 1],
    ]);
    expect(await entityTable(db, 'organization').count()).toBe(250);
    const history = await readHistory(db);
    expect(history).toHaveLength(253);
    expect(history.filter((h) => h.recordId === id(5)).map((h) => [h.op, h.version])).toEqual([
      ['create', 1],
      ['update', 2],
      ['update', 3],
    ]);
    expect((await db.settings.get('syncCursor'))?.value).toBe('253');
  });

  it('stores the cursor with the page, in its transaction: both or neither', async () => {
    const db = await freshDb();
    const cursorOf = async () => (await db.settings.get('syncCursor'))?.value;
    await applyRemote(db, [fullChange('c1', other(0))], { cursor: '5' });
    expect(await cursorOf()).toBe('5');
    // a failing write aborts the page: its records and its cursor stay out together
    entityTable(db, 'organization').hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(applyRemote(db, [fullChange('c2', other(0))], { cursor: '9' })).rejects.toThrow();
    expect(await cursorOf()).toBe('5');
    expect(await entityTable(db, 'organization').get('c2')).toBeUndefined();
  });
});
