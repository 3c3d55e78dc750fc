import { describe, expect, it } from 'vitest';
import { createUiStore, parseHash, toHash, type HashWindow } from '../../../../renderer/state/ui';

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
    });
  });

  it('falls back to the dashboard for an empty or bare hash', () => {
    expect(parseHash('').page).toBe('dashboard');
    expect(parseHash('#').page).toBe('dashboard');
    expect(parseHash('#/').page).toBe('dashboard');
  });

  it('round-trips segments with spaces, slashes and Korean', () => {
    const params = ['광주 LED', 'a/b'];
    expect(parseHash(toHash('experts', params))).toEqual({ page: 'experts', params });
  });

  it('keeps a malformed escape as typed instead of throwing', () => {
    expect(parseHash('#/settings/%E0%A4%A')).toEqual({ page: 'settings', params: ['%E0%A4%A'] });
  });
});

describe('ui store', () => {
  it('navigate updates the route and location.hash', () => {
    const win = fakeWindow();
    const store = createUiStore();
    store.syncWithHash(win);
    store.getState().navigate('settings');
    expect(store.getState().route).toEqual({ page: 'settings', params: [] });
    expect(win.location.hash).toBe('#/settings');
  });

  it('follows hash changes made outside the store (back button, typed URL)', () => {
    const win = fakeWindow('#/organizations');
    const store = createUiStore();
    store.syncWithHash(win);
    expect(store.getState().route.page).toBe('organizations');
    win.typeUrl('#/difficulties/42');
    expect(store.getState().route).toEqual({ page: 'difficulties', params: ['42'] });
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
