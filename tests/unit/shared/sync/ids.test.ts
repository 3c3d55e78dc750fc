import { describe, expect, it } from 'vitest';
import { isId, newId } from '../../../../shared/sync/ids';

describe('newId', () => {
  it('makes ULIDs that sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 1_000 }, () => newId());
    expect(ids.every(isId)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('tells ids from other strings', () => {
    expect(isId('not-an-id')).toBe(false);
    expect(isId(42)).toBe(false);
  });
});
