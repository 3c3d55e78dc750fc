/**
 * Every IPC channel, and the name of the `window.pumasi` method that invokes it. The keys of this
 * one object are the channel set: a duplicate channel cannot be declared, and the contract
 * (contract.ts) must give each key a schema. Kept free of zod so the preload bundle stays tiny.
 */
export const IPC_METHODS = {
  'app:getInfo': 'getAppInfo',
  'files:open': 'openFile',
  'files:save': 'saveFile',
  'backup:write': 'writeBackup',
  'backup:list': 'listBackups',
  'backup:read': 'readBackup',
  'storage:info': 'storageInfo',
  'identity:read': 'readIdentity',
  'identity:write': 'writeIdentity',
  'sync:readConnection': 'readSyncConnection',
  'sync:writeConnection': 'writeSyncConnection',
  'sync:request': 'syncRequest',
  'sync:bundleKey': 'syncBundleKey',
  'report:printPdf': 'printReportPdf',
} as const;

export type IpcChannel = keyof typeof IPC_METHODS;
export type IpcMethodName = (typeof IPC_METHODS)[IpcChannel];

export const IPC_CHANNELS = Object.freeze(Object.keys(IPC_METHODS) as IpcChannel[]);

export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && Object.hasOwn(IPC_METHODS, name);
}
