/**
 * The embedded back end: PGlite (PostgreSQL compiled to WASM) keeping its files in a folder.
 * A fresh folder starts as a copy of this machine's initdb template (server/db/pgliteTemplate.ts).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { copyTemplate, ensureTemplate, isDataFolder } from './pgliteTemplate';
import type { Db, Queryable, Transaction } from './types';

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

/** `dataDir` is a folder (created when missing) or `memory://` for a throw-away database. */
export async function openPglite(dataDir: string): Promise<Db> {
  const throwAway = dataDir.startsWith('memory://') ? throwAwayFolder() : undefined;
  const folder = throwAway?.dir ?? dataDir;
  if (!isDataFolder(folder)) {
    const template = await ensureTemplate();
    if (template) await copyTemplate(template, folder);
    else mkdirSync(folder, { recursive: true }); // PGlite runs initdb here
  }
  const pg = await PGlite.create(folder);
  return {
    kind: 'pglite',
    location: dataDir,
    ...wrap(pg),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrapTx(tx))),
    async close() {
      await pg.close();
      throwAway?.remove();
    },
  };
}
