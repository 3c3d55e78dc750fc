import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PumasiDb } from '../../../../renderer/db/db';
import { getClock } from '../../../../renderer/db/clock';
import { mutate } from '../../../../renderer/db/mutate';
import { readHistory } from '../../../../renderer/db/outbox';
import { applyRemote } from '../../../../renderer/db/remoteApply';
import { getDeviceId } from '../../../../renderer/db/settings';
import { formatHlc } from '../../../../shared/sync/hlc';
import { freshDb, orgValues, track } from './helpers';

afterEach(() => vi.restoreAllMocks());

/** Two "tabs": two connections to one database, each with its own clock, one device id. */
async function twoTabs() {
  const a = await freshDb();
  const b = track(new PumasiDb(a.name));
  await b.open();
  expect(await getDeviceId(b)).toBe(await getDeviceId(a));
  // Both clocks exist before either tab writes, and the system clock stands still: each clock
  // alone would mint the very same stamps.
  vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
  const clocks = [await getClock(a), await getClock(b)];
  expect(clocks[0]).not.toBe(clocks[1]);
  return { a, b };
}

const create = (n: number) => [
  { entity: 'organization' as const, op: 'create' as const, id: `o${n}`, values: orgValues(n) },
];

describe('stamps across tabs (one device id, one clock per tab)', () => {
  it('never mints equal stamps, and a tab writes after what another committed', async () => {
    const { a, b } = await twoTabs();
    const first = await mutate(a, create(1));
    const second = await mutate(b, create(2));
    const third = await mutate(a, create(3));
    const stamps = [first, second, third].map((r) => (r.ok ? r.records[0]?.hlc : 'failed'));
    expect(stamps).toEqual([...stamps].sort());
    expect(new Set(stamps).size).toBe(3);
  });

  it('interleaved writes from both tabs all land, with distinct stamps in commit order', async () => {
    const { a, b } = await twoTabs();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) => mutate(n % 2 === 0 ? a : b, create(n))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const history = await readHistory(a); // in key (= stamp) order
    expect(history).toHaveLength(12);
    expect(new Set(history.map((h) => h.id)).size).toBe(12);
    // Commit order is stamp order: each history row's stamp is above every earlier row's.
    const ids = history.map((h) => h.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('a pull in one tab and a local write in the other stay ordered', async () => {
    const { a, b } = await twoTabs();
    const ahead = formatHlc({
      wallMs: 1_800_000_000_000 + 1_000,
      counter: 3,
      deviceId: '01HZZZZZZZZZZZZZZZZZZZZZZB',
    });
    const values = { ...orgValues(9), deleted: 0 };
    await applyRemote(a, [
      {
        entity: 'organization',
        id: 'p',
        clusterId: 'gumi',
        fields: Object.fromEntries(
          Object.entries(values).map(([k, v]) => [k, { value: v, hlc: ahead }]),
        ),
      },
    ]);
    const local = await mutate(b, create(10)); // tab b never saw the pulled stamp itself
    expect(local.ok && (local.records[0]?.hlc ?? '') > ahead).toBe(true);
  });
});
