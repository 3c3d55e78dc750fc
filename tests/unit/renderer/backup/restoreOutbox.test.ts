/**
 * The outbox across a restore (issue 9): the backup's unsent changes survive the restore and are
 * still pushed; the unsent changes of the data being replaced are listed exactly, before the
 * restore runs (renderer/db/restoreOutbox.ts), and the restored database is a new device.
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { createBackupBytes, restoreDatabase } from '../../../../renderer/db/backup';
import { mutate } from '../../../../renderer/db/mutate';
import { readOutbox } from '../../../../renderer/db/outbox';
import { unsentLostByRestore } from '../../../../renderer/db/restoreOutbox';
import { getDeviceId } from '../../../../renderer/db/settings';
import { readBackupFile } from '../../../../renderer/features/backup/backupActions';
import { freshDb, orgValues } from '../db/helpers';
import { seedEveryTable } from './seed';

describe('unsent changes and a restore', () => {
  it('lists exactly the unsent changes the backup lacks; the backup’s own survive the restore', async () => {
    const db = await freshDb();
    await seedEveryTable(db);
    const read = await readBackupFile(
      db,
      await createBackupBytes(db, { appVersion: '0.1.0' }),
      'ko',
    );
    if (!read.ok) throw new Error(read.error.message);
    const inBackup = await readOutbox(db, 10_000);
    expect(inBackup.length).toBeGreaterThan(0);

    // written after the backup, not yet sent: these are what the restore would drop
    const later = await mutate(db, [
      { entity: 'organization', op: 'update', id: 'org-1', values: { employees: 77 } },
      { entity: 'organization', op: 'update', id: 'org-1', values: { employees: 78 } },
      {
        entity: 'organization',
        op: 'create',
        id: 'org-new',
        values: orgValues(5, { name: '새기관' }),
      },
    ]);
    expect(later.ok).toBe(true);

    const loss = await unsentLostByRestore(db, read.tables);
    expect(loss).toEqual({
      writes: 3,
      records: [
        {
          entity: 'organization',
          recordId: 'org-1',
          title: '금오정밀(주)',
          writes: 2,
          op: 'update',
        },
        { entity: 'organization', recordId: 'org-new', title: '새기관', writes: 1, op: 'create' },
      ],
    });

    const oldDevice = await getDeviceId(db);
    const restored = await restoreDatabase(db, read);
    // the backup's unsent changes are all still queued, under their original stamps
    expect(await readOutbox(db, 10_000)).toEqual(inBackup);
    expect(restored.deviceId).not.toBe(oldDevice);
    expect(await getDeviceId(db)).toBe(restored.deviceId);
  });

  it('restoring into another install lists every unsent change of that install', async () => {
    const source = await freshDb();
    await seedEveryTable(source);
    const read = await readBackupFile(
      source,
      await createBackupBytes(source, { appVersion: '0.1.0' }),
      'ko',
    );
    if (!read.ok) throw new Error(read.error.message);
    const target = await freshDb({ clusterId: 'wonju' });
    await mutate(target, [
      {
        entity: 'organization',
        op: 'create',
        id: 'w-1',
        values: orgValues(7, { name: '원주메디칼' }),
      },
    ]);
    await mutate(target, [{ entity: 'organization', op: 'delete', id: 'w-1' }]);
    // a demo write is never queued, so it is not "unsent"
    await mutate(
      target,
      [{ entity: 'organization', op: 'create', id: 'w-demo', values: orgValues(8) }],
      { origin: 'demo' },
    );
    const loss = await unsentLostByRestore(target, read.tables);
    expect(loss.writes).toBe(2);
    expect(loss.records).toEqual([
      { entity: 'organization', recordId: 'w-1', title: '원주메디칼', writes: 2, op: 'delete' },
    ]);
  });

  it('nothing is listed when the backup holds every unsent change', async () => {
    const db = await freshDb();
    await seedEveryTable(db);
    const read = await readBackupFile(
      db,
      await createBackupBytes(db, { appVersion: '0.1.0' }),
      'ko',
    );
    if (!read.ok) throw new Error(read.error.message);
    expect(await unsentLostByRestore(db, read.tables)).toEqual({ writes: 0, records: [] });
  });
});
