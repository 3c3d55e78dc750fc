/**
 * mutate() against a raw Dexie bulkPut: the same 100k company rows, the same batch size, the
 * same table, each side in a fresh database with the same durability. mutate() does more work
 * (zod validation, history and outbox rows, HLC stamps); the target is ≥ 0.5× bulkPut's rate.
 */
import Dexie from 'dexie';
import { getEntity, validateRecord, type StoredRecord } from '../../shared/registry';
import { newId } from '../../shared/sync/ids';
import { PumasiDb, entityTable, mutate, type Mutation } from '../db';
import type { Durability, WriteBenchArgs, WriteBenchResult } from './api';
import { generateCompanies, type CompanyInput } from './rows';

const organization = getEntity('organization');
const CLUSTER = 'gumi';

/**
 * A fresh database with the asked durability. PumasiDb always opens strict (the app's rule);
 * Dexie reads `_options.chromeTransactionDurability` for every transaction it starts, so the
 * bench flips it on its own instance before the first transaction. Checked, not assumed:
 * `assertDurability` reads it back from a real IDBTransaction.
 */
async function freshDb(durability: Durability): Promise<PumasiDb> {
  const name = `pumasi-bench-${durability}-${newId()}`;
  const db = new PumasiDb(name);
  const options = (db as unknown as { _options?: { chromeTransactionDurability?: string } })
    ._options;
  if (!options) throw new Error('Dexie internals changed: no _options on the database');
  options.chromeTransactionDurability = durability;
  await db.open();
  await assertDurability(db, durability);
  return db;
}

async function assertDurability(db: PumasiDb, durability: Durability): Promise<void> {
  const actual = await db.transaction('r', db.settings, () => {
    const idb = (Dexie.currentTransaction as unknown as { idbtrans?: IDBTransaction }).idbtrans;
    return idb?.durability;
  });
  if (actual !== durability) throw new Error(`wanted ${durability} transactions, got ${actual}`);
}

async function dropDb(db: PumasiDb): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

/** Rows are generated once per page and reused (generation is not what is measured). */
let cachedRows: CompanyInput[] = [];
function companies(count: number): CompanyInput[] {
  if (cachedRows.length !== count) cachedRows = generateCompanies(count);
  return cachedRows;
}

/** What mutate() would store: validated values plus every meta field. */
function normalisedRecords(rows: readonly CompanyInput[], deviceId: string): StoredRecord[] {
  const now = new Date().toISOString();
  return rows.map((input, i) => {
    const result = validateRecord(organization, input, 'ko');
    if (!result.ok) throw new Error(`bench row ${i} invalid: ${JSON.stringify(result.errors)}`);
    const id = newId();
    return {
      ...result.value,
      id,
      clusterId: CLUSTER,
      version: 1,
      hlc: `${now}-${String(i).padStart(6, '0')}-${deviceId}`,
      deviceId,
      createdAt: now,
      updatedAt: now,
      deleted: 0,
    };
  });
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function mutateCompanies(args: WriteBenchArgs): Promise<WriteBenchResult> {
  const rows = companies(args.rows);
  const db = await freshDb(args.durability);
  try {
    const work = batches(rows, args.batchSize).map((batch) =>
      batch.map((values): Mutation => ({
        entity: 'organization',
        op: 'create',
        values,
        clusterId: CLUSTER,
      })),
    );
    const start = performance.now();
    for (const mutations of work) {
      const result = await mutate(db, mutations, { origin: 'import', lang: 'ko' });
      if (!result.ok)
        throw new Error(`mutate rejected the batch: ${JSON.stringify(result.errors[0])}`);
    }
    const ms = performance.now() - start;
    await assertStored(db, rows.length);
    return { rows: rows.length, ms };
  } finally {
    await dropDb(db);
  }
}

export async function bulkPutCompanies(args: WriteBenchArgs): Promise<WriteBenchResult> {
  const rows = companies(args.rows);
  const db = await freshDb(args.durability);
  try {
    const work = batches(normalisedRecords(rows, 'BENCHDEVICE'), args.batchSize);
    const table = entityTable(db, 'organization');
    const start = performance.now();
    for (const records of work) await table.bulkPut(records);
    const ms = performance.now() - start;
    await assertStored(db, rows.length);
    return { rows: rows.length, ms };
  } finally {
    await dropDb(db);
  }
}

/** A figure is only worth printing if the rows really landed. */
async function assertStored(db: PumasiDb, expected: number): Promise<void> {
  const count = await entityTable(db, 'organization').count();
  if (count !== expected) throw new Error(`stored ${count} rows, expected ${expected}`);
}
