import { describe, expect, it } from 'vitest';
import { entities, type StoredRecord } from '../../../../shared/registry';
import { SearchIndex } from '../../../../shared/korean/search';
import { recordDoc, syncEntity } from '../../../../renderer/features/search/searchDocs';

const organization = entities.find((e) => e.name === 'organization');
if (!organization) throw new Error('registry has no organization');

const rec = (id: string, version: number, values: Record<string, string>): StoredRecord => ({
  id,
  clusterId: 'gumi',
  version,
  hlc: '',
  deviceId: 'd',
  createdAt: '',
  updatedAt: '',
  deleted: 0,
  ...values,
});

describe('global search documents', () => {
  it('indexes title, registration numbers and KSIC codes of a record', () => {
    const doc = recordDoc(
      organization,
      rec('a', 3, { name: '㈜한빛', brn: '123-45-67890', ksic: '26, 261' }),
    );
    expect(doc).toMatchObject({
      id: 'a',
      version: 3,
      group: 'organization',
      title: '㈜한빛',
      codes: '26, 261',
    });
    const index = new SearchIndex();
    index.upsert(doc);
    expect(index.search('1234567890').hits[0]?.id).toBe('a');
    expect(index.search('261').hits[0]?.field).toBe('code');
  });

  it('follows a new list: changed versions re-indexed, vanished records dropped', () => {
    const index = new SearchIndex();
    const first = [rec('a', 1, { name: '한빛정밀' }), rec('b', 1, { name: '구미전자' })];
    syncEntity(index, organization, first, undefined);
    const second = [rec('a', 2, { name: '한빛테크' })];
    syncEntity(index, organization, second, first);
    expect(index.size).toBe(1);
    expect(index.search('ㅎㅂㅌㅋ').hits.map((h) => h.title)).toEqual(['한빛테크']);
    expect(index.search('구미').hits).toEqual([]);
  });
});
