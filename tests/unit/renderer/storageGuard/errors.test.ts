import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  classifyStorageError,
  isStorageFailure,
  storageErrorMessage,
} from '../../../../renderer/db/storageGuard/errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storage error mapping', () => {
  it('finds a quota failure however Dexie wrapped it', () => {
    expect(classifyStorageError(quota())).toBe('quota');
    expect(classifyStorageError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(
      'quota',
    );
    const bulk = new Dexie.BulkError('2 of 10 operations failed', { 3: quota(), 4: quota() });
    expect(classifyStorageError(bulk)).toBe('quota');
    expect(classifyStorageError(new Error('outer', { cause: quota() }))).toBe('quota');
  });

  it('an abort without a quota cause is an abort', () => {
    expect(classifyStorageError(new Dexie.AbortError('Transaction aborted'))).toBe('aborted');
    expect(classifyStorageError(new DOMException('aborted', 'AbortError'))).toBe('aborted');
  });

  it('a closed or deleted database is "closed"', () => {
    expect(classifyStorageError(new Dexie.DatabaseClosedError('closed'))).toBe('closed');
    expect(classifyStorageError(new DOMException('IndexedDB Read Error', 'UnknownError'))).toBe(
      'closed',
    );
  });

  it('anything else is not a storage failure, and its innermost message is kept', () => {
    const error = new Error('outer', { cause: new TypeError('x is undefined') });
    expect(classifyStorageError(error)).toBe('other');
    expect(isStorageFailure(error)).toBe(false);
    expect(storageErrorMessage(error)).toBe('x is undefined');
    expect(classifyStorageError('plain string')).toBe('other');
  });

  it('survives a cyclic chain', () => {
    const a = new Error('a') as Error & { inner?: unknown };
    const b = new Error('b', { cause: a });
    a.inner = b;
    expect(classifyStorageError(a)).toBe('other');
  });
});
