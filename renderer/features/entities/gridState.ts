/**
 * The grid layout a user made (column order, widths, sort, visibility, pinning, filters),
 * remembered per entity in the `prefs` table under `grid:<entity>`. Saved state is read back
 * defensively: the registry changes between versions, so unknown columns and malformed entries
 * are dropped instead of breaking the screen.
 */
import type { ApplyColumnStateParams, ColumnState, FilterModel } from 'ag-grid-community';
import type { EntityName } from '../../../shared/registry';
import type { RecordColDef } from './columns';

export const GRID_PREFS_VERSION = 1;

export interface SavedColumn {
  colId: string;
  width?: number;
  hide?: boolean;
  pinned?: 'left' | 'right' | null;
  sort?: 'asc' | 'desc' | null;
  sortIndex?: number | null;
}

export interface GridPrefs {
  v: typeof GRID_PREFS_VERSION;
  /** in display order */
  columns: SavedColumn[];
  /** AG Grid filter model, keyed by column id */
  filter: Record<string, unknown>;
}

export const gridPrefsKey = (entity: EntityName): string => `grid:${entity}`;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function toSavedColumn(c: ColumnState): SavedColumn {
  const saved: SavedColumn = { colId: c.colId };
  if (typeof c.width === 'number') saved.width = Math.round(c.width);
  if (c.hide === true) saved.hide = true;
  if (c.pinned === 'left' || c.pinned === true) saved.pinned = 'left';
  else if (c.pinned === 'right') saved.pinned = 'right';
  if (c.sort === 'asc' || c.sort === 'desc') {
    saved.sort = c.sort;
    if (typeof c.sortIndex === 'number') saved.sortIndex = c.sortIndex;
  }
  return saved;
}

/** Grid state → the small JSON we store (only what we restore; no row data, no selection). */
export function toGridPrefs(
  columnState: readonly ColumnState[],
  filterModel: FilterModel | null | undefined,
): GridPrefs {
  return {
    v: GRID_PREFS_VERSION,
    columns: columnState.map(toSavedColumn),
    filter: isRecord(filterModel) ? { ...filterModel } : {},
  };
}

function parseSavedColumn(raw: unknown, known: ReadonlySet<string>): SavedColumn | null {
  if (!isRecord(raw) || typeof raw.colId !== 'string' || !known.has(raw.colId)) return null;
  const col: SavedColumn = { colId: raw.colId };
  // Bounds keep a corrupted pref from making a column vanish (0 px) or swallow the screen.
  if (typeof raw.width === 'number' && raw.width >= 30 && raw.width <= 2000) col.width = raw.width;
  if (raw.hide === true) col.hide = true;
  if (raw.pinned === 'left' || raw.pinned === 'right') col.pinned = raw.pinned;
  if (raw.sort === 'asc' || raw.sort === 'desc') {
    col.sort = raw.sort;
    if (typeof raw.sortIndex === 'number') col.sortIndex = raw.sortIndex;
  }
  return col;
}

/**
 * Reads stored prefs; null when absent, of another version or unusable. Columns and filters of
 * fields that no longer exist are dropped; each column appears once.
 */
export function parseGridPrefs(raw: unknown, knownColIds: readonly string[]): GridPrefs | null {
  if (!isRecord(raw) || raw.v !== GRID_PREFS_VERSION || !Array.isArray(raw.columns)) return null;
  const known = new Set(knownColIds);
  const seen = new Set<string>();
  const columns: SavedColumn[] = [];
  for (const item of raw.columns) {
    const col = parseSavedColumn(item, known);
    if (col && !seen.has(col.colId)) {
      seen.add(col.colId);
      columns.push(col);
    }
  }
  const filter: Record<string, unknown> = {};
  if (isRecord(raw.filter)) {
    for (const [colId, model] of Object.entries(raw.filter)) {
      if (known.has(colId) && isRecord(model)) filter[colId] = model;
    }
  }
  return { v: GRID_PREFS_VERSION, columns, filter };
}

/**
 * Prefs → the argument of `api.applyColumnState`. Columns absent from the prefs (fields added
 * since they were saved) keep their default visibility and go unsorted.
 */
export function toApplyColumnState(prefs: GridPrefs): ApplyColumnStateParams {
  return {
    state: prefs.columns.map((c) => ({
      colId: c.colId,
      ...(c.width !== undefined ? { width: c.width } : {}),
      hide: c.hide === true,
      pinned: c.pinned ?? null,
      sort: c.sort ?? null,
      sortIndex: c.sortIndex ?? null,
    })),
    applyOrder: true,
    defaultState: { sort: null },
  };
}

/** Stable text of prefs, to tell a real change from an echo of what was just applied. */
export function prefsSignature(prefs: GridPrefs | null | undefined): string {
  return prefs ? JSON.stringify(prefs) : '';
}

export interface ColumnChoice {
  colId: string;
  headerName: string;
  visible: boolean;
}

/** The column chooser's list: every column in display order with its current visibility. */
export function columnChoices(
  defs: readonly RecordColDef[],
  prefs: GridPrefs | null | undefined,
): ColumnChoice[] {
  const byId = new Map(defs.map((d) => [d.colId ?? '', d]));
  const saved = new Map((prefs?.columns ?? []).map((c) => [c.colId, c]));
  const ordered = [
    ...(prefs?.columns ?? []).map((c) => c.colId).filter((id) => byId.has(id)),
    ...defs.map((d) => d.colId ?? '').filter((id) => id !== '' && !saved.has(id)),
  ];
  return ordered.map((colId) => {
    const def = byId.get(colId);
    const s = saved.get(colId);
    return {
      colId,
      headerName: def?.headerName ?? colId,
      visible: s ? s.hide !== true : def?.hide !== true,
    };
  });
}
