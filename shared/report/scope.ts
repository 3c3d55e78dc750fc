/**
 * Whose records a figure counts: the team's own cluster (the default, from settings), one
 * mini-cluster, or every cluster (the central office's view). Deleted records (tombstones) are
 * never counted, whatever the scope.
 */

/** The fields of a stored record the figures read; the rest are looked up by key. */
export interface FigureRecord {
  id: string;
  clusterId: string;
  deleted?: 0 | 1;
  [field: string]: unknown;
}

export type Scope =
  | { kind: 'cluster'; clusterId: string }
  /** records of the mini-cluster; records without a mini-cluster field fall back to its cluster */
  | { kind: 'miniCluster'; clusterId: string; miniClusterId: string }
  | { kind: 'all' };

/** The team's cluster from settings, or every cluster when none is chosen yet. */
export function defaultScope(clusterId: string | undefined | null): Scope {
  return clusterId ? { kind: 'cluster', clusterId } : { kind: 'all' };
}

export function inScope(r: FigureRecord, scope: Scope): boolean {
  if (r.deleted === 1) return false;
  switch (scope.kind) {
    case 'all':
      return true;
    case 'cluster':
      return r.clusterId === scope.clusterId;
    case 'miniCluster':
      return 'miniClusterId' in r
        ? r.miniClusterId === scope.miniClusterId
        : r.clusterId === scope.clusterId;
  }
}

export function scoped<R extends FigureRecord>(records: readonly R[], scope: Scope): R[] {
  return records.filter((r) => inScope(r, scope));
}
