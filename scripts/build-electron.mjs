// Bundles the Electron main process and preload with esbuild into dist/electron/*.cjs.
// CJS because Electron's sandboxed preload cannot load ES modules, and one file each because a
// sandboxed preload can require nothing but 'electron' (so shared/ code must be inlined).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {{ root?: string, minify?: boolean }} [options] */
export async function buildElectron({ root = projectRoot, minify = false } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    sourcemap: 'linked',
    minify,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
    build({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
    }),
  ]);
  return {
    main: join(root, 'dist/electron/main.cjs'),
    preload: join(root, 'dist/electron/preload.cjs'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildElectron({ minify: process.argv.includes('--minify') });
  console.log(`Electron 번들 완료 / bundled: ${out.main}, ${out.preload}`);
}
