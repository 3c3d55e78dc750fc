/**
 * The security headers every renderer response carries, whoever serves it: the Electron custom
 * scheme (electron/app-scheme.ts) and the browser-mode server (scripts/serve-static.mjs).
 * The values live in static-serving.json because the plain Node scripts cannot import
 * TypeScript; this module is the typed view of that one file, so the two servers cannot drift.
 */
import staticServing from './static-serving.json';

/** `'unsafe-inline'` for styles only: AG Grid positions rows and cells with inline styles. */
export const CONTENT_SECURITY_POLICY: string = staticServing.headers['Content-Security-Policy'];

/** CSP, nosniff, no referrer and no-cache (overridden for hashed assets: `cacheControlFor`). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...staticServing.headers,
});

const MIME_TYPES: Readonly<Record<string, string>> = staticServing.mimeTypes;

const HASHED_ASSET = new RegExp(staticServing.hashedAssets.pattern);

/**
 * The Cache-Control of a served path. The build's content-hashed files (`/assets/name-HASH.ext`:
 * Vite names every file it writes there so) never change under their name, so they are
 * cached for good — which also lets Chromium keep V8's compiled code for them (code cache), so
 * the next start skips compiling ~3 MB of script. Everything else (index.html, sw.js, bench.html)
 * names the current build's files and must be revalidated: no-cache.
 */
export function cacheControlFor(urlPath: string): string {
  return HASHED_ASSET.test(urlPath)
    ? staticServing.hashedAssets.cacheControl
    : staticServing.headers['Cache-Control'];
}

/** The Content-Type of a served file from its extension; unknown files are plain bytes. */
export function mimeTypeFor(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  const ext = dot >= 0 ? filePath.slice(dot).toLowerCase() : '';
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}

/**
 * Whether a CSP's connect-src lets the page (at `selfOrigin`) call `url`: `'self'`, exact
 * origins, `scheme://host:*` port wildcards and bare schemes (`https:`) — the forms our headers
 * use. Browser mode checks the configured sync endpoint with it before saving, so a blocked
 * address gets a clear message instead of a bare network error. No connect-src ⇒ default-src.
 */
export function connectSrcAllows(policy: string, url: string, selfOrigin: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [(parts[0] as string).toLowerCase(), parts.slice(1)] as const),
  );
  const sources = directives.get('connect-src') ?? directives.get('default-src');
  if (!sources) return true;
  return sources.some((src) => {
    if (src === "'self'") return target.origin === selfOrigin;
    if (/^[a-z][a-z0-9+.-]*:$/i.test(src)) return target.protocol === src.toLowerCase();
    const m = /^([a-z][a-z0-9+.-]*):\/\/([^:/]+)(?::(\d+|\*))?\/?$/i.exec(src);
    if (!m) return false;
    const [, scheme, host, port] = m;
    if (target.protocol !== `${(scheme as string).toLowerCase()}:`) return false;
    if (target.hostname !== (host as string).toLowerCase()) return false;
    if (port === '*') return true;
    const defaultPort = target.protocol === 'https:' ? '443' : '80';
    return (target.port || defaultPort) === (port ?? defaultPort);
  });
}
