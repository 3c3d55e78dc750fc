import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
}));

import { createMainHandlers, registerMainIpc } from '../../../electron/ipc';
import type { FileDialogs } from '../../../electron/ipc/files';
import { SYNC_CONNECTION_FILE, type SafeStorageLike } from '../../../electron/ipc/sync';
import type { IpcResult } from '../../../shared/ipc';
import { bundleKeyFromToken, type BundleKey } from '../../../shared/sync/bundleCrypto';

/** A fake safeStorage: "encrypts" by reversing and tagging, so the file never holds the token. */
const fakeSafeStorage = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(`enc:${[...s].reverse().join('')}`),
  decryptString: (b) => [...b.toString().slice(4)].reverse().join(''),
});

let dir: string;
let invoke: (channel: string, input?: unknown) => Promise<IpcResult<unknown>>;
let calls: Array<{ url: string; init: RequestInit }>;

function setup(safeStorage: SafeStorageLike) {
  const listeners = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>();
  const fetchFake = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify({ ok: true, serverTime: 1 }), {
      status: 200,
      headers: { 'retry-after': '3' },
    });
  }) as unknown as typeof fetch;
  const handlers = createMainHandlers({
    app: { getVersion: () => '0.1.0', getLocale: () => 'ko', isPackaged: false },
    dialogs: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() } as unknown as FileDialogs,
    dataDir: dir,
    backupDir: join(dir, 'backups'),
    safeStorage,
    fetch: fetchFake,
  });
  registerMainIpc({ handle: (c: string, fn) => listeners.set(c, fn) }, handlers, ['app://pumasi']);
  invoke = async (channel, input) =>
    (await listeners.get(channel)!(
      {
        senderFrame: { url: 'app://pumasi/index.html' },
        sender: {},
      } as unknown as IpcMainInvokeEvent,
      input,
    )) as IpcResult<unknown>;
}

const authOf = (i: number) => (calls[i]?.init.headers as Record<string, string>)['authorization'];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pumasi-sync-'));
  calls = [];
  setup(fakeSafeStorage());
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('sync connection in the main process', () => {
  it('stores the token encrypted with safeStorage and never answers it back', async () => {
    expect(await invoke('sync:readConnection')).toEqual({
      ok: true,
      value: { endpoint: null, hasToken: false },
    });
    const saved = await invoke('sync:writeConnection', {
      endpoint: 'https://sync.example.kr/',
      token: 'secret-token',
    });
    expect(saved).toEqual({
      ok: true,
      value: { endpoint: 'https://sync.example.kr', hasToken: true },
    });
    const file = await readFile(join(dir, SYNC_CONNECTION_FILE), 'utf8');
    expect(file).not.toContain('secret-token');
    expect(JSON.stringify(await invoke('sync:readConnection'))).not.toContain('secret-token');
  });

  it('calls only the stored endpoint, adding the token itself; no redirects', async () => {
    await invoke('sync:writeConnection', { endpoint: 'https://sync.example.kr', token: 'tok' });
    const res = await invoke('sync:request', {
      method: 'GET',
      path: '/v1/sync/pull?after=0',
      auth: true,
    });
    expect(res).toMatchObject({ ok: true, value: { status: 200, retryAfter: '3' } });
    expect(calls[0]?.url).toBe('https://sync.example.kr/v1/sync/pull?after=0');
    expect(authOf(0)).toBe('Bearer tok');
    expect(calls[0]?.init.redirect).toBe('error');
  });

  it('refuses paths outside /health and the /v1 API', async () => {
    await invoke('sync:writeConnection', { endpoint: 'https://sync.example.kr', token: 'tok' });
    for (const path of [
      '//evil.example/x',
      '/../admin',
      'https://evil.example/',
      '/v1/sync/pull#x',
    ]) {
      const res = await invoke('sync:request', { method: 'GET', path, auth: true });
      expect(res.ok, path).toBe(false);
    }
    expect(calls).toEqual([]);
  });

  it('moving to another server forgets the token unless a new one is given', async () => {
    await invoke('sync:writeConnection', { endpoint: 'https://sync.example.kr', token: 'tok' });
    expect(
      await invoke('sync:writeConnection', { endpoint: 'https://sync.example.kr/api' }),
    ).toMatchObject({
      value: { hasToken: true }, // same origin: kept
    });
    expect(
      await invoke('sync:writeConnection', { endpoint: 'https://other.example' }),
    ).toMatchObject({
      value: { endpoint: 'https://other.example', hasToken: false },
    });
  });

  it('a trial call to another endpoint never carries the stored token', async () => {
    await invoke('sync:writeConnection', { endpoint: 'https://sync.example.kr', token: 'tok' });
    await invoke('sync:request', {
      method: 'GET',
      path: '/v1/network/sync-status',
      auth: true,
      trial: { endpoint: 'https://evil.example' },
    });
    expect(calls[0]?.url).toBe('https://evil.example/v1/network/sync-status');
    expect(authOf(0)).toBeUndefined();
    await invoke('sync:request', {
      method: 'GET',
      path: '/health',
      auth: true,
      trial: { endpoint: 'https://sync.example.kr' },
    });
    expect(authOf(1)).toBe('Bearer tok');
  });

  it('refuses a non-http endpoint and, without encryption, any token', async () => {
    const bad = await invoke('sync:writeConnection', {
      endpoint: 'file:///etc/passwd',
      token: 't',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    setup(fakeSafeStorage(false));
    const res = await invoke('sync:writeConnection', {
      endpoint: 'https://sync.example.kr',
      token: 't',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
    expect((res as { error: { message: string } }).error.message).toMatch(/암호화/);
    expect(await invoke('sync:readConnection')).toMatchObject({ value: { hasToken: false } });
  });

  it('gives the renderer the token-derived sync-file key, never the token', async () => {
    expect(await invoke('sync:bundleKey')).toEqual({ ok: true, value: null });
    await invoke('sync:writeConnection', { endpoint: 'https://sync.example.kr', token: 'tok' });
    const res = (await invoke('sync:bundleKey')) as { ok: true; value: BundleKey };
    expect(res.value).toEqual(await bundleKeyFromToken('tok'));
    expect(Buffer.from(res.value.bytes).toString('utf8')).not.toContain('tok');
  });
});
