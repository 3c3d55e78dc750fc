/**
 * backupBeforeUpgrade: a database stored at an older version is dumped with ITS OWN schema
 * (not upgraded by the backup), and the backup restores into the latest schema.
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../../../shared/backup';
import {
  backupBeforeUpgrade,
  restoreDatabase,
  restorableTables,
  type UpgradeBackup,
} from '../../../../renderer/db/backup';
import { entityTable, PumasiDb } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import { DB_VERSIONS, LATEST_DB_VERSION } from '../../../../renderer/db/versions';
import { freshDb, orgValues, track } from '../db/helpers';

let counter = 0;
const uniqueName = () =>
  `pumasi-before-upgrade-${++counter}-${Math.random().toString(36).slice(2)}`;

function recorder() {
  const calls: UpgradeBackup[] = [];
  return { calls, writer: async (b: UpgradeBackup) => void calls.push(b) };
}

describe('backupBeforeUpgrade', () => {
  it('dumps an old-version database with its old schema and leaves it at that version', async () => {
    expect(LATEST_DB_VERSION).toBeGreaterThan(1);
    const name = uniqueName();
    const v1 = track(
      new PumasiDb(
        name,
        DB_VERSIONS.filter((v) => v.version === 1),
      ),
    );
    await v1.open();
    await v1.settings.put({ key: 'clusterId', value: 'gwangju' });
    const written = await mutate(v1, [
      { entity: 'organization', op: 'create', id: 'o1', values: orgValues(1) },
    ]);
    expect(written.ok).toBe(true);
    const v1Tables = restorableTables(v1);
    v1.close();

    const { calls, writer } = recorder();
    const result = await backupBeforeUpgrade(name, writer, { appVersion: '0.1.0' });

    expect(result).toEqual({ status: 'written', fromVersion: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      label: `before-upgrade-v${LATEST_DB_VERSION}`,
      fromVersion: 1,
      toVersion: LATEST_DB_VERSION,
    });
    const read = await readBackup(calls[0]!.bytes, { maxSchemaVersion: 1, knownTables: v1Tables });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.manifest).toMatchObject({ schemaVersion: 1, clusterId: 'gwangju' });
    expect(read.tables.importLog).toBeUndefined(); // a v2 table: not in the v1 schema
    expect(read.tables.organizations).toMatchObject([{ id: 'o1', name: '기관 1' }]);
    expect(read.tables.history).toHaveLength(1);

    // the backup did not upgrade the database
    const after = new Dexie(name);
    await after.open();
    expect(after.verno).toBe(1);
    after.close();

    // and it restores into the latest schema
    const latest = await freshDb();
    await restoreDatabase(latest, { manifest: read.manifest, tables: read.tables });
    expect(await entityTable(latest, 'organization').get('o1')).toMatchObject({ name: '기관 1' });
  });

  it('writes nothing for a database already at the latest version', async () => {
    const db = await freshDb();
    const name = db.name;
    db.close();
    const { calls, writer } = recorder();
    expect(await backupBeforeUpgrade(name, writer)).toEqual({
      status: 'up-to-date',
      version: LATEST_DB_VERSION,
    });
    expect(calls).toEqual([]);
    await db.open(); // helpers delete it after the test
  });

  it('does nothing (and creates nothing) when there is no database yet', async () => {
    const name = uniqueName();
    const { calls, writer } = recorder();
    expect(await backupBeforeUpgrade(name, writer)).toEqual({ status: 'no-database' });
    expect(calls).toEqual([]);
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('a failing writer propagates, and the database stays closed for the app to open', async () => {
    const name = uniqueName();
    const v1 = track(
      new PumasiDb(
        name,
        DB_VERSIONS.filter((v) => v.version === 1),
      ),
    );
    await v1.open();
    v1.close();
    await expect(
      backupBeforeUpgrade(name, async () => {
        throw new Error('쓰기 실패');
      }),
    ).rejects.toThrow('쓰기 실패');
    // the app's own open (which upgrades) is not blocked by a connection left open
    const app = track(new PumasiDb(name));
    await app.open();
    expect(app.verno).toBe(LATEST_DB_VERSION);
  });
});
