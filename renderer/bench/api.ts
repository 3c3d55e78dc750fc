/**
 * The contract between the benchmark page (renderer/bench.html) and its Node driver
 * (tests/bench/runner.ts): `window.pumasiBench`. Types (and one string) only, so both rooms can
 * import it.
 */

/** Progress lines the page logs to its console for the driver to echo (tests/bench/year.ts). */
export const YEAR_PROGRESS_PREFIX = '[bench:year]';

export type Durability = 'strict' | 'relaxed';

export interface WriteBenchArgs {
  rows: number;
  batchSize: number;
  durability: Durability;
}

/** One timed write of `rows` rows; `ms` is wall time inside the page. */
export interface WriteBenchResult {
  rows: number;
  ms: number;
}

/** `csv-cp949`: a public-office style CSV in CP949; `xlsx`: the app's own export. */
export type ImportFormat = 'csv-cp949' | 'xlsx';

export interface ImportBenchArgs {
  rows: number;
  format: ImportFormat;
  /** `worker`: the import page's Web Worker (the real path); `main`: previewFile() in the page */
  via: 'worker' | 'main';
}

/** One timed import: `ms` = `previewMs` (decode, parse, map, validate, dedupe) + `commitMs`. */
export interface ImportBenchResult {
  rows: number;
  /** size of the imported file */
  bytes: number;
  ms: number;
  previewMs: number;
  commitMs: number;
}

export interface ImportBaselineArgs {
  /** whose stored records to write: those of the last import of this format */
  format: ImportFormat;
  batchSize: number;
}

export interface SeedArgs {
  rows: number;
  clusterId: string;
}

/** The names the grid must show first after sorting by name, ascending or descending. */
export interface NameExtremes {
  first: string;
  last: string;
}

export interface PullBenchArgs {
  /** the sync server's base URL (http://127.0.0.1:port) and a team token */
  endpoint: string;
  token: string;
  /** changes the server holds for this device: all must land as new records */
  rows: number;
  /** pull into this existing database; default: a fresh one */
  dbName?: string;
}

export interface PullBenchResult {
  rows: number;
  ms: number;
  keptAside: number;
  /** where the pull's time went (pullBench.ts): ms, summed over the run */
  split?: PullSplit;
}

/** A pull's time by step, as the page saw it (the store and transport wrapped, nothing changed). */
export interface PullSplit {
  /** /health and the (empty) push before the first page */
  startMs: number;
  /** pages requested, and the time from a request to its checked answer, summed */
  pages: number;
  fetchMs: number;
  /** the engine waited for a page that had not arrived (what pipelining did not hide) */
  waitMs: number;
  /** store.applyRemote (the page's transaction), summed */
  applyMs: number;
  /** retryKeptAside, pullFinished, saveLastSuccess */
  finishMs: number;
  /**
   * after the run: the grid snapshot rebuild it left for idle time (dbStore.ts), awaited before
   * anything else is measured — not in the pull's figure, in its CPU (absent: a build before
   * session 8, whose run's end waited for the rebuild)
   */
  deferredMs?: number;
}

/** The year-of-use replay (yearBench.ts): its start, in slices the driver asks for. */
export interface YearStartArgs {
  dbName: string;
  /** companies created first; the rest of the mutations edit them */
  records: number;
}

export interface YearStartResult {
  /** the replayed year's first day (ms since the epoch): every slice's clock follows from it */
  yearStart: number;
  ms: number;
}

export interface YearSliceArgs {
  dbName: string;
  yearStart: number;
  /** the replay's whole length: a slice's stamps are placed by its share of it */
  mutations: number;
  /** this slice: edits `from` … `from + count` (count a multiple of syncEvery, but the last) */
  from: number;
  count: number;
  /** edits per mutate() call */
  perCall: number;
  /** a sync (push batches built and acknowledged) after this many mutations */
  syncEvery: number;
}

export interface YearSliceResult {
  /** edits done so far, this slice included */
  done: number;
  ms: number;
  /** the slice's last compaction */
  compacted: { before: number; after: number };
}

/** After the replay: the final compaction (`ms`) and what the aged database holds. */
export interface YearBenchResult {
  ms: number;
  historyEntries: number;
  historyRows: number;
  outboxEntries: number;
  compacted: { before: number; after: number };
}

export interface PumasiBench {
  /** Resolves once the page's modules are loaded (the driver waits on it). */
  ready: true;
  /** 100k companies through mutate() (origin 'import': validated, history + outbox). */
  mutateCompanies(args: WriteBenchArgs): Promise<WriteBenchResult>;
  /** The same rows, already normalised with meta fields, through raw Dexie bulkPut. */
  bulkPutCompanies(args: WriteBenchArgs): Promise<WriteBenchResult>;
  /** Writes (and caches) the file importCompanies reads, so its generation stays untimed. */
  prepareImport(args: Omit<ImportBenchArgs, 'via'>): Promise<{ bytes: number }>;
  /** A generated 100k-company file through the import worker and one mutate() (strict). */
  importCompanies(args: ImportBenchArgs): Promise<ImportBenchResult>;
  /** The records the last import of `format` stored, through raw bulkPut (strict). */
  bulkPutImported(args: ImportBaselineArgs): Promise<WriteBenchResult>;
  /** The same file again into a database holding its records: all unchanged, nothing written. */
  reimportCompanies(args: { rows: number; format: ImportFormat }): Promise<WriteBenchResult>;
  /** Baseline of the re-import: a bare toArray() of that table. */
  toArrayImported(args: { rows: number; format: ImportFormat }): Promise<WriteBenchResult>;
  /**
   * Empties the app database and writes `rows` companies so the app opens on them, then builds
   * their grid snapshot, as the app does in idle time after a session's first read.
   */
  seedApp(args: SeedArgs): Promise<NameExtremes>;
  /** Forgets the app's saved grid layout (sort, columns), so every measured load starts alike. */
  resetAppPrefs(): Promise<void>;
  /**
   * Drops the app's grid snapshots: the next load reads the table, as after a large write that
   * did not rebuild them (grid_load_100k_nosnapshot).
   */
  dropGridSnapshots(): Promise<void>;
  /** Reads the table and writes its grid snapshot again, as seedApp ends. */
  rebuildGridSnapshot(): Promise<void>;
  /**
   * Replaces the app database with a fresh 100,000-company import committed as the import page
   * commits (one mutate(), origin 'import', import log, then refreshGridSnapshot):
   * grid_load_100k_cold opens the app right after it. ms of the commit and of the refresh.
   */
  importApp(args: SeedArgs): Promise<{ commitMs: number; refreshMs: number }>;
  /** toArray() of the seeded app table + a bare AG Grid rendering it; ms until row 0 shows. */
  bareGridLoad(): Promise<{ rows: number; ms: number }>;
  /** Header click on the bare grid's name column; ms until the first row is the expected one. */
  bareGridSort(expected: NameExtremes): Promise<{ ms: number }>;
  /** The real engine pulls every change the server holds into a (fresh) database. */
  pullChanges(args: PullBenchArgs): Promise<PullBenchResult>;
  /** Baseline: the last pull's stored records through raw bulkPut, fresh database. */
  bulkPutPulled(args: { batchSize: number }): Promise<WriteBenchResult>;
  /** A year of heavy use, replayed into `dbName` (created fresh) in bounded calls: the start… */
  ageStart(args: YearStartArgs): Promise<YearStartResult>;
  /** …a slice of the edits, syncs and compaction included (repeated until all are done)… */
  ageSlice(args: YearSliceArgs): Promise<YearSliceResult>;
  /** …and the end: compaction at today's clock, and what the database holds. */
  ageFinish(args: { dbName: string }): Promise<YearBenchResult>;
  /** The pull of every change the server holds into the aged `dbName` (yearPull.ts). */
  pullIntoAged(args: PullBenchArgs & { dbName: string }): Promise<PullBenchResult>;
  /** The same edit workload through mutate() on `dbName`: ms (the write path's speed). */
  editWorkload(args: {
    dbName: string;
    records: number;
    edits: number;
    perCall: number;
  }): Promise<WriteBenchResult>;
  /** Creates `records` companies in a fresh database `dbName` (the fresh side of the year bench). */
  seedCompanies(args: { dbName: string; records: number }): Promise<void>;
  /** Deletes a bench database. */
  dropDatabase(args: { dbName: string }): Promise<void>;
}

declare global {
  interface Window {
    pumasiBench?: PumasiBench;
  }
}
