/**
 * Sync by file on the CONNECTED PC (docs/SYNC.md "Sync by file"): relay an offline PC's push
 * bundle to the server (POST /v1/sync/bundle, on the owner's behalf, under its device id), and
 * export a pull bundle — the server's changes for that cluster after the offline PC's cursor,
 * with the receipts of the files relayed here, which let the offline PC acknowledge its batch.
 *
 * Receipts are kept for this session only: a receipt that never reaches the offline PC costs
 * nothing but one more trip — its batch stays frozen, is exported again, and a second relay
 * answers `duplicate` for every mutation, which acknowledges it just as well.
 */
import { z } from 'zod';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  encodeBundleFile,
  sealBundle,
  type BundleReceipt,
  type PullBundle,
  type PushBundle,
} from '../../shared/sync/bundle';
import type { BundleKey } from '../../shared/sync/bundleCrypto';
import { newId } from '../../shared/sync/ids';
import {
  mutationResultSchema,
  pullResponseSchema,
  pushResponseSchema,
  SYNC_LIMITS,
  type RecordChange,
} from '../../shared/sync/protocol';
import { bundleFileName } from './fileBundles';
import { callEndpoint, type HttpCall } from './transport';

/** Changes per pull file at most: a bigger backlog goes in several files, one after another. */
export const MAX_PULL_FILE_CHANGES = 50_000;

const relayResponseSchema = pushResponseSchema.extend({
  results: z.array(mutationResultSchema.extend({ message: z.string().optional() })),
  bundleId: z.string(),
  deviceId: z.string(),
  ackToken: z.string(),
  clusterId: z.string(),
  seal: z.enum(['hmac', 'checksum', 'hmac_unverified']),
});
export type RelayResponse = z.infer<typeof relayResponseSchema>;

export interface RelayedFile {
  receipt: BundleReceipt;
  clusterId: string;
  /** the offline PC's pull cursor when it made the file: its pull file starts there */
  pullAfter: string;
}

const relayed = new Map<string, RelayedFile>();

/** Files relayed in this session, newest last. */
export const relayedFiles = (): RelayedFile[] => [...relayed.values()];

export async function relayPushBundle(http: HttpCall, bundle: PushBundle): Promise<RelayResponse> {
  const response = await callEndpoint(http, relayResponseSchema, {
    method: 'POST',
    path: '/v1/sync/bundle',
    body: JSON.stringify(bundle),
    auth: true,
  });
  relayed.delete(bundle.bundleId); // re-insert: newest last
  relayed.set(bundle.bundleId, {
    clusterId: bundle.clusterId,
    pullAfter: bundle.pullAfter,
    receipt: {
      bundleId: bundle.bundleId,
      deviceId: bundle.deviceId,
      ackToken: bundle.ackToken,
      results: response.results.map(({ mutationId, status, reason }) =>
        reason === undefined ? { mutationId, status } : { mutationId, status, reason },
      ),
      conflicts: response.conflicts,
    },
  });
  return response;
}

export interface PullExport {
  bundle: PullBundle;
  bytes: Uint8Array;
  fileName: string;
  /** the server holds more changes than one file carries: export again after importing */
  hasMore: boolean;
}

/** Pulls the cluster's changes after `after` (as that cluster sees them) into a sealed file. */
export async function exportPullBundle(
  http: HttpCall,
  opts: {
    clusterId: string;
    after: string;
    key: BundleKey | null;
    onProgress?: (received: number) => void;
    now?: Date;
  },
): Promise<PullExport> {
  const changes: RecordChange[] = [];
  let cursor = opts.after;
  let hasMore = true;
  while (hasMore && changes.length < MAX_PULL_FILE_CHANGES) {
    const page = await callEndpoint(http, pullResponseSchema, {
      method: 'GET',
      // no deviceId: this is not the connected PC's own pull (its cursor and last-pull time stay)
      path: `/v1/sync/pull?after=${encodeURIComponent(cursor)}&limit=${SYNC_LIMITS.maxChangesPerPull}&cluster=${encodeURIComponent(opts.clusterId)}`,
      auth: true,
    });
    changes.push(...page.changes);
    cursor = page.cursor;
    hasMore = page.hasMore;
    opts.onProgress?.(changes.length);
  }
  const now = opts.now ?? new Date();
  const receipts = relayedFiles()
    .filter((f) => f.clusterId === opts.clusterId)
    .map((f) => f.receipt);
  const bundle = await sealBundle<PullBundle>(
    {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      kind: 'pull',
      bundleId: newId(),
      createdAt: now.toISOString(),
      clusterId: opts.clusterId,
      after: opts.after,
      cursor,
      changes,
      receipts,
    },
    opts.key,
  );
  return {
    bundle,
    bytes: encodeBundleFile(bundle),
    fileName: bundleFileName('pull', opts.clusterId, now),
    hasMore,
  };
}
