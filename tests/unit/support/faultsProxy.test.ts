/**
 * The fault proxy against a tiny upstream: with faults off it forwards untouched; each fault
 * does what its name says (the upstream counts what reached it).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../tests/faults/prng';
import { FaultProxy, drawFault, type FaultKind } from '../../../tests/faults/proxy';

let upstream: Server;
let hits = 0;
let proxy: FaultProxy;
let url = '';

beforeAll(async () => {
  upstream = createServer((req, res) => {
    hits++;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ hits, filler: 'x'.repeat(2000) }));
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  proxy = new FaultProxy(() => (upstream.address() as AddressInfo).port);
  url = await proxy.listen();
});

afterAll(async () => {
  await proxy.close();
  await new Promise((r) => upstream.close(r));
});

/** A PRNG whose every draw is the first draw of a seed that picks `kind`. */
function always(kind: FaultKind): Rng {
  for (let seed = 0; seed < 10_000; seed++) {
    const first = createRng(seed).next();
    if (drawFault({ ...createRng(0), next: () => first }) === kind) {
      return { ...createRng(seed), next: () => first };
    }
  }
  throw new Error(`no seed draws ${kind}`);
}

async function post(): Promise<{ ok: true; hits: number } | { ok: false }> {
  try {
    const r = await fetch(`${url}/v1/sync/push`, { method: 'POST', body: '{"a":1}' });
    const body = (await r.json()) as { hits: number };
    return { ok: true, hits: body.hits };
  } catch {
    return { ok: false };
  }
}

describe('FaultProxy', () => {
  it('forwards untouched with faults off', async () => {
    proxy.setFaults(undefined);
    const before = hits;
    expect(await post()).toEqual({ ok: true, hits: before + 1 });
  });

  it.each([
    ['dropRequest', false, 0],
    ['dropResponse', false, 1],
    ['cutResponse', false, 1],
    ['duplicate', true, 2],
    ['delay', true, 1],
  ] as const)(
    '%s: the client %s an answer, the server got %i request(s)',
    async (kind, answered, reached) => {
      proxy.setFaults(always(kind));
      const before = hits;
      const r = await post();
      expect(r.ok).toBe(answered);
      expect(hits - before).toBe(reached);
      if (r.ok) expect(r.hits).toBe(hits); // the duplicate's client got the second answer
      proxy.setFaults(undefined);
    },
  );

  it('the same seed draws the same faults', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 200 }, () => drawFault(rng));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(new Set(draw(42))).toEqual(
      new Set(['pass', 'delay', 'dropRequest', 'dropResponse', 'duplicate', 'cutResponse']),
    );
  });
});
