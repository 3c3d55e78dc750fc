/**
 * The PGlite initdb template (server/db/pgliteTemplate.ts): made once into an empty cache folder
 * without leftovers, copied as a plain folder into each fresh data folder, and a copy cut
 * half-way (no PG_VERSION yet) filled again at the next start rather than opened broken.
 */
import { existsSync, readdirSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../server/db/migrate';
import { openPglite } from '../../../server/db/pglite';
import {
  copyTemplate,
  ensureTemplate,
  isDataFolder,
  templatePath,
  VERSION_FILE,
} from '../../../server/db/pgliteTemplate';

const listing = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort((a, b) => a.localeCompare(b));

describe('PGlite template', () => {
  const work = mkdtempSync(join(tmpdir(), 'pumasi-template-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is made once into an empty cache folder, atomically, and reused', async () => {
    const cache = join(work, 'cache');
    const path = join(cache, 'pglite-template-test');
    expect(await ensureTemplate(path)).toBe(path);
    expect(isDataFolder(path)).toBe(true);
    expect(readdirSync(cache)).toEqual(['pglite-template-test']); // no temp folder left
    expect(await ensureTemplate(path)).toBe(path); // already there: nothing made again
  }, 240_000);

  it('names one folder per PGlite version (and schema key) under PUMASI_CACHE_DIR', () => {
    const before = process.env.PUMASI_CACHE_DIR;
    process.env.PUMASI_CACHE_DIR = join(work, 'elsewhere');
    try {
      expect(templatePath()).toMatch(/elsewhere[\\/]pglite-template-\d+\.\d+\.\d+$/);
      expect(templatePath('0a1b')).toMatch(/elsewhere[\\/]pglite-template-\d+\.\d+\.\d+-0a1b$/);
    } finally {
      if (before === undefined) delete process.env.PUMASI_CACHE_DIR;
      else process.env.PUMASI_CACHE_DIR = before;
    }
  });

  it('starts a fresh data folder as a copy of the template, then keeps it', async () => {
    const template = await ensureTemplate();
    expect(template).toBeDefined();
    const data = join(work, 'data');
    await copyTemplate(template!, data);
    expect(listing(data)).toEqual(listing(template!));

    // a copy cut half-way: the files but no PG_VERSION, as if the process died mid-copy
    rmSync(join(data, VERSION_FILE));
    expect(isDataFolder(data)).toBe(false);
    const db = await openPglite(data);
    try {
      expect(isDataFolder(data)).toBe(true);
      await migrate(db);
      expect(await schemaVersion(db)).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
    const again = await openPglite(data); // an existing folder opens as it is
    try {
      expect(await schemaVersion(again)).toBeGreaterThan(0);
    } finally {
      await again.close();
    }
  }, 180_000);

  it('keeps a memory:// database in a temp folder removed on close', async () => {
    const before = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('pumasi-pglite-')));
    const db = await openPglite('memory://');
    const made = readdirSync(tmpdir()).filter(
      (n) => n.startsWith('pumasi-pglite-') && !before.has(n),
    );
    expect(made).toHaveLength(1);
    expect(db.location).toBe('memory://');
    await db.close();
    expect(existsSync(join(tmpdir(), made[0]!))).toBe(false);
  }, 180_000);
});
