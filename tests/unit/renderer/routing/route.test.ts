import { describe, expect, it } from 'vitest';
import {
  createUiStore,
  parseHash,
  toHash,
  type HashWindow,
} from '../../../../renderer/routing/route';

/** A window stand-in: a hash and the hashchange listeners (fired like the browser does). */
function fakeWindow(initial = ''): HashWindow & { typeUrl(hash: string): void; count(): number } {
  const listeners = new Set<() => void>();
  let hash = initial;
  return {
    location: {
      get hash() {
        return hash;
      },
      set hash(value: string) {
        if (value === hash) return;
        hash = value;
        listeners.forEach((l) => l());
      },
    },
    addEventListener: (_type, l) => listeners.add(l),
    removeEventListener: (_type, l) => listeners.delete(l),
    typeUrl(value) {
      this.location.hash = value;
    },
    count: () => listeners.size,
  };
}

describe('parseHash / toHash', () => {
  it('reads the page and its parameters', () => {
    expect(parseHash('#/organizations/01ABC')).toEqual({
      page: 'organizations',
      params: ['01ABC'],
      query: {},
    });
  });

  it('falls back to the dashboard for an empty or bare hash', () => {
    expect(parseHash('').page).toBe('dashboard');
    expect(parseHash('#').page).toBe('dashboard');
    expect(parseHash('#/').page).toBe('dashboard');
  });

  it('round-trips segments with spaces, slashes and Korean', () => {
    const params = ['광주 LED', 'a/b'];
    expect(parseHash(toHash('experts', params))).toEqual({ page: 'experts', params, query: {} });
  });

  it('reads a query after the path, e.g. a grid filter from a chart click', () => {
    expect(parseHash('#/difficulties?status=resolved&resolvedIn=2006-03')).toEqual({
      page: 'difficulties',
      params: [],
      query: { status: 'resolved', resolvedIn: '2006-03' },
    });
  });

  it('writes the query with sorted keys, escaped, and reads it back', () => {
    const hash = toHash('difficulties', [], { resolvedIn: '2006-03', status: '해결 & 완료' });
    expect(hash.startsWith('#/difficulties?resolvedIn=2006-03&status=')).toBe(true);
    expect(parseHash(hash).query).toEqual({ resolvedIn: '2006-03', status: '해결 & 완료' });
    expect(toHash('dashboard', [], {})).toBe('#/dashboard');
  });

  it('keeps a malformed escape as typed instead of throwing', () => {
    expect(parseHash('#/settings/%E0%A4%A')).toEqual({
      page: 'settings',
      params: ['%E0%A4%A'],
      query: {},
    });
  });
});

describe('ui store', () => {
  it('navigate updates the route and location.hash', () => {
    const win = fakeWindow();
    const store = createUiStore();
    store.syncWithHash(win);
    store.getState().navigate('settings');
    expect(store.getState().route).toEqual({ page: 'settings', params: [], query: {} });
    expect(win.location.hash).toBe('#/settings');
  });

  it('follows hash changes made outside the store (back button, typed URL)', () => {
    const win = fakeWindow('#/organizations');
    const store = createUiStore();
    store.syncWithHash(win);
    expect(store.getState().route.page).toBe('organizations');
    win.typeUrl('#/difficulties/42');
    expect(store.getState().route).toEqual({ page: 'difficulties', params: ['42'], query: {} });
  });

  it('a query change alone is a new route (same page, other filter)', () => {
    const win = fakeWindow('#/difficulties?status=open');
    const store = createUiStore();
    store.syncWithHash(win);
    win.typeUrl('#/difficulties?status=resolved');
    expect(store.getState().route.query).toEqual({ status: 'resolved' });
    store.getState().navigate('difficulties', [], { resolvedIn: '2006-03' });
    expect(win.location.hash).toBe('#/difficulties?resolvedIn=2006-03');
  });

  it('stops following the hash once detached', () => {
    const win = fakeWindow();
    const store = createUiStore();
    const stop = store.syncWithHash(win);
    stop();
    expect(win.count()).toBe(0);
    win.typeUrl('#/experts');
    expect(store.getState().route.page).toBe('dashboard');
    store.getState().navigate('settings');
    expect(win.location.hash).toBe('#/experts');
  });

  it('does not notify subscribers when the hash repeats the current route', () => {
    const win = fakeWindow();
    const store = createUiStore();
    store.syncWithHash(win);
    store.getState().navigate('settings');
    let notified = 0;
    store.subscribe(() => notified++);
    win.typeUrl('#settings');
    expect(notified).toBe(0);
  });
});
