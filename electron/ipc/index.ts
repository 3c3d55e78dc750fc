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

export interface MainHandlerDeps {
  app: Pick<App, 'getVersion' | 'getLocale' | 'isPackaged'>;
  dialogs: FileDialogs;
  dataDir: string;
  backupDir: string;
}

export function createMainHandlers(deps: MainHandlerDeps): IpcHandlerMap<IpcMainInvokeEvent> {
  return {
    'app:getInfo': createAppInfoHandler(deps.app),
    ...createFileHandlers(deps.dialogs),
    ...createBackupHandlers({ backupDir: deps.backupDir }),
    'storage:info': createStorageInfoHandler(deps),
    ...createIdentityHandlers(deps.dataDir),
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
