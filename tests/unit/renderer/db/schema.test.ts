import { describe, expect, it } from 'vitest';
import type { EntityDef } from '../../../../shared/registry';
import {
  BOOKKEEPING_STORES,
  entityStoreSpec,
  generateStores,
  normalizeStores,
} from '../../../../renderer/db/schema';

const entity = (over: Partial<EntityDef> = {}): EntityDef => ({
  name: 'expert',
  table: 'experts',
  label: { ko: '전문가', en: 'Experts' },
  navOrder: 30,
  path: 'experts',
  titleField: 'name',
  ownership: 'cluster',
  fields: [
    { key: 'name', kind: 'text', label: { ko: '이름', en: 'Name' }, indexed: true },
    { key: 'email', kind: 'email', label: { ko: '이메일', en: 'E-mail' } },
    {
      key: 'orgId',
      kind: 'ref',
      ref: 'organization',
      label: { ko: '기관', en: 'Org' },
      indexed: true,
    },
  ],
  ...over,
});

describe('schema generated from the registry', () => {
  it('indexes id, clusterId, the indexed fields and the compound indexes — nothing else', () => {
    expect(entityStoreSpec(entity())).toBe('id, clusterId, name, orgId');
    expect(entityStoreSpec(entity({ compoundIndexes: ['[clusterId+name]'] }))).toBe(
      'id, clusterId, name, orgId, [clusterId+name]',
    );
  });

  it('adds the bookkeeping tables: history indexed by record id only, outbox by nothing', () => {
    expect(generateStores([entity()])).toEqual({
      experts: 'id, clusterId, name, orgId',
      history: 'id, *recordIds',
      outbox: 'id',
      settings: 'key',
      prefs: 'key',
      importLog: 'id, checksum',
      gridSnapshots: 'key',
      tableRevisions: 'key',
      syncKeptAside: 'id, recordId',
      syncConflicts: 'id, recordId',
      syncPushBatch: 'id',
      monthCloses: 'id, [clusterId+month]',
    });
    expect(BOOKKEEPING_STORES.outbox).toBe('id');
  });

  it('changes when an index is added, so the version meta-test notices', () => {
    const before = normalizeStores(generateStores([entity()]));
    const withIndex = entity();
    withIndex.fields = withIndex.fields.map((f) =>
      f.key === 'email' ? { ...f, indexed: true } : f,
    );
    expect(normalizeStores(generateStores([withIndex]))).not.toEqual(before);
  });

  it('ignores the order of fields and tables when comparing', () => {
    expect(normalizeStores({ b: 'id, z, a', a: 'key' })).toEqual({ a: 'key', b: 'id, a, z' });
    expect(Object.keys(normalizeStores({ b: 'id', a: 'id' }))).toEqual(['a', 'b']);
  });

  it('refuses two entities with one table name', () => {
    expect(() => generateStores([entity(), entity({ name: 'plan' })])).toThrow(/experts/);
    expect(() => generateStores([entity({ table: 'history' })])).toThrow(/history/);
  });
});
