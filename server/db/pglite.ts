/**
 * The embedded back end: PGlite (PostgreSQL compiled to WASM) keeping its files in a folder.
 *
 * A fresh PGlite folder runs initdb inside WASM (≈ 7 s of CPU here); loading a tarball of an
 * empty, freshly initialised folder takes ≈ 2 s. So the first start on a machine keeps such a
 * template in a cache folder and every later fresh folder (tests, a new server) starts from it.
 * The template holds nothing but initdb's output: no schema, no data.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './types';

function wrap(q: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows };
    },
  };
}

function pgliteVersion(): string {
  const main = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pkg = JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** `PUMASI_CACHE_DIR`, else `~/.cache/pumasi`; one template per PGlite version. */
export function templatePath(): string {
  const dir = process.env.PUMASI_CACHE_DIR ?? join(homedir(), '.cache', 'pumasi');
  return join(dir, `pglite-${pgliteVersion()}-initdb.tar.gz`);
}

const isFresh = (dataDir: string) =>
  dataDir.startsWith('memory://') || !existsSync(join(dataDir, 'PG_VERSION'));

async function saveTemplate(pg: PGlite, path: string): Promise<void> {
  try {
    const blob = await pg.dumpDataDir('gzip');
    mkdirSync(join(path, '..'), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, path); // atomic: a concurrent start never reads half a template
  } catch {
    // only a speed-up: a read-only home folder just means the next fresh start is slower
  }
}

/** `dataDir` is a folder (created when missing) or `memory://` for a throw-away database. */
export async function openPglite(dataDir: string): Promise<Db> {
  const fresh = isFresh(dataDir);
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const template = templatePath();
  let pg: PGlite;
  if (fresh && existsSync(template)) {
    pg = await PGlite.create(dataDir, { loadDataDir: new Blob([readFileSync(template)]) });
  } else {
    pg = await PGlite.create(dataDir);
    if (fresh) await saveTemplate(pg, template);
  }
  return {
    kind: 'pglite',
    location: dataDir,
    ...wrap(pg),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
