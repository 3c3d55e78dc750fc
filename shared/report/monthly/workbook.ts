/**
 * The monthly report's XLSX annex (부록 XLSX): every table of the model in full — the printed
 * report caps long tables (paginate.ts), the annex never does — plus the key figures, the
 * indicators and the corrections, one sheet each, written by shared/export. A closed month's
 * annex is made from its stored model, so it holds exactly what was closed.
 */
import type { ExportColumn, ExportRow, XlsxSheet } from '../../export';
import type { Lang } from '../../registry';
import type { ColumnKind, IndicatorUnit, KeyFigureUnit, MonthlyReportModel } from './types';

const KIND: Record<ColumnKind, ExportColumn['kind']> = {
  text: 'text',
  date: 'date',
  count: 'integer',
  number: 'decimal',
};

const UNIT_WORDS: Record<KeyFigureUnit | IndicatorUnit, { ko: string; en: string }> = {
  count: { ko: '건', en: 'count' },
  percent: { ko: '%', en: '%' },
  days: { ko: '일', en: 'days' },
  people: { ko: '명', en: 'people' },
  krw: { ko: '원', en: 'KRW' },
  usd: { ko: '달러', en: 'USD' },
};

const col = (key: string, header: string, kind: ExportColumn['kind']): ExportColumn => ({
  key,
  header,
  kind,
});

const H = {
  figure: { ko: '구분', en: 'Figure' },
  unit: { ko: '단위', en: 'Unit' },
  value: { ko: '당월', en: 'This month' },
  previous: { ko: '전월', en: 'Last month' },
  changePrevious: { ko: '전월 대비', en: 'vs last month' },
  lastYear: { ko: '전년 동월', en: 'Same month last year' },
  changeLastYear: { ko: '전년 동월 대비', en: 'vs last year' },
  metric: { ko: '지표', en: 'Metric' },
  complex: { ko: '단지', en: 'Complex' },
  month: { ko: '월', en: 'Month' },
  before: { ko: '보고한 값', en: 'Reported' },
  after: { ko: '정정한 값', en: 'Corrected' },
  keyFigures: { ko: '주요 실적', en: 'Key figures' },
  indicators: { ko: '성과지표', en: 'Indicators' },
  corrections: { ko: '정정 사항', en: 'Corrections' },
} as const;

export function reportSheets(model: MonthlyReportModel, lang: Lang): XlsxSheet[] {
  const h = (k: keyof typeof H) => H[k][lang];
  const keyFigures: XlsxSheet = {
    name: h('keyFigures'),
    columns: [
      col('label', h('figure'), 'text'),
      col('unit', h('unit'), 'text'),
      col('value', h('value'), 'decimal'),
      col('previous', h('previous'), 'decimal'),
      col('changePrevious', h('changePrevious'), 'decimal'),
      col('lastYear', h('lastYear'), 'decimal'),
      col('changeLastYear', h('changeLastYear'), 'decimal'),
    ],
    rows: model.keyFigures.map((k) => ({
      ...k,
      label: k.label[lang],
      unit: UNIT_WORDS[k.unit][lang],
    })),
  };
  const indicators: XlsxSheet = {
    name: h('indicators'),
    columns: [
      col('label', h('metric'), 'text'),
      col('complex', h('complex'), 'text'),
      col('unit', h('unit'), 'text'),
      col('value', h('value'), 'decimal'),
      col('changePrevious', h('changePrevious'), 'decimal'),
      col('changeLastYear', h('changeLastYear'), 'decimal'),
    ],
    rows: model.indicators.map((i) => ({
      ...i,
      label: i.label[lang],
      unit: UNIT_WORDS[i.unit][lang],
    })),
  };
  const corrections: XlsxSheet[] =
    model.corrections.length === 0
      ? []
      : [
          {
            name: h('corrections'),
            columns: [
              col('month', h('month'), 'text'),
              col('label', h('figure'), 'text'),
              col('unit', h('unit'), 'text'),
              col('before', h('before'), 'decimal'),
              col('after', h('after'), 'decimal'),
            ],
            rows: model.corrections.map((c) => ({
              ...c,
              label: c.label[lang],
              unit: UNIT_WORDS[c.unit][lang],
            })),
          },
        ];
  const tables: XlsxSheet[] = model.tables.map((t) => ({
    name: t.title[lang],
    columns: t.columns.map((c) => col(c.key, c.label[lang], KIND[c.kind])),
    rows: t.rows.map((cells): ExportRow =>
      Object.fromEntries(t.columns.map((c, i) => [c.key, cells[i] ?? null])),
    ),
  }));
  return [keyFigures, ...corrections, indicators, ...tables];
}

/** `월간보고서-gumi-2006-03.xlsx`, with `-제2판` for a closed revision after the first. */
export function reportWorkbookName(model: MonthlyReportModel, revision?: number): string {
  const suffix = revision === undefined ? '' : `-마감${revision > 1 ? `-제${revision}판` : ''}`;
  return `월간보고서-${model.clusterId}-${model.month}${suffix}.xlsx`;
}
