/**
 * The one origin the app window lives on. IndexedDB is keyed by origin, so this must never change:
 * a different scheme or host would open an empty database and orphan the user's records.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pumasi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it does not parse. Not `new URL().origin`: the
 * WHATWG parser reports `"null"` for custom schemes such as app://, which would make every
 * app:// URL look alike.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Whether `url` belongs to one of `trustedOrigins` (exact scheme, host and port). */
export function isTrustedUrl(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}
