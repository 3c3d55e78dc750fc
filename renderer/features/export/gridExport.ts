/**
 * Grid → file: what the user sees (filters, quick search, sort, visible columns in their order)
 * becomes the XLSX or CSV built by shared/export. Pure functions over a minimal view of the grid
 * API, so they are tested without AG Grid; no database and no DOM here.
 */
import {
  buildCsv,
  buildXlsx,
  columnsForEntity,
  type ExportColumn,
  type ExportRow,
  type ResolveRef,
} from '../../../shared/export';
import type { EntityDef, Lang, StoredRecord } from '../../../shared/registry';
import type { TitleLookups } from '../entities/display';

export type ExportFormat = 'xlsx' | 'csv-utf8' | 'csv-cp949';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv-utf8', 'csv-cp949'];

/** The part of AG Grid's GridApi an export reads (the real api satisfies it). */
export interface GridViewSource {
  getAllDisplayedColumns(): ReadonlyArray<{ getColId(): string }>;
  forEachNodeAfterFilterAndSort(callback: (node: { data?: StoredRecord }) => void): void;
}

export interface GridView {
  /** displayed column ids, left to right (pinned first, as on screen) */
  columnIds: string[];
  /** rows after filters and quick search, in the grid's sort order */
  rows: StoredRecord[];
}

/** Reads the grid's current view. Rows are the grid's own objects (no copies). */
export function readGridView(api: GridViewSource): GridView {
  const columnIds = api.getAllDisplayedColumns().map((c) => c.getColId());
  const rows: StoredRecord[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) rows.push(node.data);
  });
  return { columnIds, rows };
}

/**
 * Export columns for the displayed grid columns: grid column ids are field keys or the meta
 * columns `clusterId` / `updatedAt` (entities/columns.ts); anything else (a computed column) is
 * left out by columnsForEntity. No visible column at all → every field, so a file is never empty.
 */
export function exportColumnsFromGrid(
  entity: EntityDef,
  columnIds: readonly string[],
  lang: Lang,
): ExportColumn[] {
  const columns = columnsForEntity(entity, lang, columnIds);
  return columns.length > 0 ? columns : columnsForEntity(entity, lang);
}

/** Reference titles from the grid's own lookups (useTitleLookups): the file says what the grid says. */
export function resolveRefFrom(titles: TitleLookups | undefined): ResolveRef {
  return (entity, id) => titles?.[entity]?.get(id) ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `기업·기관-20060401.xlsx`: the entity's Korean name (what the team calls it) and the day. */
export function exportFileName(entity: EntityDef, format: ExportFormat, date: Date): string {
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  // Characters a Windows file name refuses are replaced (a future label might hold one).
  const base = entity.label.ko.replace(/[\\/:*?"<>|]/g, '_');
  const suffix = format === 'csv-cp949' ? '-cp949.csv' : format === 'csv-utf8' ? '.csv' : '.xlsx';
  return `${base}-${day}${suffix}`;
}

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

export interface ExportFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

export interface BuildExportInput {
  entity: EntityDef;
  format: ExportFormat;
  view: GridView;
  lang: Lang;
  titles: TitleLookups | undefined;
  now: Date;
}

/** Builds the file; throws shared/export's ExportError (Korean, row and column named). */
export async function buildExportFile(input: BuildExportInput): Promise<ExportFile> {
  const { entity, format, view, lang } = input;
  const columns = exportColumnsFromGrid(entity, view.columnIds, lang);
  const rows: readonly ExportRow[] = view.rows;
  const resolveRef = resolveRefFrom(input.titles);
  const name = exportFileName(entity, format, input.now);
  if (format === 'xlsx') {
    const sheetName = entity.label[lang];
    const bytes = await buildXlsx(columns, rows, { sheetName, lang, resolveRef });
    return { name, bytes, mime: MIME.xlsx };
  }
  const encoding = format === 'csv-cp949' ? 'cp949' : 'utf-8-bom';
  return { name, bytes: buildCsv(columns, rows, { encoding, lang, resolveRef }), mime: MIME.csv };
}
