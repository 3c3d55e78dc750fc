/**
 * Browser mode works offline after its first load: the Workbox service worker built by
 * vite-plugin-pwa (vite.config.ts) precaches every file of the build. Registered only in browser
 * mode over http(s): the desktop app serves the same files from disk through app://, and the
 * Vite dev server has no service worker. A new build waits (no skipWaiting) until every window
 * of the old one is closed; the team is told it is ready, never interrupted.
 */
import { showToast } from '../ui';
import { storageT } from '../features/storage/messages';
import type { PlatformKind } from '../platform/types';

export function shouldRegisterServiceWorker(
  kind: PlatformKind,
  location: Pick<Location, 'protocol'>,
  nav: Pick<Navigator, 'serviceWorker'> | undefined,
  production: boolean,
): boolean {
  return (
    production &&
    kind === 'browser' &&
    (location.protocol === 'http:' || location.protocol === 'https:') &&
    nav !== undefined &&
    'serviceWorker' in nav
  );
}

export async function registerOfflineServiceWorker(kind: PlatformKind): Promise<void> {
  if (!shouldRegisterServiceWorker(kind, window.location, navigator, import.meta.env.PROD)) return;
  const { registerSW } = await import('virtual:pwa-register');
  registerSW({
    onNeedRefresh: () => showToast({ message: storageT('sw.updateReady'), durationMs: 10_000 }),
    onRegisterError: (error: unknown) => console.error('[pumasi] service worker', error),
  });
}
