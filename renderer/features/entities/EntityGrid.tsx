/**
 * The records grid: props in, callbacks out (no database access here; EntityPage feeds it).
 * Rows are passed as the live-query array itself (no copies: 100,000 rows must stay fast) and
 * identified by `id`, so AG Grid applies only the delta when the array changes. Cells are
 * plain text through valueFormatter; no per-cell React renderers.
 */
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  type ReactNode,
  type Ref,
} from 'react';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellKeyDownEvent,
  type FilterChangedEvent,
  type GetRowIdParams,
  type GridApi,
  type GridOptions,
  type GridReadyEvent,
  type ModelUpdatedEvent,
  type RowDoubleClickedEvent,
  type SortChangedEvent,
} from 'ag-grid-community';
import type { Lang, StoredRecord } from '../../../shared/registry';
import { matchesQuickFilter, parseQuickFilter } from '../../../shared/korean/search';
import type { RecordColDef } from './columns';
import type { DisplayContext, TitleLookups } from './display';
import { gridLocaleText } from './gridLocale';
import { ownSort } from './gridSort';
import { prefsSignature, toApplyColumnState, toGridPrefs, type GridPrefs } from './gridState';
import { PlainAgGrid } from './PlainAgGrid';

ModuleRegistry.registerModules([AllCommunityModule]);

/** Quartz with a font that has Hangul glyphs on every office PC (Malgun Gothic on Windows). */
export const gridTheme = themeQuartz.withParams({
  fontFamily: [
    'Pretendard',
    'Noto Sans KR',
    'Malgun Gothic',
    'Apple SD Gothic Neo',
    'system-ui',
    'sans-serif',
  ],
  fontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
});

export interface EntityGridHandle {
  resetColumns(): void;
  setColumnVisible(colId: string, visible: boolean): void;
  /** moves keyboard focus to the first cell (ArrowDown from the search box) */
  focusFirstRow(): void;
  /**
   * Scrolls to, selects and focuses the record once the grid holds it (a record just created
   * would otherwise land unseen at the bottom of a 2,000-row grid). Waits for the live rows.
   */
  revealRecord(id: string): void;
}

export interface EntityGridProps {
  /** undefined while loading */
  rows: StoredRecord[] | undefined;
  columnDefs: RecordColDef[];
  lang: Lang;
  titles: TitleLookups | undefined;
  /** records with writes not yet sent: the 미전송 column's marker */
  unsentIds?: ReadonlySet<string> | undefined;
  quickFilterText: string;
  /** column layout to restore (null = registry defaults) */
  savedPrefs: GridPrefs | null;
  onPrefsChange: (prefs: GridPrefs) => void;
  onOpenRecord: (id: string) => void;
  onDisplayedCountChange?: (count: number) => void;
  /** shown over the grid, e.g. the empty state */
  overlay?: ReactNode;
  handleRef?: Ref<EntityGridHandle>;
}

/** Events caused by our own API calls or layout, not by the user: they never save prefs. */
const NON_USER_SOURCES = new Set(['api', 'gridInitializing', 'flex', 'gridOptionsChanged']);

const getRowId = (p: GetRowIdParams<StoredRecord>) => p.data.id;
// Selection only by the app (revealRecord): a click focuses a cell as before, no checkboxes.
const rowSelection = { mode: 'singleRow', checkboxes: false, enableClickSelection: false } as const;

/** Shows the row of `id` if the grid has it now; false while it has not arrived yet. */
function tryReveal(api: GridApi<StoredRecord>, id: string): boolean {
  const node = api.getRowNode(id);
  if (!node || node.rowIndex === null || node.rowIndex === undefined) return false;
  api.ensureNodeVisible(node, 'middle');
  node.setSelected(true, true, 'api');
  const first = api.getAllDisplayedColumns()[0];
  if (first) api.setFocusedCell(node.rowIndex, first);
  return true;
}
const containerStyle = { height: '100%', width: '100%' };

export function EntityGrid(props: EntityGridProps) {
  // A remount per language: localeText and headers are initial-only options in AG Grid.
  return <EntityGridInner key={props.lang} {...props} />;
}

function EntityGridInner({
  rows,
  columnDefs,
  lang,
  titles,
  unsentIds,
  quickFilterText,
  savedPrefs,
  onPrefsChange,
  onOpenRecord,
  onDisplayedCountChange,
  overlay,
  handleRef,
}: EntityGridProps) {
  const apiRef = useRef<GridApi<StoredRecord> | null>(null);
  /** a record to reveal as soon as the live rows bring it (revealRecord) */
  const pendingRevealRef = useRef<string | null>(null);
  /** prefs last applied to or read from the grid: tells a real change from our own echo */
  const signatureRef = useRef('');
  // `context` is initial-only in AG Grid: keep one object and update it in place.
  const contextRef = useRef<DisplayContext>({ lang, titles });
  // Sorting is ranked by the app and handed back through postSortRows (gridSort.ts): AG Grid's
  // comparison sort read both cells ~1.7 million times for 100,000 rows.
  const sort = useMemo(() => ownSort(columnDefs, () => apiRef.current), [columnDefs]);

  // The outbox changed (a save, a push): redraw only the marker column.
  useLayoutEffect(() => {
    const ctx = contextRef.current;
    if (ctx.unsent === unsentIds) return;
    if (unsentIds) ctx.unsent = unsentIds;
    else delete ctx.unsent;
    const api = apiRef.current;
    if (api && !api.isDestroyed()) {
      // The marker is a valueGetter result, which the grid's valueCache would keep: drop it.
      api.expireValueCache();
      api.refreshCells({ columns: ['unsent'], force: true });
    }
  }, [unsentIds]);

  useLayoutEffect(() => {
    const ctx = contextRef.current;
    if (ctx.titles === titles && ctx.lang === lang) return;
    ctx.titles = titles;
    ctx.lang = lang;
    const api = apiRef.current;
    if (api && !api.isDestroyed()) {
      // Reference columns show titles through a valueGetter whose results the grid caches
      // (valueCache): a rename must drop them, as it drops the quick-filter texts.
      api.expireValueCache();
      api.resetQuickFilter();
      api.refreshCells({ force: true });
    }
  }, [titles, lang]);

  const applyPrefs = useCallback((api: GridApi<StoredRecord>, prefs: GridPrefs) => {
    signatureRef.current = prefsSignature(prefs);
    api.applyColumnState(toApplyColumnState(prefs));
    api.setFilterModel(Object.keys(prefs.filter).length > 0 ? prefs.filter : null);
  }, []);

  const emitPrefs = useCallback(() => {
    const api = apiRef.current;
    if (!api || api.isDestroyed()) return;
    const prefs = toGridPrefs(api.getColumnState(), api.getFilterModel());
    const signature = prefsSignature(prefs);
    if (signature === signatureRef.current) return;
    signatureRef.current = signature;
    onPrefsChange(prefs);
  }, [onPrefsChange]);

  // Prefs arrive asynchronously from the database (or change in another window): apply them
  // unless they are what the grid already shows.
  useEffect(() => {
    const api = apiRef.current;
    if (api && savedPrefs && prefsSignature(savedPrefs) !== signatureRef.current) {
      applyPrefs(api, savedPrefs);
    }
  }, [savedPrefs, applyPrefs]);

  useImperativeHandle(
    handleRef,
    () => ({
      resetColumns() {
        const api = apiRef.current;
        if (!api) return;
        api.resetColumnState();
        api.setFilterModel(null);
        emitPrefs();
      },
      setColumnVisible(colId, visible) {
        apiRef.current?.setColumnsVisible([colId], visible);
        emitPrefs();
      },
      focusFirstRow() {
        const api = apiRef.current;
        const first = api?.getAllDisplayedColumns()[0];
        if (!api || !first || api.getDisplayedRowCount() === 0) return;
        api.ensureIndexVisible(0);
        api.setFocusedCell(0, first);
      },
      revealRecord(id) {
        const api = apiRef.current;
        pendingRevealRef.current = api && tryReveal(api, id) ? null : id;
      },
    }),
    [emitPrefs],
  );

  const onGridReady = useCallback(
    (e: GridReadyEvent<StoredRecord>) => {
      apiRef.current = e.api;
      if (savedPrefs) applyPrefs(e.api, savedPrefs);
      else signatureRef.current = prefsSignature(toGridPrefs(e.api.getColumnState(), null));
    },
    // Only the prefs known at mount matter here; later ones go through the effect above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [applyPrefs],
  );

  const onColumnChanged = useCallback(
    (e: { source: string; finished?: boolean }) => {
      if (NON_USER_SOURCES.has(e.source) || e.finished === false) return;
      emitPrefs();
    },
    [emitPrefs],
  );
  const onSortChanged = useCallback(
    (e: SortChangedEvent<StoredRecord>) => {
      if (!NON_USER_SOURCES.has(e.source)) emitPrefs();
    },
    [emitPrefs],
  );
  const onFilterChanged = useCallback(
    (e: FilterChangedEvent<StoredRecord>) => {
      // The quick search is not part of the saved layout (it starts empty on every visit).
      if (e.source === 'columnFilter' || e.source === undefined) emitPrefs();
    },
    [emitPrefs],
  );

  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<StoredRecord>) => {
      const key = e.event as KeyboardEvent | null | undefined;
      if (key?.key === 'Enter' && !key.isComposing && e.data) {
        key.preventDefault();
        onOpenRecord(e.data.id);
      }
    },
    [onOpenRecord],
  );
  const onRowDoubleClicked = useCallback(
    (e: RowDoubleClickedEvent<StoredRecord>) => {
      if (e.data) onOpenRecord(e.data.id);
    },
    [onOpenRecord],
  );
  const onModelUpdated = useCallback(
    (e: ModelUpdatedEvent<StoredRecord>) => {
      onDisplayedCountChange?.(e.api.getDisplayedRowCount());
      const pending = pendingRevealRef.current;
      if (pending && tryReveal(e.api, pending)) pendingRevealRef.current = null;
    },
    [onDisplayedCountChange],
  );

  const localeText = useMemo(() => gridLocaleText(lang), [lang]);
  const gridOptions: GridOptions<StoredRecord> = {
    theme: gridTheme,
    rowData: rows,
    columnDefs: sort.columnDefs,
    postSortRows: sort.postSortRows,
    getRowId,
    rowSelection,
    context: contextRef.current,
    localeText,
    loading: rows === undefined,
    quickFilterText,
    // The Korean matcher (초성, spacing, legal forms, numbers) shared with pickers and search.
    quickFilterParser: parseQuickFilter,
    quickFilterMatcher: matchesQuickFilter,
    cacheQuickFilter: true,
    // A reference column's title is looked up once per row for display, filters and quick
    // search (expired on every data or title change).
    valueCache: true,
    animateRows: false,
    onGridReady,
    onColumnMoved: onColumnChanged,
    onColumnResized: onColumnChanged,
    onColumnVisible: onColumnChanged,
    onColumnPinned: onColumnChanged,
    onSortChanged,
    onFilterChanged,
    onCellKeyDown,
    onRowDoubleClicked,
    onModelUpdated,
  };

  return (
    <div className="entity-grid" data-testid="entity-grid">
      <PlainAgGrid<StoredRecord> options={gridOptions} style={containerStyle} />
      {overlay && <div className="entity-grid__overlay">{overlay}</div>}
    </div>
  );
}
