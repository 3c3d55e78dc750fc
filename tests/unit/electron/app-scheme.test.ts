import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createAppSchemeHandler,
  registerAppSchemePrivileges,
  resolveInsideRoot,
} from '../../../electron/app-scheme';
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/csp';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'pumasi-scheme-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>품앗이</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'main-BBzacv4o.js'), 'console.log(2)');
  await writeFile(join(base, 'secret.txt'), 'outside the root');
  handler = createAppSchemeHandler(root);
});
afterAll(() => rm(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves index.html for / with the CSP and security headers', async () => {
    const response = await get('app://pumasi/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('품앗이');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves module scripts with a JavaScript MIME type', async () => {
    const response = await get('app://pumasi/assets/app.js?v=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://pumasi/%2e%2e/secret.txt',
    'app://pumasi/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://pumasi/..%2fsecret.txt',
    'app://pumasi/assets%5c..%5c..%5csecret.txt',
    'app://pumasi/%00index.html',
  ])('refuses path traversal: %s', async (url) => {
    const response = await get(url);
    // 403 when our check catches it; 404 when the URL parser already folded the `..` away.
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('outside the root');
  });

  it('never serves a file outside the root even via literal dot segments', async () => {
    const response = await get('app://pumasi/../secret.txt');
    expect(await response.text()).not.toContain('outside the root');
  });

  it('answers 403 for an encoded separator that would climb out', async () => {
    expect((await get('app://pumasi/..%2fsecret.txt')).status).toBe(403);
  });

  it('answers 404 for a missing file and another host', async () => {
    expect((await get('app://pumasi/assets/missing.js')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
  });

  it("lets the build's content-hashed files be cached for good, and nothing else", async () => {
    const hashed = await get('app://pumasi/assets/main-BBzacv4o.js');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const url of [
      'app://pumasi/',
      'app://pumasi/assets/app.js',
      'app://pumasi/organizations',
    ]) {
      expect((await get(url)).headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('answers client-side routes (no extension) with index.html', async () => {
    const response = await get('app://pumasi/companies/42');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('품앗이');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://pumasi/index.html', 'POST')).status).toBe(405);
    const head = await get('app://pumasi/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('resolveInsideRoot keeps paths inside the root', () => {
    expect(resolveInsideRoot(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveInsideRoot(root, '/../secret.txt')).toBeNull();
    expect(resolveInsideRoot(root, '/%E0%A4%A')).toBeNull();
    expect(resolveInsideRoot(root, '/')).toBeNull();
  });

  it('registers app:// as a standard, secure, fetch-capable scheme', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppSchemePrivileges(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
          codeCache: true,
        }),
      }),
    ]);
  });
});
