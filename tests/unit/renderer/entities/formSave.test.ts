import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { getEntity } from '../../../../shared/registry';
import { mutate } from '../../../../renderer/db/mutate';
import { entityTable } from '../../../../renderer/db/db';
import { applyChoices, allChosen } from '../../../../renderer/features/entities/fieldConflicts';
import { saveConflicts, saveMutation } from '../../../../renderer/features/entities/formSave';
import { recordToFormValues } from '../../../../renderer/features/entities/formValues';
import { freshDb, orgValues } from '../db/helpers';

const org = getEntity('organization');

/** Two forms opened on one record, as two tabs would. */
async function twoFormsOnOneRecord() {
  const db = await freshDb();
  const created = await mutate(db, [
    { entity: 'organization', op: 'create', values: orgValues(1, { employees: 10 }) },
  ]);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const record = created.records[0] as Record<string, unknown> & { id: string };
  const open = () => ({ base: { ...record }, values: recordToFormValues(org, record) });
  return { db, id: record.id, tabA: open(), tabB: open() };
}

describe('a form save', () => {
  it('sends only the changed fields, each expected at its value when the form opened', () => {
    const base = { name: '가', employees: 10, website: 'https://a.example' };
    const values = { ...recordToFormValues(org, base), employees: '11', website: '' };
    expect(saveMutation(org, 'R1', 'gumi', { base, values })).toEqual({
      entity: 'organization',
      op: 'update',
      id: 'R1',
      values: { employees: 11, website: null },
      expect: { employees: 10, website: 'https://a.example' },
    });
    expect(saveMutation(org, 'R1', 'gumi', { base, values: recordToFormValues(org, base) })).toBe(
      null,
    );
  });

  it('creates a new record unconditionally, in the given cluster', () => {
    const values = { ...recordToFormValues(org, undefined), name: '새', kind: 'company' };
    expect(saveMutation(org, undefined, 'gumi', { base: {}, values })).toMatchObject({
      op: 'create',
      clusterId: 'gumi',
      values: { name: '새', kind: 'company' },
    });
  });

  it('from a second tab: refused with both values, then saved as chosen, conditionally again', async () => {
    const { db, id, tabA, tabB } = await twoFormsOnOneRecord();
    const saveA = saveMutation(org, id, undefined, {
      ...tabA,
      values: { ...tabA.values, employees: '99' },
    });
    expect((await mutate(db, [saveA!])).ok).toBe(true);

    const stateB = { ...tabB, values: { ...tabB.values, employees: '50', name: '새 이름' } };
    const refused = await mutate(db, [saveMutation(org, id, undefined, stateB)!]);
    if (refused.ok) throw new Error('the second save must be refused');
    const conflicts = saveConflicts(refused.errors, stateB);
    expect(conflicts).toEqual([{ field: 'employees', theirs: 99, mine: '50' }]);
    // Nothing silently kept: not the conflicting field, not the other one.
    expect(await entityTable(db, 'organization').get(id)).toMatchObject({
      employees: 99,
      name: '기관 1',
    });

    expect(allChosen(conflicts, {})).toBe(false);
    const mine = applyChoices(org, stateB, conflicts, { employees: 'mine' });
    expect(allChosen(conflicts, { employees: 'mine' })).toBe(true);
    const retry = saveMutation(org, id, undefined, mine);
    expect(retry).toMatchObject({
      values: { employees: 50, name: '새 이름' },
      expect: { employees: 99, name: '기관 1' },
    });
    expect((await mutate(db, [retry!])).ok).toBe(true);
    expect(await entityTable(db, 'organization').get(id)).toMatchObject({
      employees: 50,
      name: '새 이름',
    });
  });

  it("from a second tab that changed another field: saved, and the first tab's field is kept", async () => {
    const { db, id, tabA, tabB } = await twoFormsOnOneRecord();
    const stateA = { ...tabA, values: { ...tabA.values, representative: '김대표' } };
    expect((await mutate(db, [saveMutation(org, id, undefined, stateA)!])).ok).toBe(true);
    const stateB = { ...tabB, values: { ...tabB.values, employees: '50' } };
    expect((await mutate(db, [saveMutation(org, id, undefined, stateB)!])).ok).toBe(true);
    expect(await entityTable(db, 'organization').get(id)).toMatchObject({
      employees: 50,
      representative: '김대표',
    });
  });

  it('keeping the saved value drops the field from the save', () => {
    const base = { name: '가', employees: 10 };
    const state = { base, values: { ...recordToFormValues(org, base), employees: '50' } };
    const conflicts = [{ field: 'employees', theirs: 99, mine: '50' as const }];
    const theirs = applyChoices(org, state, conflicts, { employees: 'theirs' });
    expect(theirs.values.employees).toBe('99');
    expect(theirs.base.employees).toBe(99);
    expect(saveMutation(org, 'R1', undefined, theirs)).toBeNull();
  });
});
