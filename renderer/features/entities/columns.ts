/**
 * AG Grid column definitions generated from the registry: one column per field, plus 클러스터
 * and 수정일. Values stay raw in the row (no copies of 100,000 rows); what a cell shows comes from
 * valueFormatter (plain text, never HTML), what filters and quick search see from
 * filterValueGetter / getQuickFilterText, so searching `기업` finds organisations of kind
 * `company`. Reference titles come from the grid `context` (DisplayContext), so the definitions
 * do not change when a referenced record is renamed.
 */
import type {
  ColDef,
  GetQuickFilterTextParams,
  ValueFormatterParams,
  ValueGetterParams,
} from 'ag-grid-community';
import {
  enumOptions,
  type EntityDef,
  type FieldDef,
  type FieldKind,
  type Lang,
  type StoredRecord,
} from '../../../shared/registry';
import { clusterText, fieldText, formatDateTime, type DisplayContext } from './display';
import type { KeyedComparator } from './rowOrder';

export type RecordColDef = ColDef<StoredRecord>;
export type GridFilterKind = 'agTextColumnFilter' | 'agNumberColumnFilter' | 'agDateColumnFilter';

export const CLUSTER_COL_ID = 'clusterId';
export const UPDATED_COL_ID = 'updatedAt';

const META_HEADERS = {
  ko: { cluster: '클러스터', updatedAt: '수정일' },
  en: { cluster: 'Cluster', updatedAt: 'Updated' },
} as const;

const NUMERIC_KINDS: ReadonlySet<FieldKind> = new Set(['integer', 'decimal', 'money', 'percent']);

/** Widths used when the registry gives none. */
const DEFAULT_WIDTH: Partial<Record<FieldKind, number>> = {
  longText: 240,
  integer: 100,
  decimal: 110,
  money: 140,
  percent: 90,
  date: 110,
  enum: 110,
  multiEnum: 180,
  ref: 180,
  refs: 220,
  boolean: 80,
  tags: 180,
};
const FALLBACK_WIDTH = 150;

export function filterForKind(kind: FieldKind): GridFilterKind {
  if (NUMERIC_KINDS.has(kind)) return 'agNumberColumnFilter';
  if (kind === 'date') return 'agDateColumnFilter';
  return 'agTextColumnFilter';
}

/** The grid context, or a Korean default when a formatter runs without one (tests, exports). */
function ctxOf(params: { context?: unknown }): DisplayContext {
  const ctx = params.context as DisplayContext | undefined;
  return ctx ?? { lang: 'ko', titles: undefined };
}

/**
 * `2006-04-01` (a date field) or `2006-04-01T05:00:00Z` (a timestamp) → local midnight of that
 * day, the form AG Grid's date filter compares against. null when unreadable.
 */
export function toLocalMidnight(value: unknown): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (ymd) return new Date(Number(ymd[1]), Number(ymd[2]) - 1, Number(ymd[3]));
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  d.setHours(0, 0, 0, 0);
  return d;
}

/** AG Grid date-filter comparator over ISO strings: <0 cell before filter day, 0 same, >0 after. */
export function isoDateComparator(filterLocalDateAtMidnight: Date, cellValue: unknown): number {
  const cell = toLocalMidnight(cellValue);
  // Blank cells never match a date condition (AG Grid treats -1 as "before").
  if (!cell) return -1;
  return cell.getTime() - filterLocalDateAtMidnight.getTime();
}

const dateFilterParams = { comparator: isoDateComparator, browserDatePicker: true };

/** Sort enums in their declared order (접수 → 검토 → … follows the work), not by code. */
function enumComparator(field: FieldDef): KeyedComparator {
  const order = new Map(enumOptions(field).map((o, i) => [o.code, i]));
  // The key IS the position compared, so the grid's own sort (gridSort.ts) ranks by it.
  const sortKey = (v: unknown): number =>
    typeof v === 'string' ? (order.get(v) ?? order.size) : order.size + 1;
  const compareKeys = (a: string | number, b: string | number) => (a as number) - (b as number);
  const compare = (a: unknown, b: unknown): number => sortKey(a) - sortKey(b);
  return Object.assign(compare, { sortKey, compareKeys });
}

/**
 * Sorts by the shown text (labels, joined tags) with one collator per column. A sort of 100,000
 * rows compares ~1.7 million pairs, so the text of an array value (tags, multiEnum) is built once
 * per array and kept by identity: stored records are replaced on every write, never mutated, so
 * an array's text cannot change. Primitives (boolean) are cheap and not cached.
 */
export function textComparator(lang: Lang, field: FieldDef): KeyedComparator {
  const collator = new Intl.Collator(lang === 'ko' ? 'ko-KR' : 'en-US', { numeric: true });
  const ctx: DisplayContext = { lang, titles: undefined };
  const texts = new WeakMap<object, string>();
  const sortText = (value: unknown): string => {
    if (typeof value !== 'object' || value === null) return fieldText(field, value, ctx);
    let text = texts.get(value);
    if (text === undefined) {
      text = fieldText(field, value, ctx);
      texts.set(value, text);
    }
    return text;
  };
  const compare = (a: unknown, b: unknown): number => collator.compare(sortText(a), sortText(b));
  // The grid's own sort (gridSort.ts) ranks the distinct texts: a handful, not 100,000 arrays.
  return Object.assign(compare, {
    sortKey: sortText,
    compareKeys: (a: string | number, b: string | number) => collator.compare(String(a), String(b)),
  });
}

export function fieldColumn(field: FieldDef, lang: Lang): RecordColDef {
  const text = (value: unknown, params: { context?: unknown; data?: StoredRecord }) =>
    fieldText(field, value, ctxOf(params), params.data);
  const col: RecordColDef = {
    colId: field.key,
    field: field.key,
    headerName: field.label[lang],
    headerTooltip: field.help?.[lang] ?? field.label[lang],
    hide: field.grid?.hide === true,
    width: field.grid?.width ?? DEFAULT_WIDTH[field.kind] ?? FALLBACK_WIDTH,
    pinned: field.grid?.pinned ? 'left' : null,
    sortable: true,
    resizable: true,
    filter: filterForKind(field.kind),
    // No inference: the registry already says what each column holds (and inference costs time).
    cellDataType: false,
    valueFormatter: (p: ValueFormatterParams<StoredRecord>) => text(p.value, p),
  };

  switch (field.kind) {
    case 'integer':
    case 'decimal':
    case 'money':
    case 'percent':
      col.type = 'rightAligned';
      // Quick search finds `1234` and `1,234` alike.
      col.getQuickFilterText = (p: GetQuickFilterTextParams<StoredRecord>) =>
        p.value === undefined || p.value === null ? '' : `${String(p.value)} ${text(p.value, p)}`;
      break;
    case 'date':
      col.filterParams = dateFilterParams;
      delete col.valueFormatter; // ISO dates already read `2006-04-01`
      break;
    case 'ref':
    case 'refs':
      // The cell value IS the title, so sorting, filtering and quick search all use the title.
      delete col.field;
      col.valueGetter = (p: ValueGetterParams<StoredRecord>) =>
        fieldText(field, p.data?.[field.key], ctxOf(p));
      delete col.valueFormatter;
      col.filterParams = { trimInput: true };
      break;
    case 'enum':
      col.comparator = enumComparator(field);
      col.filterValueGetter = (p: ValueGetterParams<StoredRecord>) => text(p.data?.[field.key], p);
      col.getQuickFilterText = (p: GetQuickFilterTextParams<StoredRecord>) => text(p.value, p);
      break;
    case 'multiEnum':
    case 'tags':
    case 'boolean':
      col.comparator = textComparator(lang, field);
      col.filterValueGetter = (p: ValueGetterParams<StoredRecord>) => text(p.data?.[field.key], p);
      col.getQuickFilterText = (p: GetQuickFilterTextParams<StoredRecord>) => text(p.value, p);
      break;
    default:
      col.filterParams = { trimInput: true };
  }
  return col;
}

function clusterColumn(lang: Lang): RecordColDef {
  const text = (v: unknown, p: { context?: unknown }) => clusterText(v, ctxOf(p).lang);
  return {
    colId: CLUSTER_COL_ID,
    field: 'clusterId',
    headerName: META_HEADERS[lang].cluster,
    width: 100,
    sortable: true,
    resizable: true,
    filter: 'agTextColumnFilter',
    cellDataType: false,
    valueFormatter: (p: ValueFormatterParams<StoredRecord>) => text(p.value, p),
    filterValueGetter: (p: ValueGetterParams<StoredRecord>) => text(p.data?.clusterId, p),
    getQuickFilterText: (p: GetQuickFilterTextParams<StoredRecord>) => text(p.value, p),
  };
}

function updatedAtColumn(lang: Lang): RecordColDef {
  return {
    colId: UPDATED_COL_ID,
    field: 'updatedAt',
    headerName: META_HEADERS[lang].updatedAt,
    width: 150,
    sortable: true,
    resizable: true,
    filter: 'agDateColumnFilter',
    filterParams: dateFilterParams,
    cellDataType: false,
    valueFormatter: (p: ValueFormatterParams<StoredRecord>) => formatDateTime(p.value),
    // A timestamp is not what people search for; typing `2024` should not match every row.
    getQuickFilterText: () => '',
  };
}

export const UNSENT_COL_ID = 'unsent';
const UNSENT = {
  ko: { header: '미전송', mark: '●', tip: '중앙 서버로 아직 보내지 않은 변경이 있습니다' },
  en: { header: 'Unsent', mark: '●', tip: 'Has changes not yet sent to the central server' },
} as const;

/** A marker for records with writes still in the outbox (fed through the grid's context). */
function unsentColumn(lang: Lang): RecordColDef {
  const unsent = (p: { context?: unknown; data?: StoredRecord }) =>
    Boolean(p.data && ctxOf(p).unsent?.has(p.data.id));
  return {
    colId: UNSENT_COL_ID,
    headerName: UNSENT[lang].header,
    // Pinned right: always in view, however many columns scroll (a marker nobody sees is none).
    pinned: 'right',
    width: 72,
    sortable: true,
    resizable: true,
    cellDataType: false,
    valueGetter: (p: ValueGetterParams<StoredRecord>) => (unsent(p) ? UNSENT[lang].mark : ''),
    tooltipValueGetter: (p) => (unsent(p) ? UNSENT[lang].tip : undefined),
    cellClass: 'status-unsent',
    getQuickFilterText: () => '',
  };
}

/** Every registry field as a column (declaration order), then 클러스터, 수정일 and 미전송. */
export function buildColumnDefs(entity: EntityDef, lang: Lang): RecordColDef[] {
  return [
    ...entity.fields.map((f) => fieldColumn(f, lang)),
    clusterColumn(lang),
    updatedAtColumn(lang),
    unsentColumn(lang),
  ];
}

/** Column ids in default order, e.g. for validating saved grid state. */
export function columnIds(defs: readonly RecordColDef[]): string[] {
  return defs.map((d) => d.colId ?? '').filter((id) => id !== '');
}
