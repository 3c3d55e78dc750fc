/**
 * What the 파일로 동기화 buttons do, as plain async functions returning sentences for the page
 * (FileSyncPanel.tsx): the offline PC's export and import, and the connected PC's relay and pull
 * export (renderer/sync/fileBundles.ts, fileRelay.ts). A refused file applies nothing.
 */
import { getDb } from '../../db';
import { platform } from '../../platform';
import { IPC_LIMITS } from '../../../shared/ipc/contract';
import {
  BundleError,
  decodeBundleFile,
  verifyBundle,
  type Bundle,
} from '../../../shared/sync/bundle';
import {
  exportPushBundle,
  importPullBundle,
  localClusterId,
  type ConfirmDeletes,
} from '../../sync/fileBundles';
import { exportPullBundle, relayedFiles, relayPushBundle } from '../../sync/fileRelay';
import { hasDemoData } from '../../sync/demoGuard';
import { connectionStore } from '../../sync/runtime';
import { SyncHttpError } from '../../sync/transport';
import type { SyncFileKey, SyncFileT } from './fileMessages';

export interface FileOutcome {
  ok: boolean;
  lines: string[];
}

export type Progress = (text: string) => void;
export type { ConfirmDeletes } from '../../sync/fileBundles';

const GZIP = 'application/gzip';
const bundleKey = async () => (await connectionStore().bundleKey?.()) ?? null;

/** Any failure as one sentence: a refused file by its code, a server answer by its message. */
export function failureText(t: SyncFileT, e: unknown): string {
  if (e instanceof BundleError) return t(`bundle.${e.code}` as SyncFileKey, e.params);
  return t('failed', { message: e instanceof Error ? e.message : String(e) });
}

export async function exportChanges(t: SyncFileT): Promise<FileOutcome> {
  const db = getDb();
  // Demo data never leaves the machine (docs/SYNC.md): not by network, not by file.
  if (await hasDemoData(db)) return { ok: false, lines: [t('demo')] };
  const key = await bundleKey();
  const r = await exportPushBundle(db, key);
  if (!r) return { ok: true, lines: [t('nothing')] };
  if (!(await platform.saveFile(r.fileName, r.bytes, GZIP))) {
    return { ok: true, lines: [t('cancelled')] };
  }
  const lines = [t('exported', { n: r.bundle.mutations.length, file: r.fileName })];
  lines.push(t(key ? 'signed' : 'checksummed'));
  if (r.queuedWrites > r.bundle.mutations.length) lines.push(t('exportedMore'));
  return { ok: true, lines };
}

async function relay(t: SyncFileT, bundle: Bundle & { kind: 'push' }, progress: Progress) {
  const http = await connectionStore().http();
  if (!http) return { ok: false, lines: [t('noConnection')] };
  // The seal is checked here first (a damaged file never reaches the server); the server checks
  // it again, with the keys of the cluster's tokens.
  await verifyBundle(bundle, { expectKind: 'push' });
  progress(t('busyRelay'));
  try {
    const res = await relayPushBundle(http, bundle);
    const count = (s: string) => res.results.filter((r) => r.status === s).length;
    const lines = [
      t('relayed', {
        cluster: bundle.clusterId,
        applied: count('applied'),
        duplicate: count('duplicate'),
        refused: count('refused'),
      }),
    ];
    res.results.forEach((r, i) => {
      if (r.status !== 'refused') return;
      const change = bundle.mutations[i]?.change;
      lines.push(
        t('refusedRow', {
          entity: change?.entity ?? '',
          id: change?.id ?? r.mutationId,
          message: r.message ?? r.reason ?? '',
        }),
      );
    });
    lines.push(t('relayedNext'));
    return { ok: true, lines };
  } catch (e) {
    if (e instanceof SyncHttpError && e.code === 'bundle_wrong_cluster') {
      return { ok: false, lines: [t('wrongRelayCluster', { cluster: bundle.clusterId })] };
    }
    throw e;
  }
}

async function applyPulled(
  t: SyncFileT,
  bundle: Bundle & { kind: 'pull' },
  progress: Progress,
  confirm: ConfirmDeletes,
) {
  const db = getDb();
  const key = await bundleKey();
  const seal = await verifyBundle(bundle, {
    expectKind: 'pull',
    expectClusterId: await localClusterId(db),
    keys: key ? [key] : [],
  });
  const r = await importPullBundle(
    db,
    bundle,
    (done, total) => progress(t('busyImport', { done, total })),
    confirm,
  );
  if (r.declined) return { ok: false, lines: [t('declined')] };
  const { cursorMoved: _moved, declined: _declined, ...counts } = r;
  const lines = [t('imported', counts)];
  if (seal === 'hmac_unverified') lines.push(t('sealUnverified'));
  return { ok: true, lines };
}

/** 파일 가져오기: a push file is relayed (connected PC), a pull file applied (offline PC). */
export async function importFile(
  t: SyncFileT,
  progress: Progress,
  confirm: ConfirmDeletes,
): Promise<FileOutcome> {
  const picked = await platform.openFile({
    accept: ['.gz', '.json'],
    maxBytes: IPC_LIMITS.backupBytes,
  });
  if (!picked) return { ok: true, lines: [t('cancelled')] };
  try {
    const bundle = decodeBundleFile(picked.bytes);
    return bundle.kind === 'push'
      ? await relay(t, bundle, progress)
      : await applyPulled(t, bundle, progress, confirm);
  } catch (e) {
    return { ok: false, lines: [failureText(t, e)] };
  }
}

/** Whose pull file to make: the last relayed file's cluster and cursor, else this PC's. */
export async function pullTarget(): Promise<{ clusterId: string; after: string } | null> {
  const last = relayedFiles().at(-1);
  if (last) return { clusterId: last.clusterId, after: last.pullAfter };
  try {
    return { clusterId: await localClusterId(getDb()), after: '0' };
  } catch {
    return null;
  }
}

export async function exportReceived(t: SyncFileT, progress: Progress): Promise<FileOutcome> {
  const http = await connectionStore().http();
  if (!http) return { ok: false, lines: [t('noConnection')] };
  const target = await pullTarget();
  if (!target) return { ok: false, lines: [t('failed', { message: 'clusterId' })] };
  const r = await exportPullBundle(http, {
    ...target,
    key: await bundleKey(),
    onProgress: (n) => progress(t('busyPull', { n })),
  });
  if (!(await platform.saveFile(r.fileName, r.bytes, GZIP))) {
    return { ok: true, lines: [t('cancelled')] };
  }
  const lines = [
    t('pulled', {
      n: r.bundle.changes.length,
      receipts: r.bundle.receipts.length,
      file: r.fileName,
    }),
  ];
  if (r.hasMore) lines.push(t('pulledMore'));
  return { ok: true, lines };
}
