/**
 * The 백업·복원 flow (features/backup/backupActions): a damaged or foreign backup is refused by
 * the validation step with a Korean message and the database stays exactly as it was; a desktop
 * restore first backs up the current data, and does not restore when that backup fails.
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBackup, sha256Hex } from '../../../../shared/backup';
import { createBackupBytes, dumpDatabase, restorableTables } from '../../../../renderer/db/backup';
import { entityTable, type PumasiDb } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import { LATEST_DB_VERSION } from '../../../../renderer/db/versions';
import {
  backupNow,
  readBackupFile,
  restoreFromBackup,
} from '../../../../renderer/features/backup/backupActions';
import { freshDb, orgValues } from '../db/helpers';
import { fakePlatform } from './fakePlatform';
import { seedEveryTable } from './seed';

async function sourceBackup(): Promise<Uint8Array> {
  const source = await freshDb();
  await seedEveryTable(source);
  return createBackupBytes(source, { appVersion: '0.1.0', now: new Date('2006-04-01T00:00:00Z') });
}

/** Unzips, edits the files, zips again (a well-formed ZIP with bad contents). */
function rezip(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(bytes);
  edit(files);
  return zipSync(files as Zippable);
}

const editManifest = (bytes: Uint8Array, edit: (m: Record<string, unknown>) => void) =>
  rezip(bytes, (files) => {
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<
      string,
      unknown
    >;
    edit(manifest);
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
  });

async function targetWithData(): Promise<PumasiDb> {
  const db = await freshDb({ clusterId: 'wonju' });
  const r = await mutate(db, [
    { entity: 'organization', op: 'create', id: 'mine', values: orgValues(9) },
  ]);
  expect(r.ok).toBe(true);
  return db;
}

describe('a bad backup changes nothing', () => {
  const cases: Array<[string, (good: Uint8Array) => Promise<Uint8Array> | Uint8Array, RegExp]> = [
    [
      'a flipped byte',
      (good) => {
        const bad = good.slice();
        // Inside the compressed data of a table the restore reads. (A fixed fraction of the file
        // can land on a header field of an entry the restore never extracts, e.g. settings.json,
        // and which byte it hits moves whenever a table is added.)
        const name = strToU8('tables/organizations.json');
        const at = bad.findIndex((_, i) => name.every((b, j) => bad[i + j] === b));
        const extra = bad[at - 2]! | (bad[at - 1]! << 8);
        bad[at + name.length + extra + 4]! ^= 0x55;
        return bad;
      },
      /백업 파일|ZIP/,
    ],
    ['a file cut in half', (good) => good.slice(0, Math.floor(good.length / 2)), /잘렸습니다/],
    [
      'a table changed behind the manifest',
      (good) =>
        rezip(good, (files) => {
          files['tables/organizations.json'] = strToU8(JSON.stringify([{ id: 'evil' }]));
        }),
      /tables\/organizations\.json 검사값이 맞지 않습니다/,
    ],
    [
      'a table unknown to this database (checksums kept honest)',
      async (good) => {
        const content = strToU8('[]');
        const sha = await sha256Hex(content);
        const withFile = rezip(good, (files) => {
          files['tables/strangers.json'] = content;
        });
        return editManifest(withFile, (m) => {
          (m.tables as unknown[]).push({
            name: 'strangers',
            file: 'tables/strangers.json',
            count: 0,
            sha256: sha,
          });
        });
      },
      /알 수 없는 표가 있습니다: strangers/,
    ],
    [
      'a backup from a newer data version',
      (good) => editManifest(good, (m) => (m.schemaVersion = LATEST_DB_VERSION + 1)),
      /더 새로운 버전의 품앗이에서 만든 백업/,
    ],
  ];

  for (const [name, tamper, message] of cases) {
    it(name, async () => {
      const bad = await tamper(await sourceBackup());
      const db = await targetWithData();
      const before = await dumpDatabase(db);
      const result = await readBackupFile(db, bad, 'ko');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
      expect(await dumpDatabase(db)).toEqual(before);
    });
  }

  it('the untampered backup is accepted (the cases above fail for their tampering only)', async () => {
    const db = await targetWithData();
    const result = await readBackupFile(db, await sourceBackup(), 'ko');
    expect(result.ok).toBe(true);
  });
});

describe('restoreFromBackup', () => {
  it('desktop: backs up the current data first, then restores', async () => {
    const platform = fakePlatform('desktop');
    const db = await targetWithData();
    const before = await dumpDatabase(db);
    const read = await readBackupFile(db, await sourceBackup(), 'ko');
    if (!read.ok) throw new Error(read.error.message);

    const outcome = await restoreFromBackup({ db, platform }, read);

    expect(platform.written.map((w) => w.label)).toEqual(['before-restore']);
    expect(outcome.safetyBackup?.fileName).toBe(platform.written[0]?.fileName);
    // the safety backup holds the data as it was before the restore
    const safety = await readBackup(platform.written[0]!.bytes, {
      maxSchemaVersion: LATEST_DB_VERSION,
      knownTables: restorableTables(db),
    });
    expect(safety.ok && safety.tables.organizations).toEqual(before.tables.organizations);
    expect(await entityTable(db, 'organization').get('mine')).toBeUndefined();
    expect(await entityTable(db, 'organization').get('org-1')).toBeDefined();
    expect(outcome.records).toBe(read.manifest.tables.reduce((n, t) => n + t.count, 0));
  });

  it('desktop: when the safety backup fails, nothing is restored', async () => {
    const platform = fakePlatform('desktop');
    platform.failWrites = true;
    const db = await targetWithData();
    const before = await dumpDatabase(db);
    const read = await readBackupFile(db, await sourceBackup(), 'ko');
    if (!read.ok) throw new Error(read.error.message);
    await expect(restoreFromBackup({ db, platform }, read)).rejects.toThrow('디스크 공간');
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('browser: restores without a safety backup (there is no backup folder)', async () => {
    const platform = fakePlatform('browser');
    const db = await targetWithData();
    const read = await readBackupFile(db, await sourceBackup(), 'ko');
    if (!read.ok) throw new Error(read.error.message);
    const outcome = await restoreFromBackup({ db, platform }, read);
    expect(outcome.safetyBackup).toBeNull();
    expect(platform.saved).toEqual([]);
    expect(await entityTable(db, 'organization').get('org-1')).toBeDefined();
  });
});

describe('backupNow', () => {
  it('desktop writes to the backup folder; browser downloads a .pumasi.zip', async () => {
    const db = await targetWithData();
    const desktop = fakePlatform('desktop');
    const written = await backupNow({ db, platform: desktop });
    expect(written.kind).toBe('written');
    expect(desktop.written[0]).toMatchObject({ label: 'manual', extension: 'zip' });

    const browser = fakePlatform('browser');
    const now = new Date(2006, 3, 1, 9, 30, 5);
    const downloaded = await backupNow({ db, platform: browser, now: () => now });
    expect(downloaded).toEqual({
      kind: 'downloaded',
      fileName: 'pumasi-backup-20060401-093005.pumasi.zip',
    });
    const read = await readBackupFile(db, browser.saved[0]!.bytes, 'ko');
    expect(read.ok && read.tables.organizations?.length).toBe(1);
  });
});
