/**
 * The sync engine's view of the central endpoint, and its HTTP implementation. The engine only
 * sees SyncTransport, so tests drive it with a fake and the desktop app may route the same
 * calls through the main process (which holds the token) instead of `fetch`.
 */
import {
  pushResponseSchema,
  syncErrorSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol';
import { z } from 'zod';
import { pullPageCheck } from './pullPage';

export { normalizeEndpoint } from '../../shared/sync/endpoint';

export interface SyncTransport {
  /** GET /health (no token): reachability and the server's clock */
  health(): Promise<{ serverTime: number }>;
  /** an authenticated call that changes nothing (GET /v1/network/sync-status): token check */
  checkAuth(): Promise<{ serverTime: number }>;
  push(request: PushRequest): Promise<PushResponse>;
  pull(after: string, limit: number, deviceId: string): Promise<PullResponse>;
}

/**
 * A failed call. `code` is the server's error code (`token_invalid`, `rate_limited`…), or
 * `network` (no answer), `bad_response` (an answer this app does not understand), `csp_blocked`.
 */
export class SyncHttpError extends Error {
  constructor(
    readonly code: string,
    readonly status: number | null,
    message: string,
    /** from Retry-After on 429 */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

/** A raw HTTP exchange: browser `fetch`, or the desktop main process (IPC). */
export interface HttpCall {
  (request: { method: 'GET' | 'POST'; path: string; body?: string; auth: boolean }): Promise<{
    status: number;
    text: string;
    retryAfter: string | null;
  }>;
}

const healthSchema = z.object({ serverTime: z.number() });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What checks an answer's body: a zod schema, or a hand-written check of the same shape. */
export interface BodyCheck<T> {
  safeParse(
    body: unknown,
  ): { success: true; data: T } | { success: false; error: { message: string } };
}

async function call<T>(
  http: HttpCall,
  schema: BodyCheck<T>,
  request: Parameters<HttpCall>[0],
): Promise<T> {
  let res: Awaited<ReturnType<HttpCall>>;
  try {
    res = await http(request);
  } catch (err) {
    if (err instanceof SyncHttpError) throw err;
    // fetch rejects with a TypeError for every network failure (refused, DNS, offline, CSP).
    throw new SyncHttpError('network', null, err instanceof Error ? err.message : String(err));
  }
  const body = parseJson(res.text);
  if (res.status < 200 || res.status >= 300) {
    const e = syncErrorSchema.safeParse(body);
    const seconds = Number(res.retryAfter);
    throw new SyncHttpError(
      e.success ? e.data.error : `http_${res.status}`,
      res.status,
      e.success ? e.data.message : res.text.slice(0, 200),
      Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SyncHttpError('bad_response', res.status, parsed.error.message);
  return parsed.data;
}

/** One JSON call checked against `schema` (sync by file uses it for its own routes). */
export const callEndpoint = call;

export function createTransport(http: HttpCall): SyncTransport {
  return {
    health: () => call(http, healthSchema, { method: 'GET', path: '/health', auth: false }),
    checkAuth: () =>
      call(http, healthSchema, { method: 'GET', path: '/v1/network/sync-status', auth: true }),
    push: (request) =>
      call(http, pushResponseSchema, {
        method: 'POST',
        path: '/v1/sync/push',
        body: JSON.stringify(request),
        auth: true,
      }),
    pull: (after, limit, deviceId) =>
      // checked by hand: the same verdict as pullResponseSchema, without zod's cost per field
      call<PullResponse>(http, pullPageCheck, {
        method: 'GET',
        path: `/v1/sync/pull?after=${encodeURIComponent(after)}&limit=${limit}&deviceId=${encodeURIComponent(deviceId)}`,
        auth: true,
      }),
  };
}

/** Browser mode: `fetch` straight to the endpoint (allowed by the page's CSP connect-src). */
export function fetchHttp(
  endpoint: string,
  token: string,
  fetchFn: typeof fetch = fetch,
): HttpCall {
  return async ({ method, path, body, auth }) => {
    const headers: Record<string, string> = {};
    if (auth) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetchFn(`${endpoint}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
      // No cookies, no referrer: the token is the only credential.
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
    return {
      status: res.status,
      text: await res.text(),
      retryAfter: res.headers.get('retry-after'),
    };
  };
}
