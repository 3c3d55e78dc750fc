/**
 * The app's start, loaded by main.tsx (the entry) with a dynamic import. Order matters: translations first (so the first paint is in the saved
 * language), the route synced with location.hash, shortcuts installed, then React renders.
 * Persistent storage is requested once, in the background.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../styles/fonts.css';
import '../styles/base.css';
import '../styles/layout.css';
import '../styles/pages.css';
import { i18n } from '../i18n';
import { restoreSavedLang } from '../i18n/lang';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { installShortcuts } from '../routing/shortcuts';
import { uiStore } from '../routing/route';
import { prefetchLazyPagesWhenIdle, prefetchOpeningRoute } from './prefetch';
import { requestPersistence } from '../state/storage';
import { prepareStorageAtStartup } from '../features/backup/autoBackup';
import { checkDatabasePresence } from '../features/storage/presenceStore';
import { registerOfflineServiceWorker } from './serviceWorker';
import { platform } from '../platform';

// Errors outside rendering (event handlers, promises) are logged; saved data is unaffected.
window.addEventListener('unhandledrejection', (e) => {
  console.error('[pumasi] unhandled rejection', e.reason);
});

uiStore.syncWithHash(window);
installShortcuts(window);
void requestPersistence();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root');

// Desktop: back up a database an upgrade is about to change, BEFORE anything opens it. Then,
// still before anything could re-create a deleted database: is the team's database there?
const startup = prepareStorageAtStartup()
  .then(() => checkDatabasePresence())
  .then(() => {
    // The records read overlaps loading the language, mounting React and the grid's first layout.
    prefetchOpeningRoute(uiStore.getState().route.page);
    return restoreSavedLang();
  });
prefetchLazyPagesWhenIdle(window);
void registerOfflineServiceWorker(platform.kind);

void startup.finally(() => {
  createRoot(rootElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary scope="app">
          <App />
        </ErrorBoundary>
      </I18nextProvider>
    </StrictMode>,
  );
});
