import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for Electron's BrowserWindow that records what the factory configures. */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  class FakeEmitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: Listener) {
      return this.on(name, fn);
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }
  class FakeSession {
    requestHandler: Listener | null = null;
    checkHandler: Listener | null = null;
    setPermissionRequestHandler(fn: Listener) {
      this.requestHandler = fn;
    }
    setPermissionCheckHandler(fn: Listener) {
      this.checkHandler = fn;
    }
  }
  class FakeWebContents extends FakeEmitter {
    session = new FakeSession();
    windowOpenHandler: Listener | null = null;
    url = 'app://pumasi/index.html';
    setWindowOpenHandler(fn: Listener) {
      this.windowOpenHandler = fn;
    }
    getURL() {
      return this.url;
    }
  }
  class FakeBrowserWindow extends FakeEmitter {
    static created: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      FakeBrowserWindow.created.push(this);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show = vi.fn();
  }
  return { FakeBrowserWindow, FakeWebContents, FakeSession };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow }));

import { createMainWindow, SECURE_WEB_PREFERENCES } from '../../../electron/window';

type FakeWindow = InstanceType<typeof fake.FakeBrowserWindow>;

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

function openWindow(isDev = false): FakeWindow {
  createMainWindow({
    preloadPath: '/app/dist/electron/preload.cjs',
    startUrl: 'app://pumasi/index.html',
    trustedOrigins: ['app://pumasi'],
    isDev,
  });
  return fake.FakeBrowserWindow.created.at(-1)!;
}

describe('createMainWindow', () => {
  beforeEach(() => {
    fake.FakeBrowserWindow.created.length = 0;
  });

  it('applies every security option of the checklist', () => {
    const prefs = openWindow().options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(SECURE_WEB_PREFERENCES.sandbox).toBe(true);
  });

  it('allows devtools only in development', () => {
    expect(openWindow(false).options.webPreferences.devTools).toBe(false);
    expect(openWindow(true).options.webPreferences.devTools).toBe(true);
  });

  it('loads the start URL and shows the window when ready', () => {
    const window = openWindow();
    expect(window.loadedUrl).toBe('app://pumasi/index.html');
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-redirect'])(
    '%s: denies other origins, allows its own',
    (name) => {
      const contents = openWindow().webContents;
      for (const url of [
        'https://example.com/',
        'http://127.0.0.1:5173/',
        'file:///etc/passwd',
        'app://evil/index.html',
        'javascript:alert(1)',
      ]) {
        const event = navigationEvent(url);
        contents.emit(name, event, url);
        expect(event.preventDefault, url).toHaveBeenCalled();
      }
      const own = navigationEvent('app://pumasi/index.html#/companies');
      contents.emit(name, own, own.url);
      expect(own.preventDefault).not.toHaveBeenCalled();
    },
  );

  it('denies every new window', () => {
    const contents = openWindow().webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'app://pumasi/index.html' })).toEqual({
      action: 'deny',
    });
  });

  it('prevents attaching webviews', () => {
    const contents = openWindow().webContents;
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies permission requests and checks (except persistent storage for its own origin)', () => {
    const contents = openWindow().webContents;
    const session = contents.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'usb']) {
      const callback = vi.fn();
      session.requestHandler?.(contents, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(session.checkHandler?.(contents, permission, 'app://pumasi', {}), permission).toBe(
        false,
      );
    }
    const granted = vi.fn();
    session.requestHandler?.(contents, 'persistent-storage', granted, {});
    expect(granted).toHaveBeenCalledWith(true);
    expect(session.checkHandler?.(contents, 'persistent-storage', 'app://pumasi', {})).toBe(true);

    // …but never for a foreign origin.
    expect(session.checkHandler?.(contents, 'persistent-storage', 'https://example.com', {})).toBe(
      false,
    );
    contents.url = 'https://example.com/';
    const foreign = vi.fn();
    session.requestHandler?.(contents, 'persistent-storage', foreign, {});
    expect(foreign).toHaveBeenCalledWith(false);
  });
});
