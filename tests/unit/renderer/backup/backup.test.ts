/**
 * renderer/db/backup: dump → backup file → validate → restore gives back every table exactly
 * (except the documented device-id rule: a restored database takes a new device id); a failure
 * inside the restore changes nothing.
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it, vi } from 'vitest';
import type { DBCore } from 'dexie';
import { readBackup } from '../../../../shared/backup';
import {
  createBackupBytes,
  dumpDatabase,
  restorableTables,
  restoreDatabase,
  RESTORED_FROM_KEY,
  type DatabaseDump,
  type ValidatedBackup,
} from '../../../../renderer/db/backup';
import type { PumasiDb } from '../../../../renderer/db/db';
import { entityTable } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import { readHistory } from '../../../../renderer/db/outbox';
import { getDeviceId } from '../../../../renderer/db/settings';
import { LATEST_DB_VERSION } from '../../../../renderer/db/versions';
import { freshDb, orgValues } from '../db/helpers';
import { seedEveryTable } from './seed';

const CREATED_AT = new Date('2006-04-01T09:30:05.000Z');

async function validatedBackupOf(db: PumasiDb, into: PumasiDb): Promise<ValidatedBackup> {
  const bytes = await createBackupBytes(db, { appVersion: '0.1.0-test', now: CREATED_AT });
  const read = await readBackup(bytes, {
    maxSchemaVersion: LATEST_DB_VERSION,
    knownTables: restorableTables(into),
  });
  if (!read.ok) throw new Error(read.error.message);
  return { manifest: read.manifest, tables: read.tables };
}

/** The settings rows without the two a restore sets on purpose (device id, restoredFrom). */
function withoutIdentity(dump: DatabaseDump): DatabaseDump['tables'] {
  const settings = (dump.tables.settings ?? []) as Array<{ key: string }>;
  return {
    ...dump.tables,
    settings: settings.filter((r) => r.key !== 'deviceId' && r.key !== RESTORED_FROM_KEY),
  };
}

describe('dumpDatabase', () => {
  it('reads every table of the database, tombstones and bookkeeping included', async () => {
    const db = await freshDb();
    await seedEveryTable(db);
    const dump = await dumpDatabase(db);
    expect(dump.schemaVersion).toBe(LATEST_DB_VERSION);
    expect(Object.keys(dump.tables).sort()).toEqual(db.tables.map((t) => t.name).sort());
    const orgs = dump.tables.organizations as Array<{ id: string; deleted: number }>;
    expect(orgs.find((o) => o.id === 'org-2')?.deleted).toBe(1); // the tombstone is kept
    for (const table of [
      'history',
      'outbox',
      'settings',
      'prefs',
      'importLog',
      'monthCloses',
      'experts',
    ]) {
      expect(dump.tables[table]?.length, table).toBeGreaterThan(0);
    }
    // key-value rows carry their key as the backup id
    expect(dump.tables.settings).toContainEqual({ id: 'lang', key: 'lang', value: 'ko' });
  });
});

describe('restoreDatabase', () => {
  it('backup → wipe → restore gives identical tables (same device)', async () => {
    const db = await freshDb();
    await seedEveryTable(db);
    const before = await dumpDatabase(db);
    const backup = await validatedBackupOf(db, db);

    await db.transaction('rw', db.tables, async () => {
      for (const t of db.tables) await t.clear();
    });
    expect(await entityTable(db, 'organization').count()).toBe(0);

    const oldDevice = await getDeviceId(db);
    const restored = await restoreDatabase(db, backup);
    const after = await dumpDatabase(db);
    expect(withoutIdentity(after)).toEqual(withoutIdentity(before));
    // A restored database never poses as the device it was: it registers anew on its next sync.
    expect(restored.deviceId).not.toBe(oldDevice);
    expect(await getDeviceId(db)).toBe(restored.deviceId);
    expect((await db.settings.get(RESTORED_FROM_KEY))?.value).toMatchObject({
      deviceId: oldDevice,
      previousDeviceId: oldDevice,
    });
    // and its next write is stamped with the new id
    await mutate(db, [
      { entity: 'organization', op: 'update', id: 'org-1', values: { employees: 5 } },
    ]);
    expect((await readHistory(db)).at(-1)!.id.endsWith(`-${restored.deviceId}`)).toBe(true);
  });

  it('into another install: every table equal, a NEW device id (neither one) and the origin noted', async () => {
    const source = await freshDb({ clusterId: 'gumi' });
    await seedEveryTable(source);
    const sourceDevice = await getDeviceId(source);
    const target = await freshDb({ clusterId: 'wonju' });
    await mutate(target, [
      { entity: 'organization', op: 'create', id: 'mine', values: orgValues(9) },
    ]);
    const targetDevice = await getDeviceId(target);
    expect(targetDevice).not.toBe(sourceDevice);

    const { deviceId } = await restoreDatabase(target, await validatedBackupOf(source, target), {
      now: new Date('2006-05-01T00:00:00Z'),
    });

    const restored = await dumpDatabase(target);
    expect(withoutIdentity(restored)).toEqual(withoutIdentity(await dumpDatabase(source)));
    expect(await entityTable(target, 'organization').get('mine')).toBeUndefined();
    expect(await target.settings.get('clusterId')).toEqual({ key: 'clusterId', value: 'gumi' });
    expect([sourceDevice, targetDevice]).not.toContain(deviceId);
    expect(await getDeviceId(target)).toBe(deviceId);
    expect((await target.settings.get('deviceId'))?.value).toBe(deviceId);
    expect((await target.settings.get(RESTORED_FROM_KEY))?.value).toEqual({
      createdAt: CREATED_AT.toISOString(),
      deviceId: sourceDevice,
      clusterId: 'gumi',
      schemaVersion: LATEST_DB_VERSION,
      restoredAt: '2006-05-01T00:00:00.000Z',
      previousDeviceId: targetDevice,
    });
  });

  it('later writes on the restored database sort after the restored history', async () => {
    const source = await freshDb();
    await seedEveryTable(source);
    const target = await freshDb();
    await restoreDatabase(target, await validatedBackupOf(source, target));
    const newestRestored = (await readHistory(target)).at(-1)!.id;
    const next = await mutate(target, [
      { entity: 'organization', op: 'update', id: 'org-1', values: { employees: 7 } },
    ]);
    expect(next.ok).toBe(true);
    const latest = (await readHistory(target)).at(-1)!;
    expect(latest.recordId).toBe('org-1');
    expect(latest.id > newestRestored).toBe(true);
  });

  it('a clock already running here moves past stamps from a backup made an hour ahead', async () => {
    // The backup's device clock ran ahead: its stamps are later than this machine's time.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_600_000);
    const source = await freshDb();
    await seedEveryTable(source);
    vi.useRealTimers();
    const target = await freshDb();
    // The target's clock exists before the restore (it already wrote), at real time.
    await mutate(target, [{ entity: 'organization', op: 'create', values: orgValues(3) }]);
    await restoreDatabase(target, await validatedBackupOf(source, target));
    const newestRestored = (await readHistory(target)).at(-1)!.id;
    const next = await mutate(target, [
      { entity: 'organization', op: 'update', id: 'org-1', values: { employees: 8 } },
    ]);
    expect(next.ok).toBe(true);
    const latest = (await readHistory(target)).at(-1)!;
    expect(latest.recordId).toBe('org-1');
    expect(latest.id > newestRestored).toBe(true);
  });

  it('a failure inside the transaction rolls EVERY table back', async () => {
    const source = await freshDb();
    await seedEveryTable(source);
    const outboxFails = { armed: false };
    const target = await freshDb({
      clusterId: 'wonju',
      beforeOpen: (db) => failWritesWhen(db, 'outbox', outboxFails),
    });
    await mutate(target, [
      { entity: 'organization', op: 'create', id: 'mine', values: orgValues(9) },
    ]);
    const backup = await validatedBackupOf(source, target);
    const before = await dumpDatabase(target);
    // The outbox is written after the entity tables were already cleared and refilled.
    const order = target.tables.map((t) => t.name);
    expect(order.indexOf('outbox')).toBeGreaterThan(order.indexOf('organizations'));
    outboxFails.armed = true;

    await expect(restoreDatabase(target, backup)).rejects.toThrow(/disk full/);
    expect(await dumpDatabase(target)).toEqual(before);
    expect(await entityTable(target, 'organization').get('mine')).toBeDefined();
  });

  it('a row the store cannot take (a settings row without its key) rolls everything back', async () => {
    const source = await freshDb();
    await seedEveryTable(source);
    const target = await freshDb();
    await mutate(target, [
      { entity: 'organization', op: 'create', id: 'mine', values: orgValues(9) },
    ]);
    const backup = await validatedBackupOf(source, target);
    backup.tables.settings = [...backup.tables.settings!, { id: 'broken', value: 1 }];
    const before = await dumpDatabase(target);
    await expect(restoreDatabase(target, backup)).rejects.toThrow();
    expect(await dumpDatabase(target)).toEqual(before);
  });

  it('refuses a table this database does not have, before touching anything', async () => {
    const db = await freshDb();
    await seedEveryTable(db);
    const backup = await validatedBackupOf(db, db);
    backup.tables.strangers = [{ id: 'x' }];
    const before = await dumpDatabase(db);
    await expect(restoreDatabase(db, backup)).rejects.toThrow('데이터베이스에 없는 표입니다');
    expect(await dumpDatabase(db)).toEqual(before);
  });
});

/** A DBCore middleware (registered before open) failing writes to `table` while armed. */
function failWritesWhen(db: PumasiDb, table: string, when: { armed: boolean }): void {
  db.use({
    stack: 'dbcore',
    name: `fail-writes-${table}`,
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        if (name !== table) return inner;
        return {
          ...inner,
          mutate: (req) =>
            when.armed && (req.type === 'put' || req.type === 'add')
              ? Promise.reject(new Error('disk full'))
              : inner.mutate(req),
        };
      },
    }),
  });
}

describe('row checks before a restore', () => {
  it('refuses rows the app could not live with, and changes nothing', async () => {
    const source = await freshDb();
    await seedEveryTable(source);
    const target = await freshDb();
    await seedEveryTable(target);
    const before = await dumpDatabase(target);
    const good = await validatedBackupOf(source, target);

    const badHistory = structuredClone(good);
    badHistory.tables['history'] = [{ id: 'restored-entry', entries: [] }];
    await expect(restoreDatabase(target, badHistory)).rejects.toThrow(/history.*HLC/);

    const badRecord = structuredClone(good);
    const orgs = badRecord.tables['organizations'] as Array<Record<string, unknown>>;
    orgs[0] = { ...orgs[0], deleted: 'no' };
    await expect(restoreDatabase(target, badRecord)).rejects.toThrow(/organizations.*deleted/);

    expect(await dumpDatabase(target)).toEqual(before);
  });
});
