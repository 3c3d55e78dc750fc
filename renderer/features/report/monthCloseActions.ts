/**
 * Month close on the report page: the stored closes (live), closing the month shown, and the
 * XLSX annex of a model (live or closed). Rules in shared/report/close and docs/ARCHITECTURE.md
 * "Monthly report".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Lang } from '../../../shared/registry';
import { seoulToday } from '../../../shared/report';
import { closeRefusal, makeMonthClose, type MonthClose } from '../../../shared/report/close';
import {
  reportSheets,
  reportWorkbookName,
  type MonthlyReportModel,
} from '../../../shared/report/monthly';
import { newId } from '../../../shared/sync/ids';
import { addMonthClose, getDb, getMonthClose, listMonthCloses } from '../../db';
import { platform } from '../../platform';
import { showToast } from '../../ui';
import { getProfile } from '../profile/profileStore';
import type { useReportT } from './messages';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every stored close (undefined while reading). */
export function useMonthCloses(): MonthClose[] | undefined {
  return useLiveQuery(() => listMonthCloses(getDb()), []);
}

export function useMonthClose(id: string): { close: MonthClose | undefined; loaded: boolean } {
  // Wrapped, so "not found" (undefined) is told apart from "still reading" (undefined too).
  const row = useLiveQuery(async () => ({ close: await getMonthClose(getDb(), id) }), [id]);
  return { close: row?.close, loaded: row !== undefined };
}

/** The closes of a cluster, newest month first, newest revision first within a month. */
export function closesOf(closes: readonly MonthClose[], clusterId: string): MonthClose[] {
  return closes
    .filter((c) => c.clusterId === clusterId)
    .sort((a, b) => b.month.localeCompare(a.month) || b.revision - a.revision);
}

export interface CloseInput {
  /** the report as shown: what is closed is exactly what the team saw */
  model: MonthlyReportModel;
  signoff: ReadonlyArray<{ label: string; name: string }>;
  notes: string;
  lang: Lang;
}

/** Stores the close; throws a sentence in the UI's language when the month cannot be closed. */
export async function closeMonth(input: CloseInput, today = seoulToday()): Promise<MonthClose> {
  const refusal = closeRefusal(input.model.month, today, input.lang);
  if (refusal) throw new Error(refusal);
  const db = getDb();
  const profile = await getProfile(db);
  return addMonthClose(db, (closes) =>
    makeMonthClose({
      id: newId(),
      model: input.model,
      closes,
      closedAt: new Date().toISOString(),
      closedBy: profile
        ? { name: profile.name, ...(profile.role ? { role: profile.role } : {}) }
        : null,
      lang: input.lang,
      signoff: [...input.signoff],
      notes: input.notes,
    }),
  );
}

/**
 * Writes the model's XLSX annex (every table in full) through the platform's save (desktop:
 * a save dialog; browser: a download). exceljs is loaded only now (its own chunk).
 * Resolves to the file name, or null when the user cancelled.
 */
export async function saveReportXlsx(
  model: MonthlyReportModel,
  lang: Lang,
  revision?: number,
): Promise<string | null> {
  const { buildXlsxSheets } = await import('../../../shared/export/xlsx');
  const bytes = await buildXlsxSheets(reportSheets(model, lang), { lang });
  const name = reportWorkbookName(model, revision);
  return (await platform.saveFile(name, bytes, XLSX_MIME)) ? name : null;
}

/**
 * saveReportXlsx() for a button: says in a toast what was saved, or why it failed (never throws),
 * the same for the live report and a closed one.
 */
export async function saveReportXlsxAndSay(
  t: ReturnType<typeof useReportT>,
  model: MonthlyReportModel,
  lang: Lang,
  revision?: number,
): Promise<void> {
  try {
    const name = await saveReportXlsx(model, lang, revision);
    if (name) showToast({ tone: 'success', message: t('xlsxSaved', { name }) });
  } catch (e) {
    showToast({
      tone: 'error',
      message: t('xlsxFailed', { message: e instanceof Error ? e.message : String(e) }),
    });
  }
}
