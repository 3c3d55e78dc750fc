/**
 * The migrated PGlite template (server/freshSchema.ts, server/db/pglite.ts): a fresh server
 * folder starts with every migration recorded and the clusters seeded, so the start's own
 * migrate() finds nothing to do; a changed migration set names another template; a folder made
 * by an older version still upgrades; a failing set-up leaves no template behind.
 * Runs in a cache folder of its own, seeded with a copy of this machine's initdb template.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterSeedRows } from '../../../server/auth/tokens';
import { loadMigrations, migrate, MIGRATIONS_DIR } from '../../../server/db/migrate';
import { openPglite } from '../../../server/db/pglite';
import { copyTemplate, ensureTemplate, templatePath } from '../../../server/db/pgliteTemplate';
import type { Db } from '../../../server/db/types';
import { freshSchema, schemaKey } from '../../../server/freshSchema';

const recorded = async (db: Db) =>
  (
    await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY 1')
  ).rows.map((r) => r.version);

const clusterCount = async (db: Db) =>
  Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM clusters')).rows[0]?.n);

describe('migrated PGlite template', () => {
  const work = mkdtempSync(join(tmpdir(), 'pumasi-fresh-schema-'));
  const cache = join(work, 'cache');
  const cacheBefore = process.env.PUMASI_CACHE_DIR;
  let n = 0;
  const folder = () => join(work, `data-${(n += 1)}`);
  /** a copy of the real migrations plus `extra` files */
  const migrationsDir = (extra: Record<string, string>) => {
    const dir = mkdtempSync(join(work, 'migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    for (const [name, sql] of Object.entries(extra)) writeFileSync(join(dir, name), sql);
    return dir;
  };

  beforeAll(async () => {
    const bare = await ensureTemplate(); // the machine's own cache: made once, usually there
    expect(bare).toBeDefined();
    process.env.PUMASI_CACHE_DIR = cache;
    await copyTemplate(bare!, join(cache, basename(bare!)));
  }, 240_000);
  afterAll(() => {
    if (cacheBefore === undefined) delete process.env.PUMASI_CACHE_DIR;
    else process.env.PUMASI_CACHE_DIR = cacheBefore;
    rmSync(work, { recursive: true, force: true });
  });

  it('starts a fresh folder with every migration recorded and nothing left to migrate', async () => {
    const schema = freshSchema();
    const db = await openPglite(folder(), { schema });
    try {
      expect(existsSync(templatePath(schema.key))).toBe(true);
      expect(await recorded(db)).toEqual(loadMigrations().map((m) => m.version));
      expect(await clusterCount(db)).toBe(clusterSeedRows().length);
      expect(await migrate(db)).toEqual([]);
      await schema.setUp(db); // what every start runs: still nothing new
      expect(await clusterCount(db)).toBe(clusterSeedRows().length);
      const tokens = await db.query('SELECT 1 FROM tokens');
      expect(tokens.rows).toHaveLength(0); // nothing per install in the template
    } finally {
      await db.close();
    }
    expect(readdirSync(cache).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 240_000);

  it('names another template when the migration set changes', async () => {
    expect(schemaKey(migrationsDir({}))).toBe(schemaKey()); // same files, same key
    const added = migrationsDir({ '0999_extra.sql': 'CREATE TABLE m_extra (id int);' });
    expect(schemaKey(added)).not.toBe(schemaKey());
    const first = loadMigrations()[0]!;
    const edited = migrationsDir({ [`${first.name}.sql`]: `${first.sql}\n-- edited\n` });
    expect(schemaKey(edited)).not.toBe(schemaKey());
    expect(schemaKey(edited)).not.toBe(schemaKey(added));

    // a fresh folder for the new set gets the new table from its own template
    const db = await openPglite(folder(), { schema: freshSchema(added) });
    try {
      expect((await recorded(db)).at(-1)).toBe(999);
      expect((await db.query("SELECT to_regclass('m_extra') IS NOT NULL AS ok")).rows).toEqual([
        { ok: true },
      ]);
    } finally {
      await db.close();
    }
  }, 240_000);

  it('upgrades a folder made by an older version instead of replacing it', async () => {
    const dir = folder();
    const old = await openPglite(dir); // no schema: the bare initdb template
    await migrate(old, { upTo: 1 });
    await old.query("INSERT INTO clusters (code, name) VALUES ('older', 'older')");
    await old.close();
    const db = await openPglite(dir, { schema: freshSchema() });
    try {
      expect(await recorded(db)).toEqual([1]); // opened as it was, not a template copy
      const latest = loadMigrations().map((m) => m.version);
      expect(await migrate(db)).toEqual(latest.slice(1));
      expect((await db.query("SELECT 1 FROM clusters WHERE code = 'older'")).rows).toHaveLength(1);
    } finally {
      await db.close();
    }
  }, 240_000);

  it('leaves no template behind when the set-up fails, and starts from the bare one', async () => {
    const broken = migrationsDir({ '0999_broken.sql': 'INSERT INTO m_missing VALUES (1);' });
    const schema = freshSchema(broken);
    const db = await openPglite(folder(), { schema });
    try {
      expect(existsSync(templatePath(schema.key))).toBe(false);
      expect(readdirSync(cache).filter((f) => f.includes('.tmp-'))).toEqual([]);
      await expect(schema.setUp(db)).rejects.toThrow(/m_missing/); // the start fails visibly
    } finally {
      await db.close();
    }
  }, 240_000);
});
