/**
 * scripts/build-server.mjs makes a bundle plain Node runs: it answers /health on a fresh PGlite
 * folder with the migrations it carries applied. scripts/server.mjs rebuilds it when any file it
 * is made of is newer.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../scripts/build-server.mjs';
import { bundleIsFresh } from '../../../scripts/server.mjs';
import { loadMigrations, schemaVersion } from '../../../server/db/migrate';
import { openPglite } from '../../../server/db/pglite';
import { freePort } from '../../support/postgres';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('server bundle', () => {
  const work = mkdtempSync(join(tmpdir(), 'pumasi-bundle-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs under plain Node and answers /health with the migrations applied', async () => {
    // PGlite and pg stay outside the bundle: they resolve from a node_modules above it
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    const main = await buildServer({ root: ROOT, outDir: join(work, 'server') });
    const data = join(work, 'data');
    const port = await freePort();
    const child = spawn(process.execPath, [main, '--data', data, '--port', String(port)], {
      env: { ...process.env, LOG_LEVEL: 'warn', PUMASI_TRACE_START: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      let status = 0;
      for (let i = 0; i < 1200 && status !== 200 && child.exitCode === null; i += 1) {
        status = await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.status,
          () => 0,
        );
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status, stderr).toBe(200);
      expect(stderr).toMatch(/start: imports \d+ ms .*db open .*migrations .*listen .*total/);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const db = await openPglite(data);
    try {
      expect(await schemaVersion(db)).toBe(Math.max(...loadMigrations().map((m) => m.version)));
    } finally {
      await db.close();
    }
  }, 240_000);

  it('counts as stale when a source under server/ or shared/ is newer than it', () => {
    const root = join(work, 'fake-root');
    for (const dir of ['server/db', 'shared', 'scripts', 'dist/server']) {
      mkdirSync(join(root, dir), { recursive: true });
    }
    const files = [
      'server/db/x.ts',
      'shared/y.ts',
      'package-lock.json',
      'scripts/build-server.mjs',
    ];
    const bundle = join(root, 'dist/server/main.mjs');
    expect(bundleIsFresh(root)).toBe(false); // no bundle yet
    for (const f of files) writeFileSync(join(root, f), '');
    writeFileSync(bundle, '');
    const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
    for (const f of files) at(join(root, f), 1_000);
    at(bundle, 2_000);
    expect(bundleIsFresh(root)).toBe(true);
    at(join(root, 'server/db/x.ts'), 3_000);
    expect(bundleIsFresh(root)).toBe(false);
    at(bundle, 4_000);
    at(join(root, 'package-lock.json'), 5_000);
    expect(bundleIsFresh(root)).toBe(false);
  });
});
