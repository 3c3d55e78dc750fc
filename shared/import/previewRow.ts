/**
 * One table row → its preview row: cells read into field values (no-value markers, units,
 * references, defaults for blanks), validated with the registry (an optional field that cannot
 * be read is dropped with a note; identity and required fields make the row an error), then
 * matched (previewMatch.ts).
 */
import { validateRecord } from '../registry';
import { fieldInput } from './fieldValues';
import { columnLetter } from './limits';
import { importMessage } from './messages';
import { rowMoneyUnit } from './metricUnits';
import { noValueMarker } from './optionalValues';
import type { CellValue } from './rawSheet';
import { clusterCodeOf, resolveRefCell } from './refs';
import type { TableRow } from './table';
import { toStorageAmount } from './units';
import { cellAt, errorOf, isBlank, noteOf, scaleFor, type PreviewContext } from './previewContext';
import { matchRow } from './previewMatch';
import type { PreviewRow, RowError } from './previewTypes';

interface RowInput {
  input: Record<string, unknown>;
  /** the cells as written, by field (quoted in notes) */
  raw: Record<string, CellValue>;
  refErrors: RowError[];
  anyCell: boolean;
}

export function previewRow(ctx: PreviewContext, tr: TableRow): PreviewRow {
  const base: PreviewRow = {
    rowNumber: tr.rowNumber,
    status: 'skipped',
    values: {},
    changedFields: [],
    errors: [],
    notes: [],
  };
  for (const n of tr.notes) if (!n.error) noteOf(ctx, base, tr.rowNumber, n.column, n.message);
  // Errors the reader attached (a cell over 32,767 characters, emptied) come first: such a
  // row may look empty or like a totals row now, and must not be skipped silently.
  const noteErrors = tr.notes
    .filter((n) => n.error)
    .map((n) => errorOf(ctx, tr.rowNumber, n.column, null, n.message));
  if (tr.isTotal)
    return noteErrors.length > 0 ? { ...base, status: 'error', errors: noteErrors } : base;
  const { input, raw, refErrors, anyCell } = readCells(ctx, tr, base);
  if (!anyCell) {
    return noteErrors.length > 0 ? { ...base, status: 'error', errors: noteErrors } : base;
  }
  // Defaults fill blanks; which fields they filled is remembered, so a matched record never
  // takes them (they are for NEW records only).
  const defaulted = new Set<string>();
  for (const [key, v] of Object.entries(ctx.defaults)) {
    if (isBlank(input[key]) && !isBlank(v)) {
      input[key] = v;
      defaulted.add(key);
    }
  }
  applyRowMoneyUnits(ctx, input);
  let clusterId: string | undefined;
  if (ctx.clusterColumn !== null) {
    const cell = cellAt(ctx, tr, ctx.clusterColumn);
    const r = clusterCodeOf(cell === null ? '' : String(cell), ctx.lang);
    if (r.ok && r.code) clusterId = base.clusterId = r.code;
    else if (!r.ok) refErrors.push(errorOf(ctx, tr.rowNumber, ctx.clusterColumn, null, r.message));
  }

  const cellErrors = [...noteErrors, ...refErrors];
  // A field with a reference error is reported once (not again as "choose the linked item").
  for (const e of refErrors) if (e.field) delete input[e.field];
  const result = validateRow(ctx, tr, base, input, raw, defaulted);
  if (!result.ok || cellErrors.length > 0) {
    const fieldErrors = result.ok
      ? []
      : result.errors
          .filter((e) => !refErrors.some((r) => r.field === e.field))
          .map((e) =>
            errorOf(
              ctx,
              tr.rowNumber,
              ctx.columnOf.get(e.field) ?? null,
              e.field || null,
              e.message,
            ),
          );
    return { ...base, status: 'error', errors: [...cellErrors, ...fieldErrors] };
  }
  return matchRow(ctx, tr, base, result.value, defaulted, clusterId);
}

/** The mapped cells of a row as field input (markers read as blank, units and links applied). */
function readCells(ctx: PreviewContext, tr: TableRow, base: PreviewRow): RowInput {
  const { lang } = ctx;
  const input: Record<string, unknown> = {};
  const refErrors: RowError[] = [];
  const raw: Record<string, CellValue> = {};
  let anyCell = false;
  for (const [key, column] of ctx.columnOf) {
    const f = ctx.fieldsByKey.get(key)!;
    let cell = cellAt(ctx, tr, column);
    if (cell !== null) anyCell = true;
    raw[key] = cell;
    // 미등록, 없음, `-` …: no value. A note says so (a required field then reports "required").
    // Required fields keep the cell: their error then quotes what was written.
    const marker = f.required ? null : noValueMarker(f, cell);
    if (marker !== null) {
      cell = null;
      const message = importMessage(
        'noValue',
        { column: columnLetter(column), value: marker },
        lang,
      );
      noteOf(ctx, base, tr.rowNumber, column, message);
    }
    const scale = f.kind === 'money' ? scaleFor(ctx.table, column, f) : null;
    const converted = fieldInput(f, cell, scale, ctx.hasCodeColumn);
    input[key] = converted.value;
    for (const m of converted.notes) noteOf(ctx, base, tr.rowNumber, column, m);
    if (ctx.resolveRef && f.ref && typeof converted.value === 'string') {
      const r = resolveRefCell(ctx.resolveRef, f, converted.value, lang);
      if (r.ok) input[key] = r.value;
      // A link that names nothing known stays an error: the user fixes the name or the link.
      else refErrors.push(errorOf(ctx, tr.rowNumber, column, key, r.message));
    }
  }
  return { input, raw, refErrors, anyCell };
}

/** Amounts whose unit depends on the row (an indicator's metric) scaled to the stored unit. */
function applyRowMoneyUnits(ctx: PreviewContext, input: Record<string, unknown>): void {
  for (const key of ctx.columnOf.keys()) {
    const unit = rowMoneyUnit(ctx.entity, key, input);
    const value = input[key];
    if (!unit || typeof value !== 'number') continue;
    const table = ctx.table;
    const scale = table.columnUnits[ctx.columnOf.get(key)!] ?? table.unitHint?.money[unit] ?? null;
    if (scale && scale.currency === unit) input[key] = toStorageAmount(value, scale);
  }
}

/** Registry validation; an optional, non-identity field that cannot be read is left empty. */
function validateRow(
  ctx: PreviewContext,
  tr: TableRow,
  base: PreviewRow,
  input: Record<string, unknown>,
  raw: Record<string, CellValue>,
  defaulted: Set<string>,
): ReturnType<typeof validateRecord> {
  const { entity, lang } = ctx;
  const result = validateRecord(entity, input, lang);
  if (result.ok) return result;
  const soft = result.errors.filter((e) => e.field && !ctx.identity.has(e.field));
  if (soft.length === 0) return result;
  for (const e of soft) {
    const column = ctx.columnOf.get(e.field) ?? null;
    const value = raw[e.field] ?? input[e.field];
    const shown = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
    const label = ctx.fieldsByKey.get(e.field)?.label[lang] ?? e.field;
    noteOf(
      ctx,
      base,
      tr.rowNumber,
      column,
      importMessage('optionalDropped', { field: label, value: shown, message: e.message }, lang),
    );
    delete input[e.field];
    defaulted.delete(e.field);
  }
  return validateRecord(entity, input, lang);
}
