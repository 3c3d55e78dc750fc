import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string;
};

// The renderer is built once and served either from the Electron custom scheme (app://pumasi)
// or by scripts/web.mjs in browser mode; relative base keeps both working.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  publicDir: false,
  plugins: [react(), offlineServiceWorker()],
  define: { __PUMASI_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'renderer/index.html'),
        bench: resolve(import.meta.dirname, 'renderer/bench.html'),
      },
    },
  },
  server: { host: '127.0.0.1' },
});

/**
 * Browser mode offline (docs/ARCHITECTURE.md, "Service worker"): Workbox precaches the whole build
 * (every lazy chunk, the import worker, fonts) into `sw.js`. The app registers it itself, in browser
 * mode only (renderer/app/serviceWorker.ts); Electron serves the same files from disk.
 * No skipWaiting: a new build waits until every window of the old one is closed, so an update is
 * taken on the next start and never swaps chunks under a running import. clientsClaim only
 * matters on the very first install (nothing else controls the page then), so that page's lazy
 * chunks already come from the cache if the network goes before a reload.
 */
function offlineServiceWorker() {
  return VitePWA({
    strategies: 'generateSW',
    injectRegister: false,
    registerType: 'prompt',
    manifest: false,
    filename: 'sw.js',
    workbox: {
      globPatterns: ['**/*.{js,mjs,css,html,woff2,woff,ttf,svg,png,ico,json,wasm}'],
      // The benchmark page is a developer tool, never needed offline (and not shipped).
      globIgnores: ['bench.html', 'assets/bench-*'],
      // exceljs and AG Grid chunks are several MB; the default 2 MiB cap would leave them out.
      maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
      // Hash routes only: a navigation is `/` or `/index.html`, both precached; no fallback, so
      // bench.html is never answered with the app.
      navigateFallback: null,
      skipWaiting: false,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      inlineWorkboxRuntime: true,
      sourcemap: false,
    },
  });
}
