/**
 * Route state: which page is shown. No router package is installed, and the app only needs
 * `#/<page>/<param…>`, so the route lives in a small zustand store kept in step with
 * `location.hash` (hash routing works unchanged from the Electron custom scheme and from a file
 * served in browser mode). The store holds UI state only, never rows.
 */
import { createStore, useStore } from 'zustand';

export const DEFAULT_PAGE = 'dashboard';

export interface Route {
  /** first path segment, e.g. `organizations`; `dashboard` when the hash is empty */
  page: string;
  /** the remaining decoded segments, e.g. a record id */
  params: string[];
}

/** `#/organizations/01H…` → `{ page: 'organizations', params: ['01H…'] }`. Never throws. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#?\/?/, '');
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map(safeDecode);
  const [page, ...params] = segments;
  return { page: page || DEFAULT_PAGE, params };
}

/** Inverse of parseHash: `('organizations', ['a b'])` → `#/organizations/a%20b`. */
export function toHash(page: string, params: readonly string[] = []): string {
  return '#/' + [page, ...params].map((s) => encodeURIComponent(s)).join('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A hand-typed `%` must not crash the shell: keep the raw text.
    return segment;
  }
}

export interface UiState {
  route: Route;
  /** go to a page; updates location.hash when the hash sync is installed */
  navigate: (page: string, params?: readonly string[]) => void;
}

/** The part of `window` the hash sync needs (a fake in unit tests). */
export interface HashWindow {
  location: { hash: string };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

export function createUiStore(initialHash = '') {
  let win: HashWindow | undefined;
  const store = createStore<UiState>()((set) => ({
    route: parseHash(initialHash),
    navigate: (page, params = []) => {
      const hash = toHash(page, params);
      // Writing location.hash fires `hashchange`, which sets the route; setting it here as well
      // keeps the store correct when no window is attached (tests) and avoids a one-frame lag.
      set({ route: { page, params: [...params] } });
      if (win && win.location.hash !== hash) win.location.hash = hash;
    },
  }));

  /** Keeps the store and `location.hash` in step (back/forward, typed URLs). Returns a stop. */
  function syncWithHash(target: HashWindow): () => void {
    win = target;
    const onHashChange = () => {
      const next = parseHash(target.location.hash);
      const current = store.getState().route;
      if (next.page !== current.page || next.params.join('/') !== current.params.join('/')) {
        store.setState({ route: next });
      }
    };
    onHashChange();
    target.addEventListener('hashchange', onHashChange);
    return () => {
      target.removeEventListener('hashchange', onHashChange);
      if (win === target) win = undefined;
    };
  }

  return Object.assign(store, { syncWithHash });
}

/** The app's one UI store. `main.tsx` attaches it to `window` with `uiStore.syncWithHash`. */
export const uiStore = createUiStore(typeof location === 'undefined' ? '' : location.hash);

export function useRoute(): Route {
  return useStore(uiStore, (s) => s.route);
}

export function navigate(page: string, params?: readonly string[]): void {
  uiStore.getState().navigate(page, params);
}
