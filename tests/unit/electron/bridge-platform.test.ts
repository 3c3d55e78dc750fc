// The renderer's desktop platform, driven end to end through the preload bridge and the real
// main-process registry and handlers (only Electron's dialogs are fakes).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  dialog: {},
}));

import { createMainHandlers, registerMainIpc } from '../../../electron/ipc';
import type { FileDialogs } from '../../../electron/ipc/files';
import { createBridge } from '../../../electron/preload';
import { createDesktopPlatform, dialogFilters } from '../../../renderer/platform/desktop';
import { PlatformError, type Platform } from '../../../renderer/platform/types';

let dir: string;
let dialogs: { showOpenDialog: ReturnType<typeof vi.fn>; showSaveDialog: ReturnType<typeof vi.fn> };
let platform: Platform;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pumasi-bridge-'));
  dialogs = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
  const listeners = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>();
  registerMainIpc(
    { handle: (channel: string, fn) => void listeners.set(channel, fn) },
    createMainHandlers({
      app: { getVersion: () => '0.1.0', getLocale: () => 'ko', isPackaged: true },
      dialogs: dialogs as unknown as FileDialogs,
      dataDir: dir,
      backupDir: join(dir, 'backups'),
    }),
    ['app://pumasi'],
  );
  const event = { senderFrame: { url: 'app://pumasi/index.html' } } as IpcMainInvokeEvent;
  // Structured clone stands in for Electron's IPC serialisation.
  const bridge = createBridge(async (channel, input) =>
    structuredClone(await listeners.get(channel)!(event, structuredClone(input))),
  );
  platform = createDesktopPlatform(bridge, async () => true);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('desktop platform over the preload bridge', () => {
  it('reports desktop and the app version', async () => {
    expect(platform.kind).toBe('desktop');
    expect(await platform.appInfo()).toMatchObject({ kind: 'desktop', version: '0.1.0' });
  });

  it('opens a file through the dialog with filters built from accept', async () => {
    const file = join(dir, 'a.csv');
    await writeFile(file, 'x,y');
    dialogs.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const picked = await platform.openFile({ accept: ['.csv', 'text/csv', '.XLSX'] });
    expect(picked?.name).toBe('a.csv');
    expect(new TextDecoder().decode(picked?.bytes)).toBe('x,y');
    expect(dialogs.showOpenDialog.mock.calls[0]?.[1].filters).toEqual([
      { name: '지원하는 파일', extensions: ['csv', 'xlsx'] },
    ]);
  });

  it('passes openFile maxBytes to main, which enforces it before reading', async () => {
    const file = join(dir, 'big.zip');
    await writeFile(file, new Uint8Array(2048));
    dialogs.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const refused = await platform
      .openFile({ accept: ['.zip'], maxBytes: 1024 })
      .catch((e: unknown) => e);
    expect((refused as PlatformError).code).toBe('TOO_LARGE');
    const picked = await platform.openFile({ accept: ['.zip'], maxBytes: 4096 });
    expect(picked?.bytes.byteLength).toBe(2048);
  });

  it('saves a file and reports cancel as false', async () => {
    const target = join(dir, 'out.xlsx');
    dialogs.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await platform.saveFile('보고서.xlsx', new Uint8Array([1, 2]), 'x')).toBe(true);
    expect([...(await readFile(target))]).toEqual([1, 2]);
    dialogs.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await platform.saveFile('보고서.xlsx', new Uint8Array([1]), 'x')).toBe(false);
  });

  it('turns an error answer into a PlatformError with the Korean message', async () => {
    const error = await platform
      .saveFile('../evil.csv', new Uint8Array(1), 'text/csv')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).code).toBe('INVALID_INPUT');
    expect((error as PlatformError).message).toMatch(/올바르지 않습니다/);
  });

  it('writes, lists and reads backups', async () => {
    const entry = await platform.writeBackup!({
      bytes: new TextEncoder().encode('{}'),
      label: 'x',
    });
    expect((await platform.listBackups!()).map((e) => e.fileName)).toEqual([entry.fileName]);
    const back = await platform.readBackup!(entry.fileName);
    expect(new TextDecoder().decode(back.bytes)).toBe('{}');
    expect((await platform.storageInfo!()).dataDir).toBe(dir);
  });

  it('dialogFilters keeps only safe extensions', () => {
    expect(dialogFilters(['image/*'])).toEqual([]);
    expect(dialogFilters(['.csv', '.c*v', '.CSV'])).toEqual([
      { name: '지원하는 파일', extensions: ['csv'] },
    ]);
  });
});
