/**
 * What the UI may ask of the machine it runs on. Two implementations: desktop (the Electron
 * preload bridge) and browser (file inputs, downloads, navigator.storage). Features import
 * `platform` from './index' and never test which one they got, except through `kind`.
 */
import type {
  BackupEntry,
  BackupFile,
  StorageInfo,
  SyncBundleKey,
  SyncConnectionState,
  SyncHttpResponse,
} from '../../shared/ipc/contract';
import type { DatabaseIdentity } from '../../shared/storage/identity';

export type PlatformKind = 'desktop' | 'browser';

export interface PlatformAppInfo {
  kind: PlatformKind;
  name: string;
  version: string;
  /** e.g. `Electron 45.5.0 · win32` or the browser's user agent. */
  runtime: string;
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface OpenFileOptions {
  /** Extensions (`.csv`) and/or MIME types (`text/csv`), as for `<input accept>`. */
  accept: string[];
  title?: string;
  /** Largest file accepted, in bytes; default IPC_LIMITS.openFileBytes, at most backupBytes. */
  maxBytes?: number;
}

export interface BackupWriteOptions {
  bytes: Uint8Array;
  /** `[a-z0-9-]{1,40}`, e.g. `before-upgrade-v3`. */
  label?: string;
  extension?: 'json' | 'zip';
}

/** What printing the report gave: a saved PDF (desktop), a cancelled dialog, or the browser's print dialog. */
export type PrintOutcome =
  { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'browserDialog' };

export interface Platform {
  kind: PlatformKind;
  appInfo(): Promise<PlatformAppInfo>;
  /** null when the user cancelled. */
  openFile(opts: OpenFileOptions): Promise<PickedFile | null>;
  /** false when the user cancelled (desktop); a browser download always reports true. */
  saveFile(name: string, bytes: Uint8Array, mime: string): Promise<boolean>;
  requestPersistentStorage(): Promise<boolean>;
  /** Desktop only: backup files outside IndexedDB (rotated, the newest 30 kept). */
  writeBackup?(options: BackupWriteOptions): Promise<BackupEntry>;
  listBackups?(): Promise<BackupEntry[]>;
  readBackup?(fileName: string): Promise<BackupFile>;
  storageInfo?(): Promise<StorageInfo>;
  /** Desktop only: the database identity file in the data folder (browser: localStorage). */
  readIdentity?(): Promise<DatabaseIdentity | null>;
  /** null deletes it */
  writeIdentity?(identity: DatabaseIdentity | null): Promise<void>;
  /** Desktop only: the sync endpoint + token kept by the main process (token: safeStorage). */
  readSyncConnection?(): Promise<SyncConnectionState>;
  /** null forgets both; token undefined keeps the stored one */
  writeSyncConnection?(
    input: { endpoint: string; token?: string } | null,
  ): Promise<SyncConnectionState>;
  /** Desktop only: an HTTP call to the sync endpoint made by the main process (it adds the token) */
  syncRequest?(request: SyncHttpRequest): Promise<SyncHttpResponse>;
  /** Desktop only: the sync-file signing key derived from the stored token (null: no token) */
  syncBundleKey?(): Promise<SyncBundleKey | null>;
  /**
   * Prints the current page with its print CSS: desktop makes an A4 PDF into a save dialog
   * (webContents.printToPDF), the browser opens its own print dialog (window.print()). Both
   * platforms have it; optional only so test fakes of other features need not.
   */
  printPdf?(fileName: string): Promise<PrintOutcome>;
}

export interface SyncHttpRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  auth: boolean;
  trial?: { endpoint: string; token?: string };
}

/** A failed platform call; `message` is Korean and can be shown as is. */
export class PlatformError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}
