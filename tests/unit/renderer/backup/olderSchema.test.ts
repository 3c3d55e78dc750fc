/**
 * A backup made at an older database version gets the upgrades a database of that version gets
 * (renderer/db/backupUpgrade.ts: a temporary database at the backup's version, reopened with
 * every version); a manifest whose version claim is false is refused, and nothing changes.
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { buildBackup, readBackup } from '../../../../shared/backup';
import {
  createBackupBytes,
  dumpDatabase,
  restorableTables,
  restoreDatabase,
  type ValidatedBackup,
} from '../../../../renderer/db/backup';
import { UPGRADE_DB_PREFIX } from '../../../../renderer/db/backupUpgrade';
import { PumasiDb, entityTable } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import { DB_VERSIONS, LATEST_DB_VERSION, type DbVersion } from '../../../../renderer/db/versions';
import { readBackupFile } from '../../../../renderer/features/backup/backupActions';
import { freshDb, orgValues, track } from '../db/helpers';
import { seedEveryTable } from './seed';

let counter = 0;
const uniqueName = () => `pumasi-older-${++counter}-${Math.random().toString(36).slice(2)}`;

/** A database as an older release made it, seeded, and its backup (manifest at that version). */
async function backupAtVersion(version: number): Promise<Uint8Array> {
  const db = track(
    new PumasiDb(
      uniqueName(),
      DB_VERSIONS.filter((v) => v.version <= version),
    ),
  );
  await db.open();
  await db.settings.put({ key: 'clusterId', value: 'gumi' });
  const r = await mutate(db, [
    { entity: 'organization', op: 'create', id: 'old-1', values: orgValues(1) },
  ]);
  expect(r.ok).toBe(true);
  return createBackupBytes(db, { appVersion: '0.0.9', now: new Date('2006-04-01T00:00:00Z') });
}

async function targetWithData(versions: readonly DbVersion[] = DB_VERSIONS): Promise<PumasiDb> {
  const db = track(new PumasiDb(uniqueName(), versions));
  await db.open();
  await db.settings.put({ key: 'clusterId', value: 'wonju' });
  const r = await mutate(db, [
    { entity: 'organization', op: 'create', id: 'mine', values: orgValues(9) },
  ]);
  expect(r.ok).toBe(true);
  return db;
}

const leftoverUpgradeDbs = async () =>
  (await Dexie.getDatabaseNames()).filter((n) => n.startsWith(UPGRADE_DB_PREFIX));

describe('a backup of an older data version', () => {
  it('v1 and v2 backups are upgraded to this version and restored; no temporary database stays', async () => {
    for (const version of [1, 2]) {
      const bytes = await backupAtVersion(version);
      const db = await targetWithData();
      const read = await readBackupFile(db, bytes, 'ko');
      if (!read.ok) throw new Error(read.error.message);
      expect(read.upgradedFrom).toBe(version);
      expect(read.manifest.schemaVersion).toBe(LATEST_DB_VERSION);
      // the upgrade gives the tables the newer versions added (empty), as for a database
      expect(Object.keys(read.tables)).toContain('importLog');
      const result = await restoreDatabase(db, read);
      expect(result.upgradedFrom).toBe(version);
      expect(await entityTable(db, 'organization').get('old-1')).toMatchObject({ name: '기관 1' });
      expect(await entityTable(db, 'organization').get('mine')).toBeUndefined();
      expect((await db.settings.get('restoredFrom'))?.value).toMatchObject({
        schemaVersion: version,
      });
    }
    expect(await leftoverUpgradeDbs()).toEqual([]);
  });

  it("runs the versions' upgrade functions on the backup's rows", async () => {
    const last = DB_VERSIONS[DB_VERSIONS.length - 1]!;
    const withMigration: DbVersion[] = [
      ...DB_VERSIONS,
      {
        version: last.version + 1,
        note: 'test only: a data migration of prefs',
        stores: last.stores,
        upgrade: (tx) =>
          tx
            .table('prefs')
            .toCollection()
            .modify((row: { value: unknown }) => {
              row.value = { migrated: row.value };
            }),
      },
    ];
    const source = await freshDb();
    await seedEveryTable(source);
    const bytes = await createBackupBytes(source, { appVersion: '0.1.0' });
    const db = await targetWithData(withMigration);
    const read = await readBackup(bytes, {
      maxSchemaVersion: db.verno,
      knownTables: restorableTables(db),
    });
    if (!read.ok) throw new Error(read.error.message);
    const result = await restoreDatabase(db, read, { versions: withMigration });
    expect(result.upgradedFrom).toBe(last.version);
    const pref = await db.prefs.get('grid:organization');
    expect(pref?.value).toEqual({
      migrated: { columns: [{ colId: 'name', width: 200 }], filter: {} },
    });
  });

  it('an upgrade that fails refuses the backup, and nothing changes', async () => {
    const last = DB_VERSIONS[DB_VERSIONS.length - 1]!;
    const failing: DbVersion[] = [
      ...DB_VERSIONS,
      {
        version: last.version + 1,
        note: 'test only: a migration that throws',
        stores: last.stores,
        upgrade: () => {
          throw new Error('migration bug');
        },
      },
    ];
    const source = await freshDb();
    await seedEveryTable(source);
    const read = await readBackup(await createBackupBytes(source, { appVersion: '0.1.0' }), {
      maxSchemaVersion: last.version + 1,
      knownTables: restorableTables(source),
    });
    if (!read.ok) throw new Error(read.error.message);
    const db = await targetWithData(failing);
    const before = await dumpDatabase(db);
    await expect(restoreDatabase(db, read, { versions: failing })).rejects.toThrow(
      `데이터 버전 ${last.version}의 백업을 버전 ${last.version + 1}로 변환하지 못했습니다`,
    );
    expect(await dumpDatabase(db)).toEqual(before);
    expect(await leftoverUpgradeDbs()).toEqual([]);
  });
});

describe('a false version claim is refused, and nothing changes', () => {
  async function claim(schemaVersion: number, tables: Record<string, unknown[]>) {
    return buildBackup({
      tables,
      schemaVersion,
      appVersion: '0.1.0',
      deviceId: 'forger',
      clusterId: 'gumi',
      createdAt: '2006-04-01T00:00:00.000Z',
    });
  }

  const cases: Array<[string, () => Promise<Uint8Array>, RegExp]> = [
    [
      'a v1 manifest holding importLog (a v2 table)',
      () => claim(1, { importLog: [], organizations: [] }),
      /데이터 버전 1의 백업에는 importLog 표가 있을 수 없습니다/,
    ],
    [
      'a data version this app never had (0)',
      () => claim(0, { organizations: [] }),
      /데이터 버전 0은\(는\) 이 프로그램이 모르는 버전입니다/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(name, async () => {
      const db = await targetWithData();
      const before = await dumpDatabase(db);
      const read = await readBackupFile(db, await make(), 'ko');
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error.message).toMatch(message);
      const raw = await readBackup(await make(), {
        maxSchemaVersion: db.verno,
        knownTables: restorableTables(db),
      });
      await expect(restoreDatabase(db, raw as ValidatedBackup & { ok: true })).rejects.toThrow(
        message,
      );
      expect(await dumpDatabase(db)).toEqual(before);
    });
  }
});
