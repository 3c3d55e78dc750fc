/**
 * Every version the local database has ever had, oldest first. Dexie opens the database with all
 * of them; a user's IndexedDB at version N is upgraded step by step to the latest.
 *
 * Rules (enforced by tests/unit/renderer/db/versions.test.ts):
 * - A released version is FROZEN: never edit its `stores` or `upgrade` — users' databases were
 *   made with it. (Before the first release, v1 may still be regenerated.)
 * - `stores` is a full snapshot (not a diff) of every table at that version. A table missing
 *   from a later snapshot is deleted by that version (openDb() passes `null` for it).
 * - The latest snapshot must equal `generateStores(entities)`: changing an index, a table name
 *   or a compound index in the registry makes that test fail until a new version is appended
 *   here, with the new snapshot it prints.
 * - A version with an `upgrade` function (data migration) must have its own test in
 *   tests/unit/renderer/db/upgrades.test.ts: open the previous version with data, reopen with
 *   this one, check the data.
 * - Upgrades run inside Dexie's versionchange transaction: use only `tx.table(...)` and Dexie
 *   promises (no fetch, no timers), and never import the live registry — a migration must do
 *   the same thing forever, whatever the registry says later.
 *
 * The main process takes a backup before a schema upgrade (ARCHITECTURE.md, "Who owns the local
 * storage"); LATEST_DB_VERSION is what it compares against.
 */
import type { Table, Transaction } from 'dexie';
import type { StoresSpec } from './schema';

export interface DbVersion {
  readonly version: number;
  readonly stores: StoresSpec;
  /** data migration run when upgrading INTO this version */
  readonly upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
  /** one line: what changed and why */
  readonly note: string;
}

const deepFreeze = <T extends object>(o: T): T => {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
};

/**
 * v5's migration: every history row gets `recordIds`, the distinct record ids of its entries.
 * Inline on purpose (the header: a migration must do the same thing forever).
 */
function fillHistoryRecordIds(history: Table): PromiseLike<unknown> {
  return history.toCollection().modify((row: { entries?: unknown; recordIds?: string[] }) => {
    const entries = Array.isArray(row.entries)
      ? (row.entries as Array<{ recordId?: unknown }>)
      : [];
    const ids = entries
      .map((e) => e?.recordId)
      .filter((id): id is string => typeof id === 'string');
    row.recordIds = [...new Set(ids)];
  });
}

export const DB_VERSIONS: readonly DbVersion[] = deepFreeze<DbVersion[]>([
  {
    version: 1,
    note: 'first schema: twelve entity tables + history, outbox, settings, prefs',
    stores: {
      activities: 'id, clusterId, date, miniClusterId',
      clusters: 'id, clusterId, code',
      difficulties: 'id, clusterId, companyId, miniClusterId, receivedOn, status',
      experts: 'id, clusterId, organizationId',
      indicators: 'id, [metric+period], clusterId',
      memberships: 'id, clusterId, expertId, miniClusterId, organizationId',
      miniClusters: 'id, clusterId',
      organizations: 'id, brn, clusterId, name',
      plans: 'id, clusterId, miniClusterId',
      resources: 'id, clusterId, ownerOrgId',
      successCases: 'id, clusterId',
      targets: 'id, clusterId',
      history: 'id',
      outbox: 'id',
      settings: 'key',
      prefs: 'key',
    },
  },
  {
    version: 2,
    note: 'importLog: one entry per committed import (file checksum indexed); a new empty table',
    stores: {
      activities: 'id, clusterId, date, miniClusterId',
      clusters: 'id, clusterId, code',
      difficulties: 'id, clusterId, companyId, miniClusterId, receivedOn, status',
      experts: 'id, clusterId, organizationId',
      history: 'id',
      importLog: 'id, checksum',
      indicators: 'id, [metric+period], clusterId',
      memberships: 'id, clusterId, expertId, miniClusterId, organizationId',
      miniClusters: 'id, clusterId',
      organizations: 'id, brn, clusterId, name',
      outbox: 'id',
      plans: 'id, clusterId, miniClusterId',
      prefs: 'key',
      resources: 'id, clusterId, ownerOrgId',
      settings: 'key',
      successCases: 'id, clusterId',
      targets: 'id, clusterId',
    },
  },
  {
    version: 3,
    note: 'gridSnapshots + tableRevisions: chunked copies of live records for fast grid loads; new empty tables',
    stores: {
      activities: 'id, clusterId, date, miniClusterId',
      clusters: 'id, clusterId, code',
      difficulties: 'id, clusterId, companyId, miniClusterId, receivedOn, status',
      experts: 'id, clusterId, organizationId',
      gridSnapshots: 'key',
      history: 'id',
      importLog: 'id, checksum',
      indicators: 'id, [metric+period], clusterId',
      memberships: 'id, clusterId, expertId, miniClusterId, organizationId',
      miniClusters: 'id, clusterId',
      organizations: 'id, brn, clusterId, name',
      outbox: 'id',
      plans: 'id, clusterId, miniClusterId',
      prefs: 'key',
      resources: 'id, clusterId, ownerOrgId',
      settings: 'key',
      successCases: 'id, clusterId',
      tableRevisions: 'key',
      targets: 'id, clusterId',
    },
  },
  {
    version: 4,
    note: 'sync: syncKeptAside (pulled changes this app cannot apply), syncConflicts (inbox), syncPushBatch (the push awaiting its ack); new empty tables. Per-field stamps need no migration: a record without baseHlc/fieldHlc has every field stamped with its hlc',
    stores: {
      activities: 'id, clusterId, date, miniClusterId',
      clusters: 'id, clusterId, code',
      difficulties: 'id, clusterId, companyId, miniClusterId, receivedOn, status',
      experts: 'id, clusterId, organizationId',
      gridSnapshots: 'key',
      history: 'id',
      importLog: 'id, checksum',
      indicators: 'id, [metric+period], clusterId',
      memberships: 'id, clusterId, expertId, miniClusterId, organizationId',
      miniClusters: 'id, clusterId',
      organizations: 'id, brn, clusterId, name',
      outbox: 'id',
      plans: 'id, clusterId, miniClusterId',
      prefs: 'key',
      resources: 'id, clusterId, ownerOrgId',
      settings: 'key',
      successCases: 'id, clusterId',
      syncConflicts: 'id, recordId',
      syncKeptAside: 'id, recordId',
      syncPushBatch: 'id',
      tableRevisions: 'key',
      targets: 'id, clusterId',
    },
  },
  {
    version: 5,
    note: "history gets recordIds (multiEntry index): one record's history without a table scan (desk timeline); existing rows are filled in",
    upgrade: (tx) => fillHistoryRecordIds(tx.table('history')),
    stores: {
      activities: 'id, clusterId, date, miniClusterId',
      clusters: 'id, clusterId, code',
      difficulties: 'id, clusterId, companyId, miniClusterId, receivedOn, status',
      experts: 'id, clusterId, organizationId',
      gridSnapshots: 'key',
      history: 'id, *recordIds',
      importLog: 'id, checksum',
      indicators: 'id, [metric+period], clusterId',
      memberships: 'id, clusterId, expertId, miniClusterId, organizationId',
      miniClusters: 'id, clusterId',
      organizations: 'id, brn, clusterId, name',
      outbox: 'id',
      plans: 'id, clusterId, miniClusterId',
      prefs: 'key',
      resources: 'id, clusterId, ownerOrgId',
      settings: 'key',
      successCases: 'id, clusterId',
      syncConflicts: 'id, recordId',
      syncKeptAside: 'id, recordId',
      syncPushBatch: 'id',
      tableRevisions: 'key',
      targets: 'id, clusterId',
    },
  },
  {
    version: 6,
    note: 'resource usage requests: resourceRequests (by resourceId) and resourceDecisions (by requestId), owned by the requesting and the resource cluster; planMilestones (by planId); new empty tables',
    stores: {
      activities: 'id, clusterId, date, miniClusterId',
      clusters: 'id, clusterId, code',
      difficulties: 'id, clusterId, companyId, miniClusterId, receivedOn, status',
      experts: 'id, clusterId, organizationId',
      gridSnapshots: 'key',
      history: 'id, *recordIds',
      importLog: 'id, checksum',
      indicators: 'id, [metric+period], clusterId',
      memberships: 'id, clusterId, expertId, miniClusterId, organizationId',
      miniClusters: 'id, clusterId',
      organizations: 'id, brn, clusterId, name',
      outbox: 'id',
      planMilestones: 'id, clusterId, planId',
      plans: 'id, clusterId, miniClusterId',
      prefs: 'key',
      resourceDecisions: 'id, clusterId, requestId',
      resourceRequests: 'id, clusterId, resourceId',
      resources: 'id, clusterId, ownerOrgId',
      settings: 'key',
      successCases: 'id, clusterId',
      syncConflicts: 'id, recordId',
      syncKeptAside: 'id, recordId',
      syncPushBatch: 'id',
      tableRevisions: 'key',
      targets: 'id, clusterId',
    },
  },
  {
    version: 7,
    note: "companyYears: a company's yearly revenue, exports and employees (issue 8, growth of participants against non-participants); new empty table",
    stores: {
      activities: 'id, clusterId, date, miniClusterId',
      clusters: 'id, clusterId, code',
      companyYears: 'id, clusterId, companyId',
      difficulties: 'id, clusterId, companyId, miniClusterId, receivedOn, status',
      experts: 'id, clusterId, organizationId',
      gridSnapshots: 'key',
      history: 'id, *recordIds',
      importLog: 'id, checksum',
      indicators: 'id, [metric+period], clusterId',
      memberships: 'id, clusterId, expertId, miniClusterId, organizationId',
      miniClusters: 'id, clusterId',
      organizations: 'id, brn, clusterId, name',
      outbox: 'id',
      planMilestones: 'id, clusterId, planId',
      plans: 'id, clusterId, miniClusterId',
      prefs: 'key',
      resourceDecisions: 'id, clusterId, requestId',
      resourceRequests: 'id, clusterId, resourceId',
      resources: 'id, clusterId, ownerOrgId',
      settings: 'key',
      successCases: 'id, clusterId',
      syncConflicts: 'id, recordId',
      syncKeptAside: 'id, recordId',
      syncPushBatch: 'id',
      tableRevisions: 'key',
      targets: 'id, clusterId',
    },
  },
  {
    version: 8,
    note: 'monthCloses: closed months (월 마감) with their stored figures and report model, by [clusterId+month] (issue 8); a new empty table, local and backed up, never synced',
    stores: {
      activities: 'id, clusterId, date, miniClusterId',
      clusters: 'id, clusterId, code',
      companyYears: 'id, clusterId, companyId',
      difficulties: 'id, clusterId, companyId, miniClusterId, receivedOn, status',
      experts: 'id, clusterId, organizationId',
      gridSnapshots: 'key',
      history: 'id, *recordIds',
      importLog: 'id, checksum',
      indicators: 'id, [metric+period], clusterId',
      memberships: 'id, clusterId, expertId, miniClusterId, organizationId',
      miniClusters: 'id, clusterId',
      monthCloses: 'id, [clusterId+month]',
      organizations: 'id, brn, clusterId, name',
      outbox: 'id',
      planMilestones: 'id, clusterId, planId',
      plans: 'id, clusterId, miniClusterId',
      prefs: 'key',
      resourceDecisions: 'id, clusterId, requestId',
      resourceRequests: 'id, clusterId, resourceId',
      resources: 'id, clusterId, ownerOrgId',
      settings: 'key',
      successCases: 'id, clusterId',
      syncConflicts: 'id, recordId',
      syncKeptAside: 'id, recordId',
      syncPushBatch: 'id',
      tableRevisions: 'key',
      targets: 'id, clusterId',
    },
  },
]);

export const LATEST_DB_VERSION: number = DB_VERSIONS[DB_VERSIONS.length - 1]?.version ?? 1;

/**
 * The `stores()` argument for version i of `versions`: its snapshot, plus `null` for every table
 * an earlier version had and this one dropped (Dexie deletes a table only when told so).
 */
export function storesWithDeletions(
  versions: readonly DbVersion[],
  index: number,
): Record<string, string | null> {
  const current = versions[index];
  if (!current) throw new RangeError(`no database version at index ${index}`);
  const stores: Record<string, string | null> = { ...current.stores };
  for (const earlier of versions.slice(0, index)) {
    for (const table of Object.keys(earlier.stores)) if (!(table in stores)) stores[table] = null;
  }
  return stores;
}
