/** Picks the page for the current route. Entity pages are generic: one per registry entity. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { entities } from '../../shared/registry';
import { useRoute } from '../routing/route';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { PlaceholderPage } from '../features/placeholders/PlaceholderPage';
import { NetworkPage } from '../features/sync/NetworkPage';
import { SyncPage } from '../features/sync/SyncPage';
import { ReportPage } from '../features/report/ReportPage';
import { ErrorBoundary } from './ErrorBoundary';
// Loaded with the app, not lazily: entity pages are most of the work, and a lazily loaded chunk
// could not be fetched when the browser-mode server is unreachable (offline after start).
import { EntityPage } from '../features/entities/EntityPage';
import { EDIT_SEGMENT, MiniClusterPage } from '../features/miniCluster';
import {
  DASHBOARD_PATH,
  IMPORT_EXPORT_PATH,
  NETWORK_PATH,
  REPORTS_PATH,
  SETTINGS_PATH,
  SYNC_PATH,
  DESK_PATH,
} from '../routing/nav';
import { DeskPage } from '../features/desk/DeskPage';

// The import page pulls in the pipeline's worker; load it when first shown.
const ImportPage = lazy(() =>
  import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })),
);

function Page() {
  const { page, params } = useRoute();
  switch (page) {
    case DASHBOARD_PATH:
      return <DashboardPage />;
    case SETTINGS_PATH:
      return <SettingsPage />;
    case IMPORT_EXPORT_PATH:
      return <ImportPage />;
    case REPORTS_PATH:
      return <ReportPage />;
    case SYNC_PATH:
      return <SyncPage />;
    case DESK_PATH:
      return <DeskPage />;
    case NETWORK_PATH:
      return <NetworkPage />;
  }
  const entity = entities.find((e) => e.path === page);
  // A mini-cluster's deep link opens its page; `…/<id>/edit` opens the generic form.
  const [id, sub] = params;
  if (entity?.name === 'miniCluster' && id && sub !== EDIT_SEGMENT)
    return <MiniClusterPage key={id} id={id} />;
  // key: a fresh page per entity, so no grid state leaks from one entity to the next.
  if (entity) return <EntityPage key={entity.name} entity={entity} />;
  return <PlaceholderPage kind="notFound" />;
}

export function RouteView() {
  const { t } = useTranslation();
  const { page } = useRoute();
  return (
    // Keyed by page: after a crash, going to another page starts with a clean boundary.
    <ErrorBoundary key={page} scope="page">
      <Suspense fallback={<p className="hint">{t('common.loading')}</p>}>
        <Page />
      </Suspense>
    </ErrorBoundary>
  );
}
