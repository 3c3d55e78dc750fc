/**
 * Online/offline from `navigator.onLine` and its events. This is the browser's view (a network
 * link exists), not proof the central endpoint answers: the sync engine adds a health probe.
 */
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

const read = () => navigator.onLine;

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, read, () => true);
}
