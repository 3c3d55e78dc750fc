/** Connects the pure demo loader to the local store (renderer/db). */
import { entityTable, mutate, type Mutation, type PumasiDb } from '../../db';
import { getEntity } from '../../../shared/registry';
import { guardedWrite } from '../storage/guard';
import type { DemoLoadPorts } from './loader';

export function dbDemoPorts(db: PumasiDb): DemoLoadPorts {
  return {
    async findExisting(entity, ids) {
      const found = await entityTable(db, entity).bulkGet(ids);
      return new Set(found.flatMap((record) => (record ? [record.id] : [])));
    },
    async write(entity, rows) {
      const mutations: Mutation[] = rows.map((row) => ({
        entity,
        op: 'create',
        id: row.id,
        clusterId: row.clusterId,
        values: row.values,
      }));
      // origin 'demo': demo rows are not queued for sync (they would pollute the central data).
      // The whole load's space was checked before the first batch (store.ts); this batch's
      // failure is verified and said as what is still there (GuardedWriteError's message).
      const { table } = getEntity(entity);
      const result = await guardedWrite(
        'demo',
        { db, expected: 0, tables: [table], recordTables: [table] },
        (watch) =>
          mutate(db, mutations, {
            origin: 'demo',
            signal: watch.signal,
            onProgress: () => watch.progress(),
          }),
      );
      if (result.ok) return { ok: true };
      const first = result.errors[0];
      const row = first ? rows[first.index] : undefined;
      return {
        ok: false,
        message: first
          ? `${entity} ${row?.id ?? '?'} · ${first.field}: ${first.message}`
          : `${entity}: ${result.errors.length}`,
      };
    },
  };
}
