import type { Db } from './types';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/** DATABASE_URL wins; otherwise the embedded PGlite in `dataDir`. */
export async function openDb(opts: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
