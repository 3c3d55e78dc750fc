/**
 * The sync endpoint as stored and called: `http(s)://host[:port]` plus an optional path prefix,
 * without query, fragment or credentials. Only http and https: nothing else may leave the app.
 * Used by the renderer (browser mode, settings) and the Electron main process alike.
 */
export function normalizeEndpoint(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The origin of a normalized endpoint (what a CSP `connect-src` must allow). */
export const endpointOrigin = (endpoint: string): string => new URL(endpoint).origin;
