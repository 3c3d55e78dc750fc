/**
 * The per-push mutation ledger (migration 0003) and the sender's `who`: a duplicate is exact per
 * mutation id whatever order batches arrive in (sync by file imports them late or twice), and
 * the sender's profile is validated, kept in the change log and returned on pull.
 */
import { expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate';
import { pullResponseSchema } from '../../../shared/sync/protocol';
import {
  BACKENDS,
  created,
  describeBackends,
  freshDb,
  push,
  stamp,
  type ServerCtx,
} from './harness';

const T0 = Date.UTC(2026, 0, 5);

const org = (id: string, name: string, ms: number, mutationId: string) =>
  created(
    'organization',
    id,
    'gumi',
    { name: { value: name, hlc: stamp(ms, 'DEVL') } },
    mutationId,
  );

async function statuses(ctx: ServerCtx, token: string, mutations: unknown[]) {
  const r = await ctx.call('POST', '/v1/sync/push', { token, body: push('DEVL', mutations) });
  expect(r.status).toBe(200);
  return r.body.results.map((x: { status: string }) => x.status);
}

describeBackends('push ledger and who', (ctx) => {
  it('judges each mutation id exactly, for batches out of order and overlapping', async () => {
    const gumi = await ctx.token('team', 'gumi');
    // a later batch first (a file imported before an older one), then the older one
    expect(
      await statuses(ctx, gumi, [org('b', 'B', T0 + 20, 'id-20'), org('c', 'C', T0 + 30, 'id-30')]),
    ).toEqual(['applied', 'applied']);
    expect(
      await statuses(ctx, gumi, [org('a', 'A', T0 + 10, 'id-10'), org('d', 'D', T0 + 25, 'id-25')]),
    ).toEqual(['applied', 'applied']);
    // overlapping every range: only the ids never seen apply
    expect(
      await statuses(ctx, gumi, [
        org('a', 'A', T0 + 10, 'id-10'),
        org('e', 'E', T0 + 15, 'id-15'),
        org('c', 'C', T0 + 30, 'id-30'),
        org('f', 'F', T0 + 40, 'id-40'),
      ]),
    ).toEqual(['duplicate', 'applied', 'duplicate', 'applied']);
    // another device may use the same ids: the ledger is per device
    const r = await ctx.call('POST', '/v1/sync/push', {
      token: gumi,
      body: push('DEVM', [
        created(
          'organization',
          'g',
          'gumi',
          { name: { value: 'G', hlc: stamp(T0, 'DEVM') } },
          'id-10',
        ),
      ]),
    });
    expect(r.body.results[0].status).toBe('applied');
    const n = await ctx.db.query('SELECT seq FROM changes');
    expect(n.rows).toHaveLength(7);
  });

  it('keeps the sender’s who in the change log and returns it on pull', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const withWho = org('w', '누가', T0, 'w-1');
    const r = await ctx.call('POST', '/v1/sync/push', {
      token: gumi,
      body: push('DEVL', [
        {
          ...withWho,
          change: { ...withWho.change, who: { name: '김코디', role: 'coordinator', extra: 'x' } },
        },
        org('n', '없음', T0 + 1, 'w-2'),
      ]),
    });
    expect(r.status).toBe(200);
    const pulled = pullResponseSchema.parse(
      (await ctx.call('GET', '/v1/sync/pull', { token: gumi })).body,
    );
    // unknown keys of who are dropped, never stored
    expect(pulled.changes.map((c) => c.who)).toEqual([
      { name: '김코디', role: 'coordinator' },
      undefined,
    ]);
  });

  it('refuses a who beyond its limits with a clear request error', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const m = org('x', 'X', T0, 'x-1');
    const r = await ctx.call('POST', '/v1/sync/push', {
      token: gumi,
      body: push('DEVL', [{ ...m, change: { ...m.change, who: { name: '가'.repeat(101) } } }]),
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_request');
    expect(r.body.message).toContain('who');
  });
});

for (const backend of BACKENDS) {
  it(`[${backend}] migration 0003 carries the old per-mutation ledger over`, async () => {
    const fresh = await freshDb(backend);
    try {
      await migrate(fresh.db, { upTo: 2 });
      await fresh.db.query(
        `INSERT INTO applied_mutations (device_id, mutation_id) VALUES ('D1', 'm-b'), ('D1', 'm-a'), ('D2', 'm-z')`,
      );
      await migrate(fresh.db);
      const rows = await fresh.db.query<{
        device_id: string;
        first_id: string;
        last_id: string;
        ids: string[];
      }>('SELECT device_id, first_id, last_id, ids FROM push_ledger ORDER BY device_id');
      expect(rows.rows.map((r) => ({ ...r, ids: [...r.ids].sort() }))).toEqual([
        { device_id: 'D1', first_id: 'm-a', last_id: 'm-b', ids: ['m-a', 'm-b'] },
        { device_id: 'D2', first_id: 'm-z', last_id: 'm-z', ids: ['m-z'] },
      ]);
    } finally {
      await fresh.close();
    }
  }, 180_000);
}
