/**
 * Desktop: the main process keeps the endpoint and the token (safeStorage) and makes every call
 * (electron/ipc/sync.ts). The renderer only says which path to call.
 */
import type { Platform } from '../platform/types';
import type { SyncConnectionInfo, SyncConnectionStore } from './connection';
import { EndpointError } from './connection';
import { normalizeEndpoint, type HttpCall } from './transport';

export function desktopConnectionStore(platform: Platform): SyncConnectionStore | null {
  const { readSyncConnection, writeSyncConnection, syncRequest, syncBundleKey } = platform;
  if (!readSyncConnection || !writeSyncConnection || !syncRequest) return null;
  const info = (s: { endpoint: string | null; hasToken: boolean }): SyncConnectionInfo => ({
    ...s,
    tokenStorage: 'safeStorage',
  });
  const viaMain =
    (trial?: { endpoint: string; token?: string }): HttpCall =>
    (req) =>
      syncRequest({ ...req, ...(trial ? { trial } : {}) });
  return {
    read: async () => info(await readSyncConnection()),
    async save(endpoint, token) {
      const normalized = normalizeEndpoint(endpoint);
      if (!normalized) throw new EndpointError();
      const t = token?.trim();
      return info(await writeSyncConnection({ endpoint: normalized, ...(t ? { token: t } : {}) }));
    },
    clear: async () => info(await writeSyncConnection(null)),
    async http() {
      const s = await readSyncConnection();
      return s.endpoint && s.hasToken ? viaMain() : null;
    },
    ...(syncBundleKey ? { bundleKey: () => syncBundleKey() } : {}),
    async trial(endpoint, token) {
      const normalized = normalizeEndpoint(endpoint);
      if (!normalized) throw new EndpointError();
      const t = token?.trim();
      return viaMain({ endpoint: normalized, ...(t ? { token: t } : {}) });
    },
  };
}
