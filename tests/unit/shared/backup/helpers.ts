/** Builders of backups, good and deliberately broken, for the backup tests. */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { buildBackup, type BuildBackupInput } from '../../../../shared/backup';

export const KNOWN_TABLES = ['organizations', 'difficulties', 'experts'];

export const sampleTables = {
  organizations: [
    {
      id: '01HQ0000000000000000000001',
      name: '금오정밀(주)',
      kind: 'company',
      brn: '513-81-23454',
      revenueKrw: 12_345_678_900,
      tags: ['메카트로닉스', 'PDP', '😀 emoji', 'ﾊﾝｶｸ', 'e\u0301'],
      notes: '첫 줄\r\n둘째 줄 "따옴표", \\ 역슬래시 \u0000 NUL',
      address: null,
      nested: { list: [[1, 2], [], [null, { deep: ['똠'] }]], flag: false },
      deleted: 0,
    },
    { id: '01HQ0000000000000000000002', name: '한국광기술원', kind: 'institute', employees: 300 },
  ],
  difficulties: [
    {
      id: 'dif-1',
      title: 'PDP 강화유리 절단기 정밀연삭',
      outcomeMonthsSaved: 1.5,
      receivedOn: '2006-03-02',
      supportTypes: ['guidance', 'testing'],
    },
  ],
  experts: [],
};

export const sampleInput = (over: Partial<BuildBackupInput> = {}): BuildBackupInput => ({
  tables: sampleTables,
  schemaVersion: 3,
  appVersion: '0.1.0',
  deviceId: 'device-01HQ',
  clusterId: 'gumi',
  createdAt: '2006-04-01T09:30:05.000Z',
  ...over,
});

export const build = (over: Partial<BuildBackupInput> = {}) => buildBackup(sampleInput(over));

/** Unpacks a backup, lets `edit` change its files, packs it again (a consistent new ZIP). */
export async function rezip(
  edit: (files: Record<string, Uint8Array>) => void,
): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = unzipSync(await build());
  edit(files);
  return zipSync(files as Zippable);
}

export const readJson = (bytes: Uint8Array): unknown => JSON.parse(strFromU8(bytes));
export const writeJson = (value: unknown): Uint8Array => strToU8(JSON.stringify(value));

/** Offset of the compressed data of `name` in a ZIP (from its local header). */
export function entryDataOffset(zip: Uint8Array, name: string): { start: number; size: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const target = strToU8(name);
  for (let p = 0; p + 30 < zip.length; p++) {
    if (view.getUint32(p, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(p + 26, true);
    const extra = view.getUint16(p + 28, true);
    const found = zip.subarray(p + 30, p + 30 + nameLength);
    if (found.length === target.length && found.every((b, i) => b === target[i])) {
      return { start: p + 30 + nameLength + extra, size: view.getUint32(p + 18, true) };
    }
  }
  throw new Error(`no entry ${name}`);
}
