/**
 * The PGlite initdb template: a fresh PGlite folder runs initdb inside WASM (≈ 7 s of CPU here),
 * so the first start on a machine runs it once into a cache folder and every later fresh data
 * folder (a new server, a test's throw-away database) starts as a plain copy of that folder
 * (≈ 0.3 s for its 39 MB, against ≈ 1.8 s to unpack the same files from a tarball).
 * The template holds nothing but initdb's output: no schema, no data.
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

/** `PUMASI_CACHE_DIR`, else `~/.cache/pumasi`; one template folder per PGlite version. */
export function templatePath(): string {
  const dir = process.env.PUMASI_CACHE_DIR ?? join(homedir(), '.cache', 'pumasi');
  return join(dir, `pglite-template-${pgliteVersion()}`);
}

export const isDataFolder = (dir: string) => existsSync(join(dir, VERSION_FILE));

/**
 * The template folder, made now when missing; undefined when the cache folder is not writable
 * (then the caller runs initdb in its own folder: slower, same result).
 */
export async function ensureTemplate(path = templatePath()): Promise<string | undefined> {
  if (isDataFolder(path)) return path;
  let work: string | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    work = mkdtempSync(`${path}.tmp-`);
    const pg = await PGlite.create(work);
    await pg.close(); // a clean shutdown checkpoints: the files alone are a consistent cluster
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
