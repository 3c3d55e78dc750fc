/**
 * Sync by file, the whole trip in one process: an offline database exports its pending changes,
 * a "connected PC" relays the file to a real server app (PGlite) and exports a pull file with the
 * receipt, the offline database imports it. Files imported twice or out of order change nothing.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../../server/app';
import { createToken, seedClusters } from '../../../../server/auth/tokens';
import { migrate } from '../../../../server/db/migrate';
import { openPglite } from '../../../../server/db/pglite';
import type { Db } from '../../../../server/db/types';
import { mutate } from '../../../../renderer/db/mutate';
import { countOutbox } from '../../../../renderer/db/outbox';
import { getSetting } from '../../../../renderer/db/settings';
import { exportPushBundle, importPullBundle } from '../../../../renderer/sync/fileBundles';
import { exportPullBundle, relayPushBundle } from '../../../../renderer/sync/fileRelay';
import { fetchHttp, type HttpCall } from '../../../../renderer/sync/transport';
import {
  decodeBundleFile,
  verifyBundle,
  type PullBundle,
  type PushBundle,
} from '../../../../shared/sync/bundle';
import { bundleKeyFromToken } from '../../../../shared/sync/bundleCrypto';
import { freshDb, orgValues } from '../db/helpers';
import { listen } from '../../server/harness';

let server: Db;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  server = await openPglite('memory://');
  await migrate(server);
  await seedClusters(server);
  app = await buildApp({ db: server });
  base = await listen(app);
}, 120_000);
afterAll(async () => {
  await app.close();
  await server.close();
});

const tokenFor = async (cluster: string) =>
  (await createToken(server, { role: 'team', cluster })).token;

async function readBack<B extends PushBundle | PullBundle>(bytes: Uint8Array, kind: B['kind']) {
  const b = decodeBundleFile(bytes);
  await verifyBundle(b, { expectKind: kind, expectClusterId: 'gumi' });
  return b as B;
}

describe('sync by file: offline PC → connected PC → server → offline PC', () => {
  it('delivers pending changes once, acknowledges them by receipt, and repeats change nothing', async () => {
    const offline = await freshDb({ clusterId: 'gumi' });
    const offlineToken = await tokenFor('gumi');
    const key = await bundleKeyFromToken(offlineToken);
    await mutate(offline, [
      { entity: 'organization', op: 'create', id: 'o1', values: orgValues(1) },
      { entity: 'organization', op: 'create', id: 'o2', values: orgValues(2) },
    ]);

    const exported = await exportPushBundle(offline, key);
    expect(exported).not.toBeNull();
    const again = await exportPushBundle(offline, key);
    // The same frozen batch: same mutation ids and payloads (only the file's own id differs).
    expect(again!.bundle.mutations).toEqual(exported!.bundle.mutations);
    expect(exported!.bundle.mutations).toHaveLength(2);
    expect(await countOutbox(offline)).toBe(2); // nothing acknowledged by exporting

    const connected: HttpCall = fetchHttp(base, await tokenFor('gumi'));
    const file = await readBack<PushBundle>(exported!.bytes, 'push');
    const first = await relayPushBundle(connected, file);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(first.seal).toBe('hmac');
    const second = await relayPushBundle(
      connected,
      await readBack<PushBundle>(again!.bytes, 'push'),
    );
    expect(second.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);

    // Meanwhile the offline PC keeps working; that write is not in the file.
    await mutate(offline, [
      { entity: 'organization', op: 'create', id: 'o3', values: orgValues(3) },
    ]);

    const pull = await exportPullBundle(connected, {
      clusterId: 'gumi',
      after: file.pullAfter,
      key: null,
    });
    expect(pull.bundle.changes.map((c) => c.id).sort()).toEqual(['o1', 'o2']);
    const pullFile = await readBack<PullBundle>(pull.bytes, 'pull');
    const imported = await importPullBundle(offline, pullFile);
    expect(imported.acknowledged).toBe(1);
    expect(imported.cursorMoved).toBe(true);
    expect(await getSetting(offline, 'syncCursor')).toBe(pull.bundle.cursor);
    expect(await countOutbox(offline)).toBe(1); // o3 only: o1 and o2 were acknowledged

    const twice = await importPullBundle(offline, pullFile);
    expect(twice).toMatchObject({ applied: 0, acknowledged: 0, cursorMoved: false });
    expect(await countOutbox(offline)).toBe(1);

    // The next file carries the new batch, not the acknowledged one.
    const next = await exportPushBundle(offline, key);
    expect(next!.bundle.mutations.map((m) => m.change.id)).toEqual(['o3']);
  });

  it('applies pull files out of order without losing anything, and keeps the cursor honest', async () => {
    const writer = fetchHttp(base, await tokenFor('gumi'));
    const push = (id: string, ms: number, name: string) =>
      writer({
        method: 'POST',
        path: '/v1/sync/push',
        auth: true,
        body: JSON.stringify({
          protocol: 1,
          deviceId: 'ONLINE1',
          mutations: [
            {
              mutationId: `${ms}-0000-ONLINE1`,
              change: {
                entity: 'organization',
                id,
                clusterId: 'gumi',
                fields: { ...orgFields(ms, name) },
              },
            },
          ],
        }),
      });
    const t = Date.now() - 60_000;
    await push('p1', t, '처음');
    const firstFile = await exportPullBundle(writer, { clusterId: 'gumi', after: '0', key: null });
    await push('p1', t + 1000, '나중');
    await push('p2', t + 2000, '둘째');
    const secondFile = await exportPullBundle(writer, {
      clusterId: 'gumi',
      after: firstFile.bundle.cursor,
      key: null,
    });

    const offline = await freshDb({ clusterId: 'gumi' });
    const late = await importPullBundle(offline, secondFile.bundle);
    expect(late.cursorMoved).toBe(false); // a gap before it: the cursor stays
    const early = await importPullBundle(offline, firstFile.bundle);
    expect(early.cursorMoved).toBe(true);
    const p1 = await offline.table('organizations').get('p1');
    const p2 = await offline.table('organizations').get('p2');
    expect(p1?.name).toBe('나중'); // the older file did not undo the newer write
    expect(p2?.name).toBe('둘째');
    expect(await getSetting(offline, 'syncCursor')).toBe(firstFile.bundle.cursor);
  });
});

describe('sync by file: the deletion guardrail', () => {
  it('asks before a pull file deletes more than 10 % of the live records; no answer applies nothing', async () => {
    const offline = await freshDb({ clusterId: 'gumi' });
    await mutate(
      offline,
      [1, 2, 3].map((n) => ({
        entity: 'organization' as const,
        op: 'create' as const,
        id: `d${n}`,
        values: orgValues(n),
      })),
    );
    const hlc = `${Date.now()}-0000-SERVERDEV`;
    const file: PullBundle = {
      format: 'pumasi-sync-bundle',
      version: 1,
      kind: 'pull',
      bundleId: 'P',
      createdAt: new Date().toISOString(),
      clusterId: 'gumi',
      after: '0',
      cursor: '9',
      seal: { sha256: '0'.repeat(64) },
      receipts: [],
      changes: ['d1', 'd2'].map((id) => ({
        entity: 'organization',
        id,
        clusterId: 'gumi',
        fields: { deleted: { value: 1, hlc } },
      })),
    };
    const asked: Array<[number, number]> = [];
    const declined = await importPullBundle(offline, file, undefined, async (count, live) => {
      asked.push([count, live]);
      return false;
    });
    expect(asked).toEqual([[2, 3]]);
    expect(declined).toMatchObject({ declined: true, applied: 0, cursorMoved: false });
    expect((await offline.table('organizations').get('d1'))?.deleted).toBe(0);
    expect(await getSetting(offline, 'syncCursor')).toBeUndefined();

    const confirmed = await importPullBundle(offline, file, undefined, async () => true);
    expect(confirmed.applied).toBe(2);
    expect((await offline.table('organizations').get('d1'))?.deleted).toBe(1);
  });
});

function orgFields(ms: number, name: string) {
  const hlc = `${ms}-0000-ONLINE1`;
  // as a client's create: with the tombstone, or the server refuses it for a record it lacks
  const values = { ...orgValues(ms % 1000, { name }), deleted: 0 };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, hlc }]));
}
