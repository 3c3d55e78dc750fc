import { describe, expect, it } from 'vitest';
import { securityHeadersFor, SECURITY_HEADERS } from '../../../scripts/serve-static.mjs';
import { CONTENT_SECURITY_POLICY, connectSrcAllows } from '../../../shared/ipc/csp';

const SELF = 'http://127.0.0.1:4818';

describe('CSP connect-src for the sync endpoint', () => {
  it('by default reaches only the page itself and loopback: no outside server', () => {
    expect(connectSrcAllows(CONTENT_SECURITY_POLICY, 'http://127.0.0.1:4790/health', SELF)).toBe(
      true,
    );
    expect(connectSrcAllows(CONTENT_SECURITY_POLICY, `${SELF}/index.html`, SELF)).toBe(true);
    expect(connectSrcAllows(CONTENT_SECURITY_POLICY, 'https://sync.example.kr/health', SELF)).toBe(
      false,
    );
    expect(connectSrcAllows(CONTENT_SECURITY_POLICY, 'http://localhost:4790/', SELF)).toBe(false);
  });

  it('browser mode started with PUMASI_SYNC_ENDPOINT allows that origin and nothing else', () => {
    const csp = securityHeadersFor('https://sync.example.kr/api')[
      'Content-Security-Policy'
    ] as string;
    expect(csp).toContain("connect-src 'self' https://sync.example.kr;");
    expect(connectSrcAllows(csp, 'https://sync.example.kr/api/v1/sync/pull', SELF)).toBe(true);
    expect(connectSrcAllows(csp, 'https://sync.example.kr:8443/', SELF)).toBe(false);
    expect(connectSrcAllows(csp, 'http://sync.example.kr/', SELF)).toBe(false);
    expect(connectSrcAllows(csp, 'http://127.0.0.1:4790/', SELF)).toBe(false);
    expect(connectSrcAllows(csp, 'https://evil.example/', SELF)).toBe(false);
    // every other directive is untouched
    expect(csp.replace(/connect-src [^;]*/, '')).toBe(
      CONTENT_SECURITY_POLICY.replace(/connect-src [^;]*/, ''),
    );
  });

  it('without an endpoint the headers stay; a non-http endpoint is refused in Korean', () => {
    expect(securityHeadersFor(undefined)).toBe(SECURITY_HEADERS);
    expect(() => securityHeadersFor('javascript:alert(1)')).toThrow(/동기화 서버 주소/);
  });
});

describe('browser-mode server with a sync endpoint', () => {
  it('serves every response with connect-src limited to that endpoint', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startStaticServer } = await import('../../../scripts/serve-static.mjs');
    const root = await mkdtemp(join(tmpdir(), 'pumasi-csp-'));
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    const server = await startStaticServer({ root, syncEndpoint: 'https://sync.example.kr' });
    try {
      for (const path of ['/index.html', '/missing.js']) {
        const res = await fetch(`${server.url.replace(/\/$/, '')}${path}`);
        expect(res.headers.get('content-security-policy')).toContain(
          "connect-src 'self' https://sync.example.kr;",
        );
      }
    } finally {
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
