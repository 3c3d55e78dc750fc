/**
 * Persistent storage status. Without it the browser may evict IndexedDB under disk pressure;
 * the app asks once at start (app/start.tsx) and 설정 shows the answer and can ask again.
 */
import { create } from 'zustand';
import { platform } from '../platform';

interface StorageState {
  /** undefined until the first answer */
  persisted?: boolean;
  requesting: boolean;
}

export const useStorageStore = create<StorageState>()(() => ({ requesting: false }));

export async function requestPersistence(): Promise<boolean> {
  if (useStorageStore.getState().requesting) return useStorageStore.getState().persisted ?? false;
  useStorageStore.setState({ requesting: true });
  let persisted = false;
  try {
    persisted = await platform.requestPersistentStorage();
  } catch {
    // Not granted or not supported: the app works the same, 설정 shows the status.
    persisted = false;
  }
  useStorageStore.setState({ persisted, requesting: false });
  return persisted;
}
