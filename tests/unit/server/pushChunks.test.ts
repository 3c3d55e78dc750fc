/**
 * A push merged and written in chunks (server/sync/push.ts: on PostgreSQL a chunk's write runs
 * while the next chunk is merged) leaves exactly what one write of the whole push leaves: the
 * same answer, records, change log in the same order, ledger and conflict log — also when a
 * record made in one chunk changes again in a later one, or a change is a duplicate or refused.
 */
import { expect, it } from 'vitest';
import type { TokenPrincipal } from '../../../server/auth/tokens';
import { applyPush } from '../../../server/sync/push';
import type { PushRequest } from '../../../shared/sync/protocol';
import { created, describeBackends, mutation, stamp, type ServerCtx } from './harness';

const T0 = Date.UTC(2026, 0, 5);
const gumi: TokenPrincipal = { tokenId: 'test', clusterCode: 'gumi', role: 'team' };
const name = (value: string, ms: number, device: string, base?: string) => ({
  name: { value, hlc: stamp(ms, device), ...(base ? { base } : {}) },
});

const request = (deviceId: string, mutations: unknown[]) =>
  ({ protocol: 1, deviceId, mutations }) as PushRequest;

/** Earlier pushes: DEVA's record `a`, and DEVB's `z` (whose mutation DEVB will resend). */
const setUp = [
  request('DEVA', [created('organization', 'a', 'gumi', name('A0', T0 + 1, 'DEVA'), 'mA0')]),
  request('DEVB', [created('organization', 'z', 'gumi', name('Z0', T0 + 2, 'DEVB'), 'mB0')]),
];

const mainPush = request('DEVB', [
  created('organization', 'b', 'gumi', name('B1', T0 + 10, 'DEVB'), 'mB1'),
  // concurrent with DEVA's write (no base), and newer: DEVA's value is logged as lost
  mutation('organization', 'a', 'gumi', name('A-b', T0 + 5, 'DEVB'), 'mB2'),
  // `b` again, made by the first mutation: an UPDATE when the chunks part them
  mutation('organization', 'b', 'gumi', name('B2', T0 + 11, 'DEVB', stamp(T0 + 10, 'DEVB')), 'mB3'),
  created('organization', 'b', 'gumi', name('B1', T0 + 10, 'DEVB'), 'mB1'), // repeated in the request
  created('organization', 'c', 'gumi', name('C1', T0 + 12, 'DEVB'), 'mB4'),
  mutation(
    'organization',
    'c',
    'gumi',
    { phone: { value: '054-000-0000', hlc: stamp(T0 + 13, 'DEVB') } },
    'mB5',
  ),
  mutation('organization', 'a', 'gumi', name('A-old', T0 + 2, 'DEVB'), 'mB6'), // older: no change
  mutation('organization', 'd', 'gumi', name('D1', T0 + 14, 'DEVB'), 'mB7'), // not whole: refused
  created('organization', 'z', 'gumi', name('Z0', T0 + 2, 'DEVB'), 'mB0'), // sent before
  created('organization', 'e', 'other', name('E1', T0 + 15, 'DEVB'), 'mB8'), // another cluster's
  mutation(
    'organization',
    'b',
    'gumi',
    { deleted: { value: 1, hlc: stamp(T0 + 16, 'DEVB') } },
    'mB9',
  ),
]);

async function pushWithChunks(ctx: ServerCtx, writeChunk: number) {
  await ctx.db.exec('TRUNCATE records, changes, push_ledger, devices, conflicts');
  for (const req of setUp) await applyPush(ctx.db, gumi, req, T0 + 100);
  const answer = await applyPush(ctx.db, gumi, mainPush, T0 + 100, { writeChunk });
  const rows = async (sql: string) => (await ctx.db.query(sql)).rows;
  return {
    answer: { results: answer.results, conflicts: answer.conflicts },
    records: await rows('SELECT entity, id, cluster_id, fields, shared FROM records ORDER BY id'),
    changes: await rows(
      'SELECT entity, id, cluster_id, shared, fields, device_id, who FROM changes ORDER BY seq',
    ),
    ledger: await rows(
      'SELECT device_id, m FROM push_ledger, unnest(ids) AS m ORDER BY device_id, m',
    ),
    conflicts: await rows(
      'SELECT device_id, entity, record_id, field, lost_value, lost_hlc, won_value, won_hlc FROM conflicts ORDER BY seq',
    ),
  };
}

describeBackends('push written in chunks', (ctx) => {
  it('leaves what one write of the whole push leaves, for every chunk size', async () => {
    const whole = await pushWithChunks(ctx, Infinity);
    // the scenario does what it says
    expect(whole.answer.results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'duplicate',
      'applied',
      'applied',
      'applied',
      'refused',
      'duplicate',
      'refused',
      'applied',
    ]);
    const b = whole.records.find((r) => r.id === 'b') as { fields: Record<string, unknown> };
    expect(b.fields.name).toMatchObject({ value: 'B2' });
    expect(b.fields.deleted).toMatchObject({ value: 1 });
    expect(whole.changes.map((c) => c.id)).toEqual(['a', 'z', 'b', 'a', 'b', 'c', 'c', 'b']);
    expect(whole.conflicts).toEqual([
      expect.objectContaining({ device_id: 'DEVA', lost_value: 'A0' }),
    ]);
    for (const writeChunk of [1, 2, 3, 5]) {
      expect(await pushWithChunks(ctx, writeChunk), `writeChunk ${writeChunk}`).toEqual(whole);
    }
  });
});
