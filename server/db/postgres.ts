/** The production back end: a real PostgreSQL through a `pg` connection pool. */
import pg from 'pg';
import type { Db, Queryable, Transaction } from './types';

// bigint (int8) columns such as the change-log sequence arrive as strings by default; the
// server's sequences stay far below 2^53, so numbers are safe and match what PGlite returns.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
  async query<T>(sql: string, params?: unknown[]) {
    const r = await c.query(sql, params);
    return { rows: r.rows as T[] };
  },
});

// A query without parameters goes as a simple query, which may hold several statements.
const wrapTx = (c: pg.PoolClient): Transaction => ({
  ...wrap(c),
  async exec(sql) {
    await c.query(sql);
  },
});

/** The URL without its password, for logs and the start-up line. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparsable DATABASE_URL)';
  }
}

export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('SELECT 1'); // fail at start, not at the first request
  return {
    kind: 'postgres',
    location: safeUrl(url),
    ...wrap(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn, opts) {
      const lock = opts?.advisoryLock;
      if (lock !== undefined && !Number.isSafeInteger(lock)) throw new RangeError(`lock ${lock}`);
      const client = await pool.connect();
      try {
        // one simple query, two statements: the lock costs no round trip of its own
        await client.query(
          lock === undefined ? 'BEGIN' : `BEGIN; SELECT pg_advisory_xact_lock(${lock})`,
        );
        const result = await fn(wrapTx(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
