/**
 * React hooks over the app database (getDb()), built on dexie-react-hooks' useLiveQuery: they
 * re-render when the data they read changes, whichever code (screen, import, sync) wrote it.
 * `undefined` means "still loading". Records are never copied into zustand.
 */
import { useCallback, useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { EntityName, StoredRecord } from '../../shared/registry';
import { getDb } from './db';
import { getPref, queryPendingCount, queryRecord, setPref } from './queries';
import { getDeviceId, getSetting, type SettingKey } from './settings';

/** Records of an entity that are not deleted, live (shared per entity: see liveRecords.ts). */
export { useRecords } from './liveRecords';

/** One record by id (also when deleted), live; undefined while loading or when absent. */
export function useRecord(entity: EntityName, id: string | undefined): StoredRecord | undefined {
  return useLiveQuery(() => queryRecord(getDb(), entity, id), [entity, id]);
}

export function useSetting<T>(key: SettingKey): T | undefined {
  return useLiveQuery(() => getSetting<T>(getDb(), key), [key]);
}

/** Outbox size: changes made here and not yet pushed. */
export function usePendingCount(): number | undefined {
  return useLiveQuery(() => queryPendingCount(getDb()), []);
}

/**
 * A UI preference (grid column state, last filter…) kept in the `prefs` table, so it survives
 * restarts; `initial` until stored or while loading.
 */
export function usePref<T>(key: string, initial: T): [T, (v: T) => void] {
  // Wrapped in an object so a stored `undefined`/`null` is told apart from "not loaded".
  const stored = useLiveQuery(async () => ({ value: await getPref<T>(getDb(), key) }), [key]);
  const setValue = useCallback((v: T) => void setPref(getDb(), key, v), [key]);
  return [stored?.value ?? initial, setValue];
}

/**
 * This install's device id, live. Made on first use by an effect, not inside the live query:
 * creating it needs a rw transaction, which Dexie refuses in a live query (a fresh database has
 * no id until its first save).
 */
export function useDeviceId(): string | undefined {
  useEffect(() => {
    void getDeviceId(getDb());
  }, []);
  return useSetting<string>('deviceId');
}
