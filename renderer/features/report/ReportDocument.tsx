/**
 * The printable report: one `<section class="report-sheet">` per A4 page, in the order and number
 * pageCount() computes (cover, key figures with the chart, corrections if any, indicators, each
 * table's pages, notes, appendix). Tables are cut into pages by the model, never by the browser,
 * so no page overflows; a long table prints its first rows and "외 N건 — 부록 XLSX 참조".
 * A closed month's report is this same document over its stored model.
 */
import type { Lang } from '../../../shared/registry';
import {
  chunk,
  paginateAppendix,
  paginateTable,
  ROWS_PER_PAGE,
  type MonthlyReportModel,
  type ReportTable,
  type TablePage,
} from '../../../shared/report/monthly';
import { useLang } from '../../i18n';
import { CorrectionSheets } from './CorrectionSheets';
import { formatCell, formatChange, formatFigure } from './format';
import { useReportT } from './messages';
import { ReportChart } from './ReportChart';

export interface ReportDocumentProps {
  model: MonthlyReportModel;
  signoff: ReadonlyArray<{ label: string; name: string }>;
  notes: string;
}

export function ReportDocument({ model, signoff, notes }: ReportDocumentProps) {
  const lang = useLang();
  const t = useReportT();
  return (
    <article className="report-document" data-testid="report-document" lang={lang}>
      <Cover model={model} signoff={signoff} />
      <section className="report-sheet" data-testid="report-figures">
        <h2>{t('keyFigures')}</h2>
        <KeyFigureTable model={model} lang={lang} />
        <ReportChart points={model.chart} />
        <p className="report-note">{t('pageNote')}</p>
      </section>
      <CorrectionSheets corrections={model.corrections} reportMonth={model.month} lang={lang} />
      {chunk(model.indicators, ROWS_PER_PAGE).map((rows, i, all) => (
        <section className="report-sheet" key={`ind-${i}`}>
          <h2>
            {t('indicators')}{' '}
            {all.length > 1 ? t('continued', { part: i + 1, parts: all.length }) : ''}
          </h2>
          <table className="report-table">
            <colgroup>
              <col style={{ width: '22%' }} />
              <col style={{ width: '30%' }} />
              <col style={{ width: '16%' }} />
              <col style={{ width: '16%' }} />
              <col style={{ width: '16%' }} />
            </colgroup>
            <thead>
              <tr>
                <th>{t('metric')}</th>
                <th>{t('complex')}</th>
                <th>{t('value')}</th>
                <th>{t('changeLastMonth')}</th>
                <th>{t('changeLastYear')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? <NoneRow span={5} /> : null}
              {rows.map((r) => (
                <tr key={`${r.metric}:${r.complex}`}>
                  <td>{r.label[lang]}</td>
                  <td>{r.complex}</td>
                  <td className="num">{formatFigure(r.value, r.unit, lang)}</td>
                  <td className="num">{formatChange(r.changePrevious, r.unit, lang)}</td>
                  <td className="num">{formatChange(r.changeLastYear, r.unit, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {model.tables.flatMap((table) =>
        paginateTable(table).map((page) => (
          <TableSheet key={`${table.id}-${page.part}`} table={table} page={page} lang={lang} />
        )),
      )}
      <section className="report-sheet" data-testid="report-notes-page">
        <h2>{t('notes')}</h2>
        <div className="report-notes-box">{notes.trim() === '' ? t('notesEmpty') : notes}</div>
      </section>
      {paginateAppendix(model.appendix).map((entries, i) => (
        <section className="report-sheet report-appendix" key={`app-${i}`}>
          <h2>{t('appendix')}</h2>
          <dl>
            {entries.map((e) => (
              <div key={e.key}>
                <dt>{e.label[lang]}</dt>
                <dd>{e.text[lang]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </article>
  );
}

function Cover({ model, signoff }: Pick<ReportDocumentProps, 'model' | 'signoff'>) {
  const lang = useLang();
  const t = useReportT();
  const [year, month] = model.month.split('-');
  return (
    <section className="report-sheet report-cover" data-testid="report-cover">
      <table className="report-signoff" aria-label={t('signoff')}>
        <tbody>
          <tr>
            <th rowSpan={2} className="report-signoff-title">
              {t('signoff')}
            </th>
            {signoff.map((s, i) => (
              <th key={i}>{s.label}</th>
            ))}
          </tr>
          <tr>
            {signoff.map((s, i) => (
              <td key={i}>{s.name}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <h1>{t('coverTitle', { year, month: Number(month) })}</h1>
      <p className="report-cover-team">{t('coverTeam', { cluster: model.cluster[lang] })}</p>
      <p className="report-cover-period">{t('coverPeriod', { from: model.from, to: model.to })}</p>
    </section>
  );
}

function KeyFigureTable({ model, lang }: { model: MonthlyReportModel; lang: Lang }) {
  const t = useReportT();
  return (
    <table className="report-table report-key-figures">
      <thead>
        <tr>
          <th>{t('figure')}</th>
          <th>{t('thisMonth')}</th>
          <th>{t('lastMonth')}</th>
          <th>{t('changeLastMonth')}</th>
          <th>{t('lastYear')}</th>
          <th>{t('changeLastYear')}</th>
        </tr>
      </thead>
      <tbody>
        {model.keyFigures.map((k) => (
          <tr key={k.key} data-testid={`kf-${k.key}`}>
            <td>{k.label[lang]}</td>
            <td className="num">{formatFigure(k.value, k.unit, lang)}</td>
            <td className="num">{formatFigure(k.previous, k.unit, lang)}</td>
            <td className="num">{formatChange(k.changePrevious, k.unit, lang)}</td>
            <td className="num">{formatFigure(k.lastYear, k.unit, lang)}</td>
            <td className="num">{formatChange(k.changeLastYear, k.unit, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TableSheet({ table, page, lang }: { table: ReportTable; page: TablePage; lang: Lang }) {
  const t = useReportT();
  return (
    <section className="report-sheet" data-testid={`report-table-${table.id}`}>
      <h2>
        {table.title[lang]}{' '}
        {page.parts > 1 ? t('continued', { part: page.part, parts: page.parts }) : ''}
      </h2>
      <table className="report-table">
        <colgroup>
          {table.columns.map((c) => (
            <col key={c.key} style={{ width: `${c.width}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key}>{c.label[lang]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.rows.length === 0 ? <NoneRow span={table.columns.length} /> : null}
          {page.rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((c, j) => (
                <td key={c.key} className={c.kind === 'count' || c.kind === 'number' ? 'num' : ''}>
                  {formatCell(row[j] ?? null, c.kind, lang, c.width)}
                </td>
              ))}
            </tr>
          ))}
          {page.omitted > 0 ? (
            <tr data-testid="report-more">
              <td colSpan={table.columns.length} className="report-more">
                {t('more', { n: page.omitted.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US') })}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}

function NoneRow({ span }: { span: number }) {
  const t = useReportT();
  return (
    <tr>
      <td colSpan={span} className="report-none">
        {t('none')}
      </td>
    </tr>
  );
}
