/**
 * The digests of sync bundle files (shared/sync/bundle.ts), on WebCrypto (`crypto.subtle`), so
 * the very same code runs in the renderer, in Node (server, tests) and in the browser.
 *
 * Key derivation: the bundle key is HMAC-SHA-256(key = hex SHA-256 of the device token,
 * message = BUNDLE_KEY_LABEL). The server stores exactly that hex SHA-256 of each token
 * (server/auth/tokens.ts), so it derives the same key without ever holding the token, and the
 * plain token never enters a file. The key id (first 16 hex digits of SHA-256 of the key) names
 * the key in a file without revealing it, so a verifier knows whether it holds that key.
 */
const BUNDLE_KEY_LABEL = 'pumasi-sync-bundle/v1';

const utf8 = (s: string) => new TextEncoder().encode(s);
const subtle = () => globalThis.crypto.subtle;

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

export async function sha256Hex(text: string | Uint8Array): Promise<string> {
  const data = typeof text === 'string' ? utf8(text) : text;
  return toHex(await subtle().digest('SHA-256', data as Uint8Array<ArrayBuffer>));
}

async function hmacRaw(key: Uint8Array, message: string): Promise<Uint8Array> {
  const k = await subtle().importKey(
    'raw',
    key as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await subtle().sign('HMAC', k, utf8(message)));
}

export interface BundleKey {
  /** 32 key bytes: never written anywhere */
  bytes: Uint8Array;
  /** names the key in a file (16 hex digits) */
  id: string;
}

/** The bundle key from the stored form of a token (hex SHA-256, as the server keeps it). */
export async function bundleKeyFromTokenHash(tokenHashHex: string): Promise<BundleKey> {
  const bytes = await hmacRaw(utf8(tokenHashHex), BUNDLE_KEY_LABEL);
  return { bytes, id: (await sha256Hex(bytes)).slice(0, 16) };
}

/** The bundle key of a device token (the client side: it holds the token itself). */
export async function bundleKeyFromToken(token: string): Promise<BundleKey> {
  return bundleKeyFromTokenHash(await sha256Hex(token));
}

export async function hmacHex(key: BundleKey, message: string): Promise<string> {
  return toHex(await hmacRaw(key.bytes, message));
}

/** Equal-length hex strings compared without an early exit (no timing hint to a forger). */
export function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
