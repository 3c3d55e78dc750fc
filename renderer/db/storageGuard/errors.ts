/**
 * What a failed IndexedDB write means. Dexie wraps the browser's errors: a transaction that
 * failed because the disk or quota was full surfaces as Dexie's `AbortError` (or `BulkError`)
 * with the DOMException `QuotaExceededError` as `inner` (or among `failures`); a database the
 * browser closed or deleted under us surfaces as `DatabaseClosedError`, `InvalidStateError` or
 * Chromium's `UnknownError` ("IndexedDB Read Error"). This walks that chain to one kind.
 */

export type StorageErrorKind = 'quota' | 'stalled' | 'aborted' | 'closed' | 'other';

const CLOSED_NAMES = new Set([
  'DatabaseClosedError',
  'InvalidStateError',
  'UnknownError',
  'OpenFailedError',
  'VersionChangeError',
  'NotFoundError',
]);

/** The error itself and everything it wraps (Dexie `inner`, `failures`, ES `cause`). */
function errorChain(error: unknown, depth = 0): unknown[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [error];
  const e = error as { inner?: unknown; cause?: unknown; failures?: unknown };
  const nested: unknown[] = [];
  if (e.inner !== undefined && e.inner !== error) nested.push(e.inner);
  if (e.cause !== undefined && e.cause !== error) nested.push(e.cause);
  if (Array.isArray(e.failures)) nested.push(...e.failures.slice(0, 5));
  else if (e.failures && typeof e.failures === 'object') {
    nested.push(...Object.values(e.failures as Record<string, unknown>).slice(0, 5));
  }
  return [error, ...nested.flatMap((n) => errorChain(n, depth + 1))];
}

const nameOf = (e: unknown) =>
  typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string'
    ? (e as { name: string }).name
    : '';
const messageOf = (e: unknown) => (e instanceof Error ? e.message : typeof e === 'string' ? e : '');

/** The kind of a storage failure; `other` for everything that is not about storage. */
export function classifyStorageError(error: unknown): StorageErrorKind {
  const chain = errorChain(error);
  // Quota first: a quota failure arrives wrapped in an abort, and the quota is what the user
  // can act on.
  if (chain.some((e) => nameOf(e) === 'QuotaExceededError' || /quota/i.test(messageOf(e)))) {
    return 'quota';
  }
  // A write the stall watchdog aborted (stallWatchdog.ts): its own abort is not the cause.
  if (chain.some((e) => nameOf(e) === 'WriteStalledError')) return 'stalled';
  if (chain.some((e) => CLOSED_NAMES.has(nameOf(e)))) return 'closed';
  if (chain.some((e) => nameOf(e) === 'AbortError')) return 'aborted';
  return 'other';
}

/** Whether a thrown write error is a storage failure (not a programming or validation error). */
export const isStorageFailure = (error: unknown) => classifyStorageError(error) !== 'other';

/** The innermost message worth showing for an `other` error. */
export function storageErrorMessage(error: unknown): string {
  const chain = errorChain(error).filter((e) => messageOf(e) !== '');
  return messageOf(chain[chain.length - 1] ?? error) || String(error);
}
