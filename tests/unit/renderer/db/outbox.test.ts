import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { mutate } from '../../../../renderer/db/mutate';
import { ackOutbox, countOutbox, readOutbox } from '../../../../renderer/db/outbox';
import { WRITE_CHUNK } from '../../../../renderer/db/schema';
import type { Mutation } from '../../../../renderer/db/apply';
import { freshDb, orgValues } from './helpers';

const creates = (n: number, from = 0): Mutation[] =>
  Array.from({ length: n }, (_, i) => ({
    entity: 'organization',
    op: 'create',
    id: `o${from + i}`,
    values: orgValues(from + i),
  }));

async function withPending(n: number) {
  const db = await freshDb();
  const result = await mutate(db, creates(n));
  if (!result.ok) throw new Error('setup failed');
  return { db, stamps: result.records.map((r) => r.hlc) };
}

describe('outbox (chunked storage behind a list API)', () => {
  it('reads the oldest writes first, across chunks, up to the limit', async () => {
    const { db, stamps } = await withPending(WRITE_CHUNK + 10);
    const first = await readOutbox(db, WRITE_CHUNK + 5);
    expect(first.map((e) => e.id)).toEqual(stamps.slice(0, WRITE_CHUNK + 5));
    expect(first[0]).toEqual({
      id: stamps[0],
      hlc: stamps[0],
      entity: 'organization',
      recordId: 'o0',
      op: 'create',
      version: 1,
    });
    expect(await countOutbox(db)).toBe(WRITE_CHUNK + 10);
  });

  it('acknowledging removes exactly the given writes, whole chunks or parts of one', async () => {
    const { db, stamps } = await withPending(WRITE_CHUNK + 10);
    await ackOutbox(db, stamps.slice(0, WRITE_CHUNK + 3)); // chunk 1 whole, chunk 2 in part
    expect(await countOutbox(db)).toBe(7);
    expect((await readOutbox(db)).map((e) => e.id)).toEqual(stamps.slice(WRITE_CHUNK + 3));
    expect(await db.outbox.count()).toBe(1);
    await ackOutbox(db, stamps.slice(WRITE_CHUNK + 3));
    expect(await countOutbox(db)).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('acknowledging unknown or already acknowledged ids changes nothing', async () => {
    const { db, stamps } = await withPending(3);
    await ackOutbox(db, [stamps[1] as string]);
    await ackOutbox(db, [stamps[1] as string, '0000000000000-0000-X']);
    await ackOutbox(db, []);
    expect((await readOutbox(db)).map((e) => e.id)).toEqual([stamps[0], stamps[2]]);
  });

  it('keeps writes made after the pushed ones', async () => {
    const { db, stamps } = await withPending(2);
    const pushed = await readOutbox(db);
    await mutate(db, [{ entity: 'organization', op: 'delete', id: 'o0' }]);
    await ackOutbox(
      db,
      pushed.map((e) => e.id),
    );
    const rest = await readOutbox(db);
    expect(rest.map((e) => [e.recordId, e.op])).toEqual([['o0', 'delete']]);
    expect((rest[0]?.id ?? '') > (stamps[1] as string)).toBe(true);
  });
});
