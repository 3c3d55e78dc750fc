/** The desktop platform: every call goes through the preload bridge (window.pumasi). */
import type { PumasiBridge } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { PlatformError, type OpenFileOptions, type Platform } from './types';

function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new PlatformError(result.error.code, result.error.message);
}

/** `['.csv', 'text/csv', '.XLSX']` → one dialog filter with `csv, xlsx`; MIME types are skipped. */
export function dialogFilters(accept: OpenFileOptions['accept']) {
  const extensions = [
    ...new Set(
      accept
        .filter((a) => a.startsWith('.'))
        .map((a) => a.slice(1).toLowerCase())
        .filter((a) => /^[a-z0-9]{1,10}$/.test(a)),
    ),
  ];
  return extensions.length > 0 ? [{ name: '지원하는 파일', extensions }] : [];
}

/**
 * @param requestPersistentStorage the browser's own: IndexedDB lives in the window's origin even
 *   on desktop (main grants only this permission). Passed in so this file stays DOM-free.
 */
export function createDesktopPlatform(
  bridge: PumasiBridge,
  requestPersistentStorage: () => Promise<boolean>,
): Platform {
  return {
    kind: 'desktop',
    async appInfo() {
      const info = unwrap(await bridge.getAppInfo());
      return {
        kind: 'desktop',
        name: info.name,
        version: info.version,
        runtime: `Electron ${info.versions.electron} · ${info.platform}`,
      };
    },
    async openFile(opts) {
      const input = {
        filters: dialogFilters(opts.accept),
        ...(opts.title ? { title: opts.title } : {}),
        ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
      };
      return unwrap(await bridge.openFile(input));
    },
    async saveFile(name, bytes, _mime) {
      const extension = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase();
      const filters = extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [];
      return unwrap(await bridge.saveFile({ defaultName: name, bytes, filters })) !== null;
    },
    requestPersistentStorage,
    async writeBackup(options) {
      return unwrap(await bridge.writeBackup(options));
    },
    async listBackups() {
      return unwrap(await bridge.listBackups());
    },
    async readBackup(fileName) {
      return unwrap(await bridge.readBackup({ fileName }));
    },
    async storageInfo() {
      return unwrap(await bridge.storageInfo());
    },
    async readIdentity() {
      return unwrap(await bridge.readIdentity());
    },
    async writeIdentity(identity) {
      unwrap(await bridge.writeIdentity(identity));
    },
    async readSyncConnection() {
      return unwrap(await bridge.readSyncConnection());
    },
    async writeSyncConnection(input) {
      return unwrap(await bridge.writeSyncConnection(input));
    },
    async syncRequest(request) {
      return unwrap(await bridge.syncRequest(request));
    },
    async syncBundleKey() {
      return unwrap(await bridge.syncBundleKey());
    },
    async printPdf(fileName) {
      const saved = unwrap(await bridge.printReportPdf({ defaultName: fileName }));
      return saved ? { kind: 'saved', path: saved.path } : { kind: 'cancelled' };
    },
  };
}
