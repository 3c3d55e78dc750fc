// report:printPdf through the real registry and handler map, with a fake webContents (the
// caller's event.sender) and a fake save dialog: Electron's binary is absent here.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
}));

import { createMainHandlers, registerMainIpc } from '../../../electron/ipc';
import type { FileDialogs } from '../../../electron/ipc/files';
import { REPORT_PDF_OPTIONS } from '../../../electron/ipc/report-pdf';
import type { IpcResult } from '../../../shared/ipc';
import { createDesktopPlatform } from '../../../renderer/platform/desktop';
import { createBridge } from '../../../electron/preload';

const PDF = new TextEncoder().encode('%PDF-1.4 fake');

let dir: string;
let dialogs: { showOpenDialog: ReturnType<typeof vi.fn>; showSaveDialog: ReturnType<typeof vi.fn> };
let sender: { printToPDF: ReturnType<typeof vi.fn> };
let listeners: Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>;

function invoke(input: unknown, url = 'app://pumasi/index.html'): Promise<IpcResult<unknown>> {
  const event = { senderFrame: { url }, sender } as unknown as IpcMainInvokeEvent;
  return listeners.get('report:printPdf')!(event, input) as Promise<IpcResult<unknown>>;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pumasi-pdf-'));
  dialogs = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
  sender = { printToPDF: vi.fn(async () => Buffer.from(PDF)) };
  listeners = new Map();
  const handlers = createMainHandlers({
    app: { getVersion: () => '0.1.0', getLocale: () => 'ko', isPackaged: false },
    dialogs: dialogs as unknown as FileDialogs,
    dataDir: dir,
    backupDir: join(dir, 'backups'),
  });
  registerMainIpc(
    { handle: vi.fn((channel: string, fn) => listeners.set(channel, fn)) },
    handlers,
    ['app://pumasi'],
  );
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('report:printPdf', () => {
  it('prints the calling window as A4 portrait and saves the PDF where the user picked', async () => {
    const target = join(dir, '월간보고서.pdf');
    dialogs.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    expect(await invoke({ defaultName: '월간보고서-gumi-2006-03.pdf' })).toEqual({
      ok: true,
      value: { path: target },
    });
    expect(sender.printToPDF).toHaveBeenCalledWith(REPORT_PDF_OPTIONS);
    expect(REPORT_PDF_OPTIONS).toMatchObject({ pageSize: 'A4', landscape: false });
    expect(dialogs.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({
      defaultPath: '월간보고서-gumi-2006-03.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(new Uint8Array(await readFile(target))).toEqual(PDF);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    dialogs.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await invoke({ defaultName: 'r.pdf' })).toEqual({ ok: true, value: null });
    expect(await readdir(dir)).toEqual([]);
  });

  it('answers a Korean error, and opens no dialog, when printing fails', async () => {
    sender.printToPDF.mockRejectedValue(new Error('render process gone'));
    const result = await invoke({ defaultName: 'r.pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(result.ok ? '' : result.error.message).toMatch(/PDF를 만들지 못했습니다/);
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses a path, a non-PDF name or a foreign caller before printing anything', async () => {
    for (const defaultName of ['../../etc/r.pdf', 'C:\\r.pdf', 'report.exe', '']) {
      expect(await invoke({ defaultName })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(await invoke({ defaultName: 'r.pdf' }, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(sender.printToPDF).not.toHaveBeenCalled();
  });

  it('is reached from the desktop Platform through the preload bridge', async () => {
    const target = join(dir, 'r.pdf');
    dialogs.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    dialogs.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    const bridge = createBridge((channel, input) =>
      (listeners.get(channel)! as (e: IpcMainInvokeEvent, i: unknown) => Promise<unknown>)(
        {
          senderFrame: { url: 'app://pumasi/index.html' },
          sender,
        } as unknown as IpcMainInvokeEvent,
        input,
      ),
    );
    const platform = createDesktopPlatform(bridge, async () => true);
    expect(await platform.printPdf?.('r.pdf')).toEqual({ kind: 'saved', path: target });
    expect(await platform.printPdf?.('r.pdf')).toEqual({ kind: 'cancelled' });
  });
});
