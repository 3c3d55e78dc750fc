/**
 * The HTTP app: health (no token), the sync routes and the read-only network API (a token on
 * every one). Built without listening, so tests drive it through real HTTP on 127.0.0.1 or
 * `inject`, and `main.ts` only adds the port.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { pushRequestSchema, SYNC_LIMITS, PROTOCOL_VERSION } from '../shared/sync/protocol';
import { verifyToken, type TokenPrincipal } from './auth/tokens';
import type { Db } from './db/types';
import {
  DEFAULT_RATE_LIMIT,
  RateLimiter,
  errorBody,
  type ErrorCode,
  type RateLimit,
} from './limits';
import { BundleRefused, relayPushBundle } from './sync/bundle';
import { applyPush, DeviceClusterMismatch } from './sync/push';
import { checkPushBody } from './sync/pushBody';
import {
  conflictsOf,
  deviceCluster,
  lastSyncByCluster,
  notePull,
  pullChanges,
  visibleRecords,
} from './sync/pull';

declare module 'fastify' {
  interface FastifyRequest {
    principal: TokenPrincipal;
  }
}

export interface AppOptions {
  db: Db;
  /** pino options or false; logs never carry tokens or record values */
  logger?: boolean | Record<string, unknown>;
  rateLimit?: RateLimit;
  bodyLimit?: number;
  maxMutationsPerPush?: number;
}

/** pino options of the running server: the Authorization header is redacted should it ever be logged. */
export const loggerOptions = (level: string): Record<string, unknown> => ({
  level,
  redact: ['req.headers.authorization', 'req.headers.cookie'],
});

const send = (reply: FastifyReply, status: number, code: ErrorCode, detail?: string) =>
  reply.code(status).send(errorBody(code, detail));

/** A non-negative integer query parameter, or `fallback` when absent; undefined when malformed. */
function intParam(v: unknown, fallback: number): number | undefined {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^\d{1,15}$/.test(v)) return undefined;
  return Number(v);
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { db } = opts;
  const maxMutations = opts.maxMutationsPerPush ?? SYNC_LIMITS.maxMutationsPerPush;
  const limiter = new RateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT);
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? SYNC_LIMITS.maxBodyBytes,
  });
  app.decorateRequest('principal', null as unknown as TokenPrincipal);

  // CORS: browser mode calls from the page's own origin (a local static server). Any origin may
  // call, because the only credential is the bearer token (no cookies: nothing a foreign page
  // could ride on); the preflight answers before the token check, as browsers send none.
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'retry-after');
    if (req.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST');
      reply.header('access-control-allow-headers', 'authorization, content-type');
      reply.header('access-control-max-age', '600');
      return reply.code(204).send();
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.url === '/health' || req.method === 'OPTIONS') return;
    const header = req.headers.authorization ?? '';
    const m = /^Bearer (\S+)$/.exec(header);
    if (!m) return send(reply, 401, 'token_missing');
    const check = await verifyToken(db, m[1]!);
    if (!check.ok) return send(reply, 401, check.error);
    const wait = limiter.hit(check.principal.tokenId);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return send(reply, 429, 'rate_limited');
    }
    req.principal = check.principal;
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, 413, 'body_too_large');
    if (error.statusCode === 400) return send(reply, 400, 'invalid_json');
    if (error instanceof DeviceClusterMismatch) return send(reply, 403, 'device_cluster_mismatch');
    if (error instanceof BundleRefused) return send(reply, error.status, error.code, error.detail);
    // message and code only: a database error carries the statement's parameters (record values)
    req.log.error({ err: { message: error.message, code: error.code } }, 'request failed');
    return send(reply, 500, 'internal');
  });
  app.setNotFoundHandler((_req, reply) => send(reply, 404, 'not_found'));

  app.get('/health', async () => ({ ok: true, serverTime: Date.now() }));

  app.post('/v1/sync/push', async (req, reply) => {
    const body = req.body as { protocol?: unknown; mutations?: unknown } | null;
    if (body && Array.isArray(body.mutations) && body.mutations.length > maxMutations) {
      return send(reply, 413, 'batch_too_large', `최대 ${maxMutations}`);
    }
    if (body && body.protocol !== undefined && body.protocol !== PROTOCOL_VERSION) {
      return send(reply, 400, 'unsupported_protocol', String(body.protocol));
    }
    // The hand-written check (pushBody.ts) accepts exactly what the zod schema does; zod runs
    // only on a refused body, to name the first problem.
    const pushReq = checkPushBody(body);
    if (!pushReq) {
      const issue = pushRequestSchema.safeParse(body).error?.issues[0];
      return send(reply, 400, 'invalid_request', `${issue?.path.join('.')}: ${issue?.message}`);
    }
    const response = await applyPush(db, req.principal, pushReq, Date.now());
    const refused = response.results.filter((r) => r.status === 'refused').length;
    req.log.info(
      { mutations: pushReq.mutations.length, refused, conflicts: response.conflicts.length },
      'push',
    );
    return response;
  });

  // Sync by file: a push bundle from an offline PC, relayed on its owner's behalf (bundle.ts).
  app.post('/v1/sync/bundle', async (req) => {
    const response = await relayPushBundle(db, req.principal, req.body, Date.now(), maxMutations);
    const refused = response.results.filter((r) => r.status === 'refused').length;
    req.log.info({ mutations: response.results.length, refused }, 'bundle relayed');
    return response;
  });

  app.get('/v1/sync/pull', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const after = intParam(q.after, 0);
    const limit = intParam(q.limit, SYNC_LIMITS.maxChangesPerPull);
    if (after === undefined || limit === undefined || limit < 1) {
      return send(reply, 400, 'invalid_request', 'after, limit');
    }
    // `cluster`: read as that cluster would (a pull bundle for an offline PC, docs/SYNC.md
    // "Sync by file"). A team may name only its own; hq any — never more than the token reads.
    let reader = req.principal;
    if (typeof q.cluster === 'string' && q.cluster !== reader.clusterCode) {
      if (reader.role !== 'hq') return send(reply, 403, 'forbidden', 'cluster');
      reader = { ...reader, clusterCode: q.cluster, role: 'team' };
    } else if (typeof q.deviceId === 'string' && q.deviceId.length <= 64) {
      await notePull(db, q.deviceId, req.principal.clusterCode);
    }
    return pullChanges(db, reader, after, Math.min(limit, SYNC_LIMITS.maxChangesPerPull));
  });

  app.get('/v1/sync/conflicts', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const after = intParam(q.after, 0);
    const limit = intParam(q.limit, SYNC_LIMITS.maxChangesPerPull);
    if (typeof q.deviceId !== 'string' || after === undefined || limit === undefined || limit < 1) {
      return send(reply, 400, 'invalid_request', 'deviceId, after, limit');
    }
    // A device's conflicts belong to its cluster's tokens (and hq).
    const owner = await deviceCluster(db, q.deviceId);
    if (owner && owner !== req.principal.clusterCode && req.principal.role !== 'hq') {
      return send(reply, 403, 'forbidden');
    }
    const page = owner
      ? await conflictsOf(db, q.deviceId, after, Math.min(limit, SYNC_LIMITS.maxChangesPerPull))
      : { conflicts: [], cursor: String(after), hasMore: false };
    return { serverTime: Date.now(), ...page };
  });

  const network = (path: string, entity: string) =>
    app.get(`/v1/network/${path}`, async (req) => ({
      serverTime: Date.now(),
      items: await visibleRecords(db, req.principal, entity),
    }));
  network('indicators', 'indicator');
  network('resources', 'resource');
  network('success-cases', 'successCase');
  app.get('/v1/network/sync-status', async () => ({
    serverTime: Date.now(),
    clusters: await lastSyncByCluster(db),
  }));

  return app;
}
