/**
 * Demo loading, the pure part: split the generated data into batches, skip ids already stored,
 * write batch by batch, report progress, stop between batches when cancelled. The database is
 * reached only through `DemoLoadPorts`, so this runs in unit tests without IndexedDB.
 *
 * Idempotent: demo ids are deterministic, and a row whose id is already stored (even deleted by
 * the user) is skipped, so loading twice, or again after a cancel, never duplicates anything and
 * never brings back what the user deleted.
 */
import type { EntityName } from '../../../shared/registry';

import type { DemoEntityRows, DemoRow } from '../../../shared/demo/types';

export type { DemoEntityRows, DemoRow };

export interface DemoBatch {
  entity: EntityName;
  rows: DemoRow[];
}

/** One IndexedDB transaction per batch: big enough to be quick, small enough to show progress. */
export const DEMO_BATCH_SIZE = 2_000;

/** Batches in the data's order (dependency order: clusters first); one entity per batch. */
export function planBatches(data: readonly DemoEntityRows[], size = DEMO_BATCH_SIZE): DemoBatch[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be ≥ 1: ${size}`);
  const batches: DemoBatch[] = [];
  for (const { entity, rows } of data) {
    for (let start = 0; start < rows.length; start += size) {
      batches.push({ entity, rows: rows.slice(start, start + size) });
    }
  }
  return batches;
}

export type WriteOutcome = { ok: true } | { ok: false; message: string };

export interface DemoLoadPorts {
  /** which of these ids are already stored for the entity (deleted or not) */
  findExisting(entity: EntityName, ids: string[]): Promise<Set<string>>;
  /** writes new rows in one transaction; nothing is written when it fails */
  write(entity: EntityName, rows: DemoRow[]): Promise<WriteOutcome>;
}

export interface DemoLoadOptions {
  batchSize?: number;
  /** checked before every batch: a cancel keeps the batches already written */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export type DemoCounts = Partial<Record<EntityName, number>>;

export interface DemoLoadResult {
  status: 'done' | 'cancelled' | 'failed';
  /** rows written now, per entity */
  created: DemoCounts;
  /** rows already present, per entity */
  skipped: DemoCounts;
  /** rows looked at (created + skipped) */
  done: number;
  total: number;
  error?: string;
}

const add = (counts: DemoCounts, entity: EntityName, n: number) => {
  if (n > 0) counts[entity] = (counts[entity] ?? 0) + n;
};

export async function runDemoLoad(
  data: readonly DemoEntityRows[],
  ports: DemoLoadPorts,
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
  const batches = planBatches(data, options.batchSize);
  const total = batches.reduce((n, b) => n + b.rows.length, 0);
  const result: DemoLoadResult = { status: 'done', created: {}, skipped: {}, done: 0, total };
  options.onProgress?.(0, total);

  for (const batch of batches) {
    if (options.signal?.aborted) return { ...result, status: 'cancelled' };
    try {
      const existing = await ports.findExisting(
        batch.entity,
        batch.rows.map((r) => r.id),
      );
      const fresh = batch.rows.filter((r) => !existing.has(r.id));
      if (fresh.length > 0) {
        const outcome = await ports.write(batch.entity, fresh);
        if (!outcome.ok) return { ...result, status: 'failed', error: outcome.message };
      }
      add(result.created, batch.entity, fresh.length);
      add(result.skipped, batch.entity, batch.rows.length - fresh.length);
    } catch (err) {
      return {
        ...result,
        status: 'failed',
        error: err instanceof Error ? err.message : String(err),
      };
    }
    result.done += batch.rows.length;
    options.onProgress?.(result.done, total);
  }
  return result;
}

export function sumCounts(counts: DemoCounts): number {
  return Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
}
