/**
 * Sync by file, server side: a connected PC relays a push bundle made on an offline PC
 * (POST /v1/sync/bundle; format shared/sync/bundle.ts, docs/SYNC.md "Sync by file").
 *
 * Authorisation — who may relay what:
 * - the relaying token must be of the bundle's cluster (a team token relays its own cluster's
 *   files), or hq (the central office may relay any cluster's file);
 * - the mutations are then judged exactly as if the offline device had pushed them with a token
 *   of the bundle's cluster (`checkChange` with that owner), under the ORIGINAL device id: the
 *   per-device mutation ids make a second relay, or a later network push of the same frozen
 *   batch by the device itself, apply nothing again (status `duplicate`);
 * - the seal: the SHA-256 must match; an HMAC, when present, must verify with the key derived
 *   from a non-revoked token of the bundle's cluster (the server derives it from the stored
 *   token hash, bundleCrypto.ts). A checksum-only file (a device without a token) is accepted on
 *   the relaying token's authority alone.
 */
import { CENTRAL_OFFICE_CODE } from '../../shared/registry/enums';
import { BundleError, parseBundle, verifyBundle, type SealCheck } from '../../shared/sync/bundle';
import { bundleKeyFromTokenHash } from '../../shared/sync/bundleCrypto';
import { PROTOCOL_VERSION, type PushResponse } from '../../shared/sync/protocol';
import type { TokenPrincipal } from '../auth/tokens';
import type { Db, Queryable } from '../db/types';
import type { ErrorCode } from '../limits';
import { applyPush, type PushResult } from './push';

/** A bundle refused as a whole: nothing applied. */
export class BundleRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(code);
  }
}

export interface RelayResponse extends PushResponse {
  results: PushResult[];
  bundleId: string;
  deviceId: string;
  ackToken: string;
  clusterId: string;
  seal: SealCheck;
}

async function clusterKeys(db: Queryable, clusterId: string) {
  const r = await db.query<{ hash: string }>(
    'SELECT hash FROM tokens WHERE cluster_code = $1 AND revoked_at IS NULL',
    [clusterId],
  );
  return Promise.all(r.rows.map((row) => bundleKeyFromTokenHash(row.hash)));
}

export async function relayPushBundle(
  db: Db,
  relay: TokenPrincipal,
  json: unknown,
  serverNow: number,
  maxMutations: number,
): Promise<RelayResponse> {
  let bundle;
  try {
    bundle = parseBundle(json);
  } catch (e) {
    throw new BundleRefused(400, 'bundle_invalid', e instanceof Error ? e.message : String(e));
  }
  if (bundle.kind !== 'push') throw new BundleRefused(400, 'bundle_invalid', 'kind');
  if (relay.role !== 'hq' && bundle.clusterId !== relay.clusterCode) {
    throw new BundleRefused(403, 'bundle_wrong_cluster', `${bundle.clusterId}`);
  }
  if (bundle.mutations.length > maxMutations) {
    throw new BundleRefused(413, 'batch_too_large', `최대 ${maxMutations}`);
  }
  let seal: SealCheck;
  try {
    seal = await verifyBundle(bundle, { keys: await clusterKeys(db, bundle.clusterId) });
  } catch (e) {
    if (e instanceof BundleError && e.code === 'tampered') {
      throw new BundleRefused(400, 'bundle_tampered');
    }
    throw new BundleRefused(403, 'bundle_signature_invalid');
  }
  // Signed, but with a key no valid token of that cluster has (revoked, or another cluster's).
  if (seal === 'hmac_unverified') throw new BundleRefused(403, 'bundle_signature_invalid');
  const owner: TokenPrincipal = {
    tokenId: relay.tokenId,
    clusterCode: bundle.clusterId,
    role: bundle.clusterId === CENTRAL_OFFICE_CODE ? 'hq' : 'team',
  };
  const response = await applyPush(
    db,
    owner,
    { protocol: PROTOCOL_VERSION, deviceId: bundle.deviceId, mutations: bundle.mutations },
    serverNow,
  );
  return {
    ...response,
    bundleId: bundle.bundleId,
    deviceId: bundle.deviceId,
    ackToken: bundle.ackToken,
    clusterId: bundle.clusterId,
    seal,
  };
}
