/**
 * The grid's sort, done by the app (rowOrder.ts) instead of AG Grid's comparison sort, and
 * handed back through AG Grid's `postSortRows` callback.
 *
 * How: every sortable column reaches AG Grid with a comparator that calls all rows equal
 * (`KEEP_ORDER`), so AG Grid's own pass is one run over rows already "in order" (n − 1 cheap
 * comparisons, its sort is stable); `postSortRows` then reorders that same array in place by the
 * column's REAL comparator, kept here. The sort state, the header arrows, saved prefs, filters,
 * keyboard navigation and exports stay AG Grid's: only the comparison work moves.
 *
 * Ranks of a column are kept for the last input (same row objects in the same order, same display
 * context), so flipping ascending ↔ descending or going back to a column is a counting sort.
 * The first sort of a title column can use the ranks stored with the grid snapshot
 * (recordRanks.ts) when the rows are exactly the snapshot's records in order.
 * If anything here throws, the rows are sorted the plain way with the real comparators, so a
 * bug can cost speed but never the order.
 */
import type { GridApi, IRowNode, PostSortRowsParams, ValueGetterParams } from 'ag-grid-community';
import type { StoredRecord } from '../../../shared/registry';
import { storedRanks } from '../../db/recordRanks';
import type { RecordColDef } from './columns';
import type { DisplayContext } from './display';
import {
  defaultCompare,
  orderByRanks,
  rankValues,
  type Comparator,
  type RankedColumn,
  type Ranks,
} from './rowOrder';

/** What AG Grid compares with: every pair equal, so its pass leaves the input order. */
export const KEEP_ORDER: Comparator = () => 0;

interface SortSpec {
  /** the column's real comparator; undefined = AG Grid's default */
  compare: Comparator | undefined;
  valueOf: (data: StoredRecord, node: IRowNode<StoredRecord>, context: unknown) => unknown;
  /** the record field a plain column (no getter, no comparator) sorts by: stored ranks apply */
  plainField?: string;
}

interface CachedRanks {
  datas: unknown[];
  lang: unknown;
  titles: unknown;
  unsent: unknown;
  ranks: Ranks;
}

export interface OwnSort {
  /** the column definitions to hand to AG Grid (sortable ones compare with KEEP_ORDER) */
  columnDefs: RecordColDef[];
  /** the `postSortRows` callback that puts the rows in order */
  postSortRows: (params: PostSortRowsParams<StoredRecord>) => void;
}

function specOf(col: RecordColDef, api: () => GridApi<StoredRecord> | null): SortSpec {
  const compare = typeof col.comparator === 'function' ? (col.comparator as Comparator) : undefined;
  const getter = col.valueGetter;
  if (typeof getter === 'function') {
    // Our getters read only `data` and `context` (columns.ts); one params object per column.
    const params = { colDef: col } as ValueGetterParams<StoredRecord>;
    return {
      compare,
      valueOf: (data, node, context) => {
        params.data = data;
        params.node = node;
        params.context = context;
        const gridApi = api();
        if (gridApi) params.api = gridApi;
        return getter(params);
      },
    };
  }
  const field = col.field;
  return {
    compare,
    valueOf: (data) => (field ? data[field] : undefined),
    ...(field && !compare ? { plainField: field } : {}),
  };
}

/** Wraps `defs` so their sorts run here; `api` gives the grid once it exists. */
export function ownSort(
  defs: readonly RecordColDef[],
  api: () => GridApi<StoredRecord> | null,
): OwnSort {
  const specs = new Map<string, SortSpec>();
  const columnDefs = defs.map((col) => {
    if (col.sortable === false || !col.colId) return col;
    specs.set(col.colId, specOf(col, api));
    return { ...col, comparator: KEEP_ORDER };
  });
  const cache = new Map<string, CachedRanks>();

  const ranksOf = (
    colId: string,
    spec: SortSpec,
    nodes: IRowNode<StoredRecord>[],
    ctx: unknown,
  ) => {
    const display = (ctx ?? {}) as Partial<DisplayContext>;
    const hit = cache.get(colId);
    if (
      hit &&
      hit.lang === display.lang &&
      hit.titles === display.titles &&
      hit.unsent === display.unsent &&
      sameRows(hit.datas, nodes)
    ) {
      return hit.ranks;
    }
    // A snapshot's stored collation key (recordRanks.ts): rankValues over the same raw field
    // values in the same row order, computed when the snapshot was written.
    const stored = spec.plainField
      ? storedRanks(spec.plainField, nodes.length, (i) => nodes[i]?.data)
      : undefined;
    if (stored) {
      const datas = nodes.map((node) => node.data);
      cache.set(colId, { datas, ...pickContext(display), ranks: stored });
      return stored;
    }
    const values = new Array<unknown>(nodes.length);
    const datas = new Array<unknown>(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as IRowNode<StoredRecord>;
      datas[i] = node.data;
      values[i] = node.data ? spec.valueOf(node.data, node, ctx) : undefined;
    }
    const ranks = rankValues(values, spec.compare);
    cache.set(colId, { datas, ...pickContext(display), ranks });
    return ranks;
  };

  const postSortRows = ({ nodes, api: gridApi, context }: PostSortRowsParams<StoredRecord>) => {
    const sorted = sortColumnsOf(gridApi);
    if (sorted.length === 0 || nodes.length < 2) return;
    try {
      const columns: RankedColumn[] = [];
      for (const { colId, descending } of sorted) {
        const spec = specs.get(colId);
        if (!spec) throw new Error(`no sort spec for ${colId}`);
        columns.push({ ...ranksOf(colId, spec, nodes, context), descending });
      }
      const order = orderByRanks(nodes.length, columns);
      const input = nodes.slice();
      for (let k = 0; k < order.length; k++)
        nodes[k] = input[order[k] as number] as IRowNode<StoredRecord>;
    } catch {
      plainSort(nodes, sorted, specs, context);
    }
  };
  return { columnDefs, postSortRows };
}

function pickContext(display: Partial<DisplayContext>) {
  return { lang: display.lang, titles: display.titles, unsent: display.unsent };
}

/** Same row objects in the same order as when the ranks were computed. */
function sameRows(datas: readonly unknown[], nodes: readonly IRowNode<StoredRecord>[]): boolean {
  if (datas.length !== nodes.length) return false;
  for (let i = 0; i < nodes.length; i++) if (datas[i] !== nodes[i]?.data) return false;
  return true;
}

interface SortColumn {
  colId: string;
  descending: boolean;
}

/** The grid's sort model, first sort column first. */
export function sortColumnsOf(api: GridApi<StoredRecord>): SortColumn[] {
  return api
    .getColumnState()
    .filter((c) => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, descending: c.sort === 'desc' }));
}

/** The fallback: AG Grid's own algorithm (stable comparison sort) with the real comparators. */
function plainSort(
  nodes: IRowNode<StoredRecord>[],
  sorted: readonly SortColumn[],
  specs: ReadonlyMap<string, SortSpec>,
  context: unknown,
): void {
  const value = (spec: SortSpec, node: IRowNode<StoredRecord>) =>
    node.data ? spec.valueOf(node.data, node, context) : undefined;
  nodes.sort((a, b) => {
    for (const { colId, descending } of sorted) {
      const spec = specs.get(colId);
      if (!spec) continue;
      const result = (spec.compare ?? defaultCompare)(value(spec, a), value(spec, b));
      if (result) return descending ? -result : result;
    }
    return 0;
  });
}
