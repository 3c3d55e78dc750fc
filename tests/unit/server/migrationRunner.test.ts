/**
 * The migration runner itself, on both back ends, with migration folders made by the test: a
 * file goes to the database whole (several statements, one transaction with its
 * schema_migrations row), and a file that fails leaves nothing of itself behind.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate, schemaVersion } from '../../../server/db/migrate';
import { BACKENDS, freshDb } from './harness';

function migrationsFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pumasi-migrations-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

const tables = async (db: Awaited<ReturnType<typeof freshDb>>['db']) =>
  (
    await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_name LIKE 'm\\_%' ORDER BY 1`,
    )
  ).rows.map((r) => r.name);

describe('migration runner', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reads the migrations from server/migrations when run from the sources', () => {
    expect(MIGRATIONS_DIR.replace(/\\/g, '/')).toMatch(/\/server\/migrations\/?$/);
  });

  for (const backend of BACKENDS) {
    it(`[${backend}] applies a multi-statement file whole and rolls a failing file back whole`, async () => {
      const good = {
        '0001_two_tables.sql': `-- a comment line
CREATE TABLE m_a (id int PRIMARY KEY);
CREATE TABLE m_b (id int PRIMARY KEY, a int REFERENCES m_a (id));
INSERT INTO m_a VALUES (1);`,
      };
      const bad = {
        ...good,
        // the second statement fails: m_c must not survive, nor a schema_migrations row
        '0002_fails.sql': `CREATE TABLE m_c (id int);
INSERT INTO m_missing VALUES (1);`,
      };
      const goodDir = migrationsFolder(good);
      const badDir = migrationsFolder(bad);
      dirs.push(goodDir, badDir);
      const fresh = await freshDb(backend);
      try {
        const db = fresh.db;
        await expect(migrate(db, { dir: badDir })).rejects.toThrow(/m_missing/);
        expect(await tables(db)).toEqual(['m_a', 'm_b']);
        expect(await schemaVersion(db)).toBe(1);
        // started again with the faulty file fixed away: nothing runs twice
        expect(await migrate(db, { dir: goodDir })).toEqual([]);
        const rows = await db.query<{ id: number }>('SELECT id FROM m_a');
        expect(rows.rows).toEqual([{ id: 1 }]);
      } finally {
        await fresh.close();
      }
    }, 180_000);
  }
});
