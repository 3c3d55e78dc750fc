/**
 * The dashboard's charts, loaded lazily (Chart.js stays out of the first paint): period and scope
 * pickers kept in the address, figure cards, and one FigureChart per figure group. Every number
 * comes from the figure model (shared/report) over the live record sets.
 */
import { useMemo } from 'react';
import { enumLabel, type EntityName } from '../../../../shared/registry';
import {
  difficultyFigures as f,
  figureDefinitions,
  formatFigureValue,
  idsRoute,
  participatingCompanies,
  periodKey,
  resourcesShared,
  resourcesSharedRoute,
  seoulToday,
  successCases,
  successCasesRoute,
  type Figure,
  type FigureRoute,
  type FigureRecord,
  type Period,
} from '../../../../shared/report';
import { useRecordLists, useSetting } from '../../../db';
import { useLang } from '../../../i18n';
import { navigate, useRoute } from '../../../routing/route';
import { defaultPeriod, readDashboardQuery } from '../dashboardQuery';
import { difficultiesByGroupSpec, monthlyDifficultiesSpec } from './difficultySpecs';
import { FigureChart } from './FigureChart';
import { CHART_METRICS, indicatorSpec, targetSpec } from './indicatorSpecs';
import { useChartsT } from './messages';
import { activitiesSpec, participationSpec } from './peopleSpecs';
import { PeriodPicker } from './PeriodPicker';
import { ScopePicker } from './ScopePicker';
import './charts.css';

const NAMES: readonly EntityName[] = [
  'difficulty',
  'activity',
  'membership',
  'successCase',
  'resource',
  'indicator',
  'target',
  'miniCluster',
];

export default function DashboardCharts() {
  const t = useChartsT();
  const lang = useLang();
  const { query } = useRoute();
  const clusterId = useSetting<string>('clusterId');
  const lists = useRecordLists(NAMES);
  const [difficulties, activities, memberships, cases, resources, indicators, targets, mcs] =
    lists.map((l) => (l ?? []) as FigureRecord[]) as FigureRecord[][];
  const loading = lists.some((l) => l === undefined);

  const choice = useMemo(
    () =>
      readDashboardQuery(query, clusterId, () => defaultPeriod(difficulties ?? [], seoulToday())),
    [query, clusterId, difficulties],
  );
  const { period, scope, metric } = choice;
  const miniClusters = useMemo(
    () =>
      (mcs ?? [])
        .filter((m) => m.clusterId === clusterId)
        .map((m) => ({ id: m.id, name: String(m.name ?? m.id) })),
    [mcs, clusterId],
  );
  const mcName = useMemo(() => {
    const names = new Map((mcs ?? []).map((m) => [m.id, String(m.name ?? m.id)]));
    return (id: string) => names.get(id) ?? id;
  }, [mcs]);

  const setQuery = (next: { period?: Period; scope?: string; metric?: string }) => {
    const q: Record<string, string> = { ...query };
    if (next.period) q.period = periodKey(next.period);
    if (next.scope !== undefined) {
      if (next.scope === '') delete q.scope;
      else q.scope = next.scope;
    }
    if (next.metric) q.metric = next.metric;
    navigate('dashboard', [], q);
  };

  const specs = useMemo(() => {
    if (loading) return null;
    const d = difficulties ?? [];
    return {
      monthly: monthlyDifficultiesSpec(d, period, scope, t, lang),
      byArea: difficultiesByGroupSpec('area', d, period, scope, t, lang, mcName),
      byMc: difficultiesByGroupSpec('miniClusterId', d, period, scope, t, lang, mcName),
      activities: activitiesSpec(activities ?? [], period, scope, t, lang, mcName),
      participation: participationSpec(memberships ?? [], period, scope, t, lang),
      indicator: indicatorSpec(indicators ?? [], metric, period, scope, t, lang),
      target: targetSpec(targets ?? [], indicators ?? [], scope, t, lang),
    };
    // `t` follows the language, which is in the deps.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loading, lists, period, scope, metric, lang, mcName]);

  const cards = useMemo(() => {
    if (loading) return [];
    const companies = participatingCompanies(memberships ?? [], period, scope);
    const row = (label: string, figure: Figure, route: FigureRoute | null, testId: string) => ({
      label,
      figure,
      route,
      testId,
    });
    return [
      row(
        t('cards.median'),
        f.medianDaysToResolve(difficulties ?? [], period, scope),
        null,
        'card-median',
      ),
      row(
        t('cards.successCases'),
        successCases(cases ?? [], period, scope),
        successCasesRoute(period, scope),
        'card-success',
      ),
      row(
        t('cards.resources'),
        resourcesShared(resources ?? [], scope),
        resourcesSharedRoute(scope),
        'card-resources',
      ),
      row(t('cards.companies'), companies, idsRoute('organizations', companies), 'card-companies'),
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loading, lists, period, scope, lang]);

  return (
    <section className="dash-charts" data-testid="dashboard-charts" aria-label={t('monthly.title')}>
      <div className="dash-pickers">
        <PeriodPicker period={period} onChange={(p) => setQuery({ period: p })} />
        <ScopePicker
          scope={scope}
          clusterName={clusterId ? enumLabel('recordOwner', clusterId, lang) : null}
          miniClusters={miniClusters}
          onChange={(s) => setQuery({ scope: s })}
        />
        <p className="hint">{t('clickHint')}</p>
      </div>
      {specs === null ? (
        <p className="hint">{t('loading')}</p>
      ) : (
        <>
          <div className="kpi-row">
            {cards.map((c) => (
              <div
                key={c.testId}
                className="kpi-card"
                data-testid={c.testId}
                title={figureDefinitions[c.figure.key][lang]}
              >
                <div className="kpi-label">{c.label}</div>
                <div className="kpi-value">
                  {c.route ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => c.route && navigate(c.route.path, [], c.route.query)}
                    >
                      {formatFigureValue(c.figure.value, unitOf(c.figure), lang)}
                    </button>
                  ) : (
                    formatFigureValue(c.figure.value, unitOf(c.figure), lang)
                  )}
                </div>
              </div>
            ))}
          </div>
          <div className="dash-chart-grid">
            <FigureChart spec={specs.monthly} lang={lang} />
            <FigureChart spec={specs.byArea} lang={lang} />
            <FigureChart spec={specs.byMc} lang={lang} />
            <FigureChart spec={specs.activities} lang={lang} />
            <FigureChart spec={specs.participation} lang={lang} />
            <div className="dash-chart-cell">
              <label className="dash-metric">
                {t('indicator.metric')}{' '}
                <select
                  data-testid="metric-select"
                  value={metric}
                  onChange={(e) => setQuery({ metric: e.target.value })}
                >
                  {CHART_METRICS.map((m) => (
                    <option key={m} value={m}>
                      {enumLabel('indicatorMetric', m, lang)}
                    </option>
                  ))}
                </select>
              </label>
              <FigureChart spec={specs.indicator} lang={lang} />
            </div>
            {specs.target ? (
              <FigureChart spec={specs.target} lang={lang} />
            ) : (
              <p className="hint">{t('target.none')}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function unitOf(figure: Figure) {
  return figure.key === 'medianDaysToResolve'
    ? ('days' as const)
    : figure.key === 'participatingCompanies'
      ? ('companies' as const)
      : ('cases' as const);
}
