/**
 * The import log (`importLog` table, database v2): one entry per committed import, written by
 * mutate() in the SAME transaction as the imported records (MutateOptions.importLog), so a log
 * entry exists exactly when its records do. Local bookkeeping: never synced, no history/outbox.
 *
 * Keys are ULIDs (time-ordered), so "recent imports" is a reverse walk of the primary key;
 * `checksum` is indexed to tell "this file was already imported" before a second commit.
 */
import type { Table } from 'dexie';
import type { EntityName } from '../../shared/registry';
import type { PumasiDb } from './db';

export const IMPORT_LOG_TABLE = 'importLog';

/** Rows per preview status at commit time (what the user saw and confirmed). */
export interface ImportLogCounts {
  new: number;
  updated: number;
  unchanged: number;
  duplicate: number;
  skipped: number;
  error: number;
}

export interface ImportLogEntry {
  /** ULID made at commit */
  id: string;
  /** ISO time of the commit (the transaction's one moment) */
  at: string;
  fileName: string;
  /** SHA-256 of the file bytes, lowercase hex */
  checksum: string;
  entity: EntityName;
  counts: ImportLogCounts;
  deviceId: string;
  /** the cluster the records were written for (settings), null when none was set */
  clusterId: string | null;
  /** who imported: the device id until users exist (then the user id) */
  who: string;
}

/** What the caller of mutate() supplies; mutate() adds id, time, device and cluster. */
export interface ImportLogInput {
  fileName: string;
  checksum: string;
  entity: EntityName;
  counts: ImportLogCounts;
  /** default: the device id */
  who?: string;
}

/** The table (db.ts declares only the v1 bookkeeping tables as typed properties). */
export function importLogTable(db: PumasiDb): Table<ImportLogEntry, string> {
  return db.table<ImportLogEntry, string>(IMPORT_LOG_TABLE);
}

/** The newest imports first. */
export function queryRecentImports(db: PumasiDb, limit = 20): Promise<ImportLogEntry[]> {
  return importLogTable(db).orderBy(':id').reverse().limit(limit).toArray();
}

/** Earlier imports of a file with this checksum, newest first. */
export async function queryImportsByChecksum(
  db: PumasiDb,
  checksum: string,
): Promise<ImportLogEntry[]> {
  if (!checksum) return [];
  const found = await importLogTable(db).where('checksum').equals(checksum).toArray();
  return found.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
