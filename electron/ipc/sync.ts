/**
 * sync:readConnection / sync:writeConnection / sync:request — the desktop app's sync
 * connection. The main process keeps the endpoint and the token (encrypted with Electron
 * `safeStorage`: DPAPI on Windows, Keychain on macOS, the secret service on Linux) in
 * `sync-connection.json` in the data folder, and makes the HTTP calls itself, so:
 * - the token never crosses into the renderer (reads answer only `hasToken`);
 * - the renderer's CSP connect-src needs no outside origin at all;
 * - a token is sent only to the endpoint it was stored with: changing the endpoint to another
 *   origin forgets the token unless a new one is given, and a trial call to another endpoint
 *   ("연결 시험") must bring its own token.
 * A token is never written unencrypted: without safeStorage the write is refused.
 */
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  IpcParsedInput,
  SyncBundleKey,
  SyncConnectionState,
  SyncHttpResponse,
} from '../../shared/ipc/contract';
import { bundleKeyFromToken } from '../../shared/sync/bundleCrypto';
import type { IpcHandler } from '../../shared/ipc/register';
import { IpcFailure } from '../../shared/ipc/result';
import { endpointOrigin, normalizeEndpoint } from '../../shared/sync/endpoint';
import { writeFileAtomically } from './files';

export const SYNC_CONNECTION_FILE = 'sync-connection.json';
const REQUEST_TIMEOUT_MS = 30_000;

/** The part of Electron's safeStorage used here (tests pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

interface StoredConnection {
  endpoint: string;
  /** base64 of safeStorage.encryptString(token); null: none */
  token: string | null;
}

export interface SyncHandlerDeps {
  dataDir: string;
  safeStorage: SafeStorageLike;
  fetch?: typeof fetch;
}

const badEndpoint = () =>
  new IpcFailure(
    'INVALID_INPUT',
    '주소는 http:// 또는 https://로 시작해야 합니다 / the address must start with http:// or https://',
  );

export function createSyncHandlers(deps: SyncHandlerDeps): {
  'sync:readConnection': IpcHandler<'sync:readConnection', unknown>;
  'sync:writeConnection': IpcHandler<'sync:writeConnection', unknown>;
  'sync:request': IpcHandler<'sync:request', unknown>;
  'sync:bundleKey': IpcHandler<'sync:bundleKey', unknown>;
} {
  const path = join(deps.dataDir, SYNC_CONNECTION_FILE);
  const fetchFn = deps.fetch ?? fetch;

  async function load(): Promise<StoredConnection | null> {
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<StoredConnection>;
      const endpoint =
        typeof parsed.endpoint === 'string' ? normalizeEndpoint(parsed.endpoint) : null;
      if (!endpoint) return null;
      return { endpoint, token: typeof parsed.token === 'string' ? parsed.token : null };
    } catch {
      return null; // none yet, or damaged: as if never configured
    }
  }
  const state = (c: StoredConnection | null): SyncConnectionState => ({
    endpoint: c?.endpoint ?? null,
    hasToken: Boolean(c?.token),
  });
  const decrypt = (c: StoredConnection | null): string | null => {
    if (!c?.token) return null;
    try {
      return deps.safeStorage.decryptString(Buffer.from(c.token, 'base64'));
    } catch {
      return null; // encrypted under another OS account or key: the user enters it again
    }
  };

  return {
    'sync:readConnection': async () => state(await load()),
    'sync:writeConnection': async (input: IpcParsedInput<'sync:writeConnection'>) => {
      if (input === null) {
        await unlink(path).catch(() => undefined);
        return state(null);
      }
      const endpoint = normalizeEndpoint(input.endpoint);
      if (!endpoint) throw badEndpoint();
      const current = await load();
      let token: string | null = null;
      if (input.token !== undefined) {
        if (!deps.safeStorage.isEncryptionAvailable()) {
          throw new IpcFailure(
            'IO_ERROR',
            '이 컴퓨터에서는 토큰을 암호화해 저장할 수 없습니다 / this computer cannot encrypt the token',
          );
        }
        token = deps.safeStorage.encryptString(input.token).toString('base64');
      } else if (current && endpointOrigin(current.endpoint) === endpointOrigin(endpoint)) {
        token = current.token; // same server: keep the token
      }
      const next: StoredConnection = { endpoint, token };
      await writeFileAtomically(path, new TextEncoder().encode(JSON.stringify(next)));
      return state(next);
    },
    // Sync by file: the renderer signs bundle files with a key derived from the token.
    'sync:bundleKey': async (): Promise<SyncBundleKey | null> => {
      const token = decrypt(await load());
      return token ? bundleKeyFromToken(token) : null;
    },
    'sync:request': async (input: IpcParsedInput<'sync:request'>): Promise<SyncHttpResponse> => {
      const stored = await load();
      let target = stored?.endpoint ?? null;
      let token = decrypt(stored);
      if (input.trial) {
        target = normalizeEndpoint(input.trial.endpoint);
        if (!target) throw badEndpoint();
        // The stored token goes only to the stored endpoint.
        token = input.trial.token ?? (target === stored?.endpoint ? token : null);
      }
      if (!target)
        throw new IpcFailure('NOT_FOUND', '동기화 서버 주소가 없습니다 / no sync endpoint');
      const headers: Record<string, string> = {};
      if (input.auth && token) headers['authorization'] = `Bearer ${token}`;
      if (input.body !== undefined) headers['content-type'] = 'application/json';
      let res: Response;
      try {
        res = await fetchFn(`${target}${input.path}`, {
          method: input.method,
          headers,
          ...(input.body !== undefined ? { body: input.body } : {}),
          redirect: 'error', // a redirect could carry the token to another origin
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (err) {
        throw new IpcFailure(
          'IO_ERROR',
          `서버에 연결할 수 없습니다 / cannot reach the server: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      return {
        status: res.status,
        text: await res.text(),
        retryAfter: res.headers.get('retry-after'),
      };
    },
  };
}
