import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../../../shared/backup';
import {
  createBackupBytes,
  restorableTables,
  restoreDatabase,
} from '../../../../renderer/db/backup';
import { entityTable } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import { readOutbox } from '../../../../renderer/db/outbox';
import { LATEST_DB_VERSION } from '../../../../renderer/db/versions';
import { freshDb, orgValues } from './helpers';

describe('per-field stamps written by mutate()', () => {
  it('a create stores no map; an edit stamps only the fields it set and queues their bases', async () => {
    const db = await freshDb();
    const created = await mutate(db, [
      { entity: 'organization', op: 'create', id: 'a', values: orgValues(1) },
    ]);
    const createdHlc = created.ok ? (created.records[0]?.hlc as string) : '';
    const row = await entityTable(db, 'organization').get('a');
    expect(row).not.toHaveProperty('fieldHlc');
    expect(row).not.toHaveProperty('baseHlc');

    await mutate(db, [
      { entity: 'organization', op: 'update', id: 'a', values: { name: '새 이름', phone: '' } },
    ]);
    await mutate(db, [{ entity: 'organization', op: 'delete', id: 'a' }]);
    const after = await entityTable(db, 'organization').get('a');
    const [, edit, del] = await readOutbox(db);
    expect(after).toMatchObject({
      hlc: del?.id,
      baseHlc: createdHlc,
      fieldHlc: { name: edit?.id, deleted: del?.id },
    });
    expect(edit?.bases).toEqual({ name: createdHlc });
    expect(del?.bases).toEqual({ deleted: createdHlc });
    // A patch cannot forge stamps: meta keys are not data.
    const forged = await mutate(db, [
      { entity: 'organization', op: 'update', id: 'a', values: { fieldHlc: { name: 'x' } } },
    ]);
    expect(forged.ok).toBe(true);
    expect((await entityTable(db, 'organization').get('a'))?.fieldHlc).toEqual(after?.fieldHlc);
  });

  it('a backup with per-field stamps restores; one with a forged stamp map is refused', async () => {
    const source = await freshDb();
    await mutate(source, [{ entity: 'organization', op: 'create', id: 'a', values: orgValues(1) }]);
    await mutate(source, [
      { entity: 'organization', op: 'update', id: 'a', values: { name: '둘' } },
    ]);
    const target = await freshDb();
    const read = await readBackup(await createBackupBytes(source, { appVersion: 'test' }), {
      maxSchemaVersion: LATEST_DB_VERSION,
      knownTables: restorableTables(target),
    });
    if (!read.ok) throw new Error(read.error.message);
    await restoreDatabase(target, { manifest: read.manifest, tables: read.tables });
    expect(await entityTable(target, 'organization').get('a')).toEqual(
      await entityTable(source, 'organization').get('a'),
    );
    const organizations = (read.tables['organizations'] ?? []) as Array<Record<string, unknown>>;
    const forgedMap = { ...organizations[0], fieldHlc: { name: 'tomorrow' } };
    await expect(
      restoreDatabase(target, {
        manifest: read.manifest,
        tables: { ...read.tables, organizations: [forgedMap] },
      }),
    ).rejects.toThrow(/fieldHlc/);
  });
});
