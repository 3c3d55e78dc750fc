import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { entityTable } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import { conflictsOf, isConflictError, sameStoredValue } from '../../../../renderer/db/expect';
import { readHistory, readOutbox } from '../../../../renderer/db/outbox';
import type { PumasiDb } from '../../../../renderer/db/db';
import { freshDb, orgValues } from './helpers';

async function createOrg(db: PumasiDb, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await mutate(db, [
    { entity: 'organization', op: 'create', values: orgValues(1, extra) },
  ]);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.records[0]?.id as string;
}

describe('sameStoredValue', () => {
  it('treats absent, undefined and null alike and compares lists and objects by content', () => {
    expect(sameStoredValue(undefined, null)).toBe(true);
    expect(sameStoredValue(10, 10)).toBe(true);
    expect(sameStoredValue(10, '10')).toBe(false);
    expect(sameStoredValue(0, null)).toBe(false);
    expect(sameStoredValue('', null)).toBe(false);
    expect(sameStoredValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameStoredValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameStoredValue(['a'], { 0: 'a' })).toBe(false);
    expect(sameStoredValue({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(sameStoredValue({ a: 1 }, { a: 2 })).toBe(false);
  });
});

describe('mutate: update with expect', () => {
  it('applies when every expected field still holds its value', async () => {
    const db = await freshDb();
    const id = await createOrg(db, { employees: 10 });
    const r = await mutate(db, [
      {
        entity: 'organization',
        op: 'update',
        id,
        values: { employees: 50 },
        expect: { employees: 10, website: null }, // absent field expected blank
      },
    ]);
    expect(r.ok).toBe(true);
    expect((await entityTable(db, 'organization').get(id))?.employees).toBe(50);
  });

  it('refuses a field changed since, listing field, expected and current, and writes nothing', async () => {
    const db = await freshDb();
    const id = await createOrg(db, { employees: 10 });
    // Another tab saved 99 after this form had read 10.
    const other = await mutate(db, [
      { entity: 'organization', op: 'update', id, values: { employees: 99 } },
    ]);
    expect(other.ok).toBe(true);
    const before = await entityTable(db, 'organization').get(id);
    const [history, outbox] = [await readHistory(db), await readOutbox(db)];

    const r = await mutate(db, [
      {
        entity: 'organization',
        op: 'update',
        id,
        values: { employees: 50, name: '새 이름' },
        expect: { employees: 10, name: '기관 1' },
      },
    ]);
    if (r.ok) throw new Error('expected a conflict');
    expect(r.errors).toHaveLength(1);
    const [conflict] = conflictsOf(r.errors);
    expect(conflict).toMatchObject({
      index: 0,
      field: 'employees',
      kind: 'conflict',
      expected: 10,
      current: 99,
    });
    expect(conflict?.message).toContain('종업원');
    expect(conflict?.message).toContain('다른 곳에서');
    // Nothing written: not even the unchanged `name` of the same update.
    expect(await entityTable(db, 'organization').get(id)).toEqual(before);
    expect(await readHistory(db)).toEqual(history);
    expect(await readOutbox(db)).toEqual(outbox);
  });

  it('reports a cleared field as current null, in the asked language', async () => {
    const db = await freshDb();
    const id = await createOrg(db, { employees: 10 });
    await mutate(db, [{ entity: 'organization', op: 'update', id, values: { employees: null } }]);
    const r = await mutate(
      db,
      [
        {
          entity: 'organization',
          op: 'update',
          id,
          values: { employees: 3 },
          expect: { employees: 10 },
        },
      ],
      { lang: 'en' },
    );
    if (r.ok) throw new Error('expected a conflict');
    expect(r.errors[0]).toMatchObject({ field: 'employees', expected: 10, current: null });
    expect(r.errors[0]?.message).toMatch(/changed elsewhere/);
  });

  it('checks against earlier mutations of the same batch, and one conflict rejects the batch', async () => {
    const db = await freshDb();
    const id = await createOrg(db, { employees: 10 });
    const second = await createOrg(db, { name: '둘째', employees: 1 });
    const r = await mutate(db, [
      { entity: 'organization', op: 'update', id: second, values: { employees: 2 } },
      { entity: 'organization', op: 'update', id, values: { employees: 20 } },
      {
        entity: 'organization',
        op: 'update',
        id,
        values: { employees: 30 },
        expect: { employees: 10 },
      },
    ]);
    if (r.ok) throw new Error('expected a conflict');
    expect(r.errors.map((e) => [e.index, e.field, isConflictError(e)])).toEqual([
      [2, 'employees', true],
    ]);
    expect(conflictsOf(r.errors)[0]?.current).toBe(20);
    // The whole batch rolled back, the first two updates included.
    expect((await entityTable(db, 'organization').get(id))?.employees).toBe(10);
    expect((await entityTable(db, 'organization').get(second))?.employees).toBe(1);
  });

  it('compares list values by content', async () => {
    const db = await freshDb();
    const created = await mutate(db, [
      { entity: 'expert', op: 'create', values: { name: '김광', expertise: ['LED', '광'] } },
    ]);
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const id = created.records[0]?.id as string;
    const update = (expected: string[]) =>
      mutate(db, [
        {
          entity: 'expert',
          op: 'update',
          id,
          values: { expertise: ['LED'] },
          expect: { expertise: expected },
        },
      ]);
    expect((await update(['광', 'LED'])).ok).toBe(false);
    expect((await update(['LED', '광'])).ok).toBe(true);
  });

  it('leaves a missing record to the usual not-found error', async () => {
    const db = await freshDb();
    const r = await mutate(db, [
      {
        entity: 'organization',
        op: 'update',
        id: '01J00000000000000000000000',
        values: { employees: 1 },
        expect: { employees: 0 },
      },
    ]);
    if (r.ok) throw new Error('expected an error');
    expect(conflictsOf(r.errors)).toEqual([]);
    expect(r.errors[0]?.field).toBe('id');
  });
});
