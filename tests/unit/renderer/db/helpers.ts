/**
 * Test support for the local store: a fresh, isolated database per test (fake-indexeddb) and
 * valid sample data.
 */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import type { DBCore } from 'dexie';
import { brnCheckDigit } from '../../../../shared/korean/ids';
import type { PumasiDb } from '../../../../renderer/db/db';
import { openDb } from '../../../../renderer/db/db';
import { setSetting } from '../../../../renderer/db/settings';

let counter = 0;
const opened: PumasiDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A new empty database with a unique name, deleted after the test. */
export async function freshDb(
  options: { clusterId?: string | null; beforeOpen?: (db: PumasiDb) => void } = {},
): Promise<PumasiDb> {
  const db = openDb(`pumasi-test-${++counter}-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  options.beforeOpen?.(db);
  await db.open();
  const clusterId = options.clusterId === undefined ? 'gumi' : options.clusterId;
  if (clusterId !== null) await setSetting(db, 'clusterId', clusterId);
  return db;
}

/** Registers a database the test opened itself, so it is deleted afterwards. */
export function track<T extends PumasiDb>(db: T): T {
  opened.push(db);
  return db;
}

/** A valid 사업자등록번호 for a serial number (formatted `123-45-67890`). */
export function validBrn(serial: number): string {
  const first9 = String(100_000_000 + serial).slice(-9);
  const d = first9 + String(brnCheckDigit(first9));
  return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
}

export function orgValues(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: `기관 ${n}`, kind: 'company', brn: validBrn(n), employees: n % 300, ...extra };
}

/** Counts the low-level IndexedDB requests Dexie makes, per table and kind (a DBCore middleware). */
export function countRequests(db: PumasiDb) {
  const counts: Record<string, { get: number; getMany: number; mutate: number; rows: number }> = {};
  const entry = (table: string) => (counts[table] ??= { get: 0, getMany: 0, mutate: 0, rows: 0 });
  db.use({
    stack: 'dbcore',
    name: 'test-request-counter',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          get: (req) => (entry(name).get++, table.get(req)),
          getMany: (req) => (entry(name).getMany++, table.getMany(req)),
          mutate: (req) => {
            entry(name).mutate++;
            entry(name).rows += 'values' in req ? req.values.length : 0;
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return counts;
}
