/**
 * The IPC contract between the renderer and the Electron main process: for every channel of
 * channels.ts, the zod schema of its input and the TypeScript type of its output. The main
 * process validates with these schemas; the preload and renderer derive their types from them.
 */
import { z } from 'zod';
import { databaseIdentitySchema, type DatabaseIdentity } from '../storage/identity';
import type { IPC_METHODS, IpcChannel } from './channels';
import { fail, ok, type IpcResult } from './result';

const MiB = 1024 * 1024;

/** Size limits of what crosses the process boundary (and what main reads from disk). */
export const IPC_LIMITS = {
  openFileBytes: 100 * MiB,
  saveFileBytes: 200 * MiB,
  backupBytes: 512 * MiB,
  backupsKept: 30,
} as const;

/** `pumasi-backup-<UTC yyyymmdd-hhmmss-mmm>[-label].<ext>`: sortable by name = by time. */
export const BACKUP_FILE_PATTERN =
  /^pumasi-backup-\d{8}-\d{6}-\d{3}(?:-[a-z0-9-]{1,40})?\.(?:json|zip)$/;

// ---- output types -------------------------------------------------------------------------

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  arch: string;
  versions: { electron: string; chrome: string; node: string };
  isPackaged: boolean;
  locale: string;
}
export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}
export interface SavedFile {
  path: string;
}
export interface BackupEntry {
  fileName: string;
  size: number;
  /** ISO timestamp read from the file name. */
  createdAt: string;
}
export interface BackupFile {
  fileName: string;
  bytes: Uint8Array;
}
export interface StorageInfo {
  dataDir: string;
  backupDir: string;
  /** Free bytes on the disk holding dataDir; null when the OS does not say. */
  freeBytes: number | null;
  totalBytes: number | null;
}

/** The sync connection as the main process keeps it; the token itself never crosses back. */
export interface SyncConnectionState {
  endpoint: string | null;
  hasToken: boolean;
}
/** The key that signs sync bundle files, derived from the stored token (shared/sync/bundleCrypto.ts). */
export interface SyncBundleKey {
  bytes: Uint8Array;
  id: string;
}
export interface SyncHttpResponse {
  status: number;
  text: string;
  retryAfter: string | null;
}

/** Paths the main process calls on the sync endpoint: /health and the /v1 API, nothing else. */
export const SYNC_REQUEST_PATH = /^\/(?:health|v1\/[a-z-]+\/[a-z-]+)(?:\?[A-Za-z0-9=&%._~-]*)?$/;

// ---- input schemas ------------------------------------------------------------------------

const noInput = z.undefined();

const bytesUpTo = (maxBytes: number) =>
  // z.custom, not z.instanceof: the latter narrows to Uint8Array<ArrayBuffer>, which rejects the
  // plain Uint8Array the renderer holds. (A Node Buffer is a Uint8Array and passes too.)
  z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, '파일 내용(바이트)이 필요합니다.')
    .refine((b) => b.byteLength <= maxBytes, {
      message: `파일이 너무 큽니다 (최대 ${Math.round(maxBytes / MiB)}MB).`,
      params: { tooLarge: true },
    });

const fileFilter = z
  .object({
    name: z.string().trim().min(1).max(100),
    extensions: z
      .array(z.string().regex(/^(?:\*|[A-Za-z0-9]{1,10})$/, '확장자 형식이 올바르지 않습니다.'))
      .min(1)
      .max(20),
  })
  .strict();

/** A bare file name: no folders, no `..`, no characters Windows refuses. */
const bareFileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((s) => !/[\\/:*?"<>|\u0000-\u001f]/.test(s) && s !== '.' && s !== '..', {
    message: '파일 이름에 쓸 수 없는 문자가 있습니다.',
  });

// ---- the contract -------------------------------------------------------------------------

/** Phantom carrier of an output type: nothing at run time, the type at compile time. */
export type Returns<T> = { readonly __output?: T };
const returns = <T>(): Returns<T> => ({});

interface ChannelSpec {
  input: z.ZodType;
  output: Returns<unknown>;
}

export const ipcContract = {
  'app:getInfo': { input: noInput, output: returns<AppInfo>() },
  'files:open': {
    input: z
      .object({
        title: z.string().max(100).optional(),
        filters: z.array(fileFilter).max(10).default([]),
        // Default openFileBytes; a restore may raise it to backupBytes, the size a backup may have.
        maxBytes: z.number().int().positive().max(IPC_LIMITS.backupBytes).optional(),
      })
      .strict(),
    output: returns<OpenedFile | null>(),
  },
  'files:save': {
    input: z
      .object({
        defaultName: bareFileName,
        bytes: bytesUpTo(IPC_LIMITS.saveFileBytes),
        filters: z.array(fileFilter).max(10).default([]),
      })
      .strict(),
    /** null when the user cancelled the dialog. */
    output: returns<SavedFile | null>(),
  },
  'backup:write': {
    input: z
      .object({
        bytes: bytesUpTo(IPC_LIMITS.backupBytes),
        label: z
          .string()
          .regex(/^[a-z0-9-]{1,40}$/, '백업 이름은 영문 소문자, 숫자, -만 쓸 수 있습니다.')
          .optional(),
        extension: z.enum(['json', 'zip']).default('json'),
      })
      .strict(),
    output: returns<BackupEntry>(),
  },
  'backup:list': { input: noInput, output: returns<BackupEntry[]>() },
  'backup:read': {
    input: z
      .object({
        fileName: z.string().regex(BACKUP_FILE_PATTERN, '백업 파일 이름이 올바르지 않습니다.'),
      })
      .strict(),
    output: returns<BackupFile>(),
  },
  'storage:info': { input: noInput, output: returns<StorageInfo>() },
  /** The database identity file in the data folder (null: none, or unreadable). */
  'identity:read': { input: noInput, output: returns<DatabaseIdentity | null>() },
  /** Writes the identity; null deletes it (the team chose to start over). */
  'identity:write': {
    input: databaseIdentitySchema.nullable(),
    output: returns<null>(),
  },
  /** The stored sync endpoint and whether a token is stored (encrypted with safeStorage). */
  'sync:readConnection': { input: noInput, output: returns<SyncConnectionState>() },
  /** Stores the endpoint and (if given) a new token; null forgets both. */
  'sync:writeConnection': {
    input: z
      .object({
        endpoint: z.string().trim().min(1).max(500),
        token: z.string().trim().min(1).max(500).optional(),
      })
      .strict()
      .nullable(),
    output: returns<SyncConnectionState>(),
  },
  /**
   * The sync-file signing key derived from the stored token (null: no token). Only the derived
   * key crosses: it signs files, the token itself still never leaves the main process.
   */
  'sync:bundleKey': { input: noInput, output: returns<SyncBundleKey | null>() },
  /**
   * One HTTP call to the STORED endpoint with the stored token, made by the main process; or,
   * with `trial`, to a candidate endpoint ("연결 시험") — with the stored token only when the
   * candidate is the stored endpoint, so no call can carry the token elsewhere.
   */
  'sync:request': {
    input: z
      .object({
        method: z.enum(['GET', 'POST']),
        path: z.string().max(2000).regex(SYNC_REQUEST_PATH, '허용되지 않은 경로입니다.'),
        body: z
          .string()
          .max(4 * MiB)
          .optional(),
        auth: z.boolean(),
        trial: z
          .object({
            endpoint: z.string().trim().min(1).max(500),
            token: z.string().trim().min(1).max(500).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: returns<SyncHttpResponse>(),
  },
  /**
   * Prints the calling window to an A4 PDF (its print CSS applies) and saves it where the user
   * picks in the save dialog; null when the user cancelled.
   */
  'report:printPdf': {
    input: z
      .object({
        defaultName: bareFileName.refine((n) => /\.pdf$/i.test(n), {
          message: '파일 이름은 .pdf로 끝나야 합니다.',
        }),
      })
      .strict(),
    output: returns<SavedFile | null>(),
  },
} as const satisfies { [C in IpcChannel]: ChannelSpec };

// ---- derived types ------------------------------------------------------------------------

export type IpcContract = typeof ipcContract;
/** What the renderer passes. */
export type IpcInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>;
/** What a main-process handler receives, after validation and defaults. */
export type IpcParsedInput<C extends IpcChannel> = z.output<IpcContract[C]['input']>;
export type IpcOutput<C extends IpcChannel> =
  IpcContract[C]['output'] extends Returns<infer T> ? T : never;

type BridgeMethod<C extends IpcChannel> =
  undefined extends IpcInput<C>
    ? (input?: IpcInput<C>) => Promise<IpcResult<IpcOutput<C>>>
    : (input: IpcInput<C>) => Promise<IpcResult<IpcOutput<C>>>;

/** The `window.pumasi` object the preload exposes: one method per channel. */
export type PumasiBridge = {
  readonly [C in IpcChannel as (typeof IPC_METHODS)[C]]: BridgeMethod<C>;
};

/** Validates a raw IPC input; the error message is Korean and names the offending field. */
export function parseIpcInput<C extends IpcChannel>(
  channel: C,
  raw: unknown,
): IpcResult<IpcParsedInput<C>> {
  const result = ipcContract[channel].input.safeParse(raw);
  if (result.success) return ok(result.data as IpcParsedInput<C>);
  const issue = result.error.issues[0];
  if (issue?.code === 'custom' && issue.params?.['tooLarge'] === true) {
    return fail('TOO_LARGE', issue.message);
  }
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return fail('INVALID_INPUT', `요청 값이 올바르지 않습니다${where}: ${issue?.message ?? ''}`);
}
