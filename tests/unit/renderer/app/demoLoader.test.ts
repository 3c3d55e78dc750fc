import { describe, expect, it } from 'vitest';
import type { EntityName } from '../../../../shared/registry';
import {
  planBatches,
  runDemoLoad,
  type DemoEntityRows,
  type DemoLoadPorts,
  type DemoRow,
} from '../../../../renderer/features/demo/loader';

const rows = (prefix: string, n: number): DemoRow[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, clusterId: 'gumi', values: { i } }));

const sample: DemoEntityRows[] = [
  { entity: 'cluster', rows: rows('c', 3) },
  { entity: 'organization', rows: rows('o', 25) },
  { entity: 'expert', rows: rows('e', 10) },
];

/** An in-memory store with the ports' contract: a failed write writes nothing. */
function memoryPorts(opts: { failOn?: EntityName; onWrite?: (n: number) => void } = {}) {
  const stored = new Map<string, Set<string>>();
  const writes: Array<{ entity: EntityName; ids: string[] }> = [];
  const ports: DemoLoadPorts = {
    async findExisting(entity, ids) {
      const have = stored.get(entity) ?? new Set();
      return new Set(ids.filter((id) => have.has(id)));
    },
    async write(entity, batch) {
      if (entity === opts.failOn) return { ok: false, message: 'name: 필수' };
      const set = stored.get(entity) ?? new Set<string>();
      for (const r of batch) {
        if (set.has(r.id)) throw new Error(`duplicate ${r.id}`);
        set.add(r.id);
      }
      stored.set(entity, set);
      writes.push({ entity, ids: batch.map((r) => r.id) });
      opts.onWrite?.(writes.length);
      return { ok: true };
    },
  };
  const size = (entity: EntityName) => stored.get(entity)?.size ?? 0;
  return { ports, writes, size };
}

describe('planBatches', () => {
  it('splits each entity into batches of at most the size, keeping dependency order', () => {
    const batches = planBatches(sample, 10);
    expect(batches.map((b) => [b.entity, b.rows.length])).toEqual([
      ['cluster', 3],
      ['organization', 10],
      ['organization', 10],
      ['organization', 5],
      ['expert', 10],
    ]);
    expect(batches.flatMap((b) => b.rows.map((r) => r.id))).toEqual(
      sample.flatMap((s) => s.rows.map((r) => r.id)),
    );
  });

  it('rejects a batch size below one', () => {
    expect(() => planBatches(sample, 0)).toThrow();
  });
});

describe('runDemoLoad', () => {
  it('writes everything in batches and reports progress up to the total', async () => {
    const { ports, writes, size } = memoryPorts();
    const progress: Array<[number, number]> = [];
    const result = await runDemoLoad(sample, ports, {
      batchSize: 10,
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(result.status).toBe('done');
    expect(result.created).toEqual({ cluster: 3, organization: 25, expert: 10 });
    expect(result.skipped).toEqual({});
    expect(writes.map((w) => w.ids.length)).toEqual([3, 10, 10, 5, 10]);
    expect(size('organization')).toBe(25);
    expect(progress[0]).toEqual([0, 38]);
    expect(progress.at(-1)).toEqual([38, 38]);
    expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((a, b) => a - b));
  });

  it('is idempotent: a second load skips every row and writes nothing', async () => {
    const { ports, writes, size } = memoryPorts();
    await runDemoLoad(sample, ports, { batchSize: 10 });
    const before = writes.length;
    const again = await runDemoLoad(sample, ports, { batchSize: 10 });
    expect(again.status).toBe('done');
    expect(again.created).toEqual({});
    expect(again.skipped).toEqual({ cluster: 3, organization: 25, expert: 10 });
    expect(writes.length).toBe(before);
    expect(size('organization')).toBe(25);
  });

  it('stops between batches when cancelled and keeps what was written', async () => {
    const controller = new AbortController();
    const { ports, size } = memoryPorts({
      onWrite: (n) => {
        if (n === 2) controller.abort(); // after the clusters and the first organisations
      },
    });
    const result = await runDemoLoad(sample, ports, { batchSize: 10, signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(result.done).toBe(13);
    expect(size('cluster')).toBe(3);
    expect(size('organization')).toBe(10);
    expect(size('expert')).toBe(0);
  });

  it('completes after a cancel without duplicating the part already written', async () => {
    const controller = new AbortController();
    const first = memoryPorts({ onWrite: (n) => n === 2 && controller.abort() });
    await runDemoLoad(sample, first.ports, { batchSize: 10, signal: controller.signal });
    const resumed = await runDemoLoad(sample, first.ports, { batchSize: 10 });
    expect(resumed.status).toBe('done');
    expect(resumed.created).toEqual({ organization: 15, expert: 10 });
    expect(resumed.skipped).toEqual({ cluster: 3, organization: 10 });
    expect(first.size('organization')).toBe(25);
  });

  it('does nothing when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const { ports, writes } = memoryPorts();
    const result = await runDemoLoad(sample, ports, { signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(writes).toEqual([]);
  });

  it('stops at the first rejected batch and reports why', async () => {
    const { ports, size } = memoryPorts({ failOn: 'organization' });
    const result = await runDemoLoad(sample, ports, { batchSize: 10 });
    expect(result.status).toBe('failed');
    expect(result.error).toContain('필수');
    expect(result.created).toEqual({ cluster: 3 });
    expect(size('expert')).toBe(0);
  });

  it('turns a thrown storage error into a failed result', async () => {
    const ports: DemoLoadPorts = {
      findExisting: async () => {
        throw new Error('QuotaExceededError');
      },
      write: async () => ({ ok: true }),
    };
    const result = await runDemoLoad(sample, ports);
    expect(result).toMatchObject({ status: 'failed', error: 'QuotaExceededError', done: 0 });
  });
});
