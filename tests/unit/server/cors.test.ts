/** Browser mode calls the endpoint from another origin (its local page server): CORS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app';
import { seedClusters } from '../../../server/auth/tokens';
import { migrate } from '../../../server/db/migrate';
import { freshDb } from './harness';

describe('CORS for browser mode [pglite]', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDb('pglite');
    close = fresh.close;
    await migrate(fresh.db);
    await seedClusters(fresh.db);
    app = await buildApp({ db: fresh.db });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await close();
  });

  it('answers the preflight without a token, allowing the Authorization header', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/v1/sync/push',
      headers: {
        origin: 'http://127.0.0.1:4818',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-allow-headers'])).toContain('authorization');
  });

  it('error answers carry CORS too, so the page can read the Korean message', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/sync/pull' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.json()).toMatchObject({ error: 'token_missing' });
  });
});
