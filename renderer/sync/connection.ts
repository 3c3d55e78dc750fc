/**
 * Where the endpoint and the token live, and how calls reach the endpoint.
 * - Desktop: the main process keeps both (the token encrypted with Electron `safeStorage`) and
 *   makes the calls itself (`platform.sync*`): the token never enters the renderer, and the
 *   renderer's CSP need not allow any other origin.
 * - Browser mode: a small IndexedDB database of its own, `pumasi-sync-connection` — not
 *   localStorage (readable synchronously by any script on the origin and kept in plain files
 *   per profile), and not the app database (its tables go into backup files, which travel).
 *   docs/SYNC.md "Where the token lives" says why this is the best a browser offers.
 */
import Dexie, { type Table } from 'dexie';
import { bundleKeyFromToken, type BundleKey } from '../../shared/sync/bundleCrypto';
import { fetchHttp, normalizeEndpoint, type HttpCall } from './transport';

export type TokenStorage = 'safeStorage' | 'indexeddb';

export interface SyncConnectionInfo {
  endpoint: string | null;
  hasToken: boolean;
  tokenStorage: TokenStorage;
}

export interface SyncConnectionStore {
  read(): Promise<SyncConnectionInfo>;
  /** `token` undefined keeps the stored one; throws on an endpoint that is not http(s) */
  save(endpoint: string, token?: string): Promise<SyncConnectionInfo>;
  clear(): Promise<SyncConnectionInfo>;
  /** calls to the stored endpoint with the stored token; null when either is missing */
  http(): Promise<HttpCall | null>;
  /** calls to a candidate endpoint/token ("연결 시험" before saving); token undefined: stored */
  trial(endpoint: string, token?: string): Promise<HttpCall>;
  /**
   * The key that signs sync bundle files, derived from the stored token (bundleCrypto.ts); null
   * without a token. Desktop: derived by the main process (IPC sync:bundleKey), so the token
   * itself still never enters the renderer.
   */
  bundleKey?(): Promise<BundleKey | null>;
}

export class EndpointError extends Error {
  constructor() {
    super(
      '주소는 http:// 또는 https://로 시작해야 합니다 / the address must start with http:// or https://',
    );
    this.name = 'EndpointError';
  }
}

interface ConnectionRow {
  key: 'current';
  endpoint: string;
  token: string;
}

class ConnectionDb extends Dexie {
  declare connection: Table<ConnectionRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ connection: 'key' });
  }
}

export const BROWSER_CONNECTION_DB = 'pumasi-sync-connection';

export function browserConnectionStore(
  dbName: string = BROWSER_CONNECTION_DB,
  fetchFn?: typeof fetch,
): SyncConnectionStore {
  const db = new ConnectionDb(dbName);
  const info = (row: ConnectionRow | undefined): SyncConnectionInfo => ({
    endpoint: row?.endpoint || null,
    hasToken: Boolean(row?.token),
    tokenStorage: 'indexeddb',
  });
  const get = () => db.connection.get('current');
  const call = (endpoint: string, token: string) =>
    fetchFn ? fetchHttp(endpoint, token, fetchFn) : fetchHttp(endpoint, token);
  return {
    read: async () => info(await get()),
    async save(endpoint, token) {
      const normalized = normalizeEndpoint(endpoint);
      if (!normalized) throw new EndpointError();
      const current = await get();
      const row: ConnectionRow = {
        key: 'current',
        endpoint: normalized,
        token: token?.trim() || current?.token || '',
      };
      await db.connection.put(row);
      return info(row);
    },
    async clear() {
      await db.connection.delete('current');
      return info(undefined);
    },
    async http() {
      const row = await get();
      return row?.endpoint && row.token ? call(row.endpoint, row.token) : null;
    },
    async trial(endpoint, token) {
      const normalized = normalizeEndpoint(endpoint);
      if (!normalized) throw new EndpointError();
      return call(normalized, token?.trim() || (await get())?.token || '');
    },
    async bundleKey() {
      const token = (await get())?.token;
      return token ? bundleKeyFromToken(token) : null;
    },
  };
}
