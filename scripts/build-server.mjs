// Bundles the sync server (server/main.ts and the shared/ code it imports) with esbuild into
// dist/server/main.mjs, and copies server/migrations beside it. Plain Node then starts it without
// compiling TypeScript or resolving hundreds of small modules at every start (issue 9).
// PGlite and pg stay outside the bundle: PGlite finds its WASM and data files next to its own
// module, and pg has an optional native binding esbuild cannot follow.
import { build } from 'esbuild';
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  mkdirSync(outDir, { recursive: true });
  rmSync(join(outDir, 'migrations'), { recursive: true, force: true });
  cpSync(join(root, 'server/migrations'), join(outDir, 'migrations'), { recursive: true });
  // Each file lands by rename, the bundle last: a server starting meanwhile (another
  // `npm run server`) reads either the old bundle or the new one, never half of one.
  const isBundle = (f) => Number(f.path.endsWith('.mjs'));
  const files = [...result.outputFiles].sort((a, b) => isBundle(a) - isBundle(b));
  for (const file of files) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  return join(outDir, 'main.mjs');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildServer();
  console.log(`서버 번들 완료 / bundled: ${out}`);
}
