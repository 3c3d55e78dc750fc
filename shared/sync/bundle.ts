/**
 * Sync bundle files: sync by file for offices without a network (망분리) — docs/SYNC.md,
 * "Sync by file". Pure: format, sealing and checking; no database, no HTTP.
 *
 * Two kinds travel on a USB stick:
 * - a **push bundle** made on the offline PC: its frozen push batch (renderer/db/push.ts) exactly
 *   as a network push would send it — device id, mutation ids, payloads, and the batch's ack
 *   token. A connected PC relays it to the server (POST /v1/sync/bundle); the server's
 *   per-device mutation ids make a second relay, or a later network push of the same batch,
 *   apply nothing again.
 * - a **pull bundle** made on a connected PC: changes the server holds for one cluster after a
 *   cursor, plus the receipts (server answers) of push bundles relayed on that PC, so the offline
 *   PC can acknowledge its batch. Applying changes is idempotent (per-field stamps), so importing
 *   it twice or out of order changes nothing the second time.
 *
 * Invariants:
 * - The seal covers the canonical JSON of everything but `seal` (keys sorted at every level):
 *   any edit to any field breaks the SHA-256; re-serialising the same content does not.
 * - A file is parsed whole or refused whole: a truncated or edited file applies nothing.
 */
import { gunzipSync, gzipSync } from 'fflate';
import { z } from 'zod';
import { hmacHex, sameHex, sha256Hex, type BundleKey } from './bundleCrypto';
import { bundleMessage, type BundleErrorCode } from './bundleMessages';
import {
  conflictSchema,
  mutationResultSchema,
  mutationSchema,
  recordChangeSchema,
} from './protocol';

export type { BundleErrorCode } from './bundleMessages';

export const BUNDLE_FORMAT = 'pumasi-sync-bundle';
export const BUNDLE_VERSION = 1;

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`));

const sealSchema = z.object({
  /** SHA-256 of the canonical body: integrity (truncation, corruption, naive edits) */
  sha256: hex(64),
  /** HMAC-SHA-256 of the canonical body with the token-derived key (bundleCrypto.ts) */
  hmac: hex(64).optional(),
  keyId: hex(16).optional(),
});

const common = {
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  bundleId: z.string().min(1).max(64),
  createdAt: z.string().max(40),
  /** the cluster (owner code) whose data the file carries */
  clusterId: z.string().min(1).max(64),
  seal: sealSchema,
};

export const pushBundleSchema = z.object({
  ...common,
  kind: z.literal('push'),
  deviceId: z.string().min(1).max(64),
  /** the frozen batch's token: a receipt carrying it lets the offline PC acknowledge the batch */
  ackToken: z.string().min(1).max(64),
  firstMutationId: z.string().max(64),
  lastMutationId: z.string().max(64),
  /** the offline PC's pull cursor: a pull bundle for it starts there */
  pullAfter: z.string().max(32),
  mutations: z.array(mutationSchema).min(1),
});
export type PushBundle = z.infer<typeof pushBundleSchema>;

export const bundleReceiptSchema = z.object({
  bundleId: z.string().min(1).max(64),
  deviceId: z.string().min(1).max(64),
  ackToken: z.string().min(1).max(64),
  results: z.array(mutationResultSchema),
  conflicts: z.array(conflictSchema),
});
export type BundleReceipt = z.infer<typeof bundleReceiptSchema>;

export const pullBundleSchema = z.object({
  ...common,
  kind: z.literal('pull'),
  /** changes after this server cursor… */
  after: z.string().max(32),
  /** …up to and including this one */
  cursor: z.string().max(32),
  changes: z.array(recordChangeSchema),
  receipts: z.array(bundleReceiptSchema),
});
export type PullBundle = z.infer<typeof pullBundleSchema>;

export const bundleSchema = z.discriminatedUnion('kind', [pushBundleSchema, pullBundleSchema]);
export type Bundle = z.infer<typeof bundleSchema>;
export type UnsealedBundle<B extends Bundle = Bundle> = Omit<B, 'seal'>;

/** A file refused as a whole; `message` is Korean, `code`/`params` let the UI translate. */
export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    readonly params: Record<string, string> = {},
  ) {
    super(bundleMessage(code, params));
    this.name = 'BundleError';
  }
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  // The native serialiser with a replacer that rebuilds each plain object with sorted keys:
  // same rules as JSON.stringify (undefined members dropped, undefined in arrays → null).
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

const bodyText = (bundle: UnsealedBundle | Bundle) => {
  const { seal: _seal, ...body } = bundle as Bundle;
  return canonicalJson(body);
};

/** Seals a bundle: SHA-256 always, plus the HMAC when the device has a token (key). */
export async function sealBundle<B extends Bundle>(
  body: UnsealedBundle<B>,
  key: BundleKey | null,
): Promise<B> {
  const text = bodyText(body);
  const seal: Bundle['seal'] = { sha256: await sha256Hex(text) };
  if (key) {
    seal.hmac = await hmacHex(key, text);
    seal.keyId = key.id;
  }
  return { ...body, seal } as B;
}

export function encodeBundleFile(bundle: Bundle): Uint8Array {
  return gzipSync(new TextEncoder().encode(JSON.stringify(bundle)), { level: 6 });
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Reads a file (gzipped or plain JSON) into a bundle, or throws a BundleError. */
export function decodeBundleFile(bytes: Uint8Array): Bundle {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      isGzip(bytes) ? gunzipSync(bytes) : bytes,
    );
  } catch {
    throw new BundleError('truncated');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Ours are JSON objects from the first byte: a JSON start that does not parse was cut off.
    throw new BundleError(text.trimStart().startsWith('{') ? 'truncated' : 'not_bundle');
  }
  return parseBundle(json);
}

/** Checks the shape of a parsed bundle (also the server's entry point), or throws. */
export function parseBundle(json: unknown): Bundle {
  const head = json as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BUNDLE_FORMAT) {
    throw new BundleError('not_bundle');
  }
  if (head.version !== BUNDLE_VERSION) {
    throw new BundleError('unsupported_version', { version: String(head.version) });
  }
  const r = bundleSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new BundleError('invalid', { detail: `${issue?.path.join('.')}: ${issue?.message}` });
  }
  return r.data;
}

export interface VerifyOptions {
  /** the cluster this PC serves (undefined: any, e.g. the central office relaying) */
  expectClusterId?: string | undefined;
  expectKind?: Bundle['kind'];
  /** keys this verifier holds (its own token's); an HMAC under another key is left unverified */
  keys?: readonly BundleKey[];
}

/** What was proven about a file that passed verifyBundle(). */
export type SealCheck = 'hmac' | 'checksum' | 'hmac_unverified';

/**
 * Checks kind, cluster and seal, in that order (a file for the wrong place is named as such
 * before anything else). Throws BundleError; returns how far the seal was proven.
 */
export async function verifyBundle(bundle: Bundle, opts: VerifyOptions = {}): Promise<SealCheck> {
  if (opts.expectKind && bundle.kind !== opts.expectKind) {
    throw new BundleError(bundle.kind === 'push' ? 'wrong_kind_push' : 'wrong_kind_pull');
  }
  if (opts.expectClusterId !== undefined && bundle.clusterId !== opts.expectClusterId) {
    throw new BundleError('wrong_cluster', {
      found: bundle.clusterId,
      expected: opts.expectClusterId,
    });
  }
  const text = bodyText(bundle);
  if (!sameHex(await sha256Hex(text), bundle.seal.sha256)) throw new BundleError('tampered');
  const { hmac, keyId } = bundle.seal;
  if (!hmac) return 'checksum';
  const key = opts.keys?.find((k) => k.id === keyId);
  if (!key) return 'hmac_unverified';
  if (!sameHex(await hmacHex(key, text), hmac)) throw new BundleError('bad_signature');
  return 'hmac';
}
