/** Shared lookups over one generated data set for the demo tests. */
import { generateDemoData, type DemoData, type DemoRow } from '../../../../shared/demo';
import type { EntityName } from '../../../../shared/registry';

export const data: DemoData = generateDemoData();

export function rowsOf(entity: EntityName): DemoRow[] {
  const batch = data.find((b) => b.entity === entity);
  if (!batch) throw new Error(`no ${entity} rows`);
  return batch.rows;
}

export const byId = new Map(data.flatMap((b) => b.rows.map((r) => [r.id, r] as const)));

export function row(id: unknown): DemoRow {
  const r = byId.get(String(id));
  if (!r) throw new Error(`no row ${String(id)}`);
  return r;
}

export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
