import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDb, mutate, setSetting } from '../../../../renderer/db';
import { peekRecords, retainRecords } from '../../../../renderer/db/liveRecords';
import { brnCheckDigit } from '../../../../shared/korean/ids';

const brn = (first9: string) => `${first9}${brnCheckDigit(first9)}`;

/** Waits (bounded) until the condition holds; liveQuery answers asynchronously. */
async function until<T>(read: () => T | undefined, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = read();
    if (v !== undefined && ok(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached');
}

describe('shared live record sets', () => {
  it('reads once per entity, follows writes, and leaves tombstones out', async () => {
    const db = getDb();
    await setSetting(db, 'clusterId', 'gumi');
    const releaseA = retainRecords('organization');
    const releaseB = retainRecords('organization');
    const empty = await until(
      () => peekRecords('organization'),
      () => true,
    );
    expect(empty).toEqual([]);

    const created = await mutate(db, [
      {
        entity: 'organization',
        op: 'create',
        values: { name: '㈜가나', kind: '기업', brn: brn('220816251') },
      },
    ]);
    expect(created.ok).toBe(true);
    const one = await until(
      () => peekRecords('organization'),
      (v) => v.length === 1,
    );
    expect(one[0]?.name).toBe('㈜가나');

    const id = one[0]!.id;
    await mutate(db, [{ entity: 'organization', op: 'delete', id }]);
    await until(
      () => peekRecords('organization'),
      (v) => v.length === 0,
    );

    // Releasing is counted: one reader left keeps the set subscribed and current.
    releaseA();
    releaseA(); // a second call of the same release changes nothing
    await mutate(db, [{ entity: 'organization', op: 'restore', id }]);
    const back = await until(
      () => peekRecords('organization'),
      (v) => v.length === 1,
    );
    expect(back[0]?.id).toBe(id);
    releaseB();
  });
});
