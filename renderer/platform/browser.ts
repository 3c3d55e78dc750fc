/**
 * The browser platform (browser mode, `npm run web`): a hidden `<input type=file>` to open,
 * a Blob download to save, navigator.storage.persist() to keep IndexedDB from eviction.
 */
import { IPC_LIMITS } from '../../shared/ipc/contract';
import { PlatformError, type Platform, type PickedFile } from './types';

declare const __PUMASI_VERSION__: string | undefined;

function pickFile(accept: string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.join(',');
    input.style.display = 'none';
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    // Chromium fires `cancel` when the dialog is dismissed; without it the promise would hang.
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    async appInfo() {
      return {
        kind: 'browser',
        name: 'Pumasi',
        version: typeof __PUMASI_VERSION__ === 'string' ? __PUMASI_VERSION__ : 'dev',
        runtime: navigator.userAgent,
      };
    },
    async openFile(opts): Promise<PickedFile | null> {
      const file = await pickFile(opts.accept);
      if (!file) return null;
      // Refused before arrayBuffer(): reading a multi-GB file would exhaust the tab's memory.
      // Same cap as the desktop IPC: opts.maxBytes (the import page passes its own limit), else
      // openFileBytes.
      const maxBytes = opts.maxBytes ?? IPC_LIMITS.openFileBytes;
      if (file.size > maxBytes) {
        const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
        throw new PlatformError(
          'TOO_LARGE',
          `파일이 너무 큽니다 (${mb(file.size)}MB). ${mb(maxBytes)}MB 이하의 파일만 열 수 있습니다.`,
        );
      }
      return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    },
    async saveFile(name, bytes, mime) {
      // Copy into a fresh ArrayBuffer: the Blob constructor rejects views over SharedArrayBuffer.
      const blob = new Blob([bytes.slice().buffer], { type: mime });
      const url = URL.createObjectURL(blob);
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = name;
        link.style.display = 'none';
        document.body.append(link);
        link.click();
        link.remove();
      } finally {
        // Revoked on the next tick: revoking synchronously can cancel the download in Chromium.
        setTimeout(() => URL.revokeObjectURL(url), 0);
      }
      return true;
    },
    async printPdf() {
      // The browser's dialog offers "Save as PDF"; the same print CSS (A4, page numbers) applies.
      window.print();
      return { kind: 'browserDialog' };
    },
    async requestPersistentStorage() {
      if (!navigator.storage?.persist) return false;
      if (await navigator.storage.persisted()) return true;
      return navigator.storage.persist();
    },
  };
}
