/**
 * Issue 9: the sender's profile (`who`) travels with each pushed mutation, frozen with the batch,
 * and a pulled change's `who` lands in the receiver's history entry.
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { mutate } from '../../../../renderer/db/mutate';
import { readHistory } from '../../../../renderer/db/outbox';
import { buildPushBatch } from '../../../../renderer/db/push';
import { applyRemote } from '../../../../renderer/db/remoteApply';
import { setSetting } from '../../../../renderer/db/settings';
import { formatHlc } from '../../../../shared/sync/hlc';
import { WHO_LIMITS, pushRequestSchema } from '../../../../shared/sync/protocol';
import { freshDb, orgValues } from './helpers';

const OTHER = '01HZZZZZZZZZZZZZZZZZZZZZZB';

describe('who on the wire', () => {
  it('pushes the profile with every mutation and repeats it exactly on a retry', async () => {
    const db = await freshDb();
    await setSetting(db, 'profile', { name: '김코디', role: 'coordinator' });
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'a', values: orgValues(1) }]);
    const first = await buildPushBatch(db);
    expect(first.mutations[0]?.change.who).toEqual({ name: '김코디', role: 'coordinator' });
    await setSetting(db, 'profile', { name: '다른 사람' });
    const retry = await buildPushBatch(db);
    expect(retry.mutations).toEqual(first.mutations); // frozen: the same who as first sent
  });

  it('sends no who without a profile, and cuts a long name to the server limit', async () => {
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'a', values: orgValues(1) }]);
    expect((await buildPushBatch(db)).mutations[0]?.change).not.toHaveProperty('who');

    const long = await freshDb();
    await setSetting(long, 'profile', { name: '가'.repeat(150) });
    await mutate(long, [{ entity: 'organization', op: 'create', id: 'a', values: orgValues(1) }]);
    const { mutations } = await buildPushBatch(long);
    expect(mutations[0]?.change.who?.name).toHaveLength(WHO_LIMITS.name);
    const body = { protocol: 1, deviceId: 'D', mutations };
    expect(pushRequestSchema.safeParse(body).success).toBe(true);
  });

  it('the protocol refuses a who beyond its limits', () => {
    const hlc = formatHlc({ wallMs: Date.UTC(2026, 0, 5), counter: 0, deviceId: OTHER });
    const withWho = (who: unknown) => ({
      protocol: 1,
      deviceId: 'D',
      mutations: [
        {
          mutationId: hlc,
          change: { entity: 'organization', id: 'a', clusterId: 'gumi', fields: {}, who },
        },
      ],
    });
    expect(pushRequestSchema.safeParse(withWho({ name: '김' })).success).toBe(true);
    expect(pushRequestSchema.safeParse(withWho({ name: '' })).success).toBe(false);
    expect(pushRequestSchema.safeParse(withWho({ name: 'a'.repeat(101) })).success).toBe(false);
    expect(pushRequestSchema.safeParse(withWho({ name: 'a', role: 'r'.repeat(41) })).success).toBe(
      false,
    );
  });

  it("writes a pulled change's who into the history entry it leaves", async () => {
    const db = await freshDb();
    const stamp = formatHlc({ wallMs: Date.now(), counter: 0, deviceId: OTHER });
    const fields = Object.fromEntries(
      Object.entries({ ...orgValues(3), deleted: 0 }).map(([k, v]) => [
        k,
        { value: v, hlc: stamp },
      ]),
    );
    await applyRemote(db, [
      {
        entity: 'organization',
        id: 'p1',
        clusterId: 'gumi',
        fields,
        who: { name: '박팀장', role: 'head' },
      },
      { entity: 'organization', id: 'p2', clusterId: 'gumi', fields },
    ]);
    const [withWho, without] = await readHistory(db);
    expect(withWho).toMatchObject({ recordId: 'p1', who: { name: '박팀장', role: 'head' } });
    expect(without?.recordId).toBe('p2');
    expect(without).not.toHaveProperty('who');
  });
});
