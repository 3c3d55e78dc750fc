/**
 * The storage guard wired to the platform and the UI language: free-space checks before large
 * writes, and the words for a write that failed anyway. The decisions themselves are pure and
 * live in renderer/db/storageGuard (unit-tested there).
 */
import type { Lang } from '../../../shared/registry';
import type { PumasiDb } from '../../db';
import {
  checkSpace,
  estimateRecordBytes,
  StorageSpaceError,
  type SpaceDecision,
  type SpaceProbes,
} from '../../db/storageGuard/space';
import { classifyStorageError, storageErrorMessage } from '../../db/storageGuard/errors';
import {
  countTables,
  listDatabaseNames,
  recheckUnverified,
  verifyAfterFailedWrite,
  type WriteOutcome,
} from '../../db/storageGuard/verify';
import {
  DEFAULT_STALL_MS,
  runWatched,
  settleWithin,
  VERIFY_AFTER_STALL_MS,
  WriteStalledError,
  type WriteWatch,
} from '../../db/storageGuard/stallWatchdog';
import { platform as appPlatform } from '../../platform';
import type { Platform } from '../../platform/types';
import { storageT, type StorageMessageKey } from './messages';
import { markDatabaseVanished } from './presenceStore';

export type GuardedWrite = 'import' | 'restore' | 'demo';

/** The last look at the database list after a check that could not tell. */
const RECHECK_MS = 3_000;

/** `12.3MB` / `850KB`: one decimal is enough to compare "needed" with "free". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)}${units[unit]}`;
}

/** The browser's quota estimate and, on the desktop, the data folder's disk. */
export function spaceProbes(platform: Platform = appPlatform): SpaceProbes {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  return {
    ...(storage?.estimate ? { estimate: () => storage.estimate() } : {}),
    ...(platform.storageInfo
      ? { diskFreeBytes: async () => (await platform.storageInfo!()).freeBytes }
      : {}),
  };
}

/** The Korean (or English) refusal naming the space needed and free. */
export function spaceRefusedMessage(
  decision: Extract<SpaceDecision, { ok: false }>,
  what: GuardedWrite,
  lang?: Lang,
): string {
  return storageT(
    'space.refused',
    {
      what: storageT(`what.${what}`, {}, lang),
      needed: formatBytes(decision.neededBytes),
      free: formatBytes(decision.freeBytes),
      where: storageT(`where.${decision.source}`, {}, lang),
    },
    lang,
  );
}

/** A refusal before anything was written; its message is ready to show. */
export class SpaceRefused extends StorageSpaceError {
  constructor(decision: Extract<SpaceDecision, { ok: false }>, what: GuardedWrite, lang?: Lang) {
    super(decision);
    this.message = spaceRefusedMessage(decision, what, lang);
  }
}

/** Throws SpaceRefused when a write of about `expectedBytes` may not fit. */
export async function ensureSpaceFor(
  what: GuardedWrite,
  expectedBytes: number,
  options: { lang?: Lang; probes?: SpaceProbes } = {},
): Promise<void> {
  const decision = await checkSpace(expectedBytes, options.probes ?? spaceProbes());
  if (!decision.ok) throw new SpaceRefused(decision, what, options.lang);
}

/** Row counts before a large write, to verify a failure against (see verifyAfterFailedWrite). */
export async function countBefore(
  db: PumasiDb,
  tables: readonly string[],
): Promise<Record<string, number>> {
  const counts = await countTables(db, tables);
  return Object.fromEntries(tables.map((t, i) => [t, counts[i] ?? 0]));
}

/**
 * After a large write threw: checks what is still there and says it. Only a verified rollback
 * says "nothing was saved"; a lost database also switches the app to the vanished screen.
 */
export async function describeFailedWrite(
  what: GuardedWrite,
  error: unknown,
  context: { db: PumasiDb; before: Record<string, number>; recordTables: string[]; lang?: Lang },
): Promise<{ message: string; outcome: WriteOutcome }> {
  const { db, before, recordTables, lang } = context;
  // Bounded: after a stall the database may still be stuck, and a check that never returns
  // would leave the user without a message again ("unverified" says to look and restore).
  const deps = { db, databaseNames: () => listDatabaseNames() };
  let outcome = await settleWithin<WriteOutcome>(
    verifyAfterFailedWrite(deps, before, recordTables),
    VERIFY_AFTER_STALL_MS,
    { kind: 'unverified' },
  );
  // On a real full disk the check hangs while Chromium deletes the database (smallDisk.spec.ts).
  if (outcome.kind === 'unverified') {
    outcome = await settleWithin(recheckUnverified(deps), RECHECK_MS, outcome);
  }
  const kind = classifyStorageError(error);
  const cause =
    kind === 'other'
      ? storageT('cause.other', { message: storageErrorMessage(error) }, lang)
      : storageT(
          `cause.${kind}`,
          error instanceof WriteStalledError ? { seconds: Math.round(error.stallMs / 1000) } : {},
          lang,
        );
  const key: StorageMessageKey = `outcome.${outcome.kind}`;
  const params: Record<string, string | number> = {
    what: storageT(`what.${what}`, {}, lang),
    cause,
    ...(outcome.kind === 'rolledBack'
      ? { count: outcome.recordCount.toLocaleString('ko-KR') }
      : {}),
  };
  if (outcome.kind === 'lost') markDatabaseVanished();
  return { message: storageT(key, params, lang), outcome };
}

/** A restore writes every table of the backup (the old rows stay until it committed). */
export function estimateBackupBytes(tables: Readonly<Record<string, readonly unknown[]>>): number {
  return Object.values(tables).reduce((n, rows) => n + estimateRecordBytes(rows), 0);
}

/** A guarded write that did not happen or failed; `message` says what is still there. */
export class GuardedWriteError extends Error {
  constructor(
    message: string,
    readonly outcome: WriteOutcome | 'refused',
  ) {
    super(message);
    this.name = 'GuardedWriteError';
  }
}

export interface GuardedWriteOptions {
  db: PumasiDb;
  lang?: Lang;
  /** the values about to be written (their size is estimated), or the estimate itself */
  expected: readonly unknown[] | number;
  /** tables counted before, to verify a failure against; the first ones hold records */
  tables: string[];
  recordTables: string[];
  probes?: SpaceProbes;
  /** no progress reported for this long aborts the write (stallWatchdog.ts; tests shorten it) */
  stallMs?: number;
}

/**
 * Runs one large write behind the storage guard: refuses it before it starts when it may not
 * fit, aborts it when it stops making progress (the writer calls `watch.progress()` and aborts
 * its transaction on `watch.signal`), and turns a failure into a verified account of what is
 * still there (GuardedWriteError).
 */
export async function guardedWrite<T>(
  what: GuardedWrite,
  options: GuardedWriteOptions,
  write: (watch: WriteWatch) => Promise<T>,
): Promise<T> {
  const { db, lang, expected, tables, recordTables } = options;
  const bytes = typeof expected === 'number' ? expected : estimateRecordBytes(expected);
  try {
    await ensureSpaceFor(what, bytes, { lang, probes: options.probes });
  } catch (e) {
    if (e instanceof SpaceRefused) throw new GuardedWriteError(e.message, 'refused');
    throw e;
  }
  const before = await countBefore(db, tables);
  try {
    return await runWatched(write, options.stallMs ?? DEFAULT_STALL_MS);
  } catch (error) {
    const { message, outcome } = await describeFailedWrite(what, error, {
      db,
      before,
      recordTables,
      lang,
    });
    throw new GuardedWriteError(message, outcome);
  }
}
