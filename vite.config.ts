import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// The renderer is built once and served either from the Electron custom scheme (app://pumasi)
// or by scripts/web.mjs in browser mode; relative base keeps both working.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  publicDir: false,
  plugins: [react()],
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
