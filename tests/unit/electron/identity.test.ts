import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
import { IDENTITY_FILE_NAME } from '../../../electron/ipc/identity';
import type { IpcResult } from '../../../shared/ipc';

let dir: string;
let invoke: (channel: string, input?: unknown) => Promise<IpcResult<unknown>>;

const identity = {
  format: 1,
  dbName: 'pumasi',
  deviceId: '01JDEVICE',
  clusterId: 'wonju',
  createdAt: '2026-11-01T00:00:00.000Z',
  lastSeenAt: '2026-12-01T00:00:00.000Z',
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pumasi-identity-'));
  const listeners = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>();
  const handlers = createMainHandlers({
    app: { getVersion: () => '0.1.0', getLocale: () => 'ko', isPackaged: false },
    dialogs: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() } as unknown as FileDialogs,
    dataDir: dir,
    backupDir: join(dir, 'backups'),
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
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('identity:read / identity:write', () => {
  it('reads none before the first write, then what was written, from the data folder', async () => {
    expect(await invoke('identity:read')).toEqual({ ok: true, value: null });
    expect(await invoke('identity:write', identity)).toEqual({ ok: true, value: null });
    expect(JSON.parse(await readFile(join(dir, IDENTITY_FILE_NAME), 'utf8'))).toEqual(identity);
    expect(await invoke('identity:read')).toEqual({ ok: true, value: identity });
  });

  it('null deletes the file (the team started over)', async () => {
    await invoke('identity:write', identity);
    expect(await invoke('identity:write', null)).toEqual({ ok: true, value: null });
    expect(await invoke('identity:read')).toEqual({ ok: true, value: null });
    expect(await invoke('identity:write', null)).toMatchObject({ ok: true });
  });

  it('refuses malformed input with a Korean message and writes nothing', async () => {
    for (const bad of [
      { ...identity, format: 2 },
      { ...identity, extra: '<img onerror=alert(1)>' },
      { ...identity, dbName: '' },
      { ...identity, deviceId: 'x'.repeat(101) },
      'pumasi',
      undefined,
    ]) {
      const result = await invoke('identity:write', bad);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect((result as { error: { message: string } }).error.message).toMatch(/올바르지 않습니다/);
    }
    expect(await invoke('identity:read')).toEqual({ ok: true, value: null });
  });

  it('reads a damaged or foreign file as no identity instead of failing the start', async () => {
    const file = join(dir, IDENTITY_FILE_NAME);
    await writeFile(file, '{"format":1,');
    expect(await invoke('identity:read')).toEqual({ ok: true, value: null });
    await writeFile(file, JSON.stringify({ ...identity, clusterId: 7 }));
    expect(await invoke('identity:read')).toEqual({ ok: true, value: null });
  });
});
