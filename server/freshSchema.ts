/**
 * What every server database holds before its first request: the migrations applied and the
 * clusters seeded. `main.ts` runs it on every start (a no-op once done, an upgrade for an older
 * folder); a fresh PGlite folder gets it ready-made from the migrated template named by
 * `schemaKey` (server/db/pgliteTemplate.ts). Only state identical for every install belongs
 * here: never a token or anything else secret or per-install, as the template is shared.
 */
import { createHash } from 'node:crypto';
import { clusterSeedRows, seedClusters } from './auth/tokens';
import { loadMigrations, migrate, MIGRATIONS_DIR } from './db/migrate';
import type { FreshSchema } from './db/pglite';
import type { Db } from './db/types';

export async function setUpSchema(db: Db, dir = MIGRATIONS_DIR): Promise<void> {
  await migrate(db, { dir });
  await seedClusters(db);
}

/**
 * A hash of everything `setUpSchema` writes: each migration's name and text, and the seed rows.
 * Any change to them names a new template, so a stale one is never copied.
 */
export function schemaKey(dir = MIGRATIONS_DIR): string {
  const hash = createHash('sha256');
  for (const m of loadMigrations(dir)) hash.update(`${m.name}\0${m.sql}\0`);
  hash.update(`clusters\0${JSON.stringify(clusterSeedRows())}`);
  return hash.digest('hex').slice(0, 16);
}

export const freshSchema = (dir = MIGRATIONS_DIR): FreshSchema => ({
  key: schemaKey(dir),
  setUp: (db) => setUpSchema(db, dir),
});
