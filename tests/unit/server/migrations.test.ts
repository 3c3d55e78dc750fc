import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { createToken, seedClusters, verifyToken } from '../../../server/auth/tokens';
import { loadMigrations, migrate, schemaVersion } from '../../../server/db/migrate';
import { openPglite } from '../../../server/db/pglite';
import { BACKENDS, freshDb, makeCall, listen, mutation, push, stamp } from './harness';

const T0 = Date.UTC(2026, 0, 5);
const latest = Math.max(...loadMigrations().map((m) => m.version));

describe('server migrations', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps a PGlite data folder across stop and start, applying nothing twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pumasi-srv-'));
    dirs.push(dir);
    const first = await openPglite(dir);
    expect(await migrate(first)).toEqual(loadMigrations().map((m) => m.version));
    await seedClusters(first);
    const { token } = await createToken(first, { role: 'team', cluster: 'gumi' });
    await first.close();

    const second = await openPglite(dir);
    expect(await migrate(second)).toEqual([]);
    expect(await schemaVersion(second)).toBe(latest);
    expect((await verifyToken(second, token)).ok).toBe(true);
    await second.close();
  }, 180_000);

  for (const backend of BACKENDS) {
    it(`[${backend}] upgrades an older schema in place and keeps its data`, async () => {
      const fresh = await freshDb(backend);
      try {
        expect(await migrate(fresh.db, { upTo: 1 })).toEqual([1]);
        await seedClusters(fresh.db);
        const { token } = await createToken(fresh.db, { role: 'team', cluster: 'gumi' });
        await fresh.db.query(
          `INSERT INTO records (entity, id, cluster_id, fields, shared)
           VALUES ('organization', 'o1', 'gumi', $1::jsonb, false)`,
          [JSON.stringify({ name: { value: '옛 기업', hlc: stamp(T0, 'OLD') } })],
        );
        await expect(fresh.db.query('SELECT 1 FROM devices')).rejects.toThrow();

        // start again on the same database: the newer migrations run, the data stays
        const db = await fresh.reopen();
        expect(await migrate(db)).toEqual(
          loadMigrations()
            .filter((m) => m.version > 1)
            .map((m) => m.version),
        );
        expect(await schemaVersion(db)).toBe(latest);
        const app = await buildApp({ db });
        const call = makeCall(await listen(app));
        const r = await call('POST', '/v1/sync/push', {
          token,
          body: push('DEVN', [
            mutation('organization', 'o1', 'gumi', {
              phone: { value: '054-1', hlc: stamp(T0 + 1, 'DEVN') },
            }),
          ]),
        });
        expect(r.body.results[0].status).toBe('applied');
        const pulled = await call('GET', '/v1/sync/pull', { token });
        expect(pulled.body.changes[0].fields.phone.value).toBe('054-1');
        const rec = await db.query<{ fields: Record<string, { value: string }> }>(
          'SELECT fields FROM records',
        );
        expect(rec.rows[0]!.fields.name!.value).toBe('옛 기업');
        await app.close();
        if (db !== fresh.db) await db.close();
      } finally {
        await fresh.close();
      }
    }, 180_000);
  }
});
