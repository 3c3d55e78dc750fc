// Bundles the sync server (server/main.ts and the shared/ code it imports) with esbuild into
// dist/server/main.mjs, and copies server/migrations beside it. Plain Node then starts it without
// compiling TypeScript or resolving hundreds of small modules at every start (issue 9).
// PGlite and pg stay outside the bundle: PGlite finds its WASM and data files next to its own
// module, and pg has an optional native binding esbuild cannot follow.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export const SERVER_BUNDLE = 'dist/server/main.mjs';

/** @param {{ root?: string, outDir?: string }} [options] */
export async function buildServer({ root = projectRoot, outDir = join(root, 'dist/server') } = {}) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['server/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@electric-sql/pglite', 'pg'],
    // fastify and its helpers are CommonJS; in an ES module bundle their require() of Node
    // built-ins needs a real require.
    banner: {
      js: "import { createRequire as __pumasiRequire } from 'node:module'; const require = __pumasiRequire(import.meta.url);",
    },
    define: { PUMASI_BUNDLED_MIGRATIONS: JSON.stringify('./migrations/') },
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
    outfile: join(outDir, 'main.mjs'),
  });
  // Each file lands by rename, the migrations first and the bundle last: a server starting
  // meanwhile (another `npm run server`) reads whole files, old or new, never half of one.
  const land = (path, contents) => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, contents);
    renameSync(tmp, path);
  };
  const migrationsOut = join(outDir, 'migrations');
  mkdirSync(migrationsOut, { recursive: true });
  const sources = readdirSync(join(root, 'server/migrations'));
  for (const name of sources) {
    land(join(migrationsOut, name), readFileSync(join(root, 'server/migrations', name)));
  }
  for (const name of readdirSync(migrationsOut)) {
    // a migration gone from the sources (renamed): never leave it to be applied
    if (name.endsWith('.sql') && !sources.includes(name)) rmSync(join(migrationsOut, name));
  }
  const isBundle = (f) => Number(f.path.endsWith('.mjs'));
  for (const file of [...result.outputFiles].sort((a, b) => isBundle(a) - isBundle(b))) {
    land(file.path, file.contents);
  }
  return join(outDir, 'main.mjs');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildServer();
  console.log(`서버 번들 완료 / bundled: ${out}`);
}
