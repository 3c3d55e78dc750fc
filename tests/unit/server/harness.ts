/**
 * Runs a server test suite once per back end: the embedded PGlite and a real PostgreSQL
 * (Debian's, started by tests/support/postgres.ts on a free 127.0.0.1 port). Each suite gets
 * one database and one app listening on 127.0.0.1; every test starts from empty tables.
 * Missing PostgreSQL binaries fail the PostgreSQL suite with a clear message, never a skip.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../../server/app';
import { createToken, seedClusters, type Role } from '../../../server/auth/tokens';
import { migrate } from '../../../server/db/migrate';
import { openPglite } from '../../../server/db/pglite';
import { openPostgres } from '../../../server/db/postgres';
import type { Db } from '../../../server/db/types';
import { startPostgres, type TestPostgres } from '../../support/postgres';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = ['pglite', 'postgres'];

let dbCounter = 0;

/** A fresh, empty database of the given kind, with `close()` removing everything it started. */
export async function freshDb(
  backend: Backend,
): Promise<{ db: Db; reopen: () => Promise<Db>; close: () => Promise<void> }> {
  if (backend === 'pglite') {
    const db = await openPglite('memory://');
    return { db, reopen: async () => db, close: () => db.close() };
  }
  const pg: TestPostgres = await startPostgres();
  const url = pg.createDatabase(`t${process.pid}_${(dbCounter += 1)}`);
  const db = await openPostgres(url);
  return {
    db,
    reopen: () => openPostgres(url),
    close: async () => {
      await db.close().catch(() => undefined);
      pg.stop();
    },
  };
}

export interface ServerCtx {
  backend: Backend;
  db: Db;
  app: FastifyInstance;
  baseUrl: string;
  token(role: Role, cluster?: string): Promise<string>;
  /** JSON over real HTTP: status and parsed body */
  call(
    method: 'GET' | 'POST',
    path: string,
    opts?: { token?: string; body?: unknown; rawBody?: string },
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are checked field by field
}

const TABLES = 'tokens, records, changes, push_ledger, devices, conflicts';

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export function makeCall(baseUrl: string): ServerCtx['call'] {
  return async (method, path, opts = {}) => {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + path, { method, headers, ...(body ? { body } : {}) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

export function describeBackends(
  name: string,
  suite: (ctx: ServerCtx) => void,
  appOptions: Omit<AppOptions, 'db'> = {},
): void {
  for (const backend of BACKENDS) {
    describe(`${name} [${backend}]`, () => {
      const ctx = { backend } as ServerCtx;
      let closeDb: () => Promise<void> = async () => undefined;
      beforeAll(async () => {
        const fresh = await freshDb(backend);
        closeDb = fresh.close;
        ctx.db = fresh.db;
        await migrate(ctx.db);
        await seedClusters(ctx.db);
        ctx.app = await buildApp({ db: ctx.db, ...appOptions });
        ctx.baseUrl = await listen(ctx.app);
        ctx.call = makeCall(ctx.baseUrl);
        ctx.token = async (role, cluster) =>
          (await createToken(ctx.db, { role, ...(cluster ? { cluster } : {}) })).token;
      }, 180_000);
      afterAll(async () => {
        await ctx.app?.close();
        await closeDb();
      });
      beforeEach(async () => {
        await ctx.db.exec(`TRUNCATE ${TABLES}`);
      });
      suite(ctx);
    });
  }
}

/** An HLC stamp at `ms` with `counter` for `device` (shared/sync/hlc format). */
export const stamp = (ms: number, device: string, counter = 0) =>
  `${String(ms).padStart(13, '0')}-${counter.toString(16).padStart(4, '0')}-${device}`;

let mutationCounter = 0;
export function mutation(
  entity: string,
  id: string,
  clusterId: string,
  fields: Record<string, { value: unknown; hlc: string; base?: string | null }>,
  mutationId = `m${(mutationCounter += 1)}`,
) {
  return { mutationId, change: { entity, id, clusterId, fields } };
}

/** Values for the required fields a test does not care about (valid by the registry). */
const REQUIRED_SAMPLES: Record<string, Record<string, unknown>> = {
  organization: { name: '기업', kind: 'company' },
  resource: { name: '자원', kind: 'equipment', availability: 'available' },
  plan: { title: '계획', scope: 'cluster', status: 'draft' },
  indicator: { metric: 'production', periodType: 'year', period: '2025', value: 1 },
  successCase: { title: '사례', year: 2025, summary: '요약' },
  cluster: { code: 'gumi', name: '구미', complex: '구미국가산단', specialisation: '전자' },
};

/**
 * A record as a client creates it: `fields` plus the tombstone `deleted: 0` and the entity's
 * required fields it lacks (REQUIRED_SAMPLES), stamped like its first field. The server makes a
 * record it lacks only from a whole change (`unknown_record_incomplete`, serverMerge.ts).
 */
export function created(
  entity: string,
  id: string,
  clusterId: string,
  fields: Record<string, { value: unknown; hlc: string; base?: string | null }>,
  mutationId?: string,
) {
  const hlc = Object.values(fields)[0]!.hlc;
  const whole: typeof fields = { deleted: { value: 0, hlc } };
  for (const [k, value] of Object.entries(REQUIRED_SAMPLES[entity] ?? {}))
    whole[k] = { value, hlc };
  return mutation(entity, id, clusterId, { ...whole, ...fields }, mutationId);
}

export const push = (deviceId: string, mutations: unknown[]) => ({
  protocol: 1,
  deviceId,
  mutations,
});
