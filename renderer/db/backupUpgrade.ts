/**
 * A backup made at an older database version gets exactly the upgrades a database of that
 * version gets when the app opens it: its rows are loaded into a TEMPORARY database opened at
 * the backup's version (versions.ts, up to that one), which is then reopened with every version
 * (Dexie runs each `upgrade` in between), read back, and deleted. One code path for databases
 * and backups, so a data migration can never be forgotten for backups.
 *
 * Before that, the manifest's claim is checked against versions.ts: the version must exist and
 * every table in the file must exist at that version (a "v1" backup holding `importLog`, which
 * v2 introduced, is lying about its version and is refused).
 */
import Dexie from 'dexie';
import type { Lang } from '../../shared/registry';
import { newId } from '../../shared/sync/ids';
import { PumasiDb } from './db';
import { UNBACKED_TABLES } from './gridSnapshot';
import { restoreMessage } from './restoreMessages';
import { DB_VERSIONS, type DbVersion } from './versions';
import type { BackupManifest } from '../../shared/backup';

export interface UpgradableBackup {
  manifest: BackupManifest;
  tables: Record<string, unknown[]>;
  /** set once upgraded: the data version the file was made at */
  upgradedFrom?: number;
}

/** Thrown when the backup's version claim is false or its upgrade failed; nothing was written. */
export class BackupVersionError extends Error {
  override readonly name = 'BackupVersionError';
  readonly committed = false;
}

/** Prefix of the temporary databases (each deleted when its upgrade ends, failed or not). */
export const UPGRADE_DB_PREFIX = 'pumasi-restore-upgrade-';

/** Refuses a version this app never had, or a table that did not exist at that version. */
export function checkVersionClaim(
  backup: UpgradableBackup,
  versions: readonly DbVersion[],
  lang: Lang,
): number {
  const version = backup.manifest.schemaVersion;
  const index = versions.findIndex((v) => v.version === version);
  const at = versions[index];
  if (!at) throw new BackupVersionError(restoreMessage(lang, 'unknownSchema', { version }));
  for (const table of Object.keys(backup.tables)) {
    if (!(table in at.stores)) {
      throw new BackupVersionError(restoreMessage(lang, 'tableNotInVersion', { version, table }));
    }
  }
  return index;
}

/** Rows of a table as stored (key-value tables drop the backup's `id`, see backup.ts). */
function storedRows(db: Dexie, table: string, rows: unknown[]): unknown[] {
  if (db.table(table).schema.primKey.keyPath === 'id') return rows;
  return rows.map((row) => {
    const { id: _id, ...rest } = row as Record<string, unknown>;
    return rest;
  });
}

/** Rows of a table as a backup holds them (key-value tables get `id` = their key). */
function backupRows(db: Dexie, table: string, rows: unknown[]): unknown[] {
  const keyPath = db.table(table).schema.primKey.keyPath;
  if (keyPath === 'id' || typeof keyPath !== 'string') return rows;
  return rows.map((row) => ({ id: (row as Record<string, unknown>)[keyPath], ...(row as object) }));
}

/**
 * The backup as the latest version (of `versions`) would hold it. A backup at that version is
 * returned as it is; an older one goes through the temporary database (see the header).
 */
export async function upgradeBackup(
  backup: UpgradableBackup,
  opts: { versions?: readonly DbVersion[]; lang?: Lang } = {},
): Promise<UpgradableBackup> {
  const versions = opts.versions ?? DB_VERSIONS;
  const lang = opts.lang ?? 'ko';
  const index = checkVersionClaim(backup, versions, lang);
  const latest = versions[versions.length - 1]!.version;
  const from = backup.manifest.schemaVersion;
  if (index === versions.length - 1) return backup;

  const name = `${UPGRADE_DB_PREFIX}${newId()}`;
  const old = new PumasiDb(name, versions.slice(0, index + 1));
  try {
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(backup.tables)) {
        if (rows.length > 0) await old.table(table).bulkAdd(storedRows(old, table, rows));
      }
    });
    old.close();
    const upgraded = new PumasiDb(name, versions);
    try {
      await upgraded.open(); // runs every upgrade between `from` and `latest`
      const tables: Record<string, unknown[]> = {};
      await upgraded.transaction('r', upgraded.tables, async () => {
        for (const table of upgraded.tables) {
          if (UNBACKED_TABLES.has(table.name)) continue;
          tables[table.name] = backupRows(upgraded, table.name, await table.toArray());
        }
      });
      return {
        manifest: { ...backup.manifest, schemaVersion: upgraded.verno },
        tables,
        upgradedFrom: from,
      };
    } finally {
      upgraded.close();
    }
  } catch (e) {
    if (e instanceof BackupVersionError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new BackupVersionError(
      restoreMessage(lang, 'upgradeFailed', { from, to: latest, detail }),
    );
  } finally {
    old.close();
    await Dexie.delete(name).catch(() => undefined);
  }
}
