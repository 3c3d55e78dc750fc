import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../../scripts/serve-static.mjs';
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/csp';

let base: string;
let server: { url: string; port: number; close: () => Promise<void> };

/** A raw GET: fetch() would normalise `/../` away before sending. */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'pumasi-serve-'));
  const root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>품앗이</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'export {}');
  await writeFile(join(root, 'assets', 'main.esm-BBzacv4o.js'), 'export {}');
  await writeFile(join(root, 'assets', 'style.css'), 'body{}');
  await writeFile(join(root, 'assets', 'font.woff2'), new Uint8Array([1, 2, 3]));
  await writeFile(join(root, 'assets', 'sql.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(join(base, 'secret.txt'), 'outside the root');
  server = await startStaticServer({ root, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

describe('startStaticServer', () => {
  it('listens on 127.0.0.1 on a free port when asked for port 0', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves index.html at / with the CSP and security headers', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('품앗이');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/style.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/sql.wasm', 'application/wasm'],
  ])('serves %s as %s', async (path, mime) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(mime);
  });

  it('lets content-hashed build files be cached for good; index.html, routes and others revalidate', async () => {
    const hashed = await fetch(`${server.url}assets/main.esm-BBzacv4o.js`);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['', 'index.html', 'organizations', 'assets/index-abc.js']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
  ])('refuses traversal %s', async (path) => {
    const response = await rawGet(server.port, path);
    expect([403, 404]).toContain(response.status);
    expect(response.body).not.toContain('outside the root');
  });

  it('answers 403 (not 404) to an escape attempt it detects', async () => {
    expect((await rawGet(server.port, '/../secret.txt')).status).toBe(403);
  });

  it('answers 404 for a missing asset, index.html for an app route', async () => {
    expect((await fetch(`${server.url}assets/none.js`)).status).toBe(404);
    const route = await fetch(`${server.url}companies`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('품앗이');
  });

  it('refuses other methods', async () => {
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  it('rejects with EADDRINUSE when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(startStaticServer({ root: base, port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
