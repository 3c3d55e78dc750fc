/**
 * Versioned SQL migrations, run on every start: `server/migrations/NNNN_name.sql`, applied in
 * order, each in its own transaction together with its row in `schema_migrations`, so a crash
 * mid-way leaves the database at the previous version, never half-way. A file goes to the
 * database whole (one multi-statement exec), not one round trip per statement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './types';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Set by scripts/build-server.mjs: the bundle (dist/server/main.mjs) carries its own copy of
// the migrations beside it; from the sources they sit in server/migrations.
declare const PUMASI_BUNDLED_MIGRATIONS: string | undefined;

export const MIGRATIONS_DIR = fileURLToPath(
  typeof PUMASI_BUNDLED_MIGRATIONS === 'string'
    ? new URL(PUMASI_BUNDLED_MIGRATIONS, import.meta.url)
    : new URL('../migrations/', import.meta.url),
);

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f.replace(/\.sql$/, ''),
      sql: readFileSync(join(dir, f), 'utf8'),
    }));
}

/** Applies the pending migrations up to `upTo` (all by default); returns the versions applied. */
export async function migrate(
  db: Db,
  opts: { upTo?: number; dir?: string } = {},
): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
      (r) => r.version,
    ),
  );
  const applied: number[] = [];
  for (const m of loadMigrations(opts.dir)) {
    if (done.has(m.version) || (opts.upTo !== undefined && m.version > opts.upTo)) continue;
    await db.transaction(async (tx) => {
      // Two servers starting at once against one PostgreSQL: the second waits here, then
      // finds the row and does nothing (the insert conflicts and rolls its copy back).
      await tx.query('SELECT pg_advisory_xact_lock(8007001)');
      const again = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        m.version,
      ]);
      if (again.rows.length > 0) return;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    });
  }
  return applied;
}

export async function schemaVersion(db: Db): Promise<number> {
  const r = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return r.rows[0]?.v ?? 0;
}
