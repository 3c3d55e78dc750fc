/**
 * The report model of a cluster and month from the shared live record sets (the grids' reads):
 * any write to a record of the report re-builds it, so what is printed is what is stored.
 */
import { useMemo } from 'react';
import type { EntityName, Lang } from '../../../shared/registry';
import {
  buildMonthlyReport,
  type MonthlyReportModel,
  type ReportRecords,
} from '../../../shared/report/monthly';
import type { MonthClose } from '../../../shared/report/close';
import { useRecordLists } from '../../db';

const REPORT_ENTITIES = [
  'difficulty',
  'activity',
  'successCase',
  'resource',
  'plan',
  'miniCluster',
  'organization',
  'indicator',
] as const satisfies readonly EntityName[];

/** undefined while the records (or the closed months, for the corrections) load. */
export function useReportModel(
  clusterId: string | undefined,
  month: string,
  lang: Lang,
  closes: readonly MonthClose[] | undefined,
): MonthlyReportModel | undefined {
  const lists = useRecordLists(REPORT_ENTITIES);
  return useMemo(() => {
    if (!clusterId || !closes || lists.some((l) => l === undefined)) return undefined;
    const records = Object.fromEntries(
      REPORT_ENTITIES.map((name, i) => [name, lists[i] ?? []]),
    ) as unknown as ReportRecords;
    return buildMonthlyReport({ month, clusterId, records, lang, closes });
  }, [lists, clusterId, month, lang, closes]);
}

/** The latest month in which the cluster received a difficulty, else the current month. */
export function useDefaultMonth(clusterId: string | undefined, today: string): string | undefined {
  const lists = useRecordLists(['difficulty']);
  return useMemo(() => {
    const list = lists[0];
    if (list === undefined) return undefined;
    let latest = '';
    for (const d of list) {
      const on = d['receivedOn'];
      if (d.clusterId === clusterId && typeof on === 'string' && on.slice(0, 7) > latest) {
        latest = on.slice(0, 7);
      }
    }
    const current = today.slice(0, 7);
    return latest === '' || latest > current ? current : latest;
  }, [lists, clusterId, today]);
}
