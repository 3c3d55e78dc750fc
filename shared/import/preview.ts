/**
 * Table + entity → a preview of what an import would do, before anything is written: each row
 * is new / updated / unchanged / duplicate / skipped / error, every error listed at once in
 * Korean with its spreadsheet row and column letter, and the `mutate()` calls that would apply
 * it. The pipeline never touches a database: existing records are passed in.
 */
import {
  getEntity,
  validateRecord,
  type EntityDef,
  type EntityName,
  type Lang,
  type RecordData,
} from '../registry';
import { fieldInput, naturalKeyStrings, unneutraliseFormula } from './fieldValues';
import { columnLetter } from './limits';
import {
  headerSignature,
  headersMapCleanly,
  mapColumns,
  sanitizeMapping,
  type ColumnMapping,
} from './mapping';
import { importMessage, throwIfAborted } from './messages';
import type { CellValue } from './rawSheet';
import type { ImportTable, ProgressCallback } from './readTable';
import {
  clusterCodeOf,
  makeRefResolver,
  resolveRefCell,
  type RefLookups,
  type ResolveRefTitle,
} from './refs';
import type { FillDownMode, TableRow } from './table';
import type { MoneyScale } from './units';

export type ImportMutation =
  /** `clusterId`: the cluster named in the file's `클러스터` column, when it has one */
  | { entity: EntityName; op: 'create'; values: RecordData; clusterId?: string }
  | { entity: EntityName; op: 'update'; id: string; values: RecordData };

export type RowStatus = 'new' | 'updated' | 'unchanged' | 'duplicate' | 'skipped' | 'error';

export interface RowError {
  /** sheet name for XLSX, null for CSV/TSV */
  sheet: string | null;
  /** the spreadsheet's own row number */
  row: number;
  /** column letter (`E`), or null when the error is not about one column */
  column: string | null;
  field: string | null;
  message: string;
  /** ready to show: `3행 E열: 사업자등록번호 검증숫자가 맞지 않습니다` */
  text: string;
}

/** A per-row note (formula error read as blank, `X` withheld, `외 N 종` cut, duplicate in file). */
export interface PreviewNote {
  sheet: string | null;
  row: number;
  /** column letter, or null when the note is about the whole row */
  column: string | null;
  message: string;
  /** ready to show: `[시트] 3행 E열: …` */
  text: string;
}

/** How many notes a preview lists (the rest are counted in `notesTotal`). */
export const MAX_PREVIEW_NOTES = 200;

export interface PreviewRow {
  rowNumber: number;
  status: RowStatus;
  /** validated, normalised values (what would be stored) */
  values: RecordData;
  /** the existing record matched (updated / unchanged) */
  id?: string;
  changedFields: string[];
  /** the earlier row of the same file this one repeats */
  duplicateOf?: number;
  /** cluster code read from the `클러스터` meta column (given to a created record) */
  clusterId?: string;
  errors: RowError[];
  notes: string[];
}

export interface ExistingRecord extends RecordData {
  id: string;
}

export interface PreviewOptions {
  entity: EntityDef | EntityName;
  /** explicit (saved or user-corrected) mapping; default: `mapColumns(headers, entity)` */
  mapping?: readonly ColumnMapping[];
  existing?: readonly ExistingRecord[];
  /** values for fields no column fills (e.g. `{ kind: 'company' }` for a list of companies) */
  defaults?: RecordData;
  /** SHA-256 of the file (previewFile computes it) */
  checksum?: string;
  /**
   * Records reference cells may name, per entity: exports write a referenced record's title,
   * resolved back to its id here (an existing id is accepted as is). Unknown or ambiguous
   * titles are row errors. Without this and `resolveRefTitle`, reference cells are validated
   * as they are (ids).
   */
  refLookups?: RefLookups;
  /** the caller's own title → id search, tried after `refLookups` */
  resolveRefTitle?: ResolveRefTitle;
  /**
   * `auto` (default): values the table stage filled down ("same as above") are kept, unless the
   * header row maps cleanly to the entity (an export or template: blanks are blanks).
   * `off`: every filled-down value is blank again.
   */
  fillDown?: FillDownMode;
  lang?: Lang;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
}

export interface ImportPreview {
  entity: EntityName;
  fileName: string;
  sheet: string | null;
  headerRow: number;
  headerRows: number[];
  headers: string[];
  mapping: ColumnMapping[];
  headerSignature: string;
  encoding: ImportTable['encoding'];
  delimiter: ImportTable['delimiter'];
  unitHint: ImportTable['unitHint'];
  counts: Record<RowStatus, number>;
  rows: PreviewRow[];
  errors: RowError[];
  /** the first MAX_PREVIEW_NOTES per-row notes, in row order */
  notes: PreviewNote[];
  notesTotal: number;
  mutations: ImportMutation[];
  checksum: string;
  warnings: string[];
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const YIELD_EVERY = 1000;

function scaleFor(
  table: ImportTable,
  column: number,
  entityField: { unit?: string },
): MoneyScale | null {
  const own = table.columnUnits[column];
  if (own) return own;
  const unit = entityField.unit === 'USD' ? 'USD' : 'KRW';
  return table.unitHint?.money[unit] ?? null;
}

export async function buildPreview(
  table: ImportTable,
  opts: PreviewOptions,
): Promise<ImportPreview> {
  const entity = typeof opts.entity === 'string' ? getEntity(opts.entity) : opts.entity;
  const lang = opts.lang ?? 'ko';
  const mapping = opts.mapping
    ? sanitizeMapping(opts.mapping, table.headers, entity)
    : mapColumns(table.headers, entity);
  const sheet = table.format === 'xlsx' ? table.sheet : null;
  const fieldsByKey = new Map(entity.fields.map((f) => [f.key, f]));
  const columnOf = new Map(mapping.filter((m) => m.field).map((m) => [m.field!, m.column]));
  const keySets = entity.naturalKeys ?? [];
  const warnings = [...table.warnings];
  const resolveRef = makeRefResolver(opts.refLookups, opts.resolveRefTitle);
  const clusterColumn = mapping.find((m) => m.meta === 'clusterId')?.column ?? null;
  // Blanks of a record list are blanks: undo the table stage's "same as above" guess.
  const keepFilledDown = opts.fillDown !== 'off' && !headersMapCleanly(table.headers, entity);
  const cellAt = (tr: TableRow, column: number): CellValue =>
    !keepFilledDown && tr.filledDown?.includes(column)
      ? null
      : unneutraliseFormula(tr.cells[column] ?? null);
  for (const [key, column] of columnOf) {
    const f = fieldsByKey.get(key)!;
    const scale = f.kind === 'money' ? scaleFor(table, column, f) : null;
    if (scale && scale.factor !== 1 && scale.currency === (f.unit ?? 'KRW')) {
      warnings.push(
        importMessage(
          'unitConverted',
          { field: f.label[lang], unit: scale.label, target: f.unit === 'USD' ? '달러' : '원' },
          lang,
        ),
      );
    }
  }

  // A row with no complete natural key (no BRN, no address) falls back to its title alone, so
  // the same file imported twice never creates such a row twice.
  const keysOf = (values: RecordData, fallback: boolean): string[] => {
    const keys = naturalKeyStrings(keySets, entity.fields, values);
    if (keys.length > 0 && !fallback) return keys;
    const title = naturalKeyStrings([[entity.titleField]], entity.fields, values);
    return [...keys, ...title.map((k) => `~${k}`)];
  };
  const existingByKey = new Map<string, ExistingRecord>();
  for (const rec of opts.existing ?? []) {
    if (rec.deleted === 1) continue;
    for (const k of keysOf(rec, true)) if (!existingByKey.has(k)) existingByKey.set(k, rec);
  }
  const seenKeys = new Map<string, number>();
  const matchedIds = new Map<string, number>();
  const rows: PreviewRow[] = [];
  const mutations: ImportMutation[] = [];

  const located = (row: number, column: number | null, message: string) => {
    const letter = column === null ? null : columnLetter(column);
    const prefix = sheet ? importMessage('sheetPrefix', { sheet }, lang) : '';
    const text =
      prefix +
      (letter
        ? importMessage('rowError', { row, column: letter, message }, lang)
        : importMessage('rowErrorNoColumn', { row, message }, lang));
    return { sheet, row, column: letter, message, text };
  };
  const errorOf = (
    row: number,
    column: number | null,
    field: string | null,
    message: string,
  ): RowError => ({ ...located(row, column, message), field });
  // Notes reach the user through this list (the page and the CLI never see the rows).
  const notes: PreviewNote[] = [];
  let notesTotal = 0;
  const noteOf = (into: PreviewRow, row: number, column: number | null, message: string) => {
    into.notes.push(message);
    notesTotal++;
    if (notes.length < MAX_PREVIEW_NOTES) notes.push(located(row, column, message));
  };

  for (let i = 0; i < table.rows.length; i++) {
    if (i % YIELD_EVERY === 0) {
      // Let a worker see the cancel message between batches.
      if (i > 0) await new Promise((r) => setTimeout(r, 0));
      throwIfAborted(opts.signal);
      opts.onProgress?.(i / table.rows.length, 'validate');
    }
    rows.push(previewRow(table.rows[i]!));
  }

  function previewRow(tr: TableRow): PreviewRow {
    const base: PreviewRow = {
      rowNumber: tr.rowNumber,
      status: 'skipped',
      values: {},
      changedFields: [],
      errors: [],
      notes: [],
    };
    for (const n of tr.notes) if (!n.error) noteOf(base, tr.rowNumber, n.column, n.message);
    // Errors the reader attached (a cell over 32,767 characters, emptied) come first: such a
    // row may look empty or like a totals row now, and must not be skipped silently.
    const noteErrors = tr.notes
      .filter((n) => n.error)
      .map((n) => errorOf(tr.rowNumber, n.column, null, n.message));
    if (tr.isTotal)
      return noteErrors.length > 0 ? { ...base, status: 'error', errors: noteErrors } : base;
    const input: Record<string, unknown> = {};
    const refErrors: RowError[] = [];
    let anyCell = false;
    for (const [key, column] of columnOf) {
      const f = fieldsByKey.get(key)!;
      const cell = cellAt(tr, column);
      if (cell !== null) anyCell = true;
      const converted = fieldInput(f, cell, f.kind === 'money' ? scaleFor(table, column, f) : null);
      input[key] = converted.value;
      for (const m of converted.notes) noteOf(base, tr.rowNumber, column, m);
      if (resolveRef && f.ref && typeof converted.value === 'string') {
        const r = resolveRefCell(resolveRef, f, converted.value, lang);
        if (r.ok) input[key] = r.value;
        else refErrors.push(errorOf(tr.rowNumber, column, key, r.message));
      }
    }
    if (!anyCell) {
      return noteErrors.length > 0 ? { ...base, status: 'error', errors: noteErrors } : base;
    }
    for (const [key, v] of Object.entries(opts.defaults ?? {}))
      if (isBlank(input[key])) input[key] = v;
    let clusterId: string | undefined;
    if (clusterColumn !== null) {
      const cell = cellAt(tr, clusterColumn);
      const r = clusterCodeOf(cell === null ? '' : String(cell), lang);
      if (r.ok && r.code) clusterId = base.clusterId = r.code;
      else if (!r.ok) refErrors.push(errorOf(tr.rowNumber, clusterColumn, null, r.message));
    }

    const cellErrors = [...noteErrors, ...refErrors];
    // A field with a reference error is reported once (not again as "choose the linked item").
    for (const e of refErrors) if (e.field) delete input[e.field];
    const result = validateRecord(entity, input, lang);
    if (!result.ok || cellErrors.length > 0) {
      const fieldErrors = result.ok
        ? []
        : result.errors
            .filter((e) => !refErrors.some((r) => r.field === e.field))
            .map((e) =>
              errorOf(tr.rowNumber, columnOf.get(e.field) ?? null, e.field || null, e.message),
            );
      return { ...base, status: 'error', errors: [...cellErrors, ...fieldErrors] };
    }
    const values = result.value;
    const keys = keysOf(values, false);
    const earlier = keys.map((k) => seenKeys.get(k)).find((r) => r !== undefined);
    if (earlier !== undefined) {
      const key = keys.join(', ').replace(/\u241f/g, ' / ');
      noteOf(
        base,
        tr.rowNumber,
        null,
        importMessage('duplicateInFile', { row: earlier, key }, lang),
      );
      return { ...base, status: 'duplicate', values, duplicateOf: earlier };
    }
    for (const k of keys) seenKeys.set(k, tr.rowNumber);

    const match = keys.map((k) => existingByKey.get(k)).find(Boolean);
    if (!match) {
      mutations.push(
        clusterId
          ? { entity: entity.name, op: 'create', values, clusterId }
          : { entity: entity.name, op: 'create', values },
      );
      return { ...base, status: 'new', values };
    }
    const firstRow = matchedIds.get(match.id);
    if (firstRow !== undefined)
      return { ...base, status: 'duplicate', values, id: match.id, duplicateOf: firstRow };
    matchedIds.set(match.id, tr.rowNumber);
    const changed: RecordData = {};
    for (const [k, v] of Object.entries(values)) if (!same(match[k], v)) changed[k] = v;
    const changedFields = Object.keys(changed);
    if (changedFields.length === 0) return { ...base, status: 'unchanged', values, id: match.id };
    mutations.push({ entity: entity.name, op: 'update', id: match.id, values: changed });
    return { ...base, status: 'updated', values, id: match.id, changedFields };
  }

  opts.onProgress?.(1, 'validate');
  const counts: Record<RowStatus, number> = {
    new: 0,
    updated: 0,
    unchanged: 0,
    duplicate: 0,
    skipped: 0,
    error: 0,
  };
  for (const r of rows) counts[r.status]++;
  return {
    entity: entity.name,
    fileName: table.fileName,
    sheet,
    headerRow: table.headerRow,
    headerRows: table.headerRows,
    headers: table.headers,
    mapping,
    headerSignature: headerSignature(table.headers),
    encoding: table.encoding,
    delimiter: table.delimiter,
    unitHint: table.unitHint,
    counts,
    rows,
    errors: rows.flatMap((r) => r.errors),
    notes,
    notesTotal,
    mutations,
    checksum: opts.checksum ?? '',
    warnings,
  };
}
