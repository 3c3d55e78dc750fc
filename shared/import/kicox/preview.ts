/**
 * A whole KICOX workbook → one preview: each recognised sheet with its own counts and notes,
 * every other sheet listed as skipped with its reason, and the `mutate()` calls that would
 * apply it. Indicators are matched on their natural key (metric + period + complex + 업종그룹);
 * a matched indicator is updated only when its value differs (a revised 전분기 figure), so a
 * re-import writes nothing. Nothing here touches a database: existing records are passed in.
 */
import { getEntity, validateRecord, type Lang, type RecordData } from '../../registry';
import { matchKey } from '../fieldValues';
import { importMessage, throwIfAborted } from '../messages';
import type { ExistingRecord, ImportMutation, PreviewNote } from '../preview';
import type { RawSheet } from '../rawSheet';
import { extractValues, type KicoxNote, type KicoxValue } from './extract';
import { readLayout } from './layout';
import { quarterLabel } from './labels';
import { formatNumber, itemName, kicoxMessage } from './messages';

/** What a created indicator says it came from. Constant: a later quarter must not "change" it. */
export const KICOX_SOURCE = '한국산업단지공단 국가산업단지 산업동향';

export interface KicoxSheetCounts {
  new: number;
  updated: number;
  unchanged: number;
  /** the same item read earlier in the workbook */
  duplicate: number;
  /** `X` / 비공개 cells: not written */
  withheld: number;
  error: number;
  totalsChecked: number;
  totalsMismatched: number;
}

export interface KicoxSheetPreview {
  sheet: string;
  title: string;
  /** `2026년 1분기` */
  quarter: string;
  metrics: string[];
  unit: string | null;
  headerRows: number[];
  counts: KicoxSheetCounts;
  notes: PreviewNote[];
  conversions: string[];
}

export interface KicoxSkippedSheet {
  sheet: string;
  title: string;
  reason: string;
}

export interface KicoxWorkbookPreview {
  fileName: string;
  checksum: string;
  sheets: KicoxSheetPreview[];
  skipped: KicoxSkippedSheet[];
  counts: KicoxSheetCounts;
  mutations: ImportMutation[];
  /** the values that would be stored, with their sheet, row and column (CLI `--records`) */
  records: Array<KicoxValue & { status: 'new' | 'updated' | 'unchanged' | 'duplicate' }>;
}

export interface KicoxPreviewOptions {
  fileName: string;
  checksum?: string;
  existing?: readonly ExistingRecord[];
  /** only these sheets (CLI `--sheet`); default: every sheet */
  sheets?: readonly string[];
  lang?: Lang;
  signal?: AbortSignal;
}

const emptyCounts = (): KicoxSheetCounts => ({
  new: 0,
  updated: 0,
  unchanged: 0,
  duplicate: 0,
  withheld: 0,
  error: 0,
  totalsChecked: 0,
  totalsMismatched: 0,
});

type KeyPart = 'metric' | 'period' | 'complex' | 'industryGroup';
/** metric + period + complex + 업종그룹; a blank part is part of the key (blank = blank). */
const keyOf = (v: { [K in KeyPart]?: unknown }) =>
  [v.metric, v.period, matchKey(undefined, v.complex), v.industryGroup ?? '']
    .map(String)
    .join('\u241f');

/** True when the sheet reads as a KICOX table (for callers choosing this path). */
export function isKicoxSheet(sheet: RawSheet): boolean {
  return readLayout(sheet).ok;
}

export function previewKicoxSheets(
  rawSheets: readonly RawSheet[],
  opts: KicoxPreviewOptions,
): KicoxWorkbookPreview {
  const lang = opts.lang ?? 'ko';
  const indicator = getEntity('indicator');
  const existing = new Map<string, ExistingRecord>();
  for (const rec of opts.existing ?? [])
    if (rec.deleted !== 1) existing.set(keyOf(rec as { [K in KeyPart]?: unknown }), rec);
  const seen = new Map<string, KicoxValue>();
  const matched = new Set<string>();
  const result: KicoxWorkbookPreview = {
    fileName: opts.fileName,
    checksum: opts.checksum ?? '',
    sheets: [],
    skipped: [],
    counts: emptyCounts(),
    mutations: [],
    records: [],
  };
  const wanted = opts.sheets ? new Set(opts.sheets) : null;

  for (const raw of rawSheets) {
    throwIfAborted(opts.signal);
    if (wanted && !wanted.has(raw.name)) continue;
    const read = readLayout(raw);
    if (!read.ok) {
      result.skipped.push({
        sheet: raw.name,
        title: read.title,
        reason: kicoxMessage(read.reason, {}, lang),
      });
      continue;
    }
    const layout = read.layout;
    const extracted = extractValues(layout, lang);
    const counts = emptyCounts();
    counts.withheld = extracted.withheld;
    counts.totalsChecked = extracted.totalsChecked;
    counts.totalsMismatched = extracted.totalsMismatched;
    const notes: KicoxNote[] = [...extracted.notes];

    for (const v of extracted.values) {
      const item = itemName(v, lang);
      const key = keyOf(v);
      const earlier = seen.get(key);
      if (earlier) {
        counts.duplicate++;
        result.records.push({ ...v, status: 'duplicate' });
        if (Math.abs(earlier.value - v.value) > 1e-6) {
          const other = `[${earlier.sheet}] ${earlier.row}행 ${earlier.column}열`;
          notes.push({
            row: v.row,
            column: v.column,
            message: kicoxMessage(
              'conflict',
              { item, other, otherValue: formatNumber(earlier.value) },
              lang,
            ),
          });
        }
        continue;
      }
      seen.set(key, v);
      const input: RecordData = {
        metric: v.metric,
        periodType: 'quarter',
        period: v.period,
        value: v.value,
        ...(v.complex ? { complex: v.complex } : {}),
        ...(v.industryGroup ? { industryGroup: v.industryGroup } : {}),
        source: KICOX_SOURCE,
      };
      const checked = validateRecord(indicator, input, lang);
      if (!checked.ok) {
        counts.error++;
        for (const e of checked.errors)
          notes.push({
            row: v.row,
            column: v.column,
            message: kicoxMessage('invalid', { item, message: e.message }, lang),
          });
        continue;
      }
      const match = existing.get(key);
      if (!match || matched.has(match.id)) {
        counts.new++;
        result.mutations.push({ entity: 'indicator', op: 'create', values: checked.value });
        result.records.push({ ...v, status: 'new' });
        continue;
      }
      matched.add(match.id);
      const before = Number(match.value);
      // Only the value can be revised: metric, period, complex and group are the key.
      if (Math.abs(before - v.value) <= 1e-6) {
        counts.unchanged++;
        result.records.push({ ...v, status: 'unchanged' });
        continue;
      }
      counts.updated++;
      result.mutations.push({
        entity: 'indicator',
        op: 'update',
        id: match.id,
        values: { value: checked.value.value },
      });
      result.records.push({ ...v, status: 'updated' });
      notes.push({
        row: v.row,
        column: v.column,
        message: kicoxMessage(
          'revised',
          { item, before: formatNumber(before), after: formatNumber(v.value) },
          lang,
        ),
      });
    }

    const prefix = importMessage('sheetPrefix', { sheet: raw.name }, lang);
    result.sheets.push({
      sheet: raw.name,
      title: layout.title,
      quarter:
        lang === 'en'
          ? `${layout.quarter.year} Q${layout.quarter.quarter}`
          : quarterLabel(layout.quarter),
      metrics: [
        ...new Set(
          layout.columns.map((c) => c.metric).filter((m): m is NonNullable<typeof m> => !!m),
        ),
      ],
      unit: layout.unit?.text ?? null,
      headerRows: layout.headerRows,
      counts,
      conversions: extracted.conversions,
      notes: notes
        .sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
        .map((n) => ({
          sheet: raw.name,
          row: n.row ?? 0,
          column: n.column,
          message: n.message,
          text:
            prefix +
            (n.row === null
              ? n.message
              : n.column
                ? importMessage(
                    'rowError',
                    { row: n.row, column: n.column, message: n.message },
                    lang,
                  )
                : importMessage('rowErrorNoColumn', { row: n.row, message: n.message }, lang)),
        })),
    });
    for (const k of Object.keys(counts) as Array<keyof KicoxSheetCounts>)
      result.counts[k] += counts[k];
  }
  return result;
}
