import type { Db } from './types';
import { openPglite, type FreshSchema } from './pglite';
import { openPostgres } from './postgres';

/**
 * DATABASE_URL wins; otherwise the embedded PGlite in `dataDir`, a fresh folder of which starts
 * with `schema` already set up (PostgreSQL always gets it from the caller's own migrations).
 */
export async function openDb(opts: {
  databaseUrl?: string;
  dataDir: string;
  schema?: FreshSchema;
}): Promise<Db> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl)
    : openPglite(opts.dataDir, { schema: opts.schema });
}
