/**
 * One case per database version after v1 (Signal Desktop's rule: every migration has a test).
 * versions.test.ts fails when a version in renderer/db/versions.ts has no case here; the cases
 * run in upgrades.test.ts.
 *
 * To add one for version N: `seed` writes rows into the database opened at version N − 1 with
 * plain table puts (mutate() follows the LATEST schema, not the old one), and `check` reads them
 * after the database was reopened at version N. Keep the rows literal: they are what a user's
 * database held, whatever the registry says today.
 */
import type Dexie from 'dexie';

export interface UpgradeCase {
  /** the version upgraded INTO */
  version: number;
  description: string;
  seed(db: Dexie): Promise<void>;
  check(db: Dexie): Promise<void>;
}

export const UPGRADE_CASES: readonly UpgradeCase[] = [
  // v1 is the first schema: nothing to upgrade from yet.
];
