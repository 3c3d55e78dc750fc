import { expect, it } from 'vitest';
import { revokeToken } from '../../../server/auth/tokens';
import { sealBundle, type PushBundle, type UnsealedBundle } from '../../../shared/sync/bundle';
import { bundleKeyFromToken, sha256Hex, type BundleKey } from '../../../shared/sync/bundleCrypto';
import { canonicalJson } from '../../../shared/sync/bundle';
import { created, describeBackends, push, stamp, type ServerCtx } from './harness';

const T0 = Date.UTC(2026, 0, 5);
type M = ReturnType<typeof created>;

function pushBundle(
  cluster: string,
  device: string,
  mutations: M[],
  bundleId = 'B1',
): UnsealedBundle<PushBundle> {
  return {
    format: 'pumasi-sync-bundle',
    version: 1,
    kind: 'push',
    bundleId,
    createdAt: new Date(T0).toISOString(),
    clusterId: cluster,
    deviceId: device,
    ackToken: `ACK-${bundleId}`,
    firstMutationId: mutations[0]!.mutationId,
    lastMutationId: mutations.at(-1)!.mutationId,
    pullAfter: '0',
    mutations,
  };
}

const org = (id: string, cluster: string, ms: number, name: string, device = 'OFFA') =>
  created(
    'organization',
    id,
    cluster,
    { name: { value: name, hlc: stamp(ms, device) } },
    stamp(ms, device),
  );

async function relay(ctx: ServerCtx, token: string, bundle: unknown) {
  return ctx.call('POST', '/v1/sync/bundle', { token, body: bundle });
}

async function changeCount(ctx: ServerCtx): Promise<number> {
  const r = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM changes');
  return r.rows[0]!.n;
}

async function recordName(ctx: ServerCtx, id: string): Promise<unknown> {
  const r = await ctx.db.query<{ fields: Record<string, { value: unknown }> }>(
    "SELECT fields FROM records WHERE entity = 'organization' AND id = $1",
    [id],
  );
  return r.rows[0]?.fields.name?.value;
}

describeBackends('sync by file: relaying push bundles', (ctx) => {
  it('applies a relayed bundle once under the original device id; a re-import and the device’s own push are duplicates', async () => {
    const relayToken = await ctx.token('team', 'gumi');
    const muts = [org('o1', 'gumi', T0, '구미정밀'), org('o2', 'gumi', T0 + 1, '구미전자')];
    const bundle = await sealBundle<PushBundle>(pushBundle('gumi', 'OFFA', muts), null);

    const first = await relay(ctx, relayToken, bundle);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
    ]);
    expect(first.body).toMatchObject({ deviceId: 'OFFA', ackToken: 'ACK-B1', seal: 'checksum' });
    expect(await recordName(ctx, 'o1')).toBe('구미정밀');
    const logged = await changeCount(ctx);
    const device = await ctx.db.query<{ device_id: string }>(
      'SELECT l.device_id FROM push_ledger l, unnest(l.ids) AS m ORDER BY m',
    );
    expect(device.rows.map((r) => r.device_id)).toEqual(['OFFA', 'OFFA']);

    const again = await relay(ctx, relayToken, bundle);
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'duplicate',
    ]);
    // Later the offline PC gets a network and pushes its (same, frozen) batch itself.
    const own = await ctx.call('POST', '/v1/sync/push', {
      token: await ctx.token('team', 'gumi'),
      body: push('OFFA', muts),
    });
    expect(own.body.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'duplicate',
    ]);
    expect(await changeCount(ctx)).toBe(logged);
  });

  it('lets a team relay only its own cluster’s files; hq relays any, judged as the owner', async () => {
    const wonju = await ctx.token('team', 'wonju');
    const bundle = await sealBundle<PushBundle>(
      pushBundle('gumi', 'OFFA', [
        org('o1', 'gumi', T0, '구미정밀'),
        // a record of another cluster inside a gumi file: refused like any gumi push would be
        org('w1', 'wonju', T0 + 1, '원주의료'),
      ]),
      null,
    );
    const refused = await relay(ctx, wonju, bundle);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('bundle_wrong_cluster');
    expect(refused.body.message).toMatch(/다른 클러스터의 동기화 파일/);
    expect(await changeCount(ctx)).toBe(0);

    const hq = await ctx.token('hq');
    const relayed = await relay(ctx, hq, bundle);
    expect(relayed.status).toBe(200);
    expect(relayed.body.results).toMatchObject([
      { status: 'applied' },
      { status: 'refused', reason: 'not_owner' },
    ]);
    // The device is now bound to gumi: a wonju token cannot push as it.
    const pose = await ctx.call('POST', '/v1/sync/push', {
      token: wonju,
      body: push('OFFA', [org('w2', 'wonju', T0 + 2, '원주')]),
    });
    expect(pose.body.error).toBe('device_cluster_mismatch');
  });

  it('verifies the HMAC with the cluster’s valid tokens and refuses forgeries, revoked and foreign keys', async () => {
    const created = await ctx.token('team', 'gumi');
    const key: BundleKey = await bundleKeyFromToken(created);
    const relayToken = await ctx.token('team', 'gumi');
    const body = pushBundle('gumi', 'OFFA', [org('o1', 'gumi', T0, '구미정밀')]);

    const forged = await sealBundle<PushBundle>(body, key);
    forged.mutations[0]!.change.fields.name!.value = '가짜';
    const plainTamper = await relay(ctx, relayToken, forged);
    expect(plainTamper.status).toBe(400);
    expect(plainTamper.body.error).toBe('bundle_tampered');
    const { seal: _seal, ...rest } = forged;
    forged.seal.sha256 = await sha256Hex(canonicalJson(rest));
    const reChecksummed = await relay(ctx, relayToken, forged);
    expect(reChecksummed.status).toBe(403);
    expect(reChecksummed.body.error).toBe('bundle_signature_invalid');

    const wonjuKey = await bundleKeyFromToken(await ctx.token('team', 'wonju'));
    const foreign = await relay(ctx, relayToken, await sealBundle<PushBundle>(body, wonjuKey));
    expect(foreign.body.error).toBe('bundle_signature_invalid');
    expect(await changeCount(ctx)).toBe(0);

    const good = await relay(ctx, relayToken, await sealBundle<PushBundle>(body, key));
    expect(good.status).toBe(200);
    expect(good.body.seal).toBe('hmac');

    const { rows } = await ctx.db.query<{ id: string }>(
      "SELECT id FROM tokens WHERE cluster_code = 'gumi' ORDER BY created_at, id LIMIT 1",
    );
    await revokeToken(ctx.db, rows[0]!.id);
    const afterRevoke = await relay(
      ctx,
      relayToken,
      await sealBundle<PushBundle>(
        pushBundle('gumi', 'OFFA', [org('o2', 'gumi', T0 + 5, 'x')], 'B2'),
        key,
      ),
    );
    expect(afterRevoke.status).toBe(403);
    expect(afterRevoke.body.error).toBe('bundle_signature_invalid');
  });

  it('applies files relayed out of order without losing or re-applying anything', async () => {
    const relayToken = await ctx.token('team', 'gumi');
    const older = await sealBundle<PushBundle>(
      pushBundle(
        'gumi',
        'OFFA',
        [org('o1', 'gumi', T0, '첫 이름'), org('o2', 'gumi', T0 + 1, '둘')],
        'B1',
      ),
      null,
    );
    const newer = await sealBundle<PushBundle>(
      pushBundle('gumi', 'OFFA', [org('o1', 'gumi', T0 + 10, '바뀐 이름')], 'B2'),
      null,
    );
    expect((await relay(ctx, relayToken, newer)).body.results[0].status).toBe('applied');
    const late = await relay(ctx, relayToken, older);
    expect(late.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
    ]);
    // The older write of o1 loses to the newer one by its stamp; o2 is not lost.
    expect(await recordName(ctx, 'o1')).toBe('바뀐 이름');
    expect(await recordName(ctx, 'o2')).toBe('둘');
    const n = await changeCount(ctx);
    await relay(ctx, relayToken, newer);
    await relay(ctx, relayToken, older);
    expect(await changeCount(ctx)).toBe(n);
  });

  it('refuses what is not a push bundle, with a Korean message', async () => {
    const relayToken = await ctx.token('team', 'gumi');
    const r = await relay(ctx, relayToken, { format: 'something-else' });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('bundle_invalid');
    expect(r.body.message).toMatch(/품앗이 동기화 파일이 아닙니다/);
  });

  it('serves a pull as another cluster sees it to hq only (pull bundles for offline PCs)', async () => {
    const gumi = await ctx.token('team', 'gumi');
    const wonju = await ctx.token('team', 'wonju');
    await relay(
      ctx,
      gumi,
      await sealBundle<PushBundle>(pushBundle('gumi', 'OFFA', [org('o1', 'gumi', T0, 'g')]), null),
    );
    await relay(
      ctx,
      wonju,
      await sealBundle<PushBundle>(
        pushBundle('wonju', 'OFFW', [org('w1', 'wonju', T0, 'w', 'OFFW')], 'W1'),
        null,
      ),
    );
    const hq = await ctx.token('hq');
    const asGumi = await ctx.call('GET', '/v1/sync/pull?after=0&cluster=gumi', { token: hq });
    expect(asGumi.body.changes.map((c: { id: string }) => c.id)).toEqual(['o1']);
    const own = await ctx.call('GET', '/v1/sync/pull?after=0&cluster=gumi', { token: gumi });
    expect(own.body.changes.map((c: { id: string }) => c.id)).toEqual(['o1']);
    const other = await ctx.call('GET', '/v1/sync/pull?after=0&cluster=wonju', { token: gumi });
    expect(other.status).toBe(403);
  });
});
