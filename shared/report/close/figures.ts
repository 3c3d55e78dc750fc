/**
 * The figures a month close stores and a later report re-checks: every key figure of the month
 * and every indicator line, taken from the model as printed (figuresOfModel) or recomputed from
 * the records now (monthFigures). A unit test holds the two equal for the same records.
 */
import { keyFigureValues, indicatorLines, type ReportRecords } from '../monthly/keyFigures';
import type { IndicatorLine, MonthlyReportModel } from '../monthly/types';
import { monthPeriod } from '../period';
import type { ClosedFigure } from './types';

const indicatorFigure = (line: IndicatorLine): ClosedFigure => ({
  key: `indicator:${line.metric}:${line.complex}`,
  label: {
    ko: `${line.label.ko} (${line.complex})`,
    en: `${line.label.en} (${line.complex})`,
  },
  unit: line.unit,
  value: line.value,
});

export function figuresOfModel(model: MonthlyReportModel): ClosedFigure[] {
  return [
    ...model.keyFigures.map(({ key, label, unit, value }) => ({ key, label, unit, value })),
    ...model.indicators.map(indicatorFigure),
  ];
}

/** The same figures for a cluster's month, computed from the records as they are now. */
export function monthFigures(
  records: ReportRecords,
  month: string,
  clusterId: string,
): ClosedFigure[] {
  const period = monthPeriod(month);
  const scope = { kind: 'cluster', clusterId } as const;
  return [
    ...keyFigureValues(records, period, scope),
    ...indicatorLines(records, period, scope).map(indicatorFigure),
  ];
}
