/**
 * Names and keys of the grid snapshot store, in a module with NO imports, so the early read
 * (renderer/early.ts, loaded before React, Dexie and AG Grid) can use them without pulling the
 * app in. gridSnapshot.ts (the Dexie side) uses the same names.
 */

/** The app's database (db.ts `DEFAULT_DB_NAME`). */
export const APP_DB_NAME = 'pumasi';
export const GRID_SNAPSHOTS_TABLE = 'gridSnapshots';
export const TABLE_REVISIONS_TABLE = 'tableRevisions';

/**
 * Bumped when the row layout changes: a snapshot of another format is never read, only rebuilt.
 * 1: chunks of record objects. 2: columnar chunks (snapshotColumns.ts) + stored sort ranks.
 * 3: text columns joined into one string, number columns in a Float64Array.
 */
export const SNAPSHOT_FORMAT = 3;

export const headerKey = (table: string) => `${table}/head`;
export const chunkKey = (table: string, n: number) => `${table}/${n}`;

/**
 * Route path → entity table, for the early read only (it cannot import the registry: that
 * would pull every entity definition into the first chunk). A unit test checks it against the
 * registry (tests/unit/renderer/db/snapshotKeys.test.ts).
 */
export const TABLE_OF_PATH: Readonly<Record<string, string>> = {
  activities: 'activities',
  clusters: 'clusters',
  'company-years': 'companyYears',
  difficulties: 'difficulties',
  experts: 'experts',
  indicators: 'indicators',
  memberships: 'memberships',
  'mini-clusters': 'miniClusters',
  organizations: 'organizations',
  plans: 'plans',
  'plan-milestones': 'planMilestones',
  resources: 'resources',
  'resource-decisions': 'resourceDecisions',
  'resource-requests': 'resourceRequests',
  'success-cases': 'successCases',
  targets: 'targets',
};

/** The entity table a `location.hash` opens on (`#/organizations?x=1` → organizations). */
export function tableOfHash(hash: string): string | undefined {
  const path = hash.replace(/^#?\/?/, '').split(/[/?]/)[0] ?? '';
  return Object.prototype.hasOwnProperty.call(TABLE_OF_PATH, path)
    ? TABLE_OF_PATH[path]
    : undefined;
}
