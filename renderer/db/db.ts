/**
 * The local database: one Dexie (IndexedDB) database per install, opened with every version of
 * versions.ts. Entity tables are named after the registry (`entity.table`) and reached through
 * entityTable(); the bookkeeping tables are typed properties.
 *
 * Durability: Chromium commits IndexedDB transactions "relaxed" by default (reported done before
 * the data reaches the disk), so a power cut right after a save could lose it — and worse, lose
 * the outbox entry while the server never heard of the change. We open with
 * `chromeTransactionDurability: 'strict'`, which Dexie passes to every transaction it starts.
 */
import Dexie, { type Table } from 'dexie';
import { getEntity, type EntityName, type StoredRecord } from '../../shared/registry';
import type { HistoryRow, KeyValueRow, OutboxRow } from './schema';
import { APP_DB_NAME } from './snapshotKeys';
import { DB_VERSIONS, storesWithDeletions, type DbVersion } from './versions';

export const DEFAULT_DB_NAME = APP_DB_NAME;
export const DB_DURABILITY = 'strict' as const;

export class PumasiDb extends Dexie {
  // `declare`, not a field initialiser: with ES2022 class fields an initialiser would overwrite
  // the table objects Dexie assigns in its constructor / version().stores().
  declare history: Table<HistoryRow, string>;
  declare outbox: Table<OutboxRow, string>;
  declare settings: Table<KeyValueRow, string>;
  declare prefs: Table<KeyValueRow, string>;

  /**
   * @param versions only tests pass this (to open an older version); the app always uses all.
   * @param indexedDB only tests pass this (an isolated fake-indexeddb factory per test).
   */
  constructor(
    name: string = DEFAULT_DB_NAME,
    versions: readonly DbVersion[] = DB_VERSIONS,
    indexedDB?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
  ) {
    super(name, {
      chromeTransactionDurability: DB_DURABILITY,
      ...(indexedDB ? { indexedDB: indexedDB.indexedDB, IDBKeyRange: indexedDB.IDBKeyRange } : {}),
    });
    versions.forEach((v, i) => {
      const declared = this.version(v.version).stores(storesWithDeletions(versions, i));
      if (v.upgrade) declared.upgrade(v.upgrade);
    });
  }
}

/** Opens (lazily, on first use) a database with strict durability. Default name 'pumasi'. */
export function openDb(name: string = DEFAULT_DB_NAME): PumasiDb {
  return new PumasiDb(name);
}

let appDb: PumasiDb | undefined;

/** The app's one database ('pumasi'); every screen and the sync engine share it. */
export function getDb(): PumasiDb {
  appDb ??= openDb(DEFAULT_DB_NAME);
  return appDb;
}

/** The table holding an entity's records (named by the registry's `table`). */
export function entityTable(db: PumasiDb, entity: EntityName): Dexie.Table<StoredRecord, string> {
  const { table } = getEntity(entity);
  // db.table() throws an opaque error for a missing table; say what to do instead.
  if (!db.tables.some((t) => t.name === table)) {
    throw new Error(
      `table '${table}' of entity '${entity}' is not in the database schema: ` +
        'add a version in renderer/db/versions.ts',
    );
  }
  return db.table<StoredRecord, string>(table);
}
