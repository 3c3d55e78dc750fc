// The object the Electron preload exposes (electron/preload.ts). Absent in browser mode.
import type { PumasiBridge } from '../../shared/ipc/contract';

declare global {
  interface Window {
    readonly pumasi?: PumasiBridge;
  }
}

export {};
