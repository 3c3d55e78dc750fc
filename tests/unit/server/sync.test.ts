import { expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '../../../shared/sync/protocol';
import { created, describeBackends, mutation, push, stamp, type ServerCtx } from './harness';

const T0 = Date.UTC(2026, 0, 5);

async function pushAs(ctx: ServerCtx, token: string, device: string, mutations: unknown[]) {
  const r = await ctx.call('POST', '/v1/sync/push', { token, body: push(device, mutations) });
  expect(r.status).toBe(200);
  return pushResponseSchema.parse(r.body) && r.body;
}

async function pullAll(ctx: ServerCtx, token: string) {
  const r = await ctx.call('GET', '/v1/sync/pull?after=0', { token });
  expect(r.status).toBe(200);
  return pullResponseSchema.parse(r.body);
}

describeBackends('server push and pull', (ctx) => {
  it('applies a push and returns the record with the sender’s stamps on pull', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const res = await pushAs(ctx, gumi, 'DEVA', [
      created('organization', 'o1', 'gumi', {
        name: { value: '구미정밀', hlc: stamp(T0, 'DEVA') },
        employees: { value: 42, hlc: stamp(T0, 'DEVA') },
      }),
    ]);
    expect(res.results.map((r: { status: string }) => r.status)).toEqual(['applied']);
    expect(typeof res.serverTime).toBe('number');
    const pulled = await pullAll(ctx, gumi);
    expect(pulled.changes).toEqual([
      {
        entity: 'organization',
        id: 'o1',
        clusterId: 'gumi',
        fields: {
          deleted: { value: 0, hlc: stamp(T0, 'DEVA') },
          name: { value: '구미정밀', hlc: stamp(T0, 'DEVA') },
          kind: { value: 'company', hlc: stamp(T0, 'DEVA') },
          employees: { value: 42, hlc: stamp(T0, 'DEVA') },
        },
      },
    ]);
  });

  it('refuses other owners’ records per mutation and applies the rest of the batch', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const ulsan = await ctx.token('team', 'ulsan');
    await pushAs(ctx, ulsan, 'DEVU', [
      created('organization', 'u1', 'ulsan', {
        name: { value: '울산화학', hlc: stamp(T0, 'DEVU') },
      }),
    ]);
    const res = await pushAs(ctx, gumi, 'DEVG', [
      mutation('organization', 'x1', 'ulsan', { name: { value: '침입', hlc: stamp(T0, 'DEVG') } }),
      mutation('organization', 'u1', 'gumi', {
        name: { value: '가로채기', hlc: stamp(T0 + 1, 'DEVG') },
      }),
      mutation('cluster', 'c1', 'gumi', { name: { value: '구미', hlc: stamp(T0, 'DEVG') } }),
      created('organization', 'g1', 'gumi', {
        name: { value: '구미전자', hlc: stamp(T0, 'DEVG') },
      }),
    ]);
    expect(
      res.results.map((r: { status: string; reason?: string }) => r.reason ?? r.status),
    ).toEqual(['not_owner', 'cluster_mismatch', 'central_only', 'applied']);
    expect(res.results[0].message).toMatch(/다른 클러스터/);
    const rows = await ctx.db.query<{ id: string; fields: { name: { value: string } } }>(
      'SELECT id, fields FROM records ORDER BY id',
    );
    expect(rows.rows.map((r) => [r.id, r.fields.name.value])).toEqual([
      ['g1', '구미전자'],
      ['u1', '울산화학'],
    ]);
  });

  it('lets hq write the central office’s records only', async () => {
    const hq = await ctx.token('hq');
    const res = await pushAs(ctx, hq, 'DEVH', [
      created('cluster', 'c-gumi', 'central', {
        code: { value: 'gumi', hlc: stamp(T0, 'DEVH') },
        name: { value: '구미 전자 혁신클러스터', hlc: stamp(T0, 'DEVH') },
      }),
      mutation('organization', 'g1', 'gumi', {
        name: { value: '구미전자', hlc: stamp(T0, 'DEVH') },
      }),
    ]);
    expect(
      res.results.map((r: { status: string; reason?: string }) => r.reason ?? r.status),
    ).toEqual(['applied', 'not_owner']);
  });

  it('validates entity, field names and values with the registry', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const res = await pushAs(ctx, gumi, 'DEVG', [
      mutation('spaceship', 's1', 'gumi', { name: { value: 'x', hlc: stamp(T0, 'DEVG') } }),
      mutation('organization', 'o1', 'gumi', { shoeSize: { value: 3, hlc: stamp(T0, 'DEVG') } }),
      mutation('organization', 'o2', 'gumi', {
        brn: { value: '123-45', hlc: stamp(T0, 'DEVG') },
      }),
      mutation('organization', 'o3', 'gumi', { deleted: { value: 7, hlc: stamp(T0, 'DEVG') } }),
      mutation('organization', 'o4', 'gumi', {
        name: { value: '미래', hlc: stamp(Date.now() + 3 * 86_400_000, 'DEVG') },
      }),
      created('organization', 'o5', 'gumi', {
        name: { value: '=HYPERLINK("x")', hlc: stamp(T0, 'DEVG') },
      }),
    ]);
    expect(
      res.results.map((r: { status: string; reason?: string }) => r.reason ?? r.status),
    ).toEqual([
      'unknown_entity',
      'unknown_field',
      'invalid_field',
      'invalid_field',
      'stamp_in_future',
      'applied', // text is stored as data; exporters neutralise formulas
    ]);
  });

  it('refuses an edit of a record it lacks, records nothing, and takes the whole record later', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const later = stamp(T0 + 10, 'DEVG');
    const edit = mutation('organization', 'o1', 'gumi', {
      representative: { value: '김대표', hlc: later, base: stamp(T0, 'DEVG') },
    });
    const loneDelete = mutation('organization', 'o2', 'gumi', {
      deleted: { value: 1, hlc: later },
    });
    // the edit of a record whose create never came; a tombstone alone; a create lacking `kind`
    const noKind = mutation('organization', 'o3', 'gumi', {
      name: { value: '반쪽', hlc: later },
      deleted: { value: 0, hlc: later },
    });
    const res = await pushAs(ctx, gumi, 'DEVG', [edit, loneDelete, noKind]);
    expect(res.results.map((r: { reason?: string }) => r.reason)).toEqual([
      'unknown_record_incomplete',
      'unknown_record_incomplete',
      'unknown_record_incomplete',
    ]);
    expect(res.results[0].message).toMatch(/서버에 없는 기록.*deleted/);
    expect(res.results[2].message).toMatch(/기관유형/);
    // nothing recorded: no record, no change-log row, no mutation id in the ledger
    const count = async (table: string) =>
      (await ctx.db.query(`SELECT 1 FROM ${table}`)).rows.length;
    expect([await count('records'), await count('changes'), await count('push_ledger')]).toEqual([
      0, 0, 0,
    ]);
    // the client sends the record whole (with the same mutation id): applied, not a duplicate
    const whole = created(
      'organization',
      'o1',
      'gumi',
      {
        name: { value: '구미정밀', hlc: stamp(T0, 'DEVG') },
        representative: { value: '김대표', hlc: later },
      },
      edit.mutationId,
    );
    const again = await pushAs(ctx, gumi, 'DEVG', [whole]);
    expect(again.results.map((r: { status: string }) => r.status)).toEqual(['applied']);
    const pulled = await pullAll(ctx, gumi);
    expect(pulled.changes.map((c) => [c.id, Object.keys(c.fields).sort()])).toEqual([
      ['o1', ['deleted', 'kind', 'name', 'representative']],
    ]);
    // now that the server has it, an edit alone is fine
    const next = await pushAs(ctx, gumi, 'DEVG', [
      mutation('organization', 'o1', 'gumi', {
        phone: { value: '054', hlc: stamp(T0 + 20, 'DEVG') },
      }),
    ]);
    expect(next.results.map((r: { status: string }) => r.status)).toEqual(['applied']);
  });

  it('applies a repeated push once: same results as duplicates, no new change-log rows', async () => {
    const gumi = await ctx.token('team', 'gumi');
    // the create and an edit of it in one request: the edit finds the record the create makes
    const batch = [
      created(
        'organization',
        'o1',
        'gumi',
        { name: { value: 'A', hlc: stamp(T0, 'DEVG') } },
        'mut-1',
      ),
      mutation(
        'organization',
        'o1',
        'gumi',
        { name: { value: 'B', hlc: stamp(T0 + 1, 'DEVG') } },
        'mut-2',
      ),
    ];
    const first = await pushAs(ctx, gumi, 'DEVG', batch);
    expect(first.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    const count = async () => (await ctx.db.query('SELECT seq FROM changes')).rows.length;
    expect(await count()).toBe(2);
    // a newer write from another device, then the old batch again (a retry after a lost answer)
    await pushAs(ctx, gumi, 'DEVH', [
      mutation('organization', 'o1', 'gumi', { name: { value: 'C', hlc: stamp(T0 + 5, 'DEVH') } }),
    ]);
    const again = await pushAs(ctx, gumi, 'DEVG', [...batch, batch[0]]);
    expect(again.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect(await count()).toBe(3);
    const rec = await ctx.db.query<{ fields: { name: { value: string } } }>(
      'SELECT fields FROM records',
    );
    expect(rec.rows[0]!.fields.name.value).toBe('C');
  });

  it('merges field by field and records the lost concurrent write for its device', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const made = stamp(T0, 'DEVA');
    await pushAs(ctx, gumi, 'DEVA', [
      created('organization', 'o1', 'gumi', {
        name: { value: '원래', hlc: made },
        phone: { value: '054-000-0000', hlc: made },
      }),
    ]);
    // B edits the name later; A, offline, edited the name (earlier stamp) and the phone.
    const fromB = await pushAs(ctx, gumi, 'DEVB', [
      mutation('organization', 'o1', 'gumi', {
        name: { value: 'B의 이름', hlc: stamp(T0 + 20, 'DEVB'), base: made },
      }),
    ]);
    expect(fromB.conflicts).toEqual([]);
    const fromA = await pushAs(ctx, gumi, 'DEVA', [
      mutation('organization', 'o1', 'gumi', {
        name: { value: 'A의 이름', hlc: stamp(T0 + 10, 'DEVA'), base: made },
        phone: { value: '054-111-1111', hlc: stamp(T0 + 10, 'DEVA'), base: made },
      }),
    ]);
    const lost = {
      entity: 'organization',
      id: 'o1',
      field: 'name',
      lostValue: 'A의 이름',
      lostHlc: stamp(T0 + 10, 'DEVA'),
      wonValue: 'B의 이름',
      wonHlc: stamp(T0 + 20, 'DEVB'),
    };
    expect(fromA.conflicts).toEqual([lost]);
    const rec = await ctx.db.query<{ fields: Record<string, { value: string }> }>(
      'SELECT fields FROM records',
    );
    expect(rec.rows[0]!.fields.name!.value).toBe('B의 이름');
    expect(rec.rows[0]!.fields.phone!.value).toBe('054-111-1111'); // both edits survive

    const inboxA = await ctx.call('GET', '/v1/sync/conflicts?deviceId=DEVA', { token: gumi });
    expect(inboxA.status).toBe(200);
    expect(inboxA.body.conflicts.map(({ seq: _seq, ...c }: { seq: number }) => c)).toEqual([lost]);
    expect(typeof inboxA.body.serverTime).toBe('number');
    const inboxB = await ctx.call('GET', '/v1/sync/conflicts?deviceId=DEVB', { token: gumi });
    expect(inboxB.body.conflicts).toEqual([]);
    const ulsan = await ctx.token('team', 'ulsan');
    const foreign = await ctx.call('GET', '/v1/sync/conflicts?deviceId=DEVA', { token: ulsan });
    expect([foreign.status, foreign.body.error]).toEqual([403, 'forbidden']);
  });

  it('tells a resent batch (its answer lost) again of the losses it made, recording none twice', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const made = stamp(T0, 'DEVA');
    await pushAs(ctx, gumi, 'DEVA', [
      created('organization', 'o1', 'gumi', { name: { value: '원래', hlc: made } }),
    ]);
    await pushAs(ctx, gumi, 'DEVB', [
      mutation('organization', 'o1', 'gumi', {
        name: { value: 'B의 이름', hlc: stamp(T0 + 20, 'DEVB'), base: made },
      }),
    ]);
    const fromA = mutation('organization', 'o1', 'gumi', {
      name: { value: 'A의 이름', hlc: stamp(T0 + 10, 'DEVA'), base: made },
    });
    const first = await pushAs(ctx, gumi, 'DEVA', [fromA]);
    expect(first.conflicts).toHaveLength(1);
    // the first answer never arrived: the client sends the same frozen batch again
    const again = await pushAs(ctx, gumi, 'DEVA', [fromA]);
    expect(again.results.map((r: { status: string }) => r.status)).toEqual(['duplicate']);
    expect(again.conflicts).toEqual(first.conflicts);
    const stored = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM conflicts');
    expect(stored.rows[0]!.n).toBe(1);
  });

  it('keeps a device to the cluster it first synced for', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const ulsan = await ctx.token('team', 'ulsan');
    await pushAs(ctx, gumi, 'DEVG', []);
    const r = await ctx.call('POST', '/v1/sync/push', { token: ulsan, body: push('DEVG', []) });
    expect([r.status, r.body.error]).toEqual([403, 'device_cluster_mismatch']);
  });

  it('shows a team its own records, shared entities and flagged records; hq everything', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const ulsan = await ctx.token('team', 'ulsan');
    const hq = await ctx.token('hq');
    const s = stamp(T0, 'DEVG');
    await pushAs(ctx, gumi, 'DEVG', [
      created('organization', 'g-org', 'gumi', { name: { value: '구미 기업', hlc: s } }),
      created('resource', 'g-res-private', 'gumi', {
        name: { value: '비공개 장비', hlc: s },
        sharedWithNetwork: { value: false, hlc: s },
      }),
      created('resource', 'g-res-shared', 'gumi', {
        name: { value: '3D 프린터', hlc: s },
        sharedWithNetwork: { value: true, hlc: s },
      }),
      created('plan', 'g-plan', 'gumi', { title: { value: '2026 계획', hlc: s } }),
    ]);
    const ids = async (token: string) =>
      (await pullAll(ctx, token)).changes.map((c) => c.id).sort();
    expect(await ids(ulsan)).toEqual(['g-plan', 'g-res-shared']);
    expect(await ids(gumi)).toEqual(['g-org', 'g-plan', 'g-res-private', 'g-res-shared']);
    expect(await ids(hq)).toEqual(['g-org', 'g-plan', 'g-res-private', 'g-res-shared']);

    // sharing a resource later sends it to the others whole, not only the flag
    const before = (await pullAll(ctx, ulsan)).cursor;
    await pushAs(ctx, gumi, 'DEVG', [
      mutation('resource', 'g-res-private', 'gumi', {
        sharedWithNetwork: { value: true, hlc: stamp(T0 + 1, 'DEVG') },
      }),
    ]);
    const later = await ctx.call('GET', `/v1/sync/pull?after=${before}`, { token: ulsan });
    expect(later.body.changes).toHaveLength(1);
    expect(later.body.changes[0].fields.name.value).toBe('비공개 장비');
    expect(later.body.changes[0].fields.sharedWithNetwork.value).toBe(true);

    const network = await ctx.call('GET', '/v1/network/resources', { token: ulsan });
    expect(network.body.items.map((r: { id: string }) => r.id).sort()).toEqual([
      'g-res-private',
      'g-res-shared',
    ]);
    expect(network.body.items[0]).toMatchObject({ clusterId: 'gumi', sharedWithNetwork: true });
  });

  it('pages a pull: every change exactly once, in order, then an unchanged cursor', async () => {
    const gumi = await ctx.token('team', 'gumi');
    await pushAs(
      ctx,
      gumi,
      'DEVG',
      Array.from({ length: 25 }, (_, i) =>
        created('organization', `o${String(i).padStart(2, '0')}`, 'gumi', {
          name: { value: `기업${i}`, hlc: stamp(T0, 'DEVG', i) },
        }),
      ),
    );
    const seen: string[] = [];
    let cursor = '0';
    const pages: Array<[number, boolean]> = [];
    for (;;) {
      const r = await ctx.call('GET', `/v1/sync/pull?after=${cursor}&limit=10`, { token: gumi });
      const page = pullResponseSchema.parse(r.body);
      pages.push([page.changes.length, page.hasMore]);
      seen.push(...page.changes.map((c) => c.id));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toEqual([
      [10, true],
      [10, true],
      [5, false],
    ]);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `o${String(i).padStart(2, '0')}`));
    const end = await ctx.call('GET', `/v1/sync/pull?after=${cursor}&limit=10`, { token: gumi });
    expect(end.body).toMatchObject({ changes: [], cursor, hasMore: false });
  });

  it('reports each cluster’s last sync and the network’s indicators and success cases', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const s = stamp(T0, 'DEVG');
    await pushAs(ctx, gumi, 'DEVG', [
      created('successCase', 'sc1', 'gumi', { title: { value: '공동 R&D 성공', hlc: s } }),
      created('indicator', 'i1', 'gumi', {
        period: { value: '2025', hlc: s },
        value: { value: 12.5, hlc: s },
      }),
      created('successCase', 'sc2', 'gumi', {
        title: { value: '지운 사례', hlc: s },
        deleted: { value: 1, hlc: s },
      }),
    ]);
    await ctx.call('GET', '/v1/sync/pull?deviceId=DEVG', { token: gumi });
    const ulsan = await ctx.token('team', 'ulsan');
    const cases = await ctx.call('GET', '/v1/network/success-cases', { token: ulsan });
    expect(cases.body.items.map((c: { id: string }) => c.id)).toEqual(['sc1']);
    const indicators = await ctx.call('GET', '/v1/network/indicators', { token: ulsan });
    expect(indicators.body.items).toEqual([
      {
        id: 'i1',
        clusterId: 'gumi',
        metric: 'production',
        periodType: 'year',
        period: '2025',
        value: 12.5,
      },
    ]);
    const status = await ctx.call('GET', '/v1/network/sync-status', { token: ulsan });
    const row = status.body.clusters.find((c: { clusterId: string }) => c.clusterId === 'gumi');
    expect(Math.abs(row.lastPushAt - Date.now())).toBeLessThan(600_000);
    expect(Math.abs(row.lastPullAt - Date.now())).toBeLessThan(600_000);
    expect(
      status.body.clusters.find((c: { clusterId: string }) => c.clusterId === 'ulsan').lastPushAt,
    ).toBeNull();
  });

  it('keeps every field of concurrent pushes that create the same record', async () => {
    const gumi = await ctx.token('team', 'gumi');
    for (let round = 0; round < 5; round += 1) {
      const id = `n${round}`;
      await Promise.all([
        pushAs(ctx, gumi, 'DEVA', [
          created('organization', id, 'gumi', {
            representative: { value: 'A', hlc: stamp(T0, 'DEVA', round) },
          }),
        ]),
        pushAs(ctx, gumi, 'DEVB', [
          created('organization', id, 'gumi', {
            phone: { value: '054', hlc: stamp(T0, 'DEVB', round) },
          }),
        ]),
      ]);
      const rec = await ctx.db.query<{ fields: Record<string, unknown> }>(
        'SELECT fields FROM records WHERE id = $1',
        [id],
      );
      expect(Object.keys(rec.rows[0]!.fields).sort()).toEqual([
        'deleted',
        'kind',
        'name',
        'phone',
        'representative',
      ]);
    }
  });
});
