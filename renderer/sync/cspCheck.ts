/**
 * Browser mode: the page's CSP (set by the server that serves the app, scripts/serve-static.mjs)
 * decides which origins fetch() may reach. Before an endpoint is saved or tested we read that
 * policy from our own response headers and say clearly when it blocks the endpoint — the fix is
 * to start browser mode with PUMASI_SYNC_ENDPOINT=<that address> (docs/SYNC.md). Desktop calls
 * go through the main process and need no check.
 */
import { connectSrcAllows } from '../../shared/ipc/csp';

export class CspBlockedError extends Error {
  constructor(origin: string) {
    super(
      `이 화면의 보안 정책(CSP)이 ${origin} 연결을 막고 있습니다. 브라우저 모드를 PUMASI_SYNC_ENDPOINT=${origin} 으로 다시 시작하세요. / ` +
        `This page's CSP blocks ${origin}: restart browser mode with PUMASI_SYNC_ENDPOINT=${origin}.`,
    );
    this.name = 'CspBlockedError';
  }
}

/** Throws CspBlockedError when the page may not connect to `endpoint`. */
export async function assertEndpointAllowed(endpoint: string): Promise<void> {
  let policy: string | null = null;
  try {
    const res = await fetch('/index.html', { method: 'HEAD', cache: 'no-store' });
    policy = res.headers.get('content-security-policy');
  } catch {
    return; // offline: the call itself will say so
  }
  if (policy && !connectSrcAllows(policy, `${endpoint}/health`, location.origin)) {
    throw new CspBlockedError(new URL(endpoint).origin);
  }
}
