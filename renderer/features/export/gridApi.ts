/**
 * Finds the AG Grid api of the grid inside a container, through AG Grid's public
 * `getGridApi(element)`: the export reads the grid's current view without EntityGrid having to
 * expose its api (its handle stays as small as it is).
 */
import { getGridApi } from 'ag-grid-community';
import { readGridView, type GridView, type GridViewSource } from './gridExport';

/** The current view of the grid inside `container`, or null when no live grid is there. */
export function gridViewWithin(container: Element | null): GridView | null {
  // Any element inside the grid works: getGridApi walks up to the grid's root element.
  const inside = container?.querySelector('.ag-root-wrapper');
  const api = inside ? getGridApi(inside) : undefined;
  if (!api || api.isDestroyed()) return null;
  return readGridView(api as GridViewSource);
}
