/**
 * The import benchmark (issue "Spreadsheets in and out"): 100,000 companies as a CP949 CSV and
 * as an XLSX, imported end to end the way the import page does it — the bytes go to the app's
 * import Web Worker (decode, parse, map, validate, dedupe), the preview's mutations come back and
 * are committed through ONE mutate() call with its import log entry (origin 'import') into a
 * fresh database. The baseline is a raw Dexie bulkPut of the very records that mutate() stored,
 * into another fresh database with the same (strict) durability.
 *
 * Outside the timed region: generating the rows, writing the files, starting and warming the
 * worker (a tiny file first, so its module — exceljs included — is loaded), copying the bytes
 * (open() transfers them) and creating the databases.
 */
import Dexie from 'dexie';
import {
  buildXlsx,
  columnsForEntity,
  encodeCp949,
  quoteCsvField,
  type ExportRow,
} from '../../shared/export';
import { previewFile, type ImportMutation } from '../../shared/import';
import { getEntity, validateRecord, type StoredRecord } from '../../shared/registry';
import { newId } from '../../shared/sync/ids';
import { PumasiDb, entityTable, mutate, setSetting } from '../db';
import { ImportWorkerClient } from '../features/import/workerClient';
import type { PreviewSummary } from '../features/import/protocol';
import type {
  ImportBaselineArgs,
  ImportBenchArgs,
  ImportBenchResult,
  ImportFormat,
  WriteBenchResult,
} from './api';
import { generateCompanies, type CompanyInput } from './rows';

const organization = getEntity('organization');
const CLUSTER = 'gumi';
const FILE_NAMES: Record<ImportFormat, string> = {
  'csv-cp949': '구미_입주기업_현황.csv',
  xlsx: '구미_입주기업_현황.xlsx',
};

/** The generator's columns, in its order (every one is an organization field). */
function benchColumns(rows: readonly CompanyInput[]): string[] {
  const keys = Object.keys(rows[0] ?? {});
  for (const key of keys) {
    if (!organization.fields.some((f) => f.key === key)) throw new Error(`no field ${key}`);
  }
  return keys;
}

/**
 * A public-office style CSV: Korean field labels as headers, enum labels as typed, numbers with
 * thousands separators (so those cells are quoted), CRLF, CP949.
 */
function cp949Csv(rows: readonly CompanyInput[]): Uint8Array {
  const keys = benchColumns(rows);
  const label = (key: string) => organization.fields.find((f) => f.key === key)!.label.ko;
  const cell = (v: string | number) =>
    quoteCsvField(typeof v === 'number' ? v.toLocaleString('ko-KR') : v);
  const lines = [keys.map(label).join(',')];
  for (const row of rows) lines.push(keys.map((k) => cell(row[k] ?? '')).join(','));
  const encoded = encodeCp949(`${lines.join('\r\n')}\r\n`);
  if (encoded.badIndex >= 0) throw new Error(`bench CSV not CP949 at ${encoded.badIndex}`);
  return encoded.bytes;
}

/** The app's own export of the same companies (typed cells: numbers as numbers). */
async function exportXlsx(rows: readonly CompanyInput[]): Promise<Uint8Array> {
  const records: ExportRow[] = rows.map((input, i) => {
    const result = validateRecord(organization, input, 'ko');
    if (!result.ok) throw new Error(`bench row ${i} invalid: ${JSON.stringify(result.errors)}`);
    return result.value;
  });
  const columns = columnsForEntity(organization, 'ko', benchColumns(rows));
  return buildXlsx(columns, records, { sheetName: '입주기업', lang: 'ko' });
}

/** Files are written once per page and size (writing them is not what is measured). */
const files = new Map<string, Uint8Array>();
async function benchFile(format: ImportFormat, count: number): Promise<Uint8Array> {
  const key = `${format}|${count}`;
  let bytes = files.get(key);
  if (!bytes) {
    const rows = generateCompanies(count);
    bytes = format === 'xlsx' ? await exportXlsx(rows) : cp949Csv(rows);
    files.set(key, bytes);
  }
  return bytes;
}

export async function prepareImport(
  args: Omit<ImportBenchArgs, 'via'>,
): Promise<{ bytes: number }> {
  return { bytes: (await benchFile(args.format, args.rows)).byteLength };
}

/** What the last import of each format stored: the baseline writes exactly these records. */
const storedByFormat = new Map<ImportFormat, StoredRecord[]>();

/** A fresh database; PumasiDb opens strict (the app's rule), checked on a real transaction. */
export async function freshDb(kind: string): Promise<PumasiDb> {
  const db = new PumasiDb(`pumasi-bench-${kind}-${newId()}`);
  await db.open();
  const durability = await db.transaction('r', db.settings, () => {
    const idb = (Dexie.currentTransaction as unknown as { idbtrans?: IDBTransaction }).idbtrans;
    return idb?.durability;
  });
  if (durability !== 'strict') throw new Error(`wanted strict transactions, got ${durability}`);
  return db;
}

async function dropDb(db: PumasiDb): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

async function assertStored(db: PumasiDb, expected: number): Promise<void> {
  const count = await entityTable(db, 'organization').count();
  if (count !== expected) throw new Error(`stored ${count} rows, expected ${expected}`);
}

/** A worker that has already loaded its module and previewed a two-row file. */
export async function warmWorker(): Promise<ImportWorkerClient> {
  const client = new ImportWorkerClient();
  const tiny = cp949Csv(generateCompanies(2, 7));
  const fileId = client.open('warm-up.csv', tiny.slice());
  await client.preview({ fileId, entity: 'organization', defaults: {}, existing: [], lang: 'ko' })
    .result;
  return client;
}

type PreviewLike = Pick<PreviewSummary, 'mutations' | 'counts' | 'checksum' | 'fileName'>;

/** decode → parse → map → validate → dedupe, through the worker or on this thread. */
async function preview(
  via: ImportBenchArgs['via'],
  client: ImportWorkerClient | null,
  fileName: string,
  bytes: Uint8Array,
): Promise<PreviewLike> {
  if (via === 'main' || !client) {
    return previewFile(bytes, { fileName, entity: organization, existing: [], defaults: {} });
  }
  const fileId = client.open(fileName, bytes);
  const job = client.preview({
    fileId,
    entity: 'organization',
    defaults: {}, // what the import page sends for a file's first preview
    existing: [], // a fresh database: nothing to match
    lang: 'ko',
  });
  return job.result;
}

export async function importCompanies(args: ImportBenchArgs): Promise<ImportBenchResult> {
  const file = await benchFile(args.format, args.rows);
  const fileName = FILE_NAMES[args.format];
  const client = args.via === 'worker' ? await warmWorker() : null;
  const db = await freshDb('import');
  try {
    // mutate() stamps the import log (and creates without a file cluster) with this setting.
    await setSetting(db, 'clusterId', CLUSTER);
    const bytes = file.slice(); // open() transfers its buffer: hand it a copy
    const start = performance.now();
    const result = await preview(args.via, client, fileName, bytes);
    const previewed = performance.now();
    const written = await mutate(db, result.mutations as ImportMutation[], {
      origin: 'import',
      lang: 'ko',
      importLog: {
        fileName: result.fileName,
        checksum: result.checksum,
        entity: 'organization',
        counts: result.counts,
      },
    });
    const end = performance.now();
    if (!written.ok) throw new Error(`import rejected: ${JSON.stringify(written.errors[0])}`);
    if (result.counts.new !== args.rows) {
      throw new Error(
        `preview found ${result.counts.new} new rows: ${JSON.stringify(result.counts)}`,
      );
    }
    await assertStored(db, args.rows);
    storedByFormat.set(args.format, written.records);
    return {
      rows: args.rows,
      bytes: file.byteLength,
      ms: end - start,
      previewMs: previewed - start,
      commitMs: end - previewed,
    };
  } finally {
    client?.dispose();
    await dropDb(db);
  }
}

/** The records the last import of `format` stored (the re-import benchmark stores them again). */
export function storedRecords(format: ImportFormat): StoredRecord[] {
  const records = storedByFormat.get(format);
  if (!records) throw new Error(`importCompanies(${format}) first`);
  return records;
}

/** The benchmark file and the name the import page would see. */
export async function benchFileFor(format: ImportFormat, rows: number) {
  return { bytes: await benchFile(format, rows), fileName: FILE_NAMES[format] };
}

export async function bulkPutImported(args: ImportBaselineArgs): Promise<WriteBenchResult> {
  const records = storedByFormat.get(args.format);
  if (!records) throw new Error(`importCompanies(${args.format}) first`);
  const db = await freshDb('import-baseline');
  try {
    const table = entityTable(db, 'organization');
    const batches: StoredRecord[][] = [];
    for (let i = 0; i < records.length; i += args.batchSize) {
      batches.push(records.slice(i, i + args.batchSize));
    }
    const start = performance.now();
    for (const batch of batches) await table.bulkPut(batch);
    const ms = performance.now() - start;
    await assertStored(db, records.length);
    return { rows: records.length, ms };
  } finally {
    await dropDb(db);
  }
}
