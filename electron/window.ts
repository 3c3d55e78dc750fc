/**
 * The one window factory, with the Electron security checklist applied in one place:
 * isolated, sandboxed renderer without Node; no webviews; navigation, redirects and new windows
 * limited to the app's own origin; permission requests denied. (The `remote` module no longer
 * exists in Electron ≥ 14, so there is nothing to disable for it.)
 */
import { BrowserWindow } from 'electron';
import type { Session, WebContents, WebPreferences } from 'electron';
import { isTrustedUrl } from '../shared/ipc/app-origin';

/** Never relax these per window: every BrowserWindow comes from createMainWindow. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

/**
 * Permissions the app itself needs from its own origin. Only persistent storage: without it
 * Chromium may evict IndexedDB under disk pressure, and the records live there.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

export interface MainWindowOptions {
  preloadPath: string;
  startUrl: string;
  /** Origins the window may show: app://pumasi, plus the Vite dev server in development. */
  trustedOrigins: readonly string[];
  isDev: boolean;
}

/** Denies navigation, redirects, new windows and webviews that leave the trusted origins. */
export function hardenWebContents(contents: WebContents, trustedOrigins: readonly string[]) {
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url, trustedOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, trustedOrigins)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Answers every permission request/check with "no", except GRANTED_PERMISSIONS for our origin. */
export function hardenSession(session: Session, trustedOrigins: readonly string[]) {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(
      GRANTED_PERMISSIONS.has(permission) && isTrustedUrl(contents.getURL(), trustedOrigins),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return GRANTED_PERMISSIONS.has(permission) && isTrustedUrl(requestingOrigin, trustedOrigins);
  });
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: '품앗이 Pumasi',
    backgroundColor: '#ffffff',
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      preload: options.preloadPath,
      devTools: options.isDev,
    },
  });
  hardenWebContents(window.webContents, options.trustedOrigins);
  hardenSession(window.webContents.session, options.trustedOrigins);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.startUrl);
  return window;
}
