/**
 * The PGlite initdb template: a fresh PGlite folder runs initdb inside WASM (≈ 7 s of CPU here),
 * so the first start on a machine runs it once into a cache folder and every later fresh data
 * folder (a new server, a test's throw-away database) starts as a plain copy of that folder
 * (≈ 0.3 s for its 39 MB, against ≈ 1.8 s to unpack the same files from a tarball).
 * Two layers, both plain folders: `pglite-template-<pglite version>` holds initdb's output only;
 * `pglite-template-<pglite version>-<schema key>` is a copy of it with the migrations applied and
 * the clusters seeded (server/freshSchema.ts), so a fresh server folder has no migration work at
 * start. The key hashes the migration files and the seed rows: a changed migration set names a
 * new folder and the old one is simply no longer used. Neither holds anything per install.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** The file PostgreSQL writes last in initdb and reads first: its presence marks a data folder. */
export const VERSION_FILE = 'PG_VERSION';

function pgliteVersion(): string {
  const main = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pkg = JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * `PUMASI_CACHE_DIR`, else `~/.cache/pumasi`; one initdb template per PGlite version, and one
 * migrated template per PGlite version and `schemaKey`.
 */
export function templatePath(schemaKey?: string): string {
  const dir = process.env.PUMASI_CACHE_DIR ?? join(homedir(), '.cache', 'pumasi');
  const name = `pglite-template-${pgliteVersion()}`;
  return join(dir, schemaKey ? `${name}-${schemaKey}` : name);
}

export const isDataFolder = (dir: string) => existsSync(join(dir, VERSION_FILE));

export interface TemplateLayer {
  /** a template to start from (copied) instead of running initdb */
  base?: string;
  /** run on the open cluster before it is closed into the template */
  prepare?: (pg: PGlite) => Promise<void>;
}

/**
 * The template folder, made now when missing; undefined when the cache folder is not writable
 * or the layer fails (then the caller starts from less: slower, same result).
 */
export async function ensureTemplate(
  path = templatePath(),
  layer: TemplateLayer = {},
): Promise<string | undefined> {
  if (isDataFolder(path)) return path;
  let work: string | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    work = mkdtempSync(`${path}.tmp-`);
    if (layer.base) await copyTemplate(layer.base, work);
    const pg = await PGlite.create(work);
    try {
      await layer.prepare?.(pg);
    } finally {
      await pg.close(); // a clean shutdown checkpoints: the files alone are a consistent cluster
    }
    try {
      renameSync(work, path); // atomic: a concurrent start never sees half a template
    } catch (error) {
      if (!isDataFolder(path)) throw error; // else another start made it first: use theirs
      rmSync(work, { recursive: true, force: true });
    }
    return path;
  } catch {
    if (work) rmSync(work, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * Copies the template into `dataDir` (created when missing). The files are copied in parallel;
 * PG_VERSION comes last, so a copy cut half-way leaves a folder still seen as fresh, which the
 * next start fills again instead of opening a broken cluster.
 */
export async function copyTemplate(template: string, dataDir: string): Promise<void> {
  const entries = await readdir(template, { withFileTypes: true, recursive: true });
  const rel = (e: (typeof entries)[number]) => relative(template, join(e.parentPath, e.name));
  await mkdir(dataDir, { recursive: true });
  for (const dir of entries
    .filter((e) => e.isDirectory())
    .map(rel)
    .sort()) {
    await mkdir(join(dataDir, dir), { recursive: true });
  }
  const files = entries.filter((e) => e.isFile()).map(rel);
  await Promise.all(
    files
      .filter((f) => f !== VERSION_FILE)
      .map((f) => copyFile(join(template, f), join(dataDir, f))),
  );
  await copyFile(join(template, VERSION_FILE), join(dataDir, VERSION_FILE));
}
