import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { PumasiDb, openDb, entityTable } from '../../../../renderer/db/db';
import { DB_VERSIONS, type DbVersion } from '../../../../renderer/db/versions';
import { mutate } from '../../../../renderer/db/mutate';
import { UPGRADE_CASES } from './upgrade-cases';
import { orgValues, track } from './helpers';

let counter = 0;
const uniqueName = () => `pumasi-upgrade-${++counter}-${Math.random().toString(36).slice(2)}`;

/** The database as an older app release opened it: only the versions up to `version`. */
function openAtVersion(
  name: string,
  version: number,
  versions: readonly DbVersion[] = DB_VERSIONS,
) {
  return track(
    new PumasiDb(
      name,
      versions.filter((v) => v.version <= version),
    ),
  );
}

describe('schema upgrades', () => {
  for (const c of UPGRADE_CASES) {
    it(`v${c.version - 1} → v${c.version}: ${c.description}`, async () => {
      const name = uniqueName();
      const old = openAtVersion(name, c.version - 1);
      await old.open();
      await c.seed(old);
      old.close();
      const upgraded = openAtVersion(name, c.version);
      await upgraded.open();
      expect(upgraded.verno).toBe(c.version);
      await c.check(upgraded);
      upgraded.close();
    });
  }

  it('data written at v1 is all there after opening with every version', async () => {
    const name = uniqueName();
    const v1 = openAtVersion(name, 1);
    await v1.open();
    await v1.settings.put({ key: 'clusterId', value: 'wonju' });
    const written = await mutate(v1, [
      { entity: 'organization', op: 'create', id: 'o1', values: orgValues(1) },
    ]);
    expect(written.ok).toBe(true);
    v1.close();

    const latest = track(openDb(name));
    await latest.open();
    expect(latest.verno).toBe(DB_VERSIONS.at(-1)?.version);
    expect(await entityTable(latest, 'organization').get('o1')).toMatchObject({
      name: '기관 1',
      clusterId: 'wonju',
    });
    expect(await latest.history.count()).toBe(1);
    expect(await latest.outbox.count()).toBe(1);
  });

  it('the harness runs an upgrade function, adds an index and drops a table (synthetic v2)', async () => {
    const v1 = DB_VERSIONS[0] as DbVersion;
    const { targets: _dropped, ...kept } = v1.stores;
    const synthetic: DbVersion[] = [
      v1,
      {
        version: 2,
        note: 'test only: index kind, drop targets, fill kind',
        stores: { ...kept, organizations: `${kept.organizations}, kind` },
        upgrade: (tx) =>
          tx
            .table('organizations')
            .toCollection()
            .modify((row: Record<string, unknown>) => {
              row.kind ??= 'company';
            }),
      },
    ];
    const name = uniqueName();
    const old = openAtVersion(name, 1, synthetic);
    await old.open();
    await old.table('organizations').bulkPut([
      { id: 'a', clusterId: 'gumi', name: '가', version: 1, deleted: 0 },
      { id: 'b', clusterId: 'gumi', name: '나', kind: 'university', version: 1, deleted: 0 },
    ]);
    await old.table('targets').put({ id: 't', clusterId: 'gumi' });
    old.close();

    const upgraded = openAtVersion(name, 2, synthetic);
    await upgraded.open();
    expect(upgraded.verno).toBe(2);
    const companies = await upgraded
      .table('organizations')
      .where('kind')
      .equals('company')
      .primaryKeys();
    expect(companies).toEqual(['a']);
    expect(upgraded.tables.map((t) => t.name)).not.toContain('targets');
    expect([...upgraded.backendDB().objectStoreNames]).not.toContain('targets');
  });
});
