import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { entities } from '../../../../shared/registry';
import { SearchIndex } from '../../../../shared/korean/search';
import { formatHlc } from '../../../../shared/sync/hlc';
import type { RecordChange } from '../../../../shared/sync/protocol';
import { mutate } from '../../../../renderer/db/mutate';
import { queryRecords } from '../../../../renderer/db/queries';
import { applyRemote } from '../../../../renderer/db/remoteApply';
import { syncEntity } from '../../../../renderer/features/search/searchDocs';
import { freshDb, orgValues } from '../db/helpers';

const organization = entities.find((e) => e.name === 'organization');
if (!organization) throw new Error('registry has no organization');

const OTHER = '01HZZZZZZZZZZZZZZZZZZZZZZB';

describe('the search index follows writes record by record', () => {
  it('re-indexes only what mutate() and an applied pull changed, never the whole table', async () => {
    const db = await freshDb();
    const created = await mutate(
      db,
      Array.from({ length: 200 }, (_, i) => ({
        entity: 'organization' as const,
        op: 'create' as const,
        values: orgValues(i + 1),
      })),
    );
    if (!created.ok) throw new Error('seed failed');
    const index = new SearchIndex();
    let list = await queryRecords(db, 'organization');
    expect(syncEntity(index, organization, list, undefined)).toBe(200);

    // One local edit: one record re-indexed, found by its new name, the old name gone.
    const target = created.records[7];
    if (!target) throw new Error('no record');
    const edit = await mutate(db, [
      { entity: 'organization', op: 'update', id: target.id, values: { name: '㈜한빛광학' } },
    ]);
    expect(edit.ok).toBe(true);
    let previous = list;
    list = await queryRecords(db, 'organization');
    expect(syncEntity(index, organization, list, previous)).toBe(1);
    expect(index.search('ㅎㅂㄱㅎ').hits.map((h) => h.id)).toEqual([target.id]);
    expect(index.search('기관 8').hits.map((h) => h.id)).not.toContain(target.id);

    // A pulled change from another device: again exactly one record.
    const other = created.records[20];
    if (!other) throw new Error('no record');
    const stamp = formatHlc({ wallMs: Date.now() + 1_000, counter: 0, deviceId: OTHER });
    const change: RecordChange = {
      entity: 'organization',
      id: other.id,
      clusterId: 'gumi',
      fields: { name: { value: '구미정밀', hlc: stamp, base: null } },
    };
    const pulled = await applyRemote(db, [change]);
    expect(pulled.applied).toBe(1);
    previous = list;
    list = await queryRecords(db, 'organization');
    expect(syncEntity(index, organization, list, previous)).toBe(1);
    expect(index.search('구미정밀').hits.map((h) => h.id)).toEqual([other.id]);

    // A delete drops the record; an unchanged list re-indexes nothing.
    const removed = await mutate(db, [{ entity: 'organization', op: 'delete', id: other.id }]);
    expect(removed.ok).toBe(true);
    previous = list;
    list = await queryRecords(db, 'organization');
    expect(syncEntity(index, organization, list, previous)).toBe(1);
    expect(index.has(other.id)).toBe(false);
    expect(syncEntity(index, organization, list, list)).toBe(0);
    expect(index.size).toBe(199);
  });
});
