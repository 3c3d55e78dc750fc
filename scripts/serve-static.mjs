// A small static server for browser mode: serves the built renderer (dist/renderer) on
// 127.0.0.1 with the same CSP and security headers as the Electron app:// scheme
// (shared/ipc/static-serving.json is the one source of both).
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const staticServing = JSON.parse(
  readFileSync(new URL('../shared/ipc/static-serving.json', import.meta.url), 'utf8'),
);
/** @type {Record<string, string>} */
export const SECURITY_HEADERS = staticServing.headers;

/**
 * The headers with the CSP's connect-src derived from the sync endpoint browser mode may call
 * (PUMASI_SYNC_ENDPOINT): `'self'` and that one origin, nothing else. Without an endpoint the
 * default stays (`'self'` and loopback only). An endpoint that is not http(s) is refused.
 * @param {string | undefined} syncEndpoint
 * @returns {Record<string, string>}
 */
export function securityHeadersFor(syncEndpoint) {
  if (!syncEndpoint) return SECURITY_HEADERS;
  let url;
  try {
    url = new URL(syncEndpoint);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(
      `동기화 서버 주소가 올바르지 않습니다: "${syncEndpoint}" / invalid sync endpoint (http:// or https://)`,
    );
  }
  const csp = SECURITY_HEADERS['Content-Security-Policy'].replace(
    /connect-src [^;]*/,
    `connect-src 'self' ${url.origin}`,
  );
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': csp };
}
/** @type {Record<string, string>} */
const MIME_TYPES = staticServing.mimeTypes;

const HASHED_ASSET = new RegExp(staticServing.hashedAssets.pattern);
/**
 * Content-hashed build files are cached for good (and so get V8's code cache on the next start);
 * every other path is revalidated (shared/ipc/csp.ts `cacheControlFor`, the typed twin).
 * @param {string} urlPath
 */
export const cacheControlFor = (urlPath) =>
  HASHED_ASSET.test(urlPath)
    ? staticServing.hashedAssets.cacheControl
    : staticServing.headers['Cache-Control'];

export const mimeTypeFor = (file) =>
  MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The file under root a URL path names, or null if it would escape root. */
export function resolveInsideRoot(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rootDir = resolve(root);
  const target = resolve(rootDir, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  const rel = relative(rootDir, target);
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function sendText(res, status, text, headers = SECURITY_HEADERS) {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

async function handle(root, req, res, headers) {
  const sendHere = (status, text) => sendText(res, status, text, headers);
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendHere(405, '405');
  // The raw request path, before any normalisation, so `/../` and `%2e%2e` are both seen.
  const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] || '/';
  const requested = rawPath === '/' ? '/index.html' : rawPath;
  let file = resolveInsideRoot(root, requested);
  if (file === null) return sendHere(403, '403 Forbidden');
  if (!(await isFile(file))) {
    // A path without an extension is a client-side route: answer with the app.
    if (extname(file) !== '') return sendHere(404, '404 Not Found');
    file = resolve(root, 'index.html');
    if (!(await isFile(file))) return sendHere(404, '404 Not Found');
  }
  const body = await readFile(file);
  res.writeHead(200, {
    ...headers,
    // The path asked for, not the file answered: a client route answered with index.html stays no-cache.
    'Cache-Control': cacheControlFor(requested),
    'Content-Type': mimeTypeFor(file),
    'Content-Length': body.byteLength,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * @param {{ root: string, port?: number, host?: string, syncEndpoint?: string }} options port 0
 *   (default) → a free port; syncEndpoint: the one outside origin the page may connect to
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 *   rejects with the listen error (e.g. code EADDRINUSE) when the port is taken
 */
export function startStaticServer({ root, port = 0, host = '127.0.0.1', syncEndpoint }) {
  const headers = securityHeadersFor(syncEndpoint);
  const server = createServer((req, res) => {
    handle(root, req, res, headers).catch(() => {
      if (!res.headersSent) sendText(res, 500, '500');
      else res.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actualPort}/`,
        port: actualPort,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
