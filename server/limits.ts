/**
 * Request limits and the error body every refusal uses. The rate limit is a fixed window per
 * token, in memory: one server process serves the whole network (a few dozen devices), so a
 * shared store would add a moving part for nothing; a restart merely resets the windows.
 */
import type { SyncError } from '../shared/sync/protocol';

export interface RateLimit {
  /** requests allowed per token per window */
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { max: 600, windowMs: 60_000 };

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: RateLimit) {}

  /** 0 when the request may go on, otherwise the seconds until the window ends. */
  hit(key: string, now = Date.now()): number {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.limit.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (w.count <= this.limit.max) return 0;
    return Math.max(1, Math.ceil((w.start + this.limit.windowMs - now) / 1000));
  }
}

/** Korean first, English second, like every message of the app. */
const MESSAGES = {
  token_missing: ['토큰이 없습니다 (Authorization: Bearer …)', 'missing token'],
  token_invalid: ['알 수 없는 토큰입니다', 'unknown token'],
  token_revoked: ['폐기된 토큰입니다', 'revoked token'],
  rate_limited: ['요청이 너무 잦습니다. 잠시 뒤 다시 시도하세요', 'too many requests'],
  body_too_large: ['요청 본문이 너무 큽니다', 'request body too large'],
  batch_too_large: ['한 번에 보낼 수 있는 변경 수를 넘었습니다', 'too many mutations in one push'],
  invalid_json: ['요청 본문이 올바른 JSON이 아닙니다', 'request body is not valid JSON'],
  invalid_request: ['요청 형식이 올바르지 않습니다', 'malformed request'],
  unsupported_protocol: ['지원하지 않는 프로토콜 버전입니다', 'unsupported protocol version'],
  device_cluster_mismatch: [
    '이 기기는 다른 클러스터에 등록되어 있습니다',
    'this device is registered to another cluster',
  ],
  forbidden: ['이 토큰으로는 볼 수 없습니다', 'not allowed for this token'],
  // sync by file (server/sync/bundle.ts)
  bundle_invalid: ['동기화 파일이 올바르지 않습니다', 'invalid sync bundle'],
  bundle_tampered: [
    '동기화 파일의 내용이 바뀌었습니다 (체크섬 불일치)',
    'sync bundle changed after it was made',
  ],
  bundle_signature_invalid: [
    '동기화 파일의 서명을 이 클러스터의 유효한 토큰으로 확인할 수 없습니다',
    'sync bundle signature matches no valid token of its cluster',
  ],
  bundle_wrong_cluster: [
    '다른 클러스터의 동기화 파일은 이 토큰으로 올릴 수 없습니다',
    'this token cannot relay another cluster’s sync bundle',
  ],
  not_found: ['없는 경로입니다', 'no such route'],
  internal: ['서버 오류가 났습니다', 'internal server error'],
} as const;

export type ErrorCode = keyof typeof MESSAGES;

export function errorBody(code: ErrorCode, detail?: string): SyncError {
  const [ko, en] = MESSAGES[code];
  return {
    error: code,
    message: detail ? `${ko}: ${detail} / ${en}` : `${ko} / ${en}`,
    serverTime: Date.now(),
  };
}
