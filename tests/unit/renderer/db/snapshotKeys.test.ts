/** The early read's route → table map (renderer/db/snapshotKeys.ts) is the registry's. */
import { describe, expect, it } from 'vitest';
import { entities } from '../../../../shared/registry';
import { DEFAULT_DB_NAME } from '../../../../renderer/db/db';
import { APP_DB_NAME, TABLE_OF_PATH, tableOfHash } from '../../../../renderer/db/snapshotKeys';

describe('snapshot keys', () => {
  it('map every entity route to its table, and nothing else', () => {
    expect(TABLE_OF_PATH).toEqual(Object.fromEntries(entities.map((e) => [e.path, e.table])));
    expect(APP_DB_NAME).toBe(DEFAULT_DB_NAME);
  });

  it('read the table from a hash route', () => {
    expect(tableOfHash('#/organizations')).toBe('organizations');
    expect(tableOfHash('#/difficulties?status=resolved')).toBe('difficulties');
    expect(tableOfHash('#/company-years/x')).toBe('companyYears');
    expect(tableOfHash('')).toBeUndefined();
    expect(tableOfHash('#/settings')).toBeUndefined();
    expect(tableOfHash('#/constructor')).toBeUndefined();
  });
});
