/**
 * Under the pickers of the live report: whether the month is closed (latest revision, when, by
 * whom), "이 달 마감" (or "다시 마감") with a confirmation, and the XLSX annex of the report shown.
 */
import { useState } from 'react';
import { enumLabel, type Lang } from '../../../shared/registry';
import type { MonthClose } from '../../../shared/report/close';
import type { MonthlyReportModel } from '../../../shared/report/monthly';
import { navigate } from '../../routing/route';
import { REPORTS_PATH } from '../../routing/nav';
import { Dialog, showToast } from '../../ui';
import { useReportT } from './messages';
import { closeMonth, closesOf, saveReportXlsxAndSay } from './monthCloseActions';

type T = ReturnType<typeof useReportT>;

/** `2007-01-02 09:30` in the user's clock (the time a close was made). */
export function closedAtText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** `김담당 (팀장)`, or the word for no name. */
export function closedByText(close: MonthClose, lang: Lang, t: T): string {
  const by = close.closedBy;
  if (!by || by.name === '') return t('nobody');
  return by.role ? `${by.name} (${enumLabel('staffRole', by.role, lang)})` : by.name;
}

export function openClosedReport(close: MonthClose): void {
  navigate(REPORTS_PATH, [], { month: close.month, cluster: close.clusterId, closed: close.id });
}

export function MonthClosePanel(props: {
  model: MonthlyReportModel;
  closes: readonly MonthClose[];
  signoff: ReadonlyArray<{ label: string; name: string }>;
  notes: string;
  lang: Lang;
}) {
  const { model, lang } = props;
  const t = useReportT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState<'close' | 'xlsx' | null>(null);
  const latest = closesOf(props.closes, model.clusterId).find((c) => c.month === model.month);
  const [year, month] = model.month.split('-');

  const doClose = async () => {
    setBusy('close');
    try {
      const row = await closeMonth({ model, signoff: props.signoff, notes: props.notes, lang });
      setAsking(false);
      showToast({
        tone: 'success',
        message: t('closed', { month: model.month, revision: row.revision }),
      });
    } catch (e) {
      showToast({
        tone: 'error',
        message: t('closeFailed', { message: e instanceof Error ? e.message : String(e) }),
      });
    } finally {
      setBusy(null);
    }
  };

  const doXlsx = async () => {
    setBusy('xlsx');
    try {
      await saveReportXlsxAndSay(t, model, lang);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="report-controls report-close-bar" data-testid="report-close-bar">
      <span data-testid="report-close-status">
        {latest
          ? t('closedStatus', {
              revision: latest.revision,
              at: closedAtText(latest.closedAt),
              who: closedByText(latest, lang, t),
            })
          : t('notClosed')}
      </span>
      {latest ? (
        <button type="button" onClick={() => openClosedReport(latest)}>
          {t('open')}
        </button>
      ) : null}
      <button
        type="button"
        data-testid="report-close"
        disabled={busy !== null}
        onClick={() => setAsking(true)}
      >
        {latest ? t('closeAgain') : t('close')}
      </button>
      <button
        type="button"
        data-testid="report-xlsx"
        disabled={busy !== null}
        onClick={() => void doXlsx()}
      >
        {busy === 'xlsx' ? t('xlsxSaving') : t('xlsx')}
      </button>
      {asking ? (
        <Dialog
          placement="center"
          title={t('closeConfirmTitle', { year, month: Number(month), month2: month })}
          onRequestClose={() => setAsking(false)}
          data-testid="report-close-dialog"
          footer={
            <>
              <button type="button" onClick={() => setAsking(false)}>
                {t('cancel')}
              </button>
              <button
                type="button"
                className="primary"
                data-testid="report-close-confirm"
                data-autofocus
                disabled={busy !== null}
                onClick={() => void doClose()}
              >
                {busy === 'close' ? t('closing') : t('closeConfirm')}
              </button>
            </>
          }
        >
          <p>{t('closeConfirmBody')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
