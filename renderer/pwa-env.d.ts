// Types of vite-plugin-pwa's virtual module `virtual:pwa-register` (renderer/app/serviceWorker.ts).
/// <reference types="vite-plugin-pwa/client" />
