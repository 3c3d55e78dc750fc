import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { entityTable } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import { countOutbox } from '../../../../renderer/db/outbox';
import { getDeviceId } from '../../../../renderer/db/settings';
import {
  importLogTable,
  queryImportsByChecksum,
  queryRecentImports,
  type ImportLogInput,
} from '../../../../renderer/db/importLog';
import { freshDb, orgValues } from './helpers';

const counts = { new: 2, updated: 0, unchanged: 0, duplicate: 0, skipped: 0, error: 1 };
const logInput = (checksum = 'c0ffee'): ImportLogInput => ({
  fileName: '기업목록.csv',
  checksum,
  entity: 'organization',
  counts,
});

describe('mutate with an import log entry', () => {
  it('writes the records, their outbox entries and one log entry together', async () => {
    const db = await freshDb({ clusterId: 'gumi' });
    const result = await mutate(
      db,
      [
        { entity: 'organization', op: 'create', values: orgValues(1) },
        { entity: 'organization', op: 'create', values: orgValues(2) },
      ],
      { origin: 'import', importLog: logInput() },
    );
    expect(result.ok).toBe(true);
    expect(await entityTable(db, 'organization').count()).toBe(2);
    expect(await countOutbox(db)).toBe(2); // imported records are queued for sync
    const [entry, ...rest] = await importLogTable(db).toArray();
    expect(rest).toEqual([]);
    const deviceId = await getDeviceId(db);
    expect(entry).toMatchObject({
      fileName: '기업목록.csv',
      checksum: 'c0ffee',
      entity: 'organization',
      counts,
      deviceId,
      clusterId: 'gumi',
      who: deviceId,
    });
    expect(entry?.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    // one transaction, one moment: the log's time is the records' updatedAt
    const [record] = await entityTable(db, 'organization').toArray();
    expect(entry?.at).toBe(record?.updatedAt);
  });

  it('writes no log entry (and no record) when any mutation of the batch is rejected', async () => {
    const db = await freshDb();
    const result = await mutate(
      db,
      [
        { entity: 'organization', op: 'create', values: orgValues(1) },
        { entity: 'organization', op: 'create', values: { kind: 'company' } }, // no name
      ],
      { origin: 'import', importLog: logInput() },
    );
    expect(result.ok).toBe(false);
    expect(await entityTable(db, 'organization').count()).toBe(0);
    expect(await importLogTable(db).count()).toBe(0);
    expect(await countOutbox(db)).toBe(0);
  });

  it('writes no log entry when the records cannot be written (the transaction aborts)', async () => {
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'dup', values: orgValues(1) }]);
    const result = await mutate(
      db,
      [{ entity: 'organization', op: 'create', id: 'dup', values: orgValues(2) }],
      { origin: 'import', importLog: logInput() },
    );
    expect(result.ok).toBe(false);
    expect(await importLogTable(db).count()).toBe(0);
  });

  it('leaves plain writes without a log entry', async () => {
    const db = await freshDb();
    await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(1) }]);
    expect(await importLogTable(db).count()).toBe(0);
  });
});

describe('import log queries', () => {
  it('finds earlier imports of a file by checksum, newest first, and lists recent imports', async () => {
    const db = await freshDb();
    for (const [n, checksum] of [
      [1, 'aaa'],
      [2, 'bbb'],
      [3, 'aaa'],
    ] as const) {
      const r = await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(n) }], {
        origin: 'import',
        importLog: { ...logInput(checksum), fileName: `f${n}.csv` },
      });
      expect(r.ok).toBe(true);
    }
    expect((await queryImportsByChecksum(db, 'aaa')).map((e) => e.fileName)).toEqual([
      'f3.csv',
      'f1.csv',
    ]);
    expect(await queryImportsByChecksum(db, '')).toEqual([]);
    expect((await queryRecentImports(db, 2)).map((e) => e.fileName)).toEqual(['f3.csv', 'f2.csv']);
  });
});
