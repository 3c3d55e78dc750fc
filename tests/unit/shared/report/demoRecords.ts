/** Demo data as stored records (id, clusterId, field values) for the figure tests. */
import { generateDemoData } from '../../../../shared/demo';
import type { EntityName } from '../../../../shared/registry';
import type { FigureRecord } from '../../../../shared/report';

const data = generateDemoData();

export function demoRecords(entity: EntityName): FigureRecord[] {
  const batch = data.find((b) => b.entity === entity);
  if (!batch) throw new Error(`no ${entity} rows`);
  return batch.rows.map((r) => ({ ...r.values, id: r.id, clusterId: r.clusterId }));
}
