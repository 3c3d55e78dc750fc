import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

// ipc/index.ts builds the real dialog adapter from Electron; the binary is absent here.
vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
}));

import { createMainHandlers, registerMainIpc } from '../../../electron/ipc';
import { backupFileName, createBackupHandlers, rotateBackups } from '../../../electron/ipc/backups';
import type { FileDialogs } from '../../../electron/ipc/files';
import { IPC_CHANNELS, type IpcResult } from '../../../shared/ipc';

type Invoke = (channel: string, input?: unknown, senderUrl?: string) => Promise<IpcResult<unknown>>;

let dir: string;
let dialogs: { showOpenDialog: ReturnType<typeof vi.fn>; showSaveDialog: ReturnType<typeof vi.fn> };
let invoke: Invoke;
/** The raw listeners installed on the fake ipcMain, for events the `invoke` helper cannot build. */
let listeners: Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>;

/** Registers the real handlers on a fake ipcMain and calls them like the renderer would. */
function setUp(): Invoke {
  listeners = new Map();
  const ipcMain = { handle: vi.fn((channel: string, fn) => listeners.set(channel, fn)) };
  const handlers = createMainHandlers({
    app: { getVersion: () => '0.1.0', getLocale: () => 'ko', isPackaged: false },
    dialogs: dialogs as unknown as FileDialogs,
    dataDir: dir,
    backupDir: join(dir, 'backups'),
  });
  registerMainIpc(ipcMain, handlers, ['app://pumasi']);
  expect([...listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  return async (channel, input, senderUrl = 'app://pumasi/index.html') => {
    const event = { senderFrame: { url: senderUrl }, sender: {} } as unknown as IpcMainInvokeEvent;
    return (await listeners.get(channel)!(event, input)) as IpcResult<unknown>;
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pumasi-ipc-'));
  dialogs = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
  invoke = setUp();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('sender check', () => {
  it('refuses calls from any other origin', async () => {
    expect(await invoke('app:getInfo', undefined, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await invoke('app:getInfo', undefined, 'app://other/')).toMatchObject({ ok: false });
    expect(await invoke('app:getInfo', undefined, 'app://pumasi/')).toMatchObject({ ok: true });
  });

  it('refuses a destroyed frame (senderFrame null) with the FORBIDDEN envelope', async () => {
    const event = { senderFrame: null, sender: {} } as unknown as IpcMainInvokeEvent;
    expect(await listeners.get('app:getInfo')!(event, undefined)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('refuses with FORBIDDEN when reading the sender frame throws', async () => {
    // Electron throws from the senderFrame getter once the frame is gone.
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      sender: {},
    } as unknown as IpcMainInvokeEvent;
    expect(await listeners.get('app:getInfo')!(event, undefined)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('app:getInfo', () => {
  it('answers name, version and runtime', async () => {
    const result = await invoke('app:getInfo');
    expect(result).toMatchObject({ ok: true, value: { name: 'Pumasi', version: '0.1.0' } });
    expect(await invoke('app:getInfo', { x: 1 })).toMatchObject({ ok: false });
  });
});

describe('files:open', () => {
  it('reads the picked file', async () => {
    const file = join(dir, '기업목록.csv');
    await writeFile(file, 'a,b\n1,2');
    dialogs.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const result = await invoke('files:open', { filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(result.ok).toBe(true);
    const value = (result as { value: { name: string; bytes: Uint8Array } }).value;
    expect(value.name).toBe('기업목록.csv');
    expect(new TextDecoder().decode(value.bytes)).toBe('a,b\n1,2');
    expect(dialogs.showOpenDialog.mock.calls[0]?.[1]).toMatchObject({ properties: ['openFile'] });
  });

  it('answers null when cancelled', async () => {
    dialogs.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await invoke('files:open', {})).toEqual({ ok: true, value: null });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const file = join(dir, 'big.bin');
    await writeFile(file, new Uint8Array(2048));
    dialogs.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    expect(await invoke('files:open', { maxBytes: 1024 })).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE' },
    });
  });

  it('rejects bad input without opening a dialog', async () => {
    expect(
      await invoke('files:open', { filters: [{ name: 'x', extensions: ['../x'] }] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invoke('files:open', { maxBytes: 10 ** 12 })).toMatchObject({ ok: false });
    expect(dialogs.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('files:save', () => {
  it('writes the bytes where the user chose', async () => {
    const target = join(dir, 'out.csv');
    dialogs.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const result = await invoke('files:save', {
      defaultName: '보고서.csv',
      bytes: new TextEncoder().encode('가,나'),
    });
    expect(result).toEqual({ ok: true, value: { path: target } });
    expect(await readFile(target, 'utf8')).toBe('가,나');
    expect(dialogs.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ defaultPath: '보고서.csv' });
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('answers null when cancelled and writes nothing', async () => {
    dialogs.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await invoke('files:save', { defaultName: 'a.csv', bytes: new Uint8Array(1) })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('rejects a path as the default name, or missing bytes', async () => {
    for (const defaultName of ['../a.csv', 'C:\\x\\a.csv', 'a/b.csv', '']) {
      const result = await invoke('files:save', { defaultName, bytes: new Uint8Array(1) });
      expect(result, defaultName).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await invoke('files:save', { defaultName: 'a.csv' })).toMatchObject({ ok: false });
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('backups', () => {
  it('writes, lists newest first and reads back', async () => {
    const first = await invoke('backup:write', { bytes: new TextEncoder().encode('{"v":1}') });
    const second = await invoke('backup:write', {
      bytes: new TextEncoder().encode('{"v":2}'),
      label: 'before-upgrade',
    });
    expect(first.ok && second.ok).toBe(true);
    const list = await invoke('backup:list');
    const names = (list as { value: { fileName: string }[] }).value.map((e) => e.fileName);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/-before-upgrade\.json$/);
    const read = await invoke('backup:read', { fileName: names[1] });
    expect(new TextDecoder().decode((read as { value: { bytes: Uint8Array } }).value.bytes)).toBe(
      '{"v":1}',
    );
  });

  it('lists nothing when no backup was written yet', async () => {
    expect(await invoke('backup:list')).toEqual({ ok: true, value: [] });
  });

  it('refuses to read anything but a backup file name', async () => {
    await writeFile(join(dir, 'secret.txt'), 'x');
    for (const fileName of ['../secret.txt', 'secret.txt', 'pumasi-backup-x.json']) {
      expect(await invoke('backup:read', { fileName }), fileName).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(
      await invoke('backup:read', { fileName: 'pumasi-backup-20060401-000000-000.json' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('rejects a label with folders or capitals', async () => {
    for (const label of ['../x', 'A', 'x'.repeat(41)]) {
      expect(
        await invoke('backup:write', { bytes: new Uint8Array(1), label }),
        label,
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });

  it('keeps only the newest 30 backups and leaves other files alone', async () => {
    const backupDir = join(dir, 'backups');
    await mkdir(backupDir, { recursive: true });
    await writeFile(join(backupDir, 'notes.txt'), 'mine');
    const start = Date.UTC(2006, 3, 1);
    for (let i = 0; i < 35; i++) {
      await writeFile(join(backupDir, backupFileName(new Date(start + i * 60_000), 'json')), '{}');
    }
    await invoke('backup:write', { bytes: new Uint8Array(1) }); // today: newest of all
    const remaining = (await readdir(backupDir)).filter((n) => n.startsWith('pumasi-backup-'));
    expect(remaining).toHaveLength(30);
    // The 6 oldest 2006 files went; the 29 newest of them and today's backup remain.
    expect(remaining).not.toContain(backupFileName(new Date(start + 5 * 60_000), 'json'));
    expect(remaining).toContain(backupFileName(new Date(start + 6 * 60_000), 'json'));
    expect(await readFile(join(backupDir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('never rotates away the backup just written, even when the clock went back', async () => {
    const backupDir = join(dir, 'backups');
    await mkdir(backupDir, { recursive: true });
    // 30 backups named in the "future" (written before the PC clock was set back).
    const future = Date.UTC(2030, 0, 1);
    const futureNames = Array.from({ length: 30 }, (_, i) =>
      backupFileName(new Date(future + i * 1000), 'zip', 'auto'),
    );
    for (const name of futureNames) await writeFile(join(backupDir, name), 'z');
    const handlers = createBackupHandlers({ backupDir, now: () => new Date(Date.UTC(2025, 0, 1)) });
    const entry = await handlers['backup:write'](
      { bytes: new Uint8Array([7]), extension: 'zip', label: 'before-upgrade-v3' },
      undefined,
    );
    expect(entry).toMatchObject({ size: 1, createdAt: '2025-01-01T00:00:00.000Z' });
    const remaining = (await readdir(backupDir)).sort();
    expect(remaining).toHaveLength(30);
    expect(remaining).toContain(entry.fileName);
    // The oldest-named other backup made room; the 29 newest future ones stay.
    expect(remaining).not.toContain(futureNames[0]);
    expect(remaining).toEqual([entry.fileName, ...futureNames.slice(1)].sort());
  });

  it('two concurrent backups in the same millisecond both land, in distinct files', async () => {
    const backupDir = join(dir, 'backups');
    const handlers = createBackupHandlers({ backupDir, now: () => new Date(Date.UTC(2025, 0, 1)) });
    const [a, b] = await Promise.all([
      handlers['backup:write']({ bytes: new Uint8Array([1]), extension: 'zip' }, undefined),
      handlers['backup:write']({ bytes: new Uint8Array([2, 2]), extension: 'zip' }, undefined),
    ]);
    expect(a.fileName).not.toBe(b.fileName);
    expect([...(await readFile(join(backupDir, a.fileName)))]).toEqual([1]);
    expect([...(await readFile(join(backupDir, b.fileName)))]).toEqual([2, 2]);
    // No temporary file is left behind.
    expect((await readdir(backupDir)).sort()).toEqual([a.fileName, b.fileName].sort());
  });

  it('steps to the next name instead of replacing a file that appeared meanwhile', async () => {
    const backupDir = join(dir, 'backups');
    const at = new Date(Date.UTC(2025, 0, 1));
    const taken = backupFileName(at, 'json');
    // The clock is read after the folder listing, so a file written "meanwhile" (another copy of
    // the app) is not in the listed names: the exclusive write must notice it.
    const handlers = createBackupHandlers({
      backupDir,
      now: () => {
        writeFileSync(join(backupDir, taken), 'theirs');
        return at;
      },
    });
    const entry = await handlers['backup:write'](
      { bytes: new Uint8Array([9]), extension: 'json' },
      undefined,
    );
    expect(entry.fileName).toBe(backupFileName(new Date(at.getTime() + 1), 'json'));
    expect(await readFile(join(backupDir, taken), 'utf8')).toBe('theirs');
  });

  it('rotateBackups deletes by name order and reports what it deleted', async () => {
    const start = Date.UTC(2020, 0, 1);
    const names = [0, 1, 2].map((i) => backupFileName(new Date(start + i * 1000), 'zip'));
    for (const name of names) await writeFile(join(dir, name), 'z');
    expect(await rotateBackups(dir, 1)).toEqual([names[1], names[0]]);
    expect(await readdir(dir)).toEqual([names[2]]);
  });

  it('two backups in the same millisecond get distinct names', async () => {
    const handlers = createMainHandlers({
      app: { getVersion: () => '', getLocale: () => 'ko', isPackaged: false },
      dialogs: dialogs as unknown as FileDialogs,
      dataDir: dir,
      backupDir: join(dir, 'b'),
    });
    const event = {} as IpcMainInvokeEvent;
    vi.useFakeTimers({ now: Date.UTC(2006, 3, 1), toFake: ['Date'] });
    try {
      const input = { bytes: new Uint8Array(1), extension: 'json' as const };
      const a = await handlers['backup:write'](input, event);
      const b = await handlers['backup:write'](input, event);
      expect(a.fileName).not.toBe(b.fileName);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('storage:info', () => {
  it('answers the data folder and free disk space', async () => {
    const result = await invoke('storage:info');
    expect(result).toMatchObject({
      ok: true,
      value: { dataDir: dir, backupDir: join(dir, 'backups') },
    });
    const value = (result as { value: { freeBytes: number | null } }).value;
    expect(value.freeBytes).toBeGreaterThan(0);
    expect(Object.keys(value).sort()).toEqual(['backupDir', 'dataDir', 'freeBytes', 'totalBytes']);
  });
});
