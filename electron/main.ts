/**
 * Electron main process: lifecycle only. Order matters and is the point of this file:
 * 1. pin the data folder and register the app:// scheme (both must precede `ready`);
 * 2. take the single-instance lock (two instances would fight over one IndexedDB);
 * 3. on ready: serve dist/renderer on app://pumasi, register IPC, harden, open the window.
 */
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session } from 'electron';
import { APP_ORIGIN, APP_START_URL, originOf } from '../shared/ipc/app-origin';
import { registerAppSchemePrivileges, serveRendererFromAppScheme } from './app-scheme';
import { createMainHandlers, electronFileDialogs, registerMainIpc } from './ipc';
import { installMenu } from './menu';
import { backupFolderOf, bundlePaths, pinUserDataFolder } from './paths';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

/** Development only: load the Vite dev server instead of the built files. */
const devServerUrl = app.isPackaged ? undefined : process.env['PUMASI_DEV_URL'];
const isDev = !app.isPackaged;
const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
const trustedOrigins: readonly string[] = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];

app.setName('Pumasi');
const dataDir = pinUserDataFolder(app);
registerAppSchemePrivileges(protocol);

let mainWindow: BrowserWindow | null = null;

function openMainWindow() {
  const paths = bundlePaths(__dirname);
  mainWindow = createMainWindow({
    preloadPath: paths.preload,
    startUrl: devServerUrl ?? APP_START_URL,
    trustedOrigins,
    isDev,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start() {
  serveRendererFromAppScheme(protocol, bundlePaths(__dirname).rendererRoot);
  hardenSession(session.defaultSession, trustedOrigins);
  registerMainIpc(
    ipcMain,
    createMainHandlers({
      app,
      dialogs: electronFileDialogs,
      dataDir,
      backupDir: backupFolderOf(dataDir),
      safeStorage,
    }),
    trustedOrigins,
  );
  installMenu(isDev);
  openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // A safety net for any web contents created later (e.g. by Chromium itself).
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trustedOrigins));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[main] start failed', error);
      app.exit(1);
    });
}
