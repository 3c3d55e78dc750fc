import { describe, expect, it, vi } from 'vitest';
import { freshDb, orgValues } from '../db/helpers';
import { mutate } from '../../../../renderer/db/mutate';
import { setSetting } from '../../../../renderer/db/settings';
import {
  countTables,
  recheckUnverified,
  verifyAfterFailedWrite,
} from '../../../../renderer/db/storageGuard/verify';

const TABLES = ['organizations', 'importLog'];

async function setUpDb() {
  const db = await freshDb();
  await setSetting(db, 'firstRunDone', true);
  const written = await mutate(db, [
    { entity: 'organization', op: 'create', values: orgValues(1) },
  ]);
  expect(written.ok).toBe(true);
  const counts = await countTables(db, TABLES);
  const before = { organizations: counts[0]!, importLog: counts[1]! };
  return { db, before };
}

describe('what is still there after a failed write', () => {
  it('a rolled-back write is verified: listed, set up, counts unchanged', async () => {
    const { db, before } = await setUpDb();
    const outcome = await verifyAfterFailedWrite(
      { db, databaseNames: async () => [db.name] },
      before,
      ['organizations'],
    );
    expect(outcome).toEqual({ kind: 'rolledBack', recordCount: 1 });
  });

  it('a database no longer listed is lost, and is not re-created by the check', async () => {
    const { db, before } = await setUpDb();
    db.close();
    const outcome = await verifyAfterFailedWrite({ db, databaseNames: async () => [] }, before, [
      'organizations',
    ]);
    expect(outcome).toEqual({ kind: 'lost' });
    expect(db.isOpen()).toBe(false);
  });

  it('a database that came back empty (no first-run setting) is lost', async () => {
    const { db, before } = await setUpDb();
    await db.settings.delete('firstRunDone');
    const outcome = await verifyAfterFailedWrite(
      { db, databaseNames: async () => [db.name] },
      before,
      ['organizations'],
    );
    expect(outcome.kind).toBe('lost');
  });

  it('changed counts cannot be called "nothing saved"', async () => {
    const { db, before } = await setUpDb();
    await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(2) }]);
    const outcome = await verifyAfterFailedWrite({ db, databaseNames: async () => null }, before, [
      'organizations',
    ]);
    expect(outcome).toEqual({ kind: 'unverified' });
  });

  it('a read that fails while the database leaves the list is a lost database', async () => {
    const { db, before } = await setUpDb();
    let calls = 0;
    // Reads fail, as while the browser is deleting the database under us.
    vi.spyOn(db.settings, 'get').mockRejectedValue(new DOMException('gone', 'UnknownError'));
    const outcome = await verifyAfterFailedWrite(
      { db, databaseNames: async () => (++calls === 1 ? [db.name] : []) },
      before,
      ['organizations'],
    );
    expect(calls).toBe(2);
    expect(outcome).toEqual({ kind: 'lost' });
  });

  it('after a check that could not tell, a database gone from the list is lost', async () => {
    const { db } = await setUpDb();
    expect(await recheckUnverified({ db, databaseNames: async () => [] })).toEqual({
      kind: 'lost',
    });
    expect(await recheckUnverified({ db, databaseNames: async () => [db.name] })).toEqual({
      kind: 'unverified',
    });
    expect(await recheckUnverified({ db, databaseNames: async () => null })).toEqual({
      kind: 'unverified',
    });
    const failing = { db, databaseNames: () => Promise.reject(new Error('boom')) };
    expect(await recheckUnverified(failing)).toEqual({ kind: 'unverified' });
  });

  it('a connection the browser closed is opened again to check (the database is listed)', async () => {
    const { db, before } = await setUpDb();
    db.close();
    const outcome = await verifyAfterFailedWrite(
      { db, databaseNames: async () => [db.name] },
      before,
      ['organizations'],
    );
    expect(outcome).toEqual({ kind: 'rolledBack', recordCount: 1 });
  });

  it('a check that fails says it could not tell', async () => {
    const { db, before } = await setUpDb();
    const outcome = await verifyAfterFailedWrite(
      { db, databaseNames: () => Promise.reject(new Error('boom')) },
      before,
      ['organizations'],
    );
    expect(outcome).toEqual({ kind: 'unverified' });
  });
});
