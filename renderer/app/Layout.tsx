/**
 * The shell: skip link, left navigation, the current page, the status strip; and the shell's
 * keyboard shortcuts (Ctrl+F search, Alt+1…9 navigation).
 */
import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { entities } from '../../shared/registry';
import { navigate } from '../routing/route';
import { buildNav, MAX_NUMBERED_ITEMS } from '../routing/nav';
import { NavMenu } from './NavMenu';
import { RouteView } from './RouteView';
import { StatusStrip } from './StatusStrip';
import { DemoResumeBanner } from '../features/demo/DemoResumeBanner';
import { ToastHost } from '../ui';
import { focusPageSearch, registerShortcut } from '../routing/shortcuts';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { startSync } from '../sync/runtime';

export function Layout() {
  const { t } = useTranslation();
  const items = useMemo(() => buildNav(entities), []);
  const mainRef = useRef<HTMLElement>(null);

  // The sync engine starts with the shell (after the first run): it then runs on its own.
  useEffect(() => {
    startSync().catch((e: unknown) => console.error('[pumasi] sync did not start', e));
  }, []);

  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    const stops = [
      registerShortcut({
        key: 'f',
        ctrl: true,
        descriptionKey: 'shortcut.search',
        run: () => focusPageSearch(main),
      }),
      ...items.slice(0, MAX_NUMBERED_ITEMS).map((item, i) =>
        registerShortcut({
          key: String(i + 1),
          alt: true,
          descriptionKey: 'shortcut.nav',
          run: () => {
            navigate(item.path);
            // Move focus into the new page so Tab continues there, not in the menu.
            requestAnimationFrame(() => main.focus());
          },
        }),
      ),
    ];
    return () => stops.forEach((stop) => stop());
  }, [items]);

  const skipToMain = (e: MouseEvent) => {
    // A plain `href="#main"` would be read as a route; move focus instead.
    e.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className="app-shell">
      <a className="skip-link" href="#/" onClick={skipToMain}>
        {t('app.skipToMain')}
      </a>
      <NavMenu items={items} />
      <main className="app-main" id="main" ref={mainRef} tabIndex={-1}>
        <DemoResumeBanner />
        <RouteView />
      </main>
      <StatusStrip />
      <ToastHost />
      <GlobalSearch />
    </div>
  );
}
