/**
 * AG Grid's plain JavaScript grid (`createGrid`) in a React component: rows and cells are drawn by
 * AG Grid's own DOM code, not as React components as `AgGridReact` draws them.
 *
 * Why: our cells are plain text (valueFormatter, no React cell renderers), so React brought
 * nothing but its reconciliation of every drawn row and cell: about a third of a 100,000-row
 * sort's time went to re-rendering the ~35 rows on screen as React components, and a share of
 * the first screen of an open. Options are handed over once at creation; on every later render
 * only the options whose value changed (by identity) go to `api.updateGridOptions`, so callers
 * keep callbacks and objects stable (useCallback/useMemo) as they would for AgGridReact.
 */
import { useLayoutEffect, useRef, type CSSProperties } from 'react';
import { createGrid, type GridApi, type GridOptions } from 'ag-grid-community';

export interface PlainAgGridProps<T> {
  options: GridOptions<T>;
  style?: CSSProperties;
}

/** The options of `next` that differ from `previous`; a key gone from `next` becomes undefined. */
export function changedOptions<T>(
  previous: GridOptions<T>,
  next: GridOptions<T>,
): Partial<GridOptions<T>> {
  const changed: Record<string, unknown> = {};
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  for (const key of Object.keys(after)) if (after[key] !== before[key]) changed[key] = after[key];
  for (const key of Object.keys(before)) if (!(key in after)) changed[key] = undefined;
  return changed as Partial<GridOptions<T>>;
}

export function PlainAgGrid<T>({ options, style }: PlainAgGridProps<T>) {
  const elementRef = useRef<HTMLDivElement>(null);
  const apiRef = useRef<GridApi<T> | null>(null);
  /** the options the grid holds now */
  const appliedRef = useRef<GridOptions<T>>(options);

  // Created once per mount (a caller that needs new initial-only options remounts with a key);
  // a layout effect, so the grid exists before the browser paints the empty frame.
  useLayoutEffect(() => {
    const element = elementRef.current;
    if (!element) return;
    const api = createGrid(element, { ...appliedRef.current });
    apiRef.current = api;
    return () => {
      apiRef.current = null;
      api.destroy();
    };
  }, []);

  // After every render: hand over what changed since the grid last saw the options.
  useLayoutEffect(() => {
    const api = apiRef.current;
    const changed = changedOptions(appliedRef.current, options);
    appliedRef.current = options;
    if (api && !api.isDestroyed() && Object.keys(changed).length > 0) {
      api.updateGridOptions(changed);
    }
  });

  return <div ref={elementRef} style={style} />;
}
