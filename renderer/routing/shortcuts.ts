/**
 * Global keyboard shortcuts: one keydown listener on the window, a registry anyone can add to.
 * Keyboard first (DOMAIN.md): Ctrl+F searches the current page, Alt+1…9 jump in the navigation;
 * features register their own (e.g. a page's Ctrl+N) with `registerShortcut` or `useShortcut`.
 *
 * Keys are matched by `event.key` or by the physical `event.code`, because with the Korean IME in
 * 한글 mode the F key reports `ㄹ`, and on macOS Alt+1 reports `¡`.
 */

export interface KeyEventLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
  target?: EventTarget | null;
  preventDefault(): void;
}

export interface Shortcut {
  /** a letter, digit or key name (`'f'`, `'1'`, `'Escape'`) */
  key: string;
  /** Ctrl on Windows/Linux; Cmd (meta) counts too so macOS laptops work */
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean;
  /** i18n key shown in help lists */
  descriptionKey?: string;
  /** plain keys (no Ctrl/Alt) are ignored while typing in a field unless this is set */
  allowInFields?: boolean;
  /** return `false` when not applicable: the key then keeps its default and others may take it */
  run: (event: KeyEventLike) => boolean | void;
}

function codeFor(key: string): string | undefined {
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  return undefined;
}

export function matches(shortcut: Shortcut, e: KeyEventLike): boolean {
  const ctrl = e.ctrlKey || e.metaKey;
  if (Boolean(shortcut.ctrl) !== ctrl) return false;
  if (Boolean(shortcut.alt) !== e.altKey) return false;
  if (Boolean(shortcut.shift) !== e.shiftKey) return false;
  if (e.key.toLowerCase() === shortcut.key.toLowerCase()) return true;
  const code = codeFor(shortcut.key);
  return code !== undefined && e.code === code;
}

function isTypingTarget(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  return (
    el.isContentEditable ||
    el.tagName === 'INPUT' ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT'
  );
}

export interface ShortcutRegistry {
  register(shortcut: Shortcut): () => void;
  /** runs the most recently registered matching shortcut; true when one handled the event */
  dispatch(event: KeyEventLike): boolean;
  list(): readonly Shortcut[];
}

export function createShortcutRegistry(): ShortcutRegistry {
  const shortcuts: Shortcut[] = [];
  return {
    register(shortcut) {
      shortcuts.push(shortcut);
      return () => {
        const i = shortcuts.indexOf(shortcut);
        if (i >= 0) shortcuts.splice(i, 1);
      };
    },
    dispatch(event) {
      // Never steal keys from an IME composition (Hangul being assembled).
      if (event.isComposing) return false;
      const typing = isTypingTarget(event.target);
      // Latest first: a page or dialog registered after the shell overrides the shell's binding.
      for (let i = shortcuts.length - 1; i >= 0; i--) {
        const s = shortcuts[i];
        if (!s || !matches(s, event)) continue;
        if (typing && !s.ctrl && !s.alt && !s.allowInFields) continue;
        if (s.run(event) === false) continue;
        event.preventDefault();
        return true;
      }
      return false;
    },
    list: () => [...shortcuts],
  };
}

/** The app's registry. */
export const shortcuts = createShortcutRegistry();

export function registerShortcut(shortcut: Shortcut): () => void {
  return shortcuts.register(shortcut);
}

/** Attaches the registry to a window (app/start.tsx); returns a detach function. */
export function installShortcuts(target: Pick<Window, 'addEventListener' | 'removeEventListener'>) {
  const onKeyDown = (e: KeyboardEvent) => {
    shortcuts.dispatch(e);
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}

/**
 * Ctrl+F: focus the current page's search box. When the page has none, returns false so the
 * key keeps its default (the browser's find in browser mode).
 */
export function focusPageSearch(root: ParentNode): boolean {
  const box = root.querySelector<HTMLInputElement>('[data-testid="grid-search"]');
  if (!box) return false;
  box.focus();
  box.select?.();
  return true;
}
