import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { entities } from '../../../../shared/registry';
import { generateStores, normalizeStores } from '../../../../renderer/db/schema';
import {
  DB_VERSIONS,
  LATEST_DB_VERSION,
  storesWithDeletions,
  type DbVersion,
} from '../../../../renderer/db/versions';
import { UPGRADE_CASES } from './upgrade-cases';

describe('database versions (renderer/db/versions.ts)', () => {
  it('the latest snapshot is exactly the schema the registry asks for', () => {
    const wanted = normalizeStores(generateStores(entities));
    const latest = DB_VERSIONS.at(-1);
    const hint =
      `The registry's indexes or tables differ from version ${latest?.version}'s snapshot. ` +
      'Do not edit a released snapshot: append a new version to renderer/db/versions.ts with ' +
      `these stores (and an upgrade case in tests/unit/renderer/db/upgrade-cases.ts):\n` +
      JSON.stringify(wanted, null, 2);
    expect(normalizeStores(latest?.stores ?? {}), hint).toEqual(wanted);
  });

  it('numbers versions 1, 2, 3… with no gap, the latest exported', () => {
    expect(DB_VERSIONS.map((v) => v.version)).toEqual(DB_VERSIONS.map((_, i) => i + 1));
    expect(LATEST_DB_VERSION).toBe(DB_VERSIONS.length);
  });

  it('keeps snapshots frozen and written in canonical form (readable diffs)', () => {
    for (const v of DB_VERSIONS) {
      expect(Object.isFrozen(v), `v${v.version}`).toBe(true);
      expect(Object.isFrozen(v.stores), `v${v.version}.stores`).toBe(true);
      expect(v.stores, `v${v.version} stores not in canonical form`).toEqual(
        normalizeStores(v.stores),
      );
      expect(v.note.length, `v${v.version} needs a note`).toBeGreaterThan(0);
    }
  });

  it('uses string primary keys named id/key only (no auto-increment anywhere)', () => {
    for (const v of DB_VERSIONS) {
      for (const [table, spec] of Object.entries(v.stores)) {
        const primary = spec.split(',')[0]?.trim();
        expect(['id', 'key'], `v${v.version}.${table}`).toContain(primary);
      }
    }
  });

  it('has an upgrade test case for every version after the first', () => {
    const tested = UPGRADE_CASES.map((c) => c.version).sort((a, b) => a - b);
    expect(tested).toEqual(DB_VERSIONS.slice(1).map((v) => v.version));
  });

  it('deletes a table dropped by a later version (null in its stores)', () => {
    const versions: DbVersion[] = [
      { version: 1, note: 'a', stores: { a: 'id', b: 'id' } },
      { version: 2, note: 'b', stores: { a: 'id, name' } },
      { version: 3, note: 'c', stores: { a: 'id, name', c: 'key' } },
    ];
    expect(storesWithDeletions(versions, 0)).toEqual({ a: 'id', b: 'id' });
    expect(storesWithDeletions(versions, 1)).toEqual({ a: 'id, name', b: null });
    expect(storesWithDeletions(versions, 2)).toEqual({ a: 'id, name', b: null, c: 'key' });
  });
});
