/**
 * One small database interface over both back ends: PGlite (embedded, the default) and a real
 * PostgreSQL through `pg` (DATABASE_URL). Server code sees only this, so every query is written
 * once in portable SQL ($1 parameters, jsonb, no extension) and tested on both.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** What a transaction's callback gets: queries, and several statements in one string. */
export interface Transaction extends Queryable {
  /** runs several statements in one string (one migration file); no parameters */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** where the data lives, safe to print (a folder, or the URL without its password) */
  readonly location: string;
  /** runs several statements in one string (migrations); no parameters */
  exec(sql: string): Promise<void>;
  /** BEGIN … COMMIT around `fn`; ROLLBACK when it throws */
  transaction<T>(fn: (tx: Transaction) => Promise<T>, opts?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /**
   * A transaction-level advisory lock (pg_advisory_xact_lock) taken before `fn` runs, as a
   * statement of its own (later statements' snapshots see what the last holder committed); on
   * PostgreSQL in the same round trip as BEGIN.
   */
  advisoryLock?: number;
}
