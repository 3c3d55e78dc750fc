/**
 * The corrections page(s) of a report (정정 사항): each figure of an earlier closed month whose
 * value changed since it was reported, as "3월 해결 건수 정정: 41 → 42". Left out when there is
 * none (pageCount() counts the same pages).
 */
import type { Lang } from '../../../shared/registry';
import { paginateCorrections, type Correction } from '../../../shared/report/monthly';
import { formatFigure } from './format';
import { useReportT } from './messages';

type T = ReturnType<typeof useReportT>;

/** `3월` within the report's year, `2005년 12월` across a year (en: `2006-03`). */
export function correctionMonth(month: string, reportMonth: string, t: T): string {
  const [year = '', m = ''] = month.split('-');
  const key = year === reportMonth.slice(0, 4) ? 'monthSameYear' : 'monthOtherYear';
  return t(key, { year, month: Number(m), month2: m });
}

export function correctionLine(c: Correction, reportMonth: string, lang: Lang, t: T): string {
  return t('correctionLine', {
    month: correctionMonth(c.month, reportMonth, t),
    label: c.label[lang],
    before: formatFigure(c.before, c.unit, lang),
    after: formatFigure(c.after, c.unit, lang),
  });
}

export function CorrectionSheets(props: {
  corrections: readonly Correction[];
  reportMonth: string;
  lang: Lang;
}) {
  const t = useReportT();
  const pages = paginateCorrections(props.corrections);
  return (
    <>
      {pages.map((list, i) => (
        <section className="report-sheet" key={`corr-${i}`} data-testid="report-corrections">
          <h2>
            {t('corrections')}{' '}
            {pages.length > 1 ? t('continued', { part: i + 1, parts: pages.length }) : ''}
          </h2>
          {i === 0 ? <p className="report-note">{t('correctionsNote')}</p> : null}
          <ul className="report-corrections">
            {list.map((c) => (
              <li key={`${c.month}:${c.key}`}>
                {correctionLine(c, props.reportMonth, props.lang, t)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
