import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BackupError,
  backupFileName,
  buildBackup,
  parseBackupFileName,
  readBackup,
  sha256Hex,
} from '../../../../shared/backup';
import { build, KNOWN_TABLES, readJson, sampleInput, sampleTables } from './helpers';

const opts = { maxSchemaVersion: 3, knownTables: KNOWN_TABLES };

describe('buildBackup → readBackup', () => {
  it('gives back identical tables (Korean text, unicode, nested arrays, null)', async () => {
    const result = await readBackup(await build(), opts);
    if (!result.ok) expect.fail(result.error.message);
    expect(result.tables).toEqual(sampleTables);
    expect(Object.keys(result.tables)).toEqual(['organizations', 'difficulties', 'experts']);
  });

  it('writes the manifest the format promises', async () => {
    const bytes = await build();
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      'manifest.json',
      'tables/difficulties.json',
      'tables/experts.json',
      'tables/organizations.json',
    ]);
    const manifest = readJson(files['manifest.json']!);
    expect(manifest).toEqual({
      format: 'pumasi-backup',
      formatVersion: 1,
      schemaVersion: 3,
      appVersion: '0.1.0',
      createdAt: '2006-04-01T09:30:05.000Z',
      deviceId: 'device-01HQ',
      clusterId: 'gumi',
      tables: [
        {
          name: 'organizations',
          file: 'tables/organizations.json',
          count: 2,
          sha256: await sha256Hex(files['tables/organizations.json']!),
        },
        expect.objectContaining({ name: 'difficulties', count: 1 }),
        expect.objectContaining({ name: 'experts', count: 0 }),
      ],
    });
    const result = await readBackup(bytes, opts);
    expect(result.ok && result.manifest).toEqual(manifest);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    expect(await build()).toEqual(await build());
  });

  it('round-trips a table larger than the inflate window (many slices)', async () => {
    const records = Array.from({ length: 5000 }, (_, i) => ({
      id: `id-${i}`,
      name: `기업 ${i} ${'가나다라마바사'.repeat(i % 7)}`,
      value: i * 1.25,
    }));
    const bytes = await build({ tables: { organizations: records } });
    const result = await readBackup(bytes, opts);
    expect(result.ok && result.tables.organizations).toEqual(records);
  });

  it('refuses to build what could not be restored', async () => {
    await expect(build({ tables: { organizations: [{ name: 'no id' }] } })).rejects.toThrow(
      new BackupError('recordWithoutId', { file: 'tables/organizations.json', index: 1 }),
    );
    await expect(build({ tables: { organizations: [{ id: 'a' }, { id: 'a' }] } })).rejects.toThrow(
      /id가 같은 레코드\(a\)/,
    );
    await expect(build({ tables: { '../evil': [] } })).rejects.toThrow(BackupError);
    await expect(buildBackup(sampleInput({ deviceId: '' }))).rejects.toThrow(/manifest.json/);
  });
});

describe('backup file names', () => {
  it('names a backup by local date and time and reads the name back', () => {
    const at = new Date(2006, 3, 1, 9, 5, 7);
    const name = backupFileName(at);
    expect(name).toBe('pumasi-backup-20060401-090507.pumasi.zip');
    expect(parseBackupFileName(name)).toEqual(at);
    expect(parseBackupFileName(`C:\\Users\\추진단\\백업\\${name}`)).toEqual(at);
    expect(parseBackupFileName('pumasi-backup-20060401-090507 (2).pumasi.zip')).toEqual(at);
  });

  it('rejects other names and impossible moments', () => {
    for (const name of [
      'pumasi-backup-20060230-090507.pumasi.zip',
      'pumasi-backup-20060401-250000.pumasi.zip',
      'pumasi-backup-20060401-090507.zip',
      'backup-20060401-090507.pumasi.zip',
      'pumasi-backup-2006041-090507.pumasi.zip',
    ]) {
      expect(parseBackupFileName(name), name).toBeNull();
    }
  });
});
