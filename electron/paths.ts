/**
 * Where the app keeps its data. The folder is pinned to `<appData>/Pumasi` instead of Electron's
 * default (derived from the package or product name) so a rename, a different launcher
 * (`electron dist/electron/main.cjs` names the app "Electron") or an upgrade never opens a fresh,
 * empty IndexedDB next to the user's real one.
 */
import { join } from 'node:path';
import type { App } from 'electron';

export const DATA_FOLDER_NAME = 'Pumasi';

/** Call before `ready` and before anything reads userData. Returns the pinned folder. */
export function pinUserDataFolder(app: Pick<App, 'getPath' | 'setPath'>): string {
  const dataDir = join(app.getPath('appData'), DATA_FOLDER_NAME);
  app.setPath('userData', dataDir);
  return dataDir;
}

export const backupFolderOf = (dataDir: string) => join(dataDir, 'backups');

/** Built files sit next to each other: dist/electron/main.cjs, preload.cjs and dist/renderer. */
export function bundlePaths(electronDir: string) {
  return {
    preload: join(electronDir, 'preload.cjs'),
    rendererRoot: join(electronDir, '..', 'renderer'),
  };
}
