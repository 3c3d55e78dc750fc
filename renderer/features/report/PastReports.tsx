/**
 * 마감한 보고서: the cluster's closed reports (every revision, newest first), each opening its
 * stored copy; and that copy itself — the stored model, 결재란 and notes, never recomputed —
 * with its XLSX annex.
 */
import { useState } from 'react';
import type { Lang } from '../../../shared/registry';
import type { MonthClose } from '../../../shared/report/close';
import { navigate } from '../../routing/route';
import { REPORTS_PATH } from '../../routing/nav';
import { useReportT } from './messages';
import { closedAtText, closedByText, openClosedReport } from './MonthClosePanel';
import { closesOf, saveReportXlsxAndSay, useMonthClose } from './monthCloseActions';
import { ReportDocument } from './ReportDocument';

export function PastReports(props: {
  closes: readonly MonthClose[];
  clusterId: string;
  lang: Lang;
}) {
  const t = useReportT();
  const list = closesOf(props.closes, props.clusterId);
  const latestOf = new Map<string, number>();
  for (const c of list) latestOf.set(c.month, Math.max(latestOf.get(c.month) ?? 0, c.revision));
  return (
    <section className="report-controls report-past" data-testid="report-past">
      <h2>{t('pastReports')}</h2>
      {list.length === 0 ? (
        <p className="hint">{t('pastEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('pastMonth')}</th>
              <th>{t('pastRevision')}</th>
              <th>{t('pastClosedAt')}</th>
              <th>{t('pastClosedBy')}</th>
              <th>{t('pastCorrections')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id} data-testid={`report-past-${c.month}-${c.revision}`}>
                <td>{c.month}</td>
                <td>
                  {t('revision', { revision: c.revision })}
                  {latestOf.get(c.month) === c.revision ? ` · ${t('latest')}` : ''}
                </td>
                <td>{closedAtText(c.closedAt)}</td>
                <td>{closedByText(c, props.lang, t)}</td>
                <td className="num">{c.model.corrections.length}</td>
                <td>
                  <button type="button" onClick={() => openClosedReport(c)}>
                    {t('open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The stored copy of a closed report (route `#/reports?…&closed=<id>`). */
export function ClosedReportView({ id, lang }: { id: string; lang: Lang }) {
  const t = useReportT();
  const { close, loaded } = useMonthClose(id);
  const [busy, setBusy] = useState(false);
  if (!loaded) return <p className="hint">{t('loading')}</p>;
  if (!close) return <p className="hint">{t('closedMissing', { id })}</p>;
  const [year, month] = close.month.split('-');
  const who = close.closedBy?.name ? ` · ${closedByText(close, lang, t)}` : '';
  const xlsx = async () => {
    setBusy(true);
    try {
      await saveReportXlsxAndSay(t, close.model, close.lang, close.revision);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className="report-controls report-closed-banner" data-testid="report-closed-banner">
        <p>
          {t('closedBanner', {
            year,
            month: Number(month),
            month2: month,
            revision: close.revision,
            at: closedAtText(close.closedAt),
            who,
          })}
        </p>
        <button
          type="button"
          onClick={() =>
            navigate(REPORTS_PATH, [], { month: close.month, cluster: close.clusterId })
          }
        >
          {t('openLive')}
        </button>{' '}
        <button type="button" data-testid="report-xlsx" disabled={busy} onClick={() => void xlsx()}>
          {busy ? t('xlsxSaving') : t('xlsx')}
        </button>
      </div>
      <ReportDocument model={close.model} signoff={close.signoff} notes={close.notes} />
    </>
  );
}
