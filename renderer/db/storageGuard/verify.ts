/**
 * After a large write failed: what is still there? A failed transaction rolls back, so "nothing
 * was saved" is USUALLY true — but when Chromium deleted the database instead (issue 12), the
 * same words were a lie. This checks, without re-creating a deleted database: the database must
 * still be listed, still hold the first-run setting, and the counted tables must hold exactly
 * what they held before the write.
 */
import type { PumasiDb } from '../db';

export type WriteOutcome =
  /** verified: nothing of the write is stored, the counted tables are as before */
  | { kind: 'rolledBack'; recordCount: number }
  /** the database is gone (or re-created empty) */
  | { kind: 'lost' }
  /** could not tell */
  | { kind: 'unverified' };

export interface VerifyDeps {
  db: PumasiDb;
  /** names of the origin's databases; null where indexedDB.databases() is missing */
  databaseNames: () => Promise<string[] | null>;
}

/** Row counts of `tables` (table names), read in one transaction. */
export async function countTables(db: PumasiDb, tables: readonly string[]): Promise<number[]> {
  return db.transaction('r', [...tables], () =>
    Promise.all(tables.map((t) => db.table(t).count())),
  );
}

/** `before`: table name → its row count just before the write (see countTables). */
export async function verifyAfterFailedWrite(
  deps: VerifyDeps,
  before: Readonly<Record<string, number>>,
  recordTables: readonly string[],
): Promise<WriteOutcome> {
  try {
    const names = await deps.databaseNames();
    // Checked BEFORE touching Dexie: opening a deleted database would silently create it again.
    if (names !== null && !names.includes(deps.db.name)) return { kind: 'lost' };
    // The browser force-closes the connection when a write fails on a full disk; the database
    // is still listed, so opening it again cannot create it anew (when the list is unknown, a
    // re-created database has no first-run setting and is called lost below).
    if (!deps.db.isOpen()) await deps.db.open();
    const firstRun = await deps.db.settings.get('firstRunDone');
    if (firstRun?.value !== true) return { kind: 'lost' };
    const tables = Object.keys(before);
    const after = await countTables(deps.db, tables);
    const same = tables.every((t, i) => after[i] === before[t]);
    if (!same) return { kind: 'unverified' };
    const recordCount = tables
      .filter((t) => recordTables.includes(t))
      .reduce((n, t) => n + (before[t] ?? 0), 0);
    return { kind: 'rolledBack', recordCount };
  } catch {
    // A database the browser is deleting fails its reads first and leaves the list a moment
    // later (seen on a real full disk, tests/e2e/smallDisk.spec.ts): look once more.
    return recheckUnverified(deps);
  }
}

/** Whether the database is still listed (null: cannot tell), never throwing. */
async function listedAgain(deps: VerifyDeps): Promise<boolean | null> {
  try {
    const names = await deps.databaseNames();
    return names === null ? null : names.includes(deps.db.name);
  } catch {
    return null;
  }
}

/**
 * After a check that could not tell (it failed or, on a real full disk, hung until its bound):
 * a database no longer listed is lost, whatever the check was waiting for.
 */
export async function recheckUnverified(deps: VerifyDeps): Promise<WriteOutcome> {
  return (await listedAgain(deps)) === false ? { kind: 'lost' } : { kind: 'unverified' };
}

/** indexedDB.databases() names, or null where the browser lacks it. */
export async function listDatabaseNames(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<string[] | null> {
  if (!factory || typeof factory.databases !== 'function') return null;
  const list = await factory.databases();
  return list.flatMap((d) => (typeof d.name === 'string' ? [d.name] : []));
}
