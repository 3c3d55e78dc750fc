/**
 * 월간 보고서: pick a month and a cluster (in the route: `#/reports?month=2006-03&cluster=gumi`,
 * so a report can be linked and reopened), set the 결재란, write the month's notes, then print.
 * On screen the pages show as A4 sheets; printing (desktop PDF or the browser's dialog) uses the
 * same document with the print CSS in report.css. Below the report: close the month and the
 * cluster's closed reports; `&closed=<id>` opens a closed report's stored copy instead.
 */
import { useState } from 'react';
import { enums } from '../../../shared/registry';
import { CENTRAL_OFFICE_CODE } from '../../../shared/registry/enums';
import { seoulToday } from '../../../shared/report';
import { parseSignoffLabels } from '../../../shared/report/monthly';
import { useSetting } from '../../db';
import { useLang } from '../../i18n';
import { platform } from '../../platform';
import { navigate, useRoute } from '../../routing/route';
import { REPORTS_PATH } from '../../routing/nav';
import { showToast } from '../../ui';
import { useReportT } from './messages';
import { MonthClosePanel } from './MonthClosePanel';
import { useMonthCloses } from './monthCloseActions';
import { ClosedReportView, PastReports } from './PastReports';
import { ReportDocument } from './ReportDocument';
import { useDefaultMonth, useReportModel } from './useReportModel';
import { NOTES_MAX, useNotes, useSignoff } from './useReportSettings';
import './report.css';

const CLUSTERS = enums.recordOwner.filter((o) => o.code !== CENTRAL_OFFICE_CODE);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function ReportPage() {
  const t = useReportT();
  const lang = useLang();
  const { query } = useRoute();
  const teamCluster = useSetting<string>('clusterId');
  const clusterId = query['cluster'] ?? (teamCluster || undefined);
  const fallbackMonth = useDefaultMonth(clusterId, seoulToday());
  const month = query['month'] && MONTH.test(query['month']) ? query['month'] : fallbackMonth;
  const go = (next: { month?: string; cluster?: string }) => {
    const q: Record<string, string> = {};
    const m = next.month ?? month;
    const c = next.cluster ?? clusterId;
    if (m) q['month'] = m;
    if (c) q['cluster'] = c;
    navigate(REPORTS_PATH, [], q);
  };

  return (
    <section className="page report-page" aria-labelledby="report-title" data-testid="report-page">
      <header className="page-header report-controls">
        <h1 id="report-title">{t('title')}</h1>
      </header>
      <div className="report-controls report-pickers">
        <label>
          {t('month')}{' '}
          <input
            type="month"
            data-testid="report-month"
            value={month ?? ''}
            onChange={(e) => MONTH.test(e.target.value) && go({ month: e.target.value })}
          />
        </label>
        <label>
          {t('cluster')}{' '}
          <select
            data-testid="report-cluster"
            value={clusterId ?? ''}
            onChange={(e) => go({ cluster: e.target.value })}
          >
            <option value="" disabled>
              –
            </option>
            {CLUSTERS.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label[lang]}
              </option>
            ))}
          </select>
        </label>
        {clusterId && month ? <PrintButton clusterId={clusterId} month={month} /> : null}
      </div>
      {!clusterId ? (
        <p className="hint">{t('noCluster')}</p>
      ) : !month ? (
        <p className="hint">{t('loading')}</p>
      ) : query['closed'] ? (
        <ClosedReportView key={query['closed']} id={query['closed']} lang={lang} />
      ) : (
        <ReportBody key={`${clusterId}:${month}`} clusterId={clusterId} month={month} />
      )}
    </section>
  );
}

function ReportBody({ clusterId, month }: { clusterId: string; month: string }) {
  const t = useReportT();
  const lang = useLang();
  const closes = useMonthCloses();
  const model = useReportModel(clusterId, month, lang, closes);
  const signoff = useSignoff();
  const notes = useNotes(clusterId, month);
  return (
    <>
      <div className="report-controls report-settings">
        <SignoffEditor signoff={signoff} />
        <label className="report-notes-field">
          {t('notes')}
          <textarea
            data-testid="report-notes"
            value={notes.text}
            maxLength={NOTES_MAX}
            rows={4}
            disabled={!notes.loaded}
            onChange={(e) => notes.setText(e.target.value)}
          />
          <span className="hint">{t('notesHelp', { max: NOTES_MAX })}</span>
          <span className="hint" data-testid="report-notes-status" aria-live="polite">
            {notes.loaded ? t(notes.saved ? 'notesSaved' : 'notesSaving') : ''}
          </span>
        </label>
      </div>
      {model === undefined || closes === undefined ? (
        <p className="hint">{t('loading')}</p>
      ) : (
        <>
          <MonthClosePanel
            model={model}
            closes={closes}
            signoff={signoff.boxes}
            notes={notes.text}
            lang={lang}
          />
          <ReportDocument model={model} signoff={signoff.boxes} notes={notes.text} />
          <PastReports closes={closes} clusterId={clusterId} lang={lang} />
        </>
      )}
    </>
  );
}

function SignoffEditor({ signoff }: { signoff: ReturnType<typeof useSignoff> }) {
  const t = useReportT();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? signoff.roles.map((r) => r.label).join(', ');
  const save = () => {
    try {
      signoff.save(parseSignoffLabels(text, signoff.roles));
      setDraft(null);
      showToast({ tone: 'success', message: t('signoffSaved') });
    } catch (e) {
      showToast({ tone: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="report-signoff-field">
      <label>
        {t('signoffRoles')}{' '}
        <input
          data-testid="report-signoff-roles"
          value={text}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && save()}
        />
      </label>{' '}
      <button type="button" onClick={save} data-testid="report-signoff-save">
        {t('signoffSave')}
      </button>
      <span className="hint">{t('signoffHelp')}</span>
    </div>
  );
}

function PrintButton({ clusterId, month }: { clusterId: string; month: string }) {
  const t = useReportT();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    if (!platform.printPdf) return;
    setBusy(true);
    try {
      const name = `월간보고서-${clusterId}-${month}.pdf`;
      const outcome = await platform.printPdf(name);
      if (outcome.kind === 'saved')
        showToast({ tone: 'success', message: t('saved', { name: outcome.path }) });
      if (outcome.kind === 'cancelled') showToast({ tone: 'info', message: t('cancelled') });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      showToast({ tone: 'error', message: t('printFailed', { message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="primary"
      data-testid="report-print"
      disabled={busy}
      onClick={() => void print()}
    >
      {busy ? t('printing') : t('print')}
    </button>
  );
}
