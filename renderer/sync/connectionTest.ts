/**
 * "연결 시험": is the server there (GET /health, no token), and does it take the token (an
 * authenticated read that changes nothing)? Two steps, so the answer says WHICH part is wrong.
 */
import { measureSkew } from './skew';
import { SyncHttpError, type SyncTransport } from './transport';

export type ConnectionTestResult =
  | { kind: 'ok'; skewMs: number }
  | { kind: 'unreachable'; code: string; detail: string }
  | { kind: 'auth'; code: string; detail: string }
  | { kind: 'failed'; code: string; detail: string };

const codeOf = (e: unknown) => (e instanceof SyncHttpError ? e.code : 'internal');
const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function runConnectionTest(
  transport: SyncTransport,
  now: () => number = Date.now,
): Promise<ConnectionTestResult> {
  let skewMs: number;
  try {
    const sentAt = now();
    const { serverTime } = await transport.health();
    skewMs = measureSkew(sentAt, now(), serverTime);
  } catch (e) {
    return { kind: 'unreachable', code: codeOf(e), detail: detailOf(e) };
  }
  try {
    await transport.checkAuth();
  } catch (e) {
    const status = e instanceof SyncHttpError ? e.status : null;
    const kind = status === 401 || status === 403 ? 'auth' : 'failed';
    return { kind, code: codeOf(e), detail: detailOf(e) };
  }
  return { kind: 'ok', skewMs };
}
