/**
 * The security headers every renderer response carries, whoever serves it: the Electron custom
 * scheme (electron/app-scheme.ts) and the browser-mode server (scripts/serve-static.mjs).
 * The values live in static-serving.json because the plain Node scripts cannot import
 * TypeScript; this module is the typed view of that one file, so the two servers cannot drift.
 */
import staticServing from './static-serving.json';

/** `'unsafe-inline'` for styles only: AG Grid positions rows and cells with inline styles. */
export const CONTENT_SECURITY_POLICY: string = staticServing.headers['Content-Security-Policy'];

/** CSP, nosniff, no referrer and no-cache (the app files change with every build). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...staticServing.headers,
});

const MIME_TYPES: Readonly<Record<string, string>> = staticServing.mimeTypes;

/** The Content-Type of a served file from its extension; unknown files are plain bytes. */
export function mimeTypeFor(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  const ext = dot >= 0 ? filePath.slice(dot).toLowerCase() : '';
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}
