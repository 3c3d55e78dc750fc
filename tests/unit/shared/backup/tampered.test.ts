/** Every way a backup can be broken gives `{ ok: false }` with the right Korean message, never a throw. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  readBackup,
  sha256Hex,
  type BackupManifest,
  type ReadBackupResult,
} from '../../../../shared/backup';
import { build, entryDataOffset, KNOWN_TABLES, readJson, rezip, writeJson } from './helpers';

const opts = { maxSchemaVersion: 3, knownTables: KNOWN_TABLES };
const ORGS = 'tables/organizations.json';

function refusal(result: ReadBackupResult): { code: string; message: string } {
  if (result.ok) expect.fail('the backup was accepted');
  return result.error;
}

/** Rezips with `content` as the organizations table and the manifest's checksum kept honest. */
async function withOrganizations(content: Uint8Array, count?: number): Promise<Uint8Array> {
  const sha = await sha256Hex(content);
  return rezip((files) => {
    files[ORGS] = content;
    const manifest = readJson(files['manifest.json']!) as BackupManifest;
    const entry = manifest.tables.find((t) => t.name === 'organizations')!;
    entry.sha256 = sha;
    if (count !== undefined) entry.count = count;
    files['manifest.json'] = writeJson(manifest);
  });
}

const editManifest = (edit: (m: Record<string, unknown>) => void) =>
  rezip((files) => {
    const manifest = readJson(files['manifest.json']!) as Record<string, unknown>;
    edit(manifest);
    files['manifest.json'] = writeJson(manifest);
  });

describe('readBackup refuses a damaged backup', () => {
  it('a flipped byte inside a table file (the ZIP checksum or inflate catches it)', async () => {
    const bytes = await build();
    const { start, size } = entryDataOffset(bytes, ORGS);
    const broken = bytes.slice();
    broken[start + Math.floor(size / 2)]! ^= 0x55;
    const error = refusal(await readBackup(broken, opts));
    expect(['checksumMismatch', 'zipCorrupt']).toContain(error.code);
    expect(error.message).toMatch(/^백업 파일이 손상되었습니다: tables\/organizations\.json/);
  });

  it('a table file changed behind the manifest (SHA-256 mismatch)', async () => {
    const bytes = await rezip((files) => {
      files[ORGS] = writeJson([{ id: 'x', name: '바뀐 내용' }, { id: 'y' }]);
    });
    expect(refusal(await readBackup(bytes, opts))).toEqual({
      code: 'checksumMismatch',
      message: '백업 파일이 손상되었습니다: tables/organizations.json 검사값이 맞지 않습니다',
    });
  });

  it('a missing table file', async () => {
    const bytes = await rezip((files) => delete files['tables/difficulties.json']);
    expect(refusal(await readBackup(bytes, opts)).message).toBe(
      '백업 파일이 손상되었습니다: tables/difficulties.json 파일이 없습니다',
    );
  });

  it('a wrong record count', async () => {
    const bytes = await editManifest((m) => {
      (m.tables as Array<{ count: number }>)[0]!.count = 3;
    });
    expect(refusal(await readBackup(bytes, opts)).message).toBe(
      '백업 파일이 손상되었습니다: tables/organizations.json의 레코드 수가 맞지 않습니다 (목록 3건, 실제 2건)',
    );
  });

  it('a backup from a newer schema or format', async () => {
    const newer = refusal(await readBackup(await build({ schemaVersion: 4 }), opts));
    expect(newer.code).toBe('newerSchema');
    expect(newer.message).toContain('더 새로운 버전의 품앗이에서 만든 백업(데이터 버전 4)');
    expect(newer.message).toContain('데이터 버전 3까지');
    const english = refusal(
      await readBackup(await build({ schemaVersion: 4 }), { ...opts, lang: 'en' }),
    );
    expect(english.message).toMatch(/newer Pumasi \(data version 4\)/);
    const format = await editManifest((m) => (m.formatVersion = 2));
    expect(refusal(await readBackup(format, opts)).code).toBe('newerFormat');
  });

  it('bytes that are not a ZIP', async () => {
    for (const bytes of [
      strToU8('id,name\r\n1,금오정밀\r\n'),
      new Uint8Array(0),
      new Uint8Array(100),
    ]) {
      expect(refusal(await readBackup(bytes, opts))).toEqual({
        code: 'notZip',
        message: '백업 파일이 아닙니다 (ZIP 형식이 아닙니다)',
      });
    }
  });

  it('a truncated ZIP', async () => {
    const bytes = await build();
    for (const keep of [0.3, 0.6, 0.95]) {
      const cut = bytes.subarray(0, Math.floor(bytes.length * keep));
      expect(refusal(await readBackup(cut, opts)).message).toBe(
        '백업 파일이 손상되었습니다: 파일이 중간에 잘렸습니다',
      );
    }
    // cut inside the end record's comment-less tail: the directory points past the end
    expect(refusal(await readBackup(bytes.subarray(0, bytes.length - 1), opts)).code).toMatch(
      /zipTruncated|notZip/,
    );
  });

  it('a zip bomb: 50 MB of zeros against a 20 MB limit, declared honestly or not', async () => {
    const zeros = new Uint8Array(50 * 1024 * 1024);
    const bomb = zipSync({ 'manifest.json': strToU8('{}'), [ORGS]: zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const limits = { maxUncompressedBytes: 20 * 1024 * 1024 };
    const honest = refusal(await readBackup(bomb, { ...opts, limits }));
    expect(honest.code).toBe('tooLarge');
    expect(honest.message).toContain('압축 폭탄일 수 있습니다');
    expect(honest.message).toContain('최대 20.0MB');

    // The same bomb lying in its central directory (declares 1 KB): the real inflate stops it.
    const liar = bomb.slice();
    const view = new DataView(liar.buffer);
    for (let p = liar.length - 22; p >= 0; p--) {
      if (view.getUint32(p, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(p + 28, true);
      const name = new TextDecoder().decode(liar.subarray(p + 46, p + 46 + nameLength));
      if (name === ORGS) view.setUint32(p + 24, 1024, true);
    }
    const lying = refusal(await readBackup(liar, { ...opts, limits }));
    expect(lying.code).toBe('zipCorrupt');
    expect(lying.message).toContain(ORGS);
  });

  it('too many entries or too large a file', async () => {
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, strToU8('x')])),
    );
    expect(refusal(await readBackup(many, { ...opts, limits: { maxEntries: 20 } })).message).toBe(
      '백업 파일 안의 항목이 너무 많습니다 (30개, 최대 20개)',
    );
    const big = await build();
    expect(refusal(await readBackup(big, { ...opts, limits: { maxFileBytes: 100 } })).code).toBe(
      'fileTooLarge',
    );
  });

  it('a missing manifest, or one that is not a Pumasi manifest', async () => {
    const missing = await rezip((files) => delete files['manifest.json']);
    expect(refusal(await readBackup(missing, opts)).message).toBe(
      '백업 파일이 손상되었습니다: manifest.json이 없습니다',
    );
    const other = await editManifest((m) => (m.format = 'other-app'));
    expect(refusal(await readBackup(other, opts)).code).toBe('notPumasiBackup');
    const shapeless = await editManifest((m) => delete m.deviceId);
    expect(refusal(await readBackup(shapeless, opts)).message).toBe(
      '백업 파일이 손상되었습니다: manifest.json의 형식이 올바르지 않습니다 (deviceId)',
    );
    const badManifest = await rezip((files) => (files['manifest.json'] = strToU8('{"format": ')));
    expect(refusal(await readBackup(badManifest, opts)).message).toBe(
      '백업 파일이 손상되었습니다: manifest.json을(를) 읽을 수 없습니다 (JSON 형식 오류)',
    );
  });

  it('a table file that is not JSON, not a list, or in a broken UTF-8', async () => {
    const cases: Array<[Uint8Array, string]> = [
      [strToU8('[{"id":"a"},'), 'badJson'],
      [new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x5d]), 'badJson'],
      [strToU8('{"id":"a"}'), 'notArray'],
    ];
    for (const [content, code] of cases) {
      const error = refusal(await readBackup(await withOrganizations(content), opts));
      expect(error.code).toBe(code);
      expect(error.message).toContain(ORGS);
    }
  });

  it('a record without a string id, or two records of one id', async () => {
    const noId = await withOrganizations(writeJson([{ id: 'a' }, { name: '이름만' }]));
    expect(refusal(await readBackup(noId, opts)).message).toBe(
      '백업 파일이 손상되었습니다: tables/organizations.json의 2번째 레코드에 id가 없습니다',
    );
    const numericId = await withOrganizations(writeJson([{ id: 7 }, { id: 'b' }]));
    expect(refusal(await readBackup(numericId, opts)).code).toBe('recordWithoutId');
    const twice = await withOrganizations(writeJson([{ id: 'a' }, { id: 'a' }]));
    expect(refusal(await readBackup(twice, opts)).code).toBe('duplicateId');
  });

  it('an unknown table, a renamed table file, or a file the manifest does not list', async () => {
    const unknown = refusal(
      await readBackup(await build(), { ...opts, knownTables: ['organizations', 'difficulties'] }),
    );
    expect(unknown.message).toBe('백업 파일에 알 수 없는 표가 있습니다: experts');
    const renamed = await editManifest((m) => {
      (m.tables as Array<{ file: string }>)[0]!.file = '../organizations.json';
    });
    expect(refusal(await readBackup(renamed, opts)).code).toBe('badFilePath');
    const extra = await rezip((files) => (files['tables/secret.json'] = strToU8('[]')));
    expect(refusal(await readBackup(extra, opts)).message).toBe(
      '백업 파일이 손상되었습니다: 목록에 없는 파일 tables/secret.json이(가) 들어 있습니다',
    );
  });

  it('never throws, whatever byte is damaged', async () => {
    const bytes = await build();
    for (let at = 0; at < bytes.length; at += 13) {
      const broken = bytes.slice();
      broken[at]! ^= 0xff;
      const result = await readBackup(broken, opts);
      // a flip in a field nobody reads (a timestamp) may pass; otherwise a refusal with a message
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
    }
  });
});
