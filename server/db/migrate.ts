/**
 * Versioned SQL migrations, run on every start: `server/migrations/NNNN_name.sql`, applied in
 * order, each in its own transaction together with its row in `schema_migrations`, so a crash
 * mid-way leaves the database at the previous version, never half-way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './types';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f.replace(/\.sql$/, ''),
      sql: readFileSync(`${dir}/${f}`, 'utf8'),
    }));
}

/** Applies the pending migrations up to `upTo` (all by default); returns the versions applied. */
export async function migrate(db: Db, opts: { upTo?: number } = {}): Promise<number[]> {
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
  for (const m of loadMigrations()) {
    if (done.has(m.version) || (opts.upTo !== undefined && m.version > opts.upTo)) continue;
    await db.transaction(async (tx) => {
      // Two servers starting at once against one PostgreSQL: the second waits here, then
      // finds the row and does nothing (the insert conflicts and rolls its copy back).
      await tx.query('SELECT pg_advisory_xact_lock(8007001)');
      const again = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        m.version,
      ]);
      if (again.rows.length > 0) return;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    });
  }
  return applied;
}

/** Migration files hold plain statements separated by `;` at line ends (no functions/DO blocks). */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/^\s*--.*$/gm, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function schemaVersion(db: Db): Promise<number> {
  const r = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return r.rows[0]?.v ?? 0;
}
