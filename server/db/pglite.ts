/**
 * The embedded back end: PGlite (PostgreSQL compiled to WASM) keeping its files in a folder.
 * A fresh folder starts as a copy of one of this machine's templates (server/db/pgliteTemplate.ts):
 * the migrated one when the caller names its schema (the server), else the bare initdb one.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { copyTemplate, ensureTemplate, isDataFolder, templatePath } from './pgliteTemplate';
import type { Db, Queryable, Transaction } from './types';

/**
 * The schema a fresh folder should start with: `setUp` (migrations, seed rows) runs once into a
 * template named by `key`, which must change whenever what `setUp` writes changes.
 */
export interface FreshSchema {
  key: string;
  setUp: (db: Db) => Promise<void>;
}

export { templatePath } from './pgliteTemplate';

function wrap(q: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows };
    },
  };
}

function wrapTx(tx: Pick<PGlite, 'query' | 'exec'>): Transaction {
  return {
    ...wrap(tx),
    async exec(sql) {
      await tx.exec(sql);
    },
  };
}

/**
 * `memory://` (a throw-away database) is a temp folder removed on close or exit: a folder copy
 * of the template opens faster than PGlite's in-memory file system can be loaded.
 */
function throwAwayFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pumasi-pglite-'));
  const remove = () => {
    process.off('exit', remove);
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', remove);
  return { dir, remove };
}

/** The best template there is for a fresh folder: migrated, else bare initdb, else none. */
async function freshTemplate(schema: FreshSchema | undefined): Promise<string | undefined> {
  const migratedPath = schema && templatePath(schema.key);
  if (migratedPath && isDataFolder(migratedPath)) return migratedPath; // the usual case
  const bare = await ensureTemplate();
  if (!bare || !migratedPath || !schema) return bare;
  const migrated = await ensureTemplate(migratedPath, {
    base: bare,
    prepare: (pg) => schema.setUp(asDb(pg, 'template')),
  });
  return migrated ?? bare; // a failing setUp fails again, visibly, in the caller's migrate()
}

/**
 * `dataDir` is a folder (created when missing) or `memory://` for a throw-away database.
 * With `schema`, a fresh folder starts with it already set up (the caller still runs its
 * migrations, which then find nothing to do); without, it starts empty.
 */
export async function openPglite(
  dataDir: string,
  opts: { schema?: FreshSchema } = {},
): Promise<Db> {
  const throwAway = dataDir.startsWith('memory://') ? throwAwayFolder() : undefined;
  const folder = throwAway?.dir ?? dataDir;
  if (!isDataFolder(folder)) {
    const template = await freshTemplate(opts.schema);
    if (template) await copyTemplate(template, folder);
    else mkdirSync(folder, { recursive: true }); // PGlite runs initdb here
  }
  const pg = await PGlite.create(folder);
  return asDb(pg, dataDir, () => throwAway?.remove());
}

function asDb(pg: PGlite, location: string, afterClose?: () => void): Db {
  return {
    kind: 'pglite',
    location,
    ...wrap(pg),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (fn, opts) =>
      pg.transaction(async (tx) => {
        const lock = opts?.advisoryLock;
        if (lock !== undefined) await tx.query('SELECT pg_advisory_xact_lock($1)', [lock]);
        return fn(wrapTx(tx));
      }),
    async close() {
      await pg.close();
      afterClose?.();
    },
  };
}
