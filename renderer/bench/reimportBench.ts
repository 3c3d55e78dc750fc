/**
 * Re-import benchmark (issue 6): the same 100,000 companies imported again into a database that
 * already holds them. Timed like the import page: read the live records (main thread), preview
 * the file in the import worker against them (decode, parse, map, validate, match by natural
 * keys); every row must come back `unchanged` and nothing is written. Baseline, same run: a bare
 * `toArray()` of the table.
 *
 * Untimed: writing the file, storing the records (a raw bulkPut of what the import stored),
 * warming the worker.
 */
import { entityTable, queryRecords, setSetting, type PumasiDb } from '../db';
import type { ImportFormat, WriteBenchResult } from './api';
import { benchFileFor, freshDb, storedRecords, warmWorker } from './importBench';

export interface ReimportArgs {
  rows: number;
  format: ImportFormat;
}

/** The database holding what the import stored, filled once per page (untimed). */
let filled: Promise<PumasiDb> | null = null;
function importedDb(format: ImportFormat): Promise<PumasiDb> {
  filled ??= (async () => {
    const db = await freshDb('reimport');
    const records = storedRecords(format);
    for (let i = 0; i < records.length; i += 10_000) {
      await entityTable(db, 'organization').bulkPut(records.slice(i, i + 10_000));
    }
    return db;
  })();
  return filled;
}

export async function reimportCompanies(args: ReimportArgs): Promise<WriteBenchResult> {
  const db = await importedDb(args.format);
  const client = await warmWorker();
  try {
    await setSetting(db, 'clusterId', 'gumi');
    const { bytes, fileName } = await benchFileFor(args.format, args.rows);
    const start = performance.now();
    const existing = await queryRecords(db, 'organization');
    const fileId = client.open(fileName, bytes.slice());
    const preview = await client.preview({
      fileId,
      entity: 'organization',
      defaults: {},
      existing,
      lang: 'ko',
    }).result;
    const ms = performance.now() - start;
    if (preview.counts.unchanged !== args.rows || preview.mutations.length !== 0) {
      throw new Error(`re-import was not a no-op: ${JSON.stringify(preview.counts)}`);
    }
    return { rows: args.rows, ms };
  } finally {
    client.dispose();
  }
}

/** Baseline: a bare toArray() of the table the re-import compared against. */
export async function toArrayImported(args: ReimportArgs): Promise<WriteBenchResult> {
  const db = await importedDb(args.format);
  const start = performance.now();
  const rows = await entityTable(db, 'organization').toArray();
  const ms = performance.now() - start;
  if (rows.length !== storedRecords(args.format).length) throw new Error('table not filled');
  return { rows: rows.length, ms };
}
