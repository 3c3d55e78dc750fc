/**
 * The custom scheme app://pumasi serves the built renderer (dist/renderer). One fixed origin keeps
 * IndexedDB in one place; `standard` + `secure` give it a real origin with storage, fetch and
 * module scripts, like https.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../shared/ipc/app-origin';
import { cacheControlFor, mimeTypeFor, SECURITY_HEADERS } from '../shared/ipc/csp';

/**
 * Must run before `app` is ready: Chromium fixes scheme privileges at start-up. `corsEnabled` lets
 * the scheme take part in CORS-mode requests, which Vite's `<script type="module" crossorigin>`
 * makes even for same-origin files; it grants no other origin access. `codeCache` keeps V8's
 * compiled code of the app's scripts between starts (Electron ≥ 28; needs `standard`).
 */
export function registerAppSchemePrivileges(
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>,
) {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
      },
    },
  ]);
}

/**
 * The file under `root` that a URL path names, or null when the path would leave `root`
 * (`..`, encoded `%2e%2e`, backslashes, absolute or drive paths, NUL bytes).
 */
export function resolveInsideRoot(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rootDir = resolve(root);
  const target = resolve(rootDir, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  const rel = relative(rootDir, target);
  // rel === '' is the root folder itself: not a file to serve.
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

const textResponse = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The protocol.handle handler: GET/HEAD of files under `rendererRoot`, `/` → index.html, and a
 * path without an extension that names no file → index.html (client-side routes survive reload).
 * Every response carries the shared CSP and security headers.
 */
export function createAppSchemeHandler(rendererRoot: string) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, '405');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, '400');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textResponse(404, '404');

    // The raw path, not url.pathname alone: the URL parser already folds literal `..`, but an
    // encoded `%2e%2e%2f` only becomes `../` after decoding, which resolveInsideRoot checks.
    const requested = url.pathname === '/' ? '/index.html' : url.pathname;
    let filePath = resolveInsideRoot(rendererRoot, requested);
    if (filePath === null) return textResponse(403, '403');
    if (!(await isFile(filePath))) {
      if (extname(filePath) !== '') return textResponse(404, '404');
      filePath = resolve(rendererRoot, 'index.html');
      if (!(await isFile(filePath))) return textResponse(404, '404');
    }
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(filePath));
    return new Response(body, {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Cache-Control': cacheControlFor(requested),
        'Content-Type': mimeTypeFor(filePath),
      },
    });
  };
}

export function serveRendererFromAppScheme(
  protocol: Pick<Protocol, 'handle'>,
  rendererRoot: string,
) {
  protocol.handle(APP_SCHEME, createAppSchemeHandler(rendererRoot));
}
