import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { mutate } from '../../../../renderer/db/mutate';
import { outboxEntrySchema } from '../../../../renderer/db/backupRows';
import { countOutbox, readOutbox } from '../../../../renderer/db/outbox';
import { ackPushed, buildPushBatch } from '../../../../renderer/db/push';
import { queryConflicts, queryKeptAside } from '../../../../renderer/db/remoteApply';
import { getDeviceId } from '../../../../renderer/db/settings';
import { formatHlc } from '../../../../shared/sync/hlc';
import { freshDb, orgValues } from './helpers';

const update = (id: string, values: Record<string, unknown>) =>
  ({ entity: 'organization', op: 'update', id, values }) as const;

async function seeded() {
  const db = await freshDb();
  await mutate(db, [
    { entity: 'organization', op: 'create', id: 'a', values: orgValues(1) },
    { entity: 'organization', op: 'create', id: 'b', values: orgValues(2) },
  ]);
  return db;
}

describe('push batches', () => {
  it('collapses several edits of a record into one mutation named by its newest stamp', async () => {
    const db = await seeded();
    await mutate(db, [update('a', { name: '첫 이름' })]);
    await mutate(db, [update('a', { name: '둘째 이름', employees: 5 })]);
    const { mutations, ackToken } = await buildPushBatch(db);
    expect(ackToken).not.toBe('');
    expect(mutations.map((m) => m.change.id)).toEqual(['b', 'a']); // ascending ids: b's is older
    const a = mutations[1];
    expect(a?.change.fields['name']).toMatchObject({ value: '둘째 이름', base: null });
    expect(a?.change.fields['employees']?.value).toBe(5);
    expect(a?.mutationId).toBe(a?.change.fields['name']?.hlc);
    expect(a?.mutationId.endsWith(await getDeviceId(db))).toBe(true);
  });

  it('a retry gets the very same mutation ids and payloads, even after more edits', async () => {
    const db = await seeded();
    await mutate(db, [update('a', { name: '보낼 이름' })]);
    const first = await buildPushBatch(db, 10);
    await mutate(db, [update('a', { name: '나중 이름' })]); // made while the push was in flight
    const retry = await buildPushBatch(db, 10);
    expect(retry).toEqual(first);
    expect(JSON.stringify(retry)).toContain('보낼 이름');

    expect(await ackPushed(db, 'not-the-token')).toBe(false);
    expect(await ackPushed(db, first.ackToken)).toBe(true);
    expect(await ackPushed(db, first.ackToken)).toBe(false); // acknowledged once only
    expect(await countOutbox(db)).toBe(1); // the later edit
    const next = await buildPushBatch(db, 10);
    expect(next.mutations).toHaveLength(1);
    const name = next.mutations[0]?.change.fields['name'];
    expect(name?.value).toBe('나중 이름');
    // Its base is the stamp of the pushed value: the server sees a sequential edit.
    expect(name?.base).toBe(
      first.mutations.find((m) => m.change.id === 'a')?.change.fields['name']?.hlc,
    );
    expect(next.mutations[0]?.change.fields).not.toHaveProperty('kind'); // only what changed
  });

  it('sends at most `limit` records per batch, the rest in the next one', async () => {
    const db = await seeded();
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'c', values: orgValues(3) }]);
    const one = await buildPushBatch(db, 2);
    expect(one.mutations.map((m) => m.change.id)).toEqual(['a', 'b']);
    await ackPushed(db, one.ackToken);
    const two = await buildPushBatch(db, 2);
    expect(two.mutations.map((m) => m.change.id)).toEqual(['c']);
    expect((two.mutations[0]?.mutationId ?? '') > (one.mutations[1]?.mutationId ?? '~')).toBe(true);
    await ackPushed(db, two.ackToken);
    expect(await buildPushBatch(db)).toEqual({ mutations: [], ackToken: '' });
    expect(await countOutbox(db)).toBe(0);
  });

  it('keeps refused mutations aside and files conflicts this device lost', async () => {
    const db = await seeded();
    const batch = await buildPushBatch(db);
    const [a, b] = batch.mutations;
    const lostHlc = a?.change.fields['name']?.hlc as string;
    const wonHlc = formatHlc({
      wallMs: Date.now() + 1,
      counter: 0,
      deviceId: '01HZZZZZZZZZZZZZZZZZZZZZZB',
    });
    await ackPushed(db, batch.ackToken, {
      results: [
        { mutationId: a?.mutationId as string, status: 'applied' },
        { mutationId: b?.mutationId as string, status: 'refused', reason: 'not_owner' },
      ],
      conflicts: [
        {
          entity: 'organization',
          id: 'a',
          field: 'name',
          lostValue: '기관 1',
          lostHlc,
          wonValue: '본부',
          wonHlc,
        },
      ],
    });
    expect((await queryKeptAside(db)).map((k) => [k.recordId, k.reason, k.direction])).toEqual([
      ['b', 'refused:not_owner', 'push'],
    ]);
    expect(await queryConflicts(db)).toMatchObject([
      { recordId: 'a', field: 'name', wonValue: '본부', source: 'push' },
    ]);
  });

  it('keeps an edit of a record the server lacks queued and sends the record whole, once', async () => {
    const db = await seeded();
    const first = await buildPushBatch(db);
    const [a, b] = first.mutations;
    // a's create is refused (a stamp days ahead): kept aside, as every refusal is
    await ackPushed(db, first.ackToken, {
      results: [
        { mutationId: a?.mutationId as string, status: 'refused', reason: 'stamp_in_future' },
        { mutationId: b?.mutationId as string, status: 'applied' },
      ],
      conflicts: [],
    });
    await mutate(db, [update('a', { name: '고친 이름' })]);
    const edit = await buildPushBatch(db);
    expect(Object.keys(edit.mutations[0]?.change.fields ?? {})).toEqual(['name']);
    const refused = (ackToken: string, mutationId: string) =>
      ackPushed(db, ackToken, {
        results: [{ mutationId, status: 'refused', reason: 'unknown_record_incomplete' }],
        conflicts: [],
      });
    expect(await refused(edit.ackToken, edit.mutations[0]?.mutationId as string)).toBe(true);
    // not kept aside: still queued (pending), marked to go whole; a backup still accepts it
    expect((await queryKeptAside(db)).map((k) => k.reason)).toEqual(['refused:stamp_in_future']);
    const queued = await readOutbox(db);
    expect(queued.map((e) => [e.recordId, e.whole])).toEqual([['a', true]]);
    expect(outboxEntrySchema.safeParse(queued[0]).success).toBe(true);
    // the next batch sends a whole, as a create, under the same mutation id
    const whole = await buildPushBatch(db);
    const sent = whole.mutations[0];
    expect(sent?.mutationId).toBe(edit.mutations[0]?.mutationId);
    expect(Object.keys(sent?.change.fields ?? {})).toEqual(
      expect.arrayContaining(['name', 'kind', 'deleted']),
    );
    expect(sent?.change.fields['name']).toMatchObject({ value: '고친 이름', base: null });
    // refused again although whole (the server's registry disagrees): kept aside, not looped
    expect(await refused(whole.ackToken, sent?.mutationId as string)).toBe(true);
    expect(await countOutbox(db)).toBe(0);
    expect((await queryKeptAside(db)).map((k) => k.reason)).toEqual([
      'refused:stamp_in_future',
      'refused:unknown_record_incomplete',
    ]);
  });
});
