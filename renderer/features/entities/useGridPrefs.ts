import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EntityName } from '../../../shared/registry';
import { usePref } from '../../db';
import { columnIds, type RecordColDef } from './columns';
import { gridPrefsKey, parseGridPrefs, type GridPrefs } from './gridState';

/** Dragging a column edge fires many changes; one write after the user pauses is enough. */
const SAVE_DELAY_MS = 400;

/**
 * The grid layout of one entity: read from the `prefs` table (validated against the current
 * columns), written back debounced. The latest local change wins over the stored value so the
 * chooser and grid never flicker back while a write is pending; a pending write is flushed
 * when the page closes.
 */
export function useGridPrefs(
  entity: EntityName,
  columnDefs: readonly RecordColDef[],
): [GridPrefs | null, (prefs: GridPrefs) => void] {
  const [stored, store] = usePref<unknown>(gridPrefsKey(entity), null);
  const known = useMemo(() => columnIds(columnDefs), [columnDefs]);
  const storedPrefs = useMemo(() => parseGridPrefs(stored, known), [stored, known]);
  const [local, setLocal] = useState<GridPrefs | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<GridPrefs | null>(null);

  const update = useCallback(
    (prefs: GridPrefs) => {
      setLocal(prefs);
      pending.current = prefs;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        pending.current = null;
        store(prefs);
      }, SAVE_DELAY_MS);
    },
    [store],
  );

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (pending.current) store(pending.current);
    },
    [store],
  );

  return [local ?? storedPrefs, update];
}
