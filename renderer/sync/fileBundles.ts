/**
 * Sync by file on the OFFLINE PC (docs/SYNC.md "Sync by file"): export this device's pending
 * changes as a push bundle, and import a pull bundle made on a connected PC.
 *
 * Invariants:
 * - The file carries the FROZEN push batch (buildPushBatch): exporting again before it is
 *   acknowledged writes the very same mutations, and a later network push sends them too; the
 *   server applies each mutation id once per device, so nothing is applied twice.
 * - The outbox is acknowledged only by a receipt — the server's answer to the relay, brought back
 *   in a pull bundle — never by the export itself: a file lost on the way loses nothing.
 * - A pull bundle's changes go through applyRemote (per-field stamps: a second import, or an
 *   older file after a newer one, changes nothing). The pull cursor moves only when the file
 *   starts at or before it (no gap), and never backwards.
 */
import { newId } from '../../shared/sync/ids';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  encodeBundleFile,
  sealBundle,
  type PullBundle,
  type PushBundle,
} from '../../shared/sync/bundle';
import type { BundleKey } from '../../shared/sync/bundleCrypto';
import { SYNC_LIMITS } from '../../shared/sync/protocol';
import {
  ackPushed,
  applyRemote,
  buildPushBatch,
  countOutbox,
  getDeviceId,
  getSetting,
  setSetting,
  type PumasiDb,
} from '../db';
import { dbSyncStore } from './dbStore';
import { deletingChanges, exceedsDeleteGuard } from './deletionGuard';

/** Changes applied per transaction when importing a pull bundle (progress between them). */
export const IMPORT_PAGE = SYNC_LIMITS.maxChangesPerPull;
const CURSOR_KEY = 'syncCursor';

export class FileSyncError extends Error {
  constructor(
    readonly code: 'no_cluster' | 'nothing_to_export',
    message: string,
  ) {
    super(message);
    this.name = 'FileSyncError';
  }
}

const stampOf = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 13);

export function bundleFileName(kind: 'push' | 'pull', clusterId: string, at = new Date()): string {
  return `pumasi-${kind === 'push' ? 'changes' : 'updates'}-${clusterId}-${stampOf(at)}.pumasi-sync.gz`;
}

export async function localClusterId(db: PumasiDb): Promise<string> {
  const cluster = await getSetting<string>(db, 'clusterId');
  if (!cluster) {
    throw new FileSyncError(
      'no_cluster',
      '이 PC의 클러스터가 정해지지 않았습니다 (설정에서 선택).',
    );
  }
  return cluster;
}

export interface PushExport {
  bundle: PushBundle;
  bytes: Uint8Array;
  fileName: string;
  /** outbox entries (writes) in the database, the exported ones included */
  queuedWrites: number;
}

/** The frozen push batch as a sealed file; null when nothing is queued. */
export async function exportPushBundle(
  db: PumasiDb,
  key: BundleKey | null,
  now = new Date(),
): Promise<PushExport | null> {
  const clusterId = await localClusterId(db);
  const batch = await buildPushBatch(db, SYNC_LIMITS.maxMutationsPerPush);
  if (batch.mutations.length === 0) return null;
  const [deviceId, cursor, queuedWrites] = await Promise.all([
    getDeviceId(db),
    getSetting<string>(db, CURSOR_KEY),
    countOutbox(db),
  ]);
  const bundle = await sealBundle<PushBundle>(
    {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      kind: 'push',
      bundleId: newId(),
      createdAt: now.toISOString(),
      clusterId,
      deviceId,
      ackToken: batch.ackToken,
      firstMutationId: batch.mutations[0]!.mutationId,
      lastMutationId: batch.mutations.at(-1)!.mutationId,
      pullAfter: cursor ?? '0',
      mutations: batch.mutations,
    },
    key,
  );
  return {
    bundle,
    bytes: encodeBundleFile(bundle),
    fileName: bundleFileName('push', clusterId, now),
    queuedWrites,
  };
}

/** Asked before a pull file deletes more than 10 % of the live records; false: apply nothing. */
export type ConfirmDeletes = (count: number, live: number) => Promise<boolean>;

export interface PullImportResult {
  /** the user declined the deletions: nothing was applied */
  declined?: boolean;
  applied: number;
  unchanged: number;
  conflicts: number;
  keptAside: number;
  /** receipts for this device that acknowledged its pending batch */
  acknowledged: number;
  cursorMoved: boolean;
}

const emptyResult = (): PullImportResult => ({
  applied: 0,
  unchanged: 0,
  conflicts: 0,
  keptAside: 0,
  acknowledged: 0,
  cursorMoved: false,
});

const seqOf = (cursor: string | undefined) => (cursor && /^\d+$/.test(cursor) ? Number(cursor) : 0);

/**
 * Applies a verified pull bundle; `onProgress(done, total)` after each page of changes. The
 * network pull's guardrail holds for files too (deletionGuard.ts): before anything is applied,
 * deletions of more than 10 % of the live records must be confirmed.
 */
export async function importPullBundle(
  db: PumasiDb,
  bundle: PullBundle,
  onProgress: (done: number, total: number) => void = () => undefined,
  confirmDeletes: ConfirmDeletes = async () => false,
): Promise<PullImportResult> {
  const deleting = deletingChanges(bundle.changes);
  if (deleting.length > 0) {
    const store = dbSyncStore(db);
    const [count, live] = await Promise.all([store.liveTargets(deleting), store.liveRecordCount()]);
    if (exceedsDeleteGuard(count, live) && !(await confirmDeletes(count, live))) {
      return { ...emptyResult(), declined: true };
    }
  }
  const result = emptyResult();
  const total = bundle.changes.length;
  for (let i = 0; i < total; i += IMPORT_PAGE) {
    const r = await applyRemote(db, bundle.changes.slice(i, i + IMPORT_PAGE));
    result.applied += r.applied;
    result.unchanged += r.unchanged;
    result.conflicts += r.conflicts;
    result.keptAside += r.keptAside;
    onProgress(Math.min(i + IMPORT_PAGE, total), total);
  }
  // Receipts: the server's answers to relays of this device's files. ackPushed ignores a token
  // that is not the pending batch's (already acknowledged, or a newer batch), so a receipt read
  // twice, or an old one, changes nothing.
  const deviceId = await getDeviceId(db);
  for (const receipt of bundle.receipts) {
    if (receipt.deviceId !== deviceId) continue;
    if (await ackPushed(db, receipt.ackToken, receipt)) {
      result.acknowledged += 1;
    }
  }
  const current = seqOf(await getSetting<string>(db, CURSOR_KEY));
  // No gap (the file starts at or before what we have) and forwards only: a later pull — by
  // file or network — then starts where this one ended. Otherwise the cursor stays, and the
  // next file from the old cursor brings what lies between (again, harmlessly, for the rest).
  if (seqOf(bundle.after) <= current && seqOf(bundle.cursor) > current) {
    await setSetting(db, CURSOR_KEY, bundle.cursor);
    result.cursorMoved = true;
  }
  return result;
}
