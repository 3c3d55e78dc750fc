/**
 * 대시보드: a card per entity with its live count, and the KPI figures (애로 해결률, 미결, 기한
 * 경과) of the team's cluster from the figure model (shared/report). With no data yet it
 * explains itself and offers the next step (load demo data, add, import).
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { entities, entityByName, enumLabel, type EntityDef } from '../../../shared/registry';
import { figureDefinitions, type Figure } from '../../../shared/report';
import { formatCount, formatPercent } from '../../../shared/format/numbers';
import { useLang } from '../../i18n';
import { navigate, toHash } from '../../routing/route';
import { buildNav, IMPORT_EXPORT_PATH } from '../../routing/nav';
import { startDemoLoad } from '../demo/store';
import { useDashboardCounts } from './useDashboardCounts';

/** Cards in the navigation's order: the work first, reference data after. */
/** Chart.js and the charts load after the first paint, in their own chunk. */
const DashboardCharts = lazy(() => import('./charts/DashboardCharts'));

const cardEntities: EntityDef[] = buildNav(entities).flatMap((item) =>
  item.entity ? [item.entity] : [],
);

export function DashboardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const counts = useDashboardCounts();
  const rate = counts?.resolution.rate;

  return (
    <section className="page" aria-labelledby="dashboard-title" data-testid="dashboard">
      <header className="page-header">
        <h1 id="dashboard-title">{t('nav.dashboard')}</h1>
      </header>
      {counts === undefined ? (
        <p className="hint">{t('common.loading')}</p>
      ) : counts.total === 0 || rate === undefined ? (
        <DashboardEmpty />
      ) : (
        <>
          <p className="hint" data-testid="kpi-scope">
            {counts.scope.kind === 'cluster'
              ? t('dashboard.scopeCluster', {
                  name: enumLabel('recordOwner', counts.scope.clusterId, lang),
                })
              : t('dashboard.scopeAll')}
          </p>
          <div className="kpi-row">
            <div
              className="kpi-card"
              data-testid="kpi-resolution"
              title={figureDefinitions.resolutionRate[lang]}
            >
              <div className="kpi-label">{t('dashboard.resolutionRate')}</div>
              <div className="kpi-value">
                {rate.value === null ? '–' : formatPercent(rate.value, 1, lang)}
              </div>
              <div className="kpi-note">
                {t('dashboard.resolutionDetail', {
                  resolved: formatCount(counts.resolution.resolved.value ?? 0, undefined, lang),
                  received: formatCount(counts.resolution.received.value ?? 0, undefined, lang),
                })}
              </div>
            </div>
            <KpiCount testId="kpi-open" label={t('dashboard.open')} figure={counts.open} />
            <KpiCount testId="kpi-overdue" label={t('dashboard.overdue')} figure={counts.overdue} />
          </div>
          <ul className="card-grid" aria-label={t('dashboard.countsLabel')}>
            {cardEntities.map((e) => (
              <li key={e.name}>
                <a className="count-card" href={toHash(e.path)} data-testid={`card-${e.name}`}>
                  <span className="count-label">{e.label[lang]}</span>
                  <span className="count-value">
                    {formatCount(counts.byEntity[e.name] ?? 0, undefined, lang)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
          <Suspense fallback={<p className="hint">{t('common.loading')}</p>}>
            <DashboardCharts />
          </Suspense>
        </>
      )}
    </section>
  );
}

/** A count figure with its written definition as the tooltip. */
function KpiCount({ testId, label, figure }: { testId: string; label: string; figure: Figure }) {
  const lang = useLang();
  return (
    <div className="kpi-card" data-testid={testId} title={figureDefinitions[figure.key][lang]}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">
        {figure.value === null ? '–' : formatCount(figure.value, undefined, lang)}
      </div>
    </div>
  );
}

function DashboardEmpty() {
  const { t } = useTranslation();
  const lang = useLang();
  const first = entityByName.organization;
  return (
    <div className="empty-state" data-testid="dashboard-empty">
      <h2>{t('dashboard.emptyTitle')}</h2>
      <p>{t('dashboard.emptyBody')}</p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          data-testid="empty-demo"
          onClick={() => void startDemoLoad()}
        >
          {t('demo.load')}
        </button>
        <button type="button" data-testid="empty-add" onClick={() => navigate(first.path)}>
          {t('dashboard.add', { entity: first.label[lang] })}
        </button>
        <button
          type="button"
          data-testid="empty-import"
          onClick={() => navigate(IMPORT_EXPORT_PATH)}
        >
          {t('dashboard.import')}
        </button>
      </div>
    </div>
  );
}
