/**
 * Forged but consistent backups (issue 12): each file is made with the project's own backup
 * builder from a real database dump plus one edit, so every checksum is right and readBackup()
 * accepts it. The content check must refuse each one with a Korean report naming the table and
 * row, and the database must stay exactly as it was. A far-future clock key is refused before
 * any write reaches the database.
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBackup, readBackup } from '../../../../shared/backup';
import { formatHlc } from '../../../../shared/sync/hlc';
import {
  dumpDatabase,
  restorableTables,
  restoreDatabase,
  type DatabaseDump,
} from '../../../../renderer/db/backup';
import { RestoreRefusedError } from '../../../../renderer/db/backupContent';
import type { PumasiDb } from '../../../../renderer/db/db';
import { mutate } from '../../../../renderer/db/mutate';
import { LATEST_DB_VERSION } from '../../../../renderer/db/versions';
import { readBackupFile } from '../../../../renderer/features/backup/backupActions';
import { countRequests, freshDb, orgValues } from '../db/helpers';
import { seedEveryTable } from './seed';

type Row = Record<string, unknown>;
type Tables = Record<string, Row[]>;
type Chunk = { id: string; entries: Row[] };

let source: DatabaseDump;
beforeAll(async () => {
  const db = await freshDb();
  await seedEveryTable(db);
  source = await dumpDatabase(db);
});

/** A backup of the seeded database after `edit`, built (and checksummed) by buildBackup. */
async function forge(edit: (tables: Tables) => void): Promise<Uint8Array> {
  const tables = structuredClone(source.tables) as Tables;
  edit(tables);
  return buildBackup({
    tables,
    schemaVersion: LATEST_DB_VERSION,
    appVersion: '0.1.0',
    deviceId: 'forger',
    clusterId: 'gumi',
    createdAt: '2006-04-01T09:30:05.000Z',
  });
}

const org = (t: Tables, id: string) => t['organizations']!.find((r) => r['id'] === id)!;

/** A stamp `ms` after now by a device of the file (the one that wrote the seed). */
function stampAt(wallMs: number): string {
  const seeded = (source.tables['history'] as Chunk[])[0]!.id;
  return formatHlc({ wallMs, counter: 0, deviceId: seeded.split('-')[2]! });
}

async function targetWithData(): Promise<PumasiDb> {
  const db = await freshDb({ clusterId: 'wonju' });
  const r = await mutate(db, [
    { entity: 'organization', op: 'create', id: 'mine', values: orgValues(9) },
  ]);
  expect(r.ok).toBe(true);
  return db;
}

const cases: Array<[string, (t: Tables) => void, RegExp]> = [
  [
    'a 사업자등록번호 with a wrong check digit',
    (t) => (org(t, 'org-1')['brn'] = '513-81-23455'),
    /기업·기관\(organizations\) 1번째 행 \(id org-1\): 사업자등록번호 검증숫자가 맞지 않습니다/,
  ],
  ['a 1 MiB name', (t) => (org(t, 'org-1')['name'] = '가'.repeat(1 << 20)), /org-1\).*200자 이내/],
  [
    'an unknown enum value',
    (t) => (org(t, 'org-1')['kind'] = 'spaceship'),
    /org-1\).*목록에 없는 값/,
  ],
  ['a negative 종업원 수', (t) => (org(t, 'org-1')['employees'] = -5), /org-1\).*0 이상/],
  [
    'a javascript: website',
    (t) => (org(t, 'org-1')['website'] = 'javascript:alert(1)'),
    /org-1\).*인터넷 주소 형식이 아닙니다/,
  ],
  [
    'an unknown field (with HTML in it)',
    (t) => (org(t, 'org-1')['<img src=x onerror=alert(1)>'] = 1),
    /org-1\): 알 수 없는 필드 "<img src=x onerror=alert\(1\)>"/,
  ],
  [
    'a value not in its stored form (an unformatted BRN)',
    (t) => (org(t, 'org-1')['brn'] = String(org(t, 'org-1')['brn']).replace(/-/g, '')),
    /org-1\).*저장 형식이 아닙니다/,
  ],
  [
    'a record at version 999 (its history says 2)',
    (t) => (org(t, 'org-1')['version'] = 999),
    /org-1\): 마지막 변경 이력의 버전\(2\)과 항목의 버전\(999\)이 다릅니다/,
  ],
  [
    'a record with no history at all',
    (t) => t['organizations']!.push({ ...org(t, 'org-1'), id: 'org-ghost', version: 999 }),
    /org-ghost\): 변경 이력이 없습니다 \(버전 999\)/,
  ],
  [
    'an outbox entry for a record that does not exist',
    (t) => {
      const id = stampAt(Date.now());
      const entry = {
        id,
        entity: 'organization',
        recordId: 'org-nowhere',
        op: 'update',
        version: 2,
        hlc: id,
      };
      (t['outbox'] as unknown as Chunk[]).push({ id, entries: [entry] });
    },
    /보낼 변경\(outbox\) \d번째 행의 변경 .*백업에 없는 항목\(organization org-nowhere\)/,
  ],
  [
    'a history key at wall time 9999999999999',
    (t) => {
      const rows = t['history'] as unknown as Chunk[];
      const last = rows[rows.length - 1]!;
      const id = formatHlc({ wallMs: 9_999_999_999_999, counter: 0xffff, deviceId: 'forger' });
      last.entries[last.entries.length - 1]!['id'] = id;
      last.id = id;
    },
    /변경 이력\(history\).*시각값\(HLC\) id이\(가\) 지금보다 24시간 넘게 앞섭니다/,
  ],
  [
    'a record stamp with a dash in its device id (no clock could make it)',
    (t) => (org(t, 'org-1')['hlc'] = '0000000000001-0000-a-b'),
    /org-1\): 시각값\(HLC\) hlc이\(가\) 올바르지 않습니다/,
  ],
  [
    'a settings row with an impossible language',
    (t) => (t['settings']!.find((r) => r['key'] === 'lang')!['value'] = { evil: true }),
    /설정\(settings\) \d번째 행 \(id lang\): 설정 "lang"의 값이 올바르지 않습니다/,
  ],
  [
    'a closed month whose stored table rows are not a list (the past report could not open)',
    (t) => {
      const close = t['monthCloses']![0]!;
      const model = close['model'] as { tables: Array<{ rows: unknown }> };
      model.tables[0]!.rows = '<script>';
    },
    /월 마감 보고서\(monthCloses\) 1번째 행 \(id 01HQCLOSE\w+\): 월 마감 기록의 model\.tables\.0\.rows이\(가\) 올바르지 않습니다/,
  ],
];

describe('a forged but consistent backup is refused, and nothing changes', () => {
  for (const [name, edit, message] of cases) {
    it(name, async () => {
      const bytes = await forge(edit);
      const db = await targetWithData();
      const before = await dumpDatabase(db);
      // the checksums are right: the file format alone accepts it
      const file = await readBackup(bytes, {
        maxSchemaVersion: LATEST_DB_VERSION,
        knownTables: restorableTables(db),
      });
      expect(file.ok).toBe(true);
      // the app refuses it at the check…
      const checked = await readBackupFile(db, bytes, 'ko');
      expect(checked.ok).toBe(false);
      if (!checked.ok) {
        expect(checked.error.code).toBe('contentInvalid');
        expect(checked.error.message).toMatch(
          /^백업 파일의 내용에 문제가 \d+건 있어 복원하지 않습니다/,
        );
        expect(checked.error.message).toMatch(message);
      }
      // …and restoreDatabase refuses it too when called directly (the last gate)
      if (!file.ok) return;
      await expect(restoreDatabase(db, file)).rejects.toBeInstanceOf(RestoreRefusedError);
      expect(await dumpDatabase(db)).toEqual(before);
    });
  }

  it('the untouched dump passes (the cases fail for their edit only)', async () => {
    const db = await targetWithData();
    const checked = await readBackupFile(db, await forge(() => undefined), 'ko');
    expect(checked.ok).toBe(true);
  });

  it('a checked backup cannot be edited before it is written (checked = restored)', async () => {
    const db = await targetWithData();
    const checked = await readBackupFile(db, await forge(() => undefined), 'ko');
    if (!checked.ok) throw new Error(checked.error.message);
    expect(() => {
      (checked.tables['organizations']![0] as Row)['employees'] = -5;
    }).toThrow(TypeError);
    expect(() => checked.tables['organizations']!.push({ id: 'evil' })).toThrow(TypeError);
  });

  it('reports in English when asked, table and row named', async () => {
    const db = await targetWithData();
    const checked = await readBackupFile(
      db,
      await forge((t) => (org(t, 'org-1')['employees'] = -5)),
      'en',
    );
    expect(!checked.ok && checked.error.message).toMatch(
      /^The backup holds 1 problems.*\n- Companies & organisations\(organizations\) row 1 \(id org-1\): Employees must be at least 0$/,
    );
  });
});

describe('clock keys are bounded before the restore transaction', () => {
  it('a far-future history key: refused with no write to the database, and saves keep working', async () => {
    let counts: ReturnType<typeof countRequests> = {};
    const db = await freshDb({ beforeOpen: (d) => (counts = countRequests(d)) });
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'mine', values: orgValues(9) }]);
    const writesBefore = Object.values(counts).reduce((n, c) => n + c.mutate, 0);
    const before = await dumpDatabase(db);
    const bytes = await forge((t) => {
      const rows = t['history'] as unknown as Chunk[];
      const last = rows[rows.length - 1]!;
      const id = stampAt(9_999_999_999_999);
      last.entries[last.entries.length - 1]!['id'] = id;
      last.id = id;
    });
    const file = await readBackup(bytes, {
      maxSchemaVersion: LATEST_DB_VERSION,
      knownTables: restorableTables(db),
    });
    if (!file.ok) throw new Error(file.error.message);

    const refused = await restoreDatabase(db, file).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RestoreRefusedError);
    expect((refused as RestoreRefusedError).committed).toBe(false);
    expect(Object.values(counts).reduce((n, c) => n + c.mutate, 0)).toBe(writesBefore);
    expect(await dumpDatabase(db)).toEqual(before);
    const next = await mutate(db, [
      { entity: 'organization', op: 'update', id: 'mine', values: { employees: 12 } },
    ]);
    expect(next.ok).toBe(true);
  });

  it('a key a few hours ahead (a fast clock) is accepted; past the bound it is not', async () => {
    const ahead = (ms: number) =>
      forge((t) => {
        const rows = t['history'] as unknown as Chunk[];
        const last = rows[rows.length - 1]!;
        const id = stampAt(Date.now() + ms);
        const entry = last.entries[last.entries.length - 1]!;
        const outbox = (t['outbox'] as unknown as Chunk[]).find((r) => r.id === last.id);
        // keep the outbox pointer of the same write in step (it shares the stamp)
        if (outbox) {
          const pointer = outbox.entries.find((e) => e['id'] === entry['id'])!;
          pointer['id'] = pointer['hlc'] = id;
          outbox.id = id;
        }
        const record = t[`${entry['entity']}s`]?.find((r) => r['id'] === entry['recordId']);
        if (record && record['hlc'] === entry['id']) record['hlc'] = id;
        entry['id'] = id;
        last.id = id;
      });
    const db = await targetWithData();
    expect((await readBackupFile(db, await ahead(3 * 3_600_000), 'ko')).ok).toBe(true);
    const far = await readBackupFile(db, await ahead(25 * 3_600_000), 'ko');
    expect(!far.ok && far.error.message).toMatch(/24시간 넘게 앞섭니다/);
  });
});
