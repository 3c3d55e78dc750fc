/**
 * Builds the handler map from its parts and registers it on ipcMain, once, through the shared
 * registry (validation, sender check, result envelope).
 */
import { BrowserWindow, dialog } from 'electron';
import type { App, IpcMain, IpcMainInvokeEvent } from 'electron';
import { createIpcRegistry, type IpcHandlerMap } from '../../shared/ipc/register';
import { createAppInfoHandler } from './app-info';
import { createBackupHandlers } from './backups';
import { createFileHandlers, type FileDialogs } from './files';
import { createIdentityHandlers } from './identity';
import { createReportPdfHandler } from './report-pdf';
import { isTrustedSender } from './sender';
import { createStorageInfoHandler } from './storage';
import { createSyncHandlers, type SafeStorageLike } from './sync';

export interface MainHandlerDeps {
  app: Pick<App, 'getVersion' | 'getLocale' | 'isPackaged'>;
  dialogs: FileDialogs;
  dataDir: string;
  backupDir: string;
  /** Electron's safeStorage (tests: a fake); encrypts the sync token at rest. Absent: no
   *  encryption, so no token can be stored. */
  safeStorage?: SafeStorageLike;
  /** the main process's fetch for sync calls (tests: a fake) */
  fetch?: typeof fetch;
}

const NO_ENCRYPTION: SafeStorageLike = {
  isEncryptionAvailable: () => false,
  encryptString: () => {
    throw new Error('no encryption');
  },
  decryptString: () => {
    throw new Error('no encryption');
  },
};

export function createMainHandlers(deps: MainHandlerDeps): IpcHandlerMap<IpcMainInvokeEvent> {
  return {
    'app:getInfo': createAppInfoHandler(deps.app),
    ...createFileHandlers(deps.dialogs),
    ...createBackupHandlers({ backupDir: deps.backupDir }),
    'storage:info': createStorageInfoHandler(deps),
    ...createIdentityHandlers(deps.dataDir),
    ...createSyncHandlers({
      dataDir: deps.dataDir,
      safeStorage: deps.safeStorage ?? NO_ENCRYPTION,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    }),
    'report:printPdf': createReportPdfHandler(deps.dialogs),
  };
}

/** Native dialogs parented to the window that asked, so they are modal to it. */
export const electronFileDialogs: FileDialogs = {
  showOpenDialog(event, options) {
    const parent = BrowserWindow.fromWebContents(event.sender);
    return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
  },
  showSaveDialog(event, options) {
    const parent = BrowserWindow.fromWebContents(event.sender);
    return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
  },
};

export function registerMainIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlerMap<IpcMainInvokeEvent>,
  trustedOrigins: readonly string[],
) {
  const registry = createIpcRegistry<IpcMainInvokeEvent>(
    (channel, listener) =>
      ipcMain.handle(channel, (event, input: unknown) => listener(event, input)),
    {
      authorize: (event) => isTrustedSender(event, trustedOrigins),
      onUnexpectedError: (channel, error) => console.error(`[ipc ${channel}]`, error),
    },
  );
  registry.registerAll(handlers);
  return registry;
}
