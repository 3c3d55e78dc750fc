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
  /**
   * `?key=value` pairs after the path, e.g. a grid filter set by a chart click
   * (`#/difficulties?status=resolved&resolvedIn=2006-03`). Empty when the hash has none.
   */
  query: Record<string, string>;
}

export type RouteQuery = Readonly<Record<string, string>>;

/** `#/organizations/01H…` → `{ page: 'organizations', params: ['01H…'] }`. Never throws. */
export function parseHash(hash: string): Route {
  const withoutPrefix = hash.replace(/^#?\/?/, '');
  const queryAt = withoutPrefix.indexOf('?');
  const path = queryAt === -1 ? withoutPrefix : withoutPrefix.slice(0, queryAt);
  const query: Record<string, string> = {};
  if (queryAt !== -1) {
    // URLSearchParams decodes leniently (a stray `%` stays as typed), so this never throws.
    for (const [key, value] of new URLSearchParams(withoutPrefix.slice(queryAt + 1))) {
      if (key !== '') query[key] = value;
    }
  }
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map(safeDecode);
  const [page, ...params] = segments;
  return { page: page || DEFAULT_PAGE, params, query };
}

/** Inverse of parseHash: `('organizations', ['a b'])` → `#/organizations/a%20b`. */
export function toHash(
  page: string,
  params: readonly string[] = [],
  query: RouteQuery = {},
): string {
  const path = '#/' + [page, ...params].map((s) => encodeURIComponent(s)).join('/');
  // Sorted keys: one route has one hash, so comparing hashes compares routes.
  const entries = Object.entries(query)
    .filter(([key]) => key !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? path : `${path}?${new URLSearchParams(entries).toString()}`;
}

/** True when two routes name the same page, parameters and query. */
export function sameRoute(a: Route, b: Route): boolean {
  return toHash(a.page, a.params, a.query) === toHash(b.page, b.params, b.query);
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
  navigate: (page: string, params?: readonly string[], query?: RouteQuery) => void;
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
    navigate: (page, params = [], query = {}) => {
      const hash = toHash(page, params, query);
      // Writing location.hash fires `hashchange`, which sets the route; setting it here as well
      // keeps the store correct when no window is attached (tests) and avoids a one-frame lag.
      set({ route: parseHash(hash) });
      if (win && win.location.hash !== hash) win.location.hash = hash;
    },
  }));

  /** Keeps the store and `location.hash` in step (back/forward, typed URLs). Returns a stop. */
  function syncWithHash(target: HashWindow): () => void {
    win = target;
    const onHashChange = () => {
      const next = parseHash(target.location.hash);
      const current = store.getState().route;
      if (!sameRoute(next, current)) store.setState({ route: next });
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

/** The app's one UI store. `app/start.tsx` attaches it to `window` with `uiStore.syncWithHash`. */
export const uiStore = createUiStore(typeof location === 'undefined' ? '' : location.hash);

export function useRoute(): Route {
  return useStore(uiStore, (s) => s.route);
}

export function navigate(page: string, params?: readonly string[], query?: RouteQuery): void {
  uiStore.getState().navigate(page, params, query);
}
