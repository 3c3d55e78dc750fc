/**
 * The hand-written push body check (server/sync/pushBody.ts) against the wire contract's zod
 * schema: over hundreds of generated bodies — valid ones and ones broken in one or a few places,
 * at every length limit — both accept the same bodies and give the same data.
 */
import { describe, expect, it } from 'vitest';
import { checkPushBody } from '../../../server/sync/pushBody';
import { pushRequestSchema, SYNC_LIMITS } from '../../../shared/sync/protocol';
import { mulberry32 } from '../../../shared/demo/random';

/** seeded (mulberry32), so a failure is repeatable */
const rng = mulberry32;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Node = Record<string, Json>;

function generator(seed: number) {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const text = (len: number) =>
    Array.from({ length: len }, () => pick(['a', '가', 'Z', '7', '😀', '\uD83D'])).join('');
  const hlc = () =>
    `${String(int(2e12)).padStart(13, '0')}-${int(65536).toString(16).padStart(4, '0')}-${pick(['DEV1', '01J9', 'x-y'])}`;
  const value = (): Json =>
    pick<() => Json>([
      () => null,
      () => int(100),
      () => text(3),
      () => true,
      () => [1, 'a'],
      () => ({ k: 'v' }),
    ])();

  const field = (): Node => {
    const f: Node = { value: value(), hlc: hlc() };
    if (r() < 0.4) f.base = r() < 0.5 ? null : hlc();
    return f;
  };
  const change = (): Node => {
    const fields: Node = {};
    for (let i = int(4); i >= 0; i -= 1)
      fields[pick(['name', 'deleted', 'kind', 'x'.repeat(64)])] = field();
    const c: Node = { entity: 'organization', id: text(1 + int(10)), clusterId: 'gumi', fields };
    if (r() < 0.4)
      c.who = r() < 0.5 ? { name: text(1 + int(5)) } : { name: text(100), role: text(40) };
    return c;
  };
  const body = (): Node => ({
    protocol: 1,
    deviceId: text(1 + int(20)),
    mutations: Array.from({ length: int(4) }, () => ({
      mutationId: text(1 + int(64)),
      change: change(),
    })),
  });

  /** the objects and arrays inside `root`, with their parents' keys */
  const spots = (root: Json): Array<{ parent: Node | Json[]; key: string | number }> => {
    const out: Array<{ parent: Node | Json[]; key: string | number }> = [];
    const walk = (node: Json) => {
      if (Array.isArray(node)) {
        node.forEach((v, i) => {
          out.push({ parent: node, key: i });
          walk(v);
        });
      } else if (node && typeof node === 'object') {
        for (const k of Object.keys(node)) {
          out.push({ parent: node, key: k });
          walk(node[k]!);
        }
      }
    };
    walk(root);
    return out;
  };
  const odd = (): Json | undefined =>
    pick<() => Json | undefined>([
      () => undefined, // the key removed
      () => null,
      () => '',
      () => text(64),
      () => text(65),
      () => text(100),
      () => text(101),
      () => 1,
      () => 2,
      () => '1',
      () => [],
      () => ({}),
      () => hlc(),
      () => `${hlc()}\n`,
      () => hlc().replace('-', '_'),
      () => hlc().toUpperCase(),
      () => ({ name: text(1) }),
      () => ({ value: 1, hlc: hlc() }),
    ])();

  /** a valid body broken (or not: some changes keep it valid) in 1–3 places */
  const broken = (): Node => {
    const b = body();
    for (let n = 1 + int(3); n > 0; n -= 1) {
      const all = spots(b);
      if (all.length === 0 || r() < 0.1) {
        // a key the schema does not know, or a top-level one damaged
        const key = pick(['protocol', 'deviceId', 'mutations', 'extra']);
        const v = odd();
        if (v === undefined) delete b[key];
        else b[key] = v;
        continue;
      }
      const { parent, key } = pick(all);
      const v = odd();
      if (Array.isArray(parent)) parent[key as number] = v ?? null;
      else if (r() < 0.15) parent[pick(['extra', '', 'k'.repeat(65), '__proto__'])] = v ?? 1;
      else if (v === undefined) delete parent[key as string];
      else parent[key as string] = v;
    }
    return b;
  };
  return { body, broken };
}

function compare(body: unknown) {
  const zod = pushRequestSchema.safeParse(body);
  const mine = checkPushBody(body);
  expect({ ok: mine !== undefined, body }).toEqual({ ok: zod.success, body });
  if (zod.success) expect(mine).toEqual(zod.data);
  return zod.success;
}

describe('checkPushBody accepts and rejects exactly what pushRequestSchema does', () => {
  it('agrees on 800 generated bodies, valid and broken, from their JSON', () => {
    let accepted = 0;
    for (let seed = 1; seed <= 400; seed += 1) {
      const g = generator(seed);
      for (const body of [g.body(), g.broken()]) {
        // as the server sees it: parsed from the wire
        if (compare(JSON.parse(JSON.stringify(body)))) accepted += 1;
      }
    }
    // both kinds really occur
    expect(accepted).toBeGreaterThan(450);
    expect(accepted).toBeLessThan(750);
  });

  it('agrees at the edges: the batch limit, __proto__ keys, a missing value, non-objects', () => {
    const hlc = '1767571200000-0000-DEV';
    const m = (i: number) => ({
      mutationId: `m${i}`,
      change: { entity: 'e', id: `${i}`, clusterId: 'c', fields: { a: { value: i, hlc } } },
    });
    const cases: unknown[] = [
      null,
      [],
      'body',
      {
        protocol: 1,
        deviceId: 'd',
        mutations: Array.from({ length: SYNC_LIMITS.maxMutationsPerPush }, (_, i) => m(i)),
      },
      {
        protocol: 1,
        deviceId: 'd',
        mutations: Array.from({ length: SYNC_LIMITS.maxMutationsPerPush + 1 }, (_, i) => m(i)),
      },
      JSON.parse(
        `{"protocol":1,"deviceId":"d","mutations":[{"mutationId":"m","change":{"entity":"e","id":"i","clusterId":"c","fields":{"__proto__":5,"a":{"value":null,"hlc":"${hlc}"}}}}]}`,
      ),
      JSON.parse(
        `{"protocol":1,"deviceId":"d","mutations":[{"mutationId":"m","change":{"entity":"e","id":"i","clusterId":"c","fields":{"a":{"hlc":"${hlc}"}}}}]}`,
      ),
      {
        protocol: 1,
        deviceId: 'd',
        mutations: [{ mutationId: 'm', change: { ...m(1).change, who: { name: 'a', role: '' } } }],
      },
      {
        protocol: 1,
        deviceId: 'd',
        mutations: [{ mutationId: 'm', change: { ...m(1).change, who: null } }],
      },
      { protocol: 1.0, deviceId: 'd'.repeat(64), mutations: [], extra: true },
      { protocol: 1, deviceId: 'a'.repeat(63) + '😀', mutations: [] },
    ];
    for (const body of cases) compare(body);
  });
});
