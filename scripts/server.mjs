#!/usr/bin/env node
// `npm run server [-- flags | admin command]`: the setup check (in this process: one Node start
// less), then the bundled server dist/server/main.mjs, rebuilt first when older than any file
// it is built from. Without esbuild (or when the build fails) the TypeScript runs through tsx:
// slower to start, same server. One process either way, so a signal reaches the server itself.
// PUMASI_TRACE_START=1 prints where the start-up time goes (here and in server/main.ts).
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureSetup } from './setup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist/server/main.mjs');
const trace = process.env.PUMASI_TRACE_START === '1';
const note = (line) => process.stderr.write(`[pumasi server] ${line}\n`);

/** Newest modification time (ms) of the files the bundle is made of. */
export function newestSourceTime(base = root) {
  let newest = 0;
  const consider = (path) => (newest = Math.max(newest, statSync(path).mtimeMs));
  for (const dir of ['server', 'shared']) {
    for (const entry of readdirSync(join(base, dir), { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) consider(join(entry.parentPath, entry.name));
    }
  }
  for (const file of ['package-lock.json', 'scripts/build-server.mjs']) consider(join(base, file));
  return newest;
}

/** True when dist/server/main.mjs exists and no source is newer than it. */
export function bundleIsFresh(base = root, bundlePath = join(base, 'dist/server/main.mjs')) {
  let built;
  try {
    built = statSync(bundlePath).mtimeMs;
  } catch {
    return false;
  }
  return built >= newestSourceTime(base);
}

async function entryUrl() {
  if (bundleIsFresh()) return { url: pathToFileURL(bundle).href, how: 'bundle' };
  try {
    const { buildServer } = await import('./build-server.mjs');
    await buildServer({ root });
    return { url: pathToFileURL(bundle).href, how: 'bundle (rebuilt)' };
  } catch (error) {
    note(`번들을 만들 수 없어 tsx로 실행합니다 / cannot bundle, running through tsx: ${error}`);
    return { url: undefined, how: 'tsx' };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = performance.now();
  const setup = ensureSetup({ profile: 'server' });
  if (!setup.ok) {
    console.error(setup.line);
    process.exit(1);
  }
  const t1 = performance.now();
  const entry = await entryUrl();
  if (trace) {
    note(
      `start: launcher setup ${(t1 - t0).toFixed(0)} ms, ${entry.how} ${(performance.now() - t1).toFixed(0)} ms`,
    );
  }
  if (entry.url) await import(entry.url);
  else await (await import('tsx/esm/api')).tsImport('../server/main.ts', import.meta.url);
}
