import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc/channels';

/** Records the order of lifecycle calls the main process makes on a fake Electron. */
const electron = vi.hoisted(() => {
  const calls: string[] = [];
  let lockGranted = true;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const app = {
    isPackaged: false,
    setName: vi.fn((name: string) => calls.push(`setName ${name}`)),
    getPath: vi.fn((name: string) => (name === 'appData' ? '/home/u/.config' : `/x/${name}`)),
    setPath: vi.fn((name: string, value: string) => calls.push(`setPath ${name} ${value}`)),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('lock');
      return lockGranted;
    }),
    quit: vi.fn(() => calls.push('quit')),
    exit: vi.fn(),
    on: vi.fn(),
    isReady: vi.fn(() => true),
    whenReady: vi.fn(() => {
      calls.push('whenReady');
      return ready;
    }),
    getVersion: () => '0.1.0',
    getLocale: () => 'ko',
  };
  return {
    calls,
    setLock: (granted: boolean) => {
      lockGranted = granted;
    },
    fireReady: () => resolveReady(),
    module: {
      app,
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
        handle: vi.fn((scheme: string) => calls.push(`protocol.handle ${scheme}`)),
      },
      ipcMain: { handle: vi.fn((channel: string) => calls.push(`ipc ${channel}`)) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
        },
      },
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
      BrowserWindow: Object.assign(
        vi.fn(function (this: Record<string, unknown>) {
          calls.push('new BrowserWindow');
          this.webContents = {
            on: vi.fn(),
            setWindowOpenHandler: vi.fn(),
            session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
          };
          this.on = vi.fn();
          this.once = vi.fn();
          this.loadURL = vi.fn(async (url: string) => calls.push(`loadURL ${url}`));
        }),
        { getAllWindows: vi.fn(() => []), fromWebContents: vi.fn() },
      ),
      dialog: {},
      safeStorage: { isEncryptionAvailable: () => false },
    },
  };
});
vi.mock('electron', () => electron.module);

describe('main process start-up', () => {
  beforeEach(() => {
    vi.resetModules();
    electron.calls.length = 0;
  });

  it('pins userData and registers the scheme before ready, then serves, registers IPC, opens', async () => {
    electron.setLock(true);
    await import('../../../electron/main');
    const beforeReady = [...electron.calls];
    expect(beforeReady).toContain(`setPath userData ${join('/home/u/.config', 'Pumasi')}`);
    expect(beforeReady.indexOf('registerSchemesAsPrivileged')).toBeLessThan(
      beforeReady.indexOf('whenReady'),
    );
    expect(beforeReady.some((c) => c.startsWith('protocol.handle'))).toBe(false);

    electron.fireReady();
    await vi.waitFor(() => expect(electron.calls).toContain('loadURL app://pumasi/index.html'));
    const all = electron.calls;
    expect(all).toContain('protocol.handle app');
    expect(all.filter((c) => c.startsWith('ipc ')).length).toBe(IPC_CHANNELS.length);
    expect(all.indexOf('protocol.handle app')).toBeLessThan(all.indexOf('new BrowserWindow'));
  });

  it('quits when another instance holds the lock', async () => {
    electron.setLock(false);
    await import('../../../electron/main');
    expect(electron.calls).toContain('quit');
    expect(electron.calls).not.toContain('whenReady');
  });
});
