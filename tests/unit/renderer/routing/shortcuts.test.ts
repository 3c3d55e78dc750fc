import { describe, expect, it } from 'vitest';
import {
  createShortcutRegistry,
  focusPageSearch,
  type KeyEventLike,
} from '../../../../renderer/routing/shortcuts';

function key(
  k: string,
  mods: Partial<Pick<KeyEventLike, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>> = {},
  extra: Partial<KeyEventLike> = {},
) {
  const e = {
    key: k,
    code: undefined as string | undefined,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    prevented: false,
    preventDefault() {
      e.prevented = true;
    },
    ...mods,
    ...extra,
  };
  return e;
}

describe('shortcut registry', () => {
  it('runs a matching shortcut and prevents the default', () => {
    const reg = createShortcutRegistry();
    let ran = 0;
    reg.register({ key: 'f', ctrl: true, run: () => void ran++ });
    const e = key('f', { ctrlKey: true });
    expect(reg.dispatch(e)).toBe(true);
    expect(ran).toBe(1);
    expect(e.prevented).toBe(true);
  });

  it('requires the exact modifiers', () => {
    const reg = createShortcutRegistry();
    let ran = 0;
    reg.register({ key: 'f', ctrl: true, run: () => void ran++ });
    reg.dispatch(key('f'));
    reg.dispatch(key('f', { ctrlKey: true, shiftKey: true }));
    expect(ran).toBe(0);
  });

  it('matches by physical key when the Korean IME reports a Hangul letter', () => {
    const reg = createShortcutRegistry();
    let ran = 0;
    reg.register({ key: 'f', ctrl: true, run: () => void ran++ });
    reg.dispatch(key('ㄹ', { ctrlKey: true }, { code: 'KeyF' }));
    reg.register({ key: '3', alt: true, run: () => void ran++ });
    reg.dispatch(key('£', { altKey: true }, { code: 'Digit3' }));
    expect(ran).toBe(2);
  });

  it('ignores keys while an IME composition is in progress', () => {
    const reg = createShortcutRegistry();
    let ran = 0;
    reg.register({ key: 'f', ctrl: true, run: () => void ran++ });
    expect(reg.dispatch(key('f', { ctrlKey: true }, { isComposing: true }))).toBe(false);
    expect(ran).toBe(0);
  });

  it('lets a later registration override, and falls through when it declines', () => {
    const reg = createShortcutRegistry();
    const calls: string[] = [];
    reg.register({ key: 'f', ctrl: true, run: () => void calls.push('shell') });
    const stop = reg.register({
      key: 'f',
      ctrl: true,
      run: () => {
        calls.push('page');
        return false;
      },
    });
    reg.dispatch(key('f', { ctrlKey: true }));
    stop();
    reg.dispatch(key('f', { ctrlKey: true }));
    expect(calls).toEqual(['page', 'shell', 'shell']);
  });

  it('leaves the default alone when no shortcut handles the key', () => {
    const reg = createShortcutRegistry();
    reg.register({ key: 'f', ctrl: true, run: () => false });
    const e = key('f', { ctrlKey: true });
    expect(reg.dispatch(e)).toBe(false);
    expect(e.prevented).toBe(false);
  });

  it('does not take plain keys from someone typing in a field', () => {
    const reg = createShortcutRegistry();
    let ran = 0;
    reg.register({ key: '?', run: () => void ran++ });
    const input = { tagName: 'INPUT', isContentEditable: false } as unknown as EventTarget;
    reg.dispatch(key('?', {}, { target: input }));
    expect(ran).toBe(0);
    reg.dispatch(key('?'));
    expect(ran).toBe(1);
  });
});

describe('focusPageSearch', () => {
  it('focuses and selects the page search box when there is one', () => {
    const calls: string[] = [];
    const box = { focus: () => calls.push('focus'), select: () => calls.push('select') };
    const root = {
      querySelector: (sel: string) => (sel === '[data-testid="grid-search"]' ? box : null),
    } as unknown as ParentNode;
    expect(focusPageSearch(root)).toBe(true);
    expect(calls).toEqual(['focus', 'select']);
  });

  it('declines when the page has no search box', () => {
    const root = { querySelector: () => null } as unknown as ParentNode;
    expect(focusPageSearch(root)).toBe(false);
  });
});
