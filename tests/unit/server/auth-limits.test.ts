import { expect, it } from 'vitest';
import { buildApp, loggerOptions } from '../../../server/app';
import { Writable } from 'node:stream';
import { createToken, hashToken, revokeToken } from '../../../server/auth/tokens';
import { runAdmin } from '../../../server/cli';
import { describeBackends, mutation, push, stamp } from './harness';

const T0 = Date.UTC(2026, 0, 5);

describeBackends('server auth and limits', (ctx) => {
  it('answers /health without a token, with the server time', async () => {
    const r = await ctx.call('GET', '/health');
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(Math.abs(r.body.serverTime - Date.now())).toBeLessThan(60_000);
  });

  it('refuses every other route without a token, with a bad one and with a revoked one', async () => {
    for (const path of [
      '/v1/sync/pull',
      '/v1/sync/conflicts?deviceId=A',
      '/v1/network/resources',
    ]) {
      const r = await ctx.call('GET', path);
      expect(r.status).toBe(401);
      expect(r.body.error).toBe('token_missing');
      expect(typeof r.body.serverTime).toBe('number');
    }
    const bad = await ctx.call('POST', '/v1/sync/push', {
      token: 'pumasi_nope',
      body: push('A', []),
    });
    expect([bad.status, bad.body.error]).toEqual([401, 'token_invalid']);

    const created = await createToken(ctx.db, { role: 'team', cluster: 'gumi' });
    expect((await ctx.call('GET', '/v1/sync/pull', { token: created.token })).status).toBe(200);
    await revokeToken(ctx.db, created.id);
    const revoked = await ctx.call('GET', '/v1/sync/pull', { token: created.token });
    expect([revoked.status, revoked.body.error]).toEqual([401, 'token_revoked']);
  });

  it('stores only the SHA-256 of a token', async () => {
    const created = await createToken(ctx.db, { role: 'hq' });
    const rows = (await ctx.db.query<{ hash: string }>('SELECT hash FROM tokens')).rows;
    expect(rows).toEqual([{ hash: hashToken(created.token) }]);
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect(created.clusterCode).toBe('central');
  });

  it('refuses a team token for the central office and an unknown cluster', async () => {
    await expect(createToken(ctx.db, { role: 'team', cluster: 'central' })).rejects.toThrow(/hq/);
    await expect(createToken(ctx.db, { role: 'team', cluster: 'nowhere' })).rejects.toThrow(
      /알 수 없는 클러스터/,
    );
  });

  it('refuses a body over the size limit, and applies nothing', async () => {
    const token = await ctx.token('team', 'gumi');
    const big = 'x'.repeat(4 * 1024 * 1024 + 10);
    const r = await ctx.call('POST', '/v1/sync/push', {
      token,
      rawBody: JSON.stringify(
        push('A', [
          mutation('organization', 'o1', 'gumi', { name: { value: big, hlc: stamp(T0, 'A') } }),
        ]),
      ),
    });
    expect([r.status, r.body.error]).toEqual([413, 'body_too_large']);
    expect((await ctx.db.query('SELECT 1 FROM records')).rows).toHaveLength(0);
  });

  it('refuses a batch over the mutation limit, and applies nothing', async () => {
    const token = await ctx.token('team', 'gumi');
    const many = Array.from({ length: 1001 }, (_, i) =>
      mutation('organization', `o${i}`, 'gumi', {
        name: { value: `기업 ${i}`, hlc: stamp(T0, 'A', i) },
      }),
    );
    const r = await ctx.call('POST', '/v1/sync/push', { token, body: push('A', many) });
    expect([r.status, r.body.error]).toEqual([413, 'batch_too_large']);
    expect((await ctx.db.query('SELECT 1 FROM records')).rows).toHaveLength(0);
  });

  it('answers malformed requests with clear codes', async () => {
    const token = await ctx.token('team', 'gumi');
    const json = await ctx.call('POST', '/v1/sync/push', { token, rawBody: '{"protocol":' });
    expect([json.status, json.body.error]).toEqual([400, 'invalid_json']);
    const shape = await ctx.call('POST', '/v1/sync/push', {
      token,
      body: { protocol: 1, deviceId: 'A' },
    });
    expect([shape.status, shape.body.error]).toEqual([400, 'invalid_request']);
    expect(shape.body.message).toContain('mutations');
    const version = await ctx.call('POST', '/v1/sync/push', {
      token,
      body: { ...push('A', []), protocol: 9 },
    });
    expect([version.status, version.body.error]).toEqual([400, 'unsupported_protocol']);
    const cursor = await ctx.call('GET', '/v1/sync/pull?after=abc', { token });
    expect([cursor.status, cursor.body.error]).toEqual([400, 'invalid_request']);
  });

  it('limits the request rate per token', async () => {
    const limited = await buildApp({ db: ctx.db, rateLimit: { max: 3, windowMs: 60_000 } });
    const a = await ctx.token('team', 'gumi');
    const b = await ctx.token('team', 'ulsan');
    const get = (token: string) =>
      limited.inject({
        method: 'GET',
        url: '/v1/sync/pull',
        headers: { authorization: `Bearer ${token}` },
      });
    for (let i = 0; i < 3; i += 1) expect((await get(a)).statusCode).toBe(200);
    const over = await get(a);
    expect(over.statusCode).toBe(429);
    expect(over.json().error).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(b)).statusCode).toBe(200); // another token has its own window
    await limited.close();
  });

  it('runs the admin commands: the token is printed once, never listed', async () => {
    const created = await runAdmin(ctx.db, ['token', 'create'], {
      cluster: 'gumi',
      role: 'team',
      label: '구미 PC',
    });
    const [, token] = created.split('\n');
    expect(token).toMatch(/^pumasi_[\w-]{43}$/);
    const listed = await runAdmin(ctx.db, ['token', 'list'], {});
    expect(listed).toMatch(/team\tgumi\tactive\t구미 PC/);
    expect(listed).not.toContain(token);
    const id = listed.split('\t')[0]!;
    await runAdmin(ctx.db, ['token', 'revoke', id], {});
    expect(await runAdmin(ctx.db, ['token', 'list'], {})).toMatch(/revoked/);
    await expect(runAdmin(ctx.db, ['token', 'revoke', id], {})).rejects.toThrow(/이미 폐기/);
    await runAdmin(ctx.db, ['cluster', 'create'], { code: 'pohang', name: '포항' });
    expect(await runAdmin(ctx.db, ['cluster', 'list'], {})).toContain('pohang\t포항');
  });

  it('logs requests without the token or record values', async () => {
    let logged = '';
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged += chunk.toString();
        done();
      },
    });
    const app = await buildApp({
      db: ctx.db,
      logger: { ...loggerOptions('info'), stream },
    });
    const token = await ctx.token('team', 'gumi');
    const secretValue = '홍길동-비밀-010-1234-5678';
    const body = push('A', [
      mutation('organization', 'o1', 'gumi', { name: { value: secretValue, hlc: stamp(T0, 'A') } }),
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { authorization: `Bearer ${token}` },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    await app.inject({
      method: 'GET',
      url: '/v1/sync/pull',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(logged).toContain('/v1/sync/push');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(secretValue);
    await app.close();
  });
});
