/** Mini-cluster activities (활동 건수, 참여 연인원) and participation over time. */
import type { Lang } from '../../../../shared/registry';
import {
  activitiesByMiniCluster,
  activitiesRoute,
  figureDefinitions,
  idsRoute,
  participationByMonth,
  type FigureRecord,
  type Period,
  type Scope,
} from '../../../../shared/report';
import type { ChartSpec, ChartsT } from './chartSpec';
import { seriesPeriod } from './difficultySpecs';

export function activitiesSpec(
  records: readonly FigureRecord[],
  p: Period,
  s: Scope,
  t: ChartsT,
  lang: Lang,
  miniClusterName: (id: string) => string,
): ChartSpec {
  const rows = activitiesByMiniCluster(records, p, s);
  return {
    id: 'chart-activities',
    title: t('activities.title'),
    definition: `${figureDefinitions.activities[lang]}\n${figureDefinitions.attendance[lang]}`,
    type: 'bar',
    labels: rows.map((r) =>
      r.miniClusterId === '' ? t('none') : miniClusterName(r.miniClusterId),
    ),
    series: [
      {
        label: t('activities'),
        unit: 'cases',
        values: rows.map((r) => r.activities.value),
        routes: rows.map((r) => activitiesRoute(p, s, r.miniClusterId)),
      },
      {
        label: t('attendance'),
        unit: 'people',
        secondAxis: true,
        values: rows.map((r) => r.attendance.value),
        routes: rows.map((r) => idsRoute('activities', r.attendance)),
      },
    ],
  };
}

export function participationSpec(
  memberships: readonly FigureRecord[],
  p: Period,
  s: Scope,
  t: ChartsT,
  lang: Lang,
): ChartSpec {
  const rows = participationByMonth(memberships, seriesPeriod(p), s);
  return {
    id: 'chart-participation',
    title: t('participation.title'),
    definition: `${figureDefinitions.participatingCompanies[lang]}\n${figureDefinitions.participatingExperts[lang]}`,
    type: 'line',
    labels: rows.map((r) => r.month),
    series: [
      {
        label: t('companies'),
        unit: 'companies',
        values: rows.map((r) => r.companies.value),
        routes: rows.map((r) => idsRoute('organizations', r.companies)),
      },
      {
        label: t('experts'),
        unit: 'experts',
        values: rows.map((r) => r.experts.value),
        routes: rows.map((r) => idsRoute('experts', r.experts)),
      },
    ],
  };
}
