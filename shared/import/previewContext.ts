/**
 * What one preview knows while it walks the rows: the mapping, the fields by key, the defaults
 * ("모든 행에 같은 값"), the existing records indexed by natural and weak keys, and the lists the
 * rows report into (notes, updates, possible matches) with their Korean, row/column-located
 * texts. Built once per preview by createPreviewContext; previewRow.ts and previewMatch.ts read
 * and fill it.
 */
import { getEntity, type EntityDef, type FieldDef, type Lang, type RecordData } from '../registry';
import { enumCode, enumOptions } from '../registry/schema';
import { sampleColumns } from './columnValues';
import { displayValue } from './explain';
import { unneutraliseFormula } from './fieldValues';
import { columnLetter } from './limits';
import { headersMapCleanly, mapColumns, sanitizeMapping, type ColumnMapping } from './mapping';
import { completeWeakParts, KeyIndex, KeyMatcher, type KeyParts } from './matching';
import { importMessage } from './messages';
import { identityFields } from './optionalValues';
import type { CellValue } from './rawSheet';
import type { ImportTable } from './readTable';
import { makeRefResolver } from './refs';
import { suggestDefaults } from './suggestDefaults';
import type { TableRow } from './table';
import type { MoneyScale } from './units';
import {
  MAX_PREVIEW_NOTES,
  type ExistingRecord,
  type ImportMutation,
  type PreviewNote,
  type PreviewOptions,
  type PreviewPossibleMatch,
  type PreviewRow,
  type PreviewSameForAll,
  type PreviewUpdate,
  type RowError,
} from './previewTypes';

export const isBlank = (v: unknown) => v === null || v === undefined || v === '';

export interface PreviewContext {
  table: ImportTable;
  opts: PreviewOptions;
  entity: EntityDef;
  lang: Lang;
  sheet: string | null;
  mapping: ColumnMapping[];
  fieldsByKey: Map<string, FieldDef>;
  /** field key → column index, for mapped columns */
  columnOf: Map<string, number>;
  keySets: string[][];
  warnings: string[];
  resolveRef: ReturnType<typeof makeRefResolver>;
  clusterColumn: number | null;
  /** keep the table stage's "same as above" fills (false for clean record lists) */
  keepFilledDown: boolean;
  identity: ReadonlySet<string>;
  hasCodeColumn: boolean;
  /** caller's defaults plus the suggested ones: fill blanks of NEW records only */
  defaults: RecordData;
  sameForAll: PreviewSameForAll[];
  // Natural keys: a blank part is part of the key (matching.ts). Weak keys only offer.
  matcher: KeyMatcher;
  weakMatcher: KeyMatcher;
  existingIndex: KeyIndex<ExistingRecord>;
  weakIndex: KeyIndex<ExistingRecord>;
  existingParts: Map<string, KeyParts>;
  existingById: Map<string, ExistingRecord>;
  /** rows of this file by natural key (duplicates inside the file) */
  seenInFile: KeyIndex<number>;
  /** existing record id → the first row that matched it */
  matchedIds: Map<string, number>;
  mutations: ImportMutation[];
  updates: PreviewUpdate[];
  possibleMatches: PreviewPossibleMatch[];
  notes: PreviewNote[];
  counters: { notesTotal: number; possibleMatchesTotal: number };
}

/** The cell of a row as the preview reads it (a "same as above" guess undone for record lists). */
export function cellAt(ctx: PreviewContext, tr: TableRow, column: number): CellValue {
  return !ctx.keepFilledDown && tr.filledDown?.includes(column)
    ? null
    : unneutraliseFormula(tr.cells[column] ?? null);
}

/** The money scale of a column: its own unit line, else the table's hint for the field's unit. */
export function scaleFor(
  table: ImportTable,
  column: number,
  entityField: { unit?: string },
): MoneyScale | null {
  const own = table.columnUnits[column];
  if (own) return own;
  const unit = entityField.unit === 'USD' ? 'USD' : 'KRW';
  return table.unitHint?.money[unit] ?? null;
}

export const titleOf = (ctx: PreviewContext, r: RecordData) =>
  String(r[ctx.entity.titleField] ?? '');

/** A message placed at a row (and column), prefixed by the sheet when there is one. */
export function located(ctx: PreviewContext, row: number, column: number | null, message: string) {
  const { lang, sheet } = ctx;
  const letter = column === null ? null : columnLetter(column);
  const prefix = sheet ? importMessage('sheetPrefix', { sheet }, lang) : '';
  const text =
    prefix +
    (letter
      ? importMessage('rowError', { row, column: letter, message }, lang)
      : importMessage('rowErrorNoColumn', { row, message }, lang));
  return { sheet, row, column: letter, message, text };
}

export function errorOf(
  ctx: PreviewContext,
  row: number,
  column: number | null,
  field: string | null,
  message: string,
): RowError {
  return { ...located(ctx, row, column, message), field };
}

/** A note on a row; it reaches the user through ctx.notes (the page and the CLI never see rows). */
export function noteOf(
  ctx: PreviewContext,
  into: PreviewRow,
  row: number,
  column: number | null,
  message: string,
): void {
  into.notes.push(message);
  ctx.counters.notesTotal++;
  if (ctx.notes.length < MAX_PREVIEW_NOTES) ctx.notes.push(located(ctx, row, column, message));
}

export function createPreviewContext(table: ImportTable, opts: PreviewOptions): PreviewContext {
  const entity = typeof opts.entity === 'string' ? getEntity(opts.entity) : opts.entity;
  const lang = opts.lang ?? 'ko';
  const mapping = opts.mapping
    ? sanitizeMapping(opts.mapping, table.headers, entity)
    : mapColumns(table.headers, entity, sampleColumns(table.rows, table.headers.length));
  const fieldsByKey = new Map(entity.fields.map((f) => [f.key, f]));
  const columnOf = new Map(mapping.filter((m) => m.field).map((m) => [m.field!, m.column]));
  const matcher = new KeyMatcher(entity.naturalKeys ?? [], entity);
  const weakMatcher = new KeyMatcher(entity.weakKeys ?? [], entity);
  const ctx: PreviewContext = {
    table,
    opts,
    entity,
    lang,
    sheet: table.format === 'xlsx' ? table.sheet : null,
    mapping,
    fieldsByKey,
    columnOf,
    keySets: entity.naturalKeys ?? [],
    warnings: [...table.warnings],
    resolveRef: makeRefResolver(opts.refLookups, opts.resolveRefTitle),
    clusterColumn: mapping.find((m) => m.meta === 'clusterId')?.column ?? null,
    // Blanks of a record list are blanks: undo the table stage's "same as above" guess.
    keepFilledDown: opts.fillDown !== 'off' && !headersMapCleanly(table.headers, entity),
    identity: identityFields(entity),
    hasCodeColumn: [...columnOf.keys()].some((k) => fieldsByKey.get(k)?.kind === 'ksic'),
    defaults: { ...(opts.defaults ?? {}) },
    sameForAll: [],
    matcher,
    weakMatcher,
    existingIndex: new KeyIndex<ExistingRecord>(matcher),
    weakIndex: new KeyIndex<ExistingRecord>(weakMatcher),
    existingParts: new Map(),
    existingById: new Map(),
    seenInFile: new KeyIndex<number>(matcher),
    matchedIds: new Map(),
    mutations: [],
    updates: [],
    possibleMatches: [],
    notes: [],
    counters: { notesTotal: 0, possibleMatchesTotal: 0 },
  };
  warnUnitConversions(ctx);
  indexExisting(ctx);
  addDefaults(ctx);
  return ctx;
}

function warnUnitConversions(ctx: PreviewContext): void {
  for (const [key, column] of ctx.columnOf) {
    const f = ctx.fieldsByKey.get(key)!;
    const scale = f.kind === 'money' ? scaleFor(ctx.table, column, f) : null;
    if (scale && scale.factor !== 1 && scale.currency === (f.unit ?? 'KRW')) {
      const target = f.unit === 'USD' ? '달러' : '원';
      ctx.warnings.push(
        importMessage(
          'unitConverted',
          { field: f.label[ctx.lang], unit: scale.label, target },
          ctx.lang,
        ),
      );
    }
  }
}

function indexExisting(ctx: PreviewContext): void {
  const hasWeakKeys = (ctx.entity.weakKeys ?? []).length > 0;
  for (const rec of ctx.opts.existing ?? []) {
    if (rec.deleted === 1) continue;
    const parts = ctx.matcher.parts(rec);
    ctx.existingParts.set(rec.id, parts);
    ctx.existingById.set(rec.id, rec);
    ctx.existingIndex.add(rec, parts);
    if (hasWeakKeys) ctx.weakIndex.add(rec, completeWeakParts(ctx.weakMatcher.parts(rec)));
  }
}

/** "모든 행에 같은 값": the caller's defaults, plus what the file's shape suggests. */
function addDefaults(ctx: PreviewContext): void {
  const { lang, defaults } = ctx;
  const describe = (
    field: string,
    value: RecordData[string],
    suggested: boolean,
    reason?: string,
  ) => {
    const f = ctx.fieldsByKey.get(field);
    const shown = displayValue(
      f,
      f?.kind === 'enum' ? (enumCode(enumOptions(f), value) as string) : value,
      lang,
    );
    const text = importMessage(
      'sameForAll',
      { field: f?.label[lang] ?? field, value: shown },
      lang,
    );
    ctx.sameForAll.push({ field, value, suggested, ...(reason ? { reason } : {}), text });
  };
  for (const [k, v] of Object.entries(defaults)) if (!isBlank(v)) describe(k, v, false);
  if (ctx.opts.suggestDefaults === false) return;
  for (const s of suggestDefaults(ctx.entity, new Set(ctx.columnOf.keys()))) {
    if (Object.hasOwn(defaults, s.field)) continue;
    defaults[s.field] = s.value;
    describe(s.field, s.value, true, importMessage(s.reason, {}, lang));
  }
}
