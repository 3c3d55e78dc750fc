import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BundleError,
  canonicalJson,
  decodeBundleFile,
  encodeBundleFile,
  sealBundle,
  verifyBundle,
  type PullBundle,
  type PushBundle,
  type UnsealedBundle,
} from '../../../../shared/sync/bundle';
import {
  bundleKeyFromToken,
  bundleKeyFromTokenHash,
  sha256Hex,
} from '../../../../shared/sync/bundleCrypto';

const HLC = '1767571200000-0000-DEVA';
const HLC2 = '1767571200001-0000-DEVA';

const pushBody = (): UnsealedBundle<PushBundle> => ({
  format: 'pumasi-sync-bundle',
  version: 1,
  kind: 'push',
  bundleId: 'B1',
  createdAt: '2026-01-05T00:00:00.000Z',
  clusterId: 'gumi',
  deviceId: 'DEVA',
  ackToken: 'ACK1',
  firstMutationId: HLC,
  lastMutationId: HLC2,
  pullAfter: '0',
  mutations: [
    {
      mutationId: HLC,
      change: {
        entity: 'organization',
        id: 'o1',
        clusterId: 'gumi',
        fields: { name: { value: '구미정밀', hlc: HLC } },
      },
    },
    {
      mutationId: HLC2,
      change: {
        entity: 'organization',
        id: 'o2',
        clusterId: 'gumi',
        fields: { employees: { value: 12, hlc: HLC2, base: null } },
      },
    },
  ],
});

async function expectRefused(p: Promise<unknown> | (() => unknown), code: string, ko: RegExp) {
  let caught: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(BundleError);
  expect((caught as BundleError).code).toBe(code);
  expect((caught as BundleError).message).toMatch(ko);
}

describe('sync bundle files', () => {
  it('round-trips through a gzipped file and verifies its checksum', async () => {
    const sealed = await sealBundle<PushBundle>(pushBody(), null);
    const bytes = encodeBundleFile(sealed);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const back = decodeBundleFile(bytes);
    expect(back).toEqual(sealed);
    expect(await verifyBundle(back, { expectClusterId: 'gumi', expectKind: 'push' })).toBe(
      'checksum',
    );
  });

  it('reads a plain JSON file too', async () => {
    const sealed = await sealBundle<PushBundle>(pushBody(), null);
    const back = decodeBundleFile(new TextEncoder().encode(JSON.stringify(sealed, null, 2)));
    expect(await verifyBundle(back)).toBe('checksum');
  });

  it('signs with the token-derived key; the server derives the same key from the token hash', async () => {
    const token = 'pumasi_secret-token';
    const key = await bundleKeyFromToken(token);
    const serverKey = await bundleKeyFromTokenHash(await sha256Hex(token));
    expect(serverKey).toEqual(key);
    const sealed = await sealBundle<PushBundle>(pushBody(), key);
    expect(sealed.seal.keyId).toBe(key.id);
    expect(JSON.stringify(sealed)).not.toContain(token);
    expect(await verifyBundle(sealed, { keys: [serverKey] })).toBe('hmac');
    // A verifier without that key proves only the checksum, and says so.
    const other = await bundleKeyFromToken('pumasi_other');
    expect(await verifyBundle(sealed, { keys: [other] })).toBe('hmac_unverified');
  });

  it('detects a changed value (checksum) and a re-checksummed forgery (signature)', async () => {
    const key = await bundleKeyFromToken('pumasi_secret-token');
    const sealed = await sealBundle<PushBundle>(pushBody(), key);
    const edited = structuredClone(sealed);
    edited.mutations[0]!.change.fields.name!.value = '가짜정밀';
    await expectRefused(verifyBundle(edited, { keys: [key] }), 'tampered', /체크섬 불일치/);
    // The forger recomputes the SHA-256 but cannot make the HMAC.
    const { seal: _s, ...body } = edited;
    edited.seal.sha256 = await sha256Hex(canonicalJson(body));
    await expectRefused(verifyBundle(edited, { keys: [key] }), 'bad_signature', /서명이 맞지/);
    // An edited mutation id is caught as well (idempotence depends on it).
    const renamed = structuredClone(sealed);
    renamed.mutations[1]!.mutationId = '1767571200009-0000-DEVA';
    await expectRefused(verifyBundle(renamed), 'tampered', /체크섬/);
  });

  it('keeps the checksum when only the key order or spacing changes', async () => {
    const sealed = await sealBundle<PushBundle>(pushBody(), null);
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const reordered = reverseKeys(sealed) as PushBundle;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(sealed));
    const respaced = decodeBundleFile(new TextEncoder().encode(JSON.stringify(sealed, null, 4)));
    expect(await verifyBundle(reordered)).toBe('checksum');
    expect(await verifyBundle(respaced)).toBe('checksum');
  });

  it('refuses a file for another cluster, or of the other kind, in Korean', async () => {
    const sealed = await sealBundle<PushBundle>(pushBody(), null);
    await expectRefused(
      verifyBundle(sealed, { expectClusterId: 'wonju' }),
      'wrong_cluster',
      /다른 클러스터\(gumi\)의 파일입니다\. 이 PC는 wonju 클러스터입니다/,
    );
    await expectRefused(
      verifyBundle(sealed, { expectKind: 'pull' }),
      'wrong_kind_push',
      /인터넷에 연결된 PC에서 가져오세요/,
    );
  });

  it('refuses a truncated file, gzipped or plain, in Korean', async () => {
    const sealed = await sealBundle<PushBundle>(pushBody(), null);
    const gz = encodeBundleFile(sealed);
    const cut = gz.slice(0, Math.floor(gz.length / 2));
    await expectRefused(() => decodeBundleFile(cut), 'truncated', /파일이 잘렸거나 손상되었습니다/);
    const json = new TextEncoder().encode(JSON.stringify(sealed));
    await expectRefused(
      () => decodeBundleFile(json.slice(0, json.length - 5)),
      'truncated',
      /잘렸/,
    );
  });

  it('refuses files that are not bundles, newer formats and malformed content', async () => {
    await expectRefused(
      () => decodeBundleFile(new TextEncoder().encode('회사명,대표자\n')),
      'not_bundle',
      /품앗이 동기화 파일이 아닙니다/,
    );
    const future = { ...(await sealBundle<PushBundle>(pushBody(), null)), version: 2 };
    await expectRefused(
      () => decodeBundleFile(gzipSync(new TextEncoder().encode(JSON.stringify(future)))),
      'unsupported_version',
      /업데이트/,
    );
    const noMutations = { ...(await sealBundle<PushBundle>(pushBody(), null)), mutations: [] };
    await expectRefused(
      () => decodeBundleFile(new TextEncoder().encode(JSON.stringify(noMutations))),
      'invalid',
      /mutations/,
    );
  });

  it('seals pull bundles with their receipts', async () => {
    const body: UnsealedBundle<PullBundle> = {
      format: 'pumasi-sync-bundle',
      version: 1,
      kind: 'pull',
      bundleId: 'P1',
      createdAt: '2026-01-05T00:00:00.000Z',
      clusterId: 'gumi',
      after: '0',
      cursor: '7',
      changes: [pushBody().mutations[0]!.change],
      receipts: [
        {
          bundleId: 'B1',
          deviceId: 'DEVA',
          ackToken: 'ACK1',
          results: [{ mutationId: HLC, status: 'applied' }],
          conflicts: [],
        },
      ],
    };
    const sealed = await sealBundle<PullBundle>(body, null);
    const back = decodeBundleFile(encodeBundleFile(sealed));
    expect(await verifyBundle(back, { expectKind: 'pull', expectClusterId: 'gumi' })).toBe(
      'checksum',
    );
    const lostReceipt = structuredClone(sealed);
    lostReceipt.receipts = [];
    await expectRefused(verifyBundle(lostReceipt), 'tampered', /체크섬/);
  });
});
