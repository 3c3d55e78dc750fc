import type { App } from 'electron';
import type { AppInfo } from '../../shared/ipc/contract';

export function createAppInfoHandler(
  app: Pick<App, 'getVersion' | 'getLocale' | 'isPackaged'>,
  runtime: Pick<NodeJS.Process, 'platform' | 'arch' | 'versions'> = process,
) {
  return (): AppInfo => ({
    name: 'Pumasi',
    version: app.getVersion(),
    platform: runtime.platform,
    arch: runtime.arch,
    versions: {
      electron: runtime.versions['electron'] ?? '',
      chrome: runtime.versions['chrome'] ?? '',
      node: runtime.versions.node,
    },
    isPackaged: app.isPackaged,
    locale: app.getLocale(),
  });
}
