/**
 * Table + entity → a preview of what an import would do, before anything is written: each row
 * is new / updated / unchanged / duplicate / skipped / error, every error listed at once in
 * Korean with its spreadsheet row and column letter, and the `mutate()` calls that would apply
 * it. The pipeline never touches a database: existing records are passed in.
 */
import { getEntity, validateRecord, type RecordData } from '../registry';
import { enumCode, enumOptions } from '../registry/schema';
import { sampleColumns } from './columnValues';
import { displayValue } from './explain';
import { fieldInput, unneutraliseFormula } from './fieldValues';
import { columnLetter } from './limits';
import { completeWeakParts, conflicts, KeyIndex, KeyMatcher, type KeyParts } from './matching';
import { rowMoneyUnit } from './metricUnits';
import { identityFields, noValueMarker } from './optionalValues';
import { suggestDefaults } from './suggestDefaults';
import { headerSignature, headersMapCleanly, mapColumns, sanitizeMapping } from './mapping';
import { importMessage, throwIfAborted } from './messages';
import type { CellValue } from './rawSheet';
import type { ImportTable } from './readTable';
import { clusterCodeOf, makeRefResolver, resolveRefCell } from './refs';
import type { TableRow } from './table';
import { toStorageAmount, type MoneyScale } from './units';
import { MAX_PREVIEW_NOTES } from './previewTypes';
import type {
  ImportMutation,
  RowStatus,
  RowError,
  PreviewNote,
  PreviewRow,
  FieldChange,
  MaybeSame,
  PreviewUpdate,
  PreviewPossibleMatch,
  PreviewSameForAll,
  ExistingRecord,
  PreviewOptions,
  ImportPreview,
} from './previewTypes';

export { MAX_PREVIEW_NOTES };
// Every preview type is re-exported from here, the pipeline's public entry for previews.
export type * from './previewTypes';

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
    : mapColumns(table.headers, entity, sampleColumns(table.rows, table.headers.length));
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

  // Natural keys: a blank part is part of the key (matching.ts). Weak keys only offer.
  const matcher = new KeyMatcher(keySets, entity);
  const weakMatcher = new KeyMatcher(entity.weakKeys ?? [], entity);
  const existingIndex = new KeyIndex<ExistingRecord>(matcher);
  const weakIndex = new KeyIndex<ExistingRecord>(weakMatcher);
  const existingParts = new Map<string, KeyParts>();
  const existingById = new Map<string, ExistingRecord>();
  for (const rec of opts.existing ?? []) {
    if (rec.deleted === 1) continue;
    const parts = matcher.parts(rec);
    existingParts.set(rec.id, parts);
    existingById.set(rec.id, rec);
    existingIndex.add(rec, parts);
    if ((entity.weakKeys ?? []).length > 0)
      weakIndex.add(rec, completeWeakParts(weakMatcher.parts(rec)));
  }
  const seenInFile = new KeyIndex<number>(matcher);
  const matchedIds = new Map<string, number>();
  const rows: PreviewRow[] = [];
  const mutations: ImportMutation[] = [];
  const identity = identityFields(entity);
  const hasCodeColumn = [...columnOf.keys()].some((k) => fieldsByKey.get(k)?.kind === 'ksic');
  const titleOf = (r: RecordData) => String(r[entity.titleField] ?? '');

  // "모든 행에 같은 값": the caller's defaults, plus what the file's shape suggests.
  const defaults: RecordData = { ...(opts.defaults ?? {}) };
  const sameForAll: PreviewSameForAll[] = [];
  const describeDefault = (
    field: string,
    value: RecordData[string],
    suggested: boolean,
    reason?: string,
  ) => {
    const f = fieldsByKey.get(field);
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
    sameForAll.push({ field, value, suggested, ...(reason ? { reason } : {}), text });
  };
  for (const [k, v] of Object.entries(defaults)) if (!isBlank(v)) describeDefault(k, v, false);
  if (opts.suggestDefaults !== false) {
    for (const s of suggestDefaults(entity, new Set(columnOf.keys()))) {
      if (Object.hasOwn(defaults, s.field)) continue;
      defaults[s.field] = s.value;
      describeDefault(s.field, s.value, true, importMessage(s.reason, {}, lang));
    }
  }
  const updates: PreviewUpdate[] = [];
  const possibleMatches: PreviewPossibleMatch[] = [];
  let possibleMatchesTotal = 0;

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
    const raw: Record<string, CellValue> = {};
    let anyCell = false;
    for (const [key, column] of columnOf) {
      const f = fieldsByKey.get(key)!;
      let cell = cellAt(tr, column);
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
        noteOf(base, tr.rowNumber, column, message);
      }
      const scale = f.kind === 'money' ? scaleFor(table, column, f) : null;
      const converted = fieldInput(f, cell, scale, hasCodeColumn);
      input[key] = converted.value;
      for (const m of converted.notes) noteOf(base, tr.rowNumber, column, m);
      if (resolveRef && f.ref && typeof converted.value === 'string') {
        const r = resolveRefCell(resolveRef, f, converted.value, lang);
        if (r.ok) input[key] = r.value;
        // A link that names nothing known stays an error: the user fixes the name or the link.
        else refErrors.push(errorOf(tr.rowNumber, column, key, r.message));
      }
    }
    if (!anyCell) {
      return noteErrors.length > 0 ? { ...base, status: 'error', errors: noteErrors } : base;
    }
    // Defaults fill blanks; which fields they filled is remembered, so a matched record never
    // takes them (they are for NEW records only).
    const defaulted = new Set<string>();
    for (const [key, v] of Object.entries(defaults)) {
      if (isBlank(input[key]) && !isBlank(v)) {
        input[key] = v;
        defaulted.add(key);
      }
    }
    for (const key of columnOf.keys()) {
      const unit = rowMoneyUnit(entity, key, input);
      if (!unit || typeof input[key] !== 'number') continue;
      const scale = table.columnUnits[columnOf.get(key)!] ?? table.unitHint?.money[unit] ?? null;
      if (scale && scale.currency === unit) input[key] = toStorageAmount(input[key], scale);
    }
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
    let result = validateRecord(entity, input, lang);
    if (!result.ok) {
      // An optional, non-identity field that cannot be read is left empty with a note.
      const soft = result.errors.filter((e) => e.field && !identity.has(e.field));
      if (soft.length > 0) {
        for (const e of soft) {
          const column = columnOf.get(e.field) ?? null;
          const value = raw[e.field] ?? input[e.field];
          const shown =
            value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
          const label = fieldsByKey.get(e.field)?.label[lang] ?? e.field;
          noteOf(
            base,
            tr.rowNumber,
            column,
            importMessage(
              'optionalDropped',
              { field: label, value: shown, message: e.message },
              lang,
            ),
          );
          delete input[e.field];
          defaulted.delete(e.field);
        }
        result = validateRecord(entity, input, lang);
      }
    }
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
    const parts = matcher.parts(values);
    const earlier = seenInFile.find(parts);
    if (earlier !== undefined) {
      noteOf(
        base,
        tr.rowNumber,
        null,
        importMessage('duplicateInFile', { row: earlier, key: describeKey(values, parts) }, lang),
      );
      return { ...base, status: 'duplicate', values, duplicateOf: earlier };
    }
    seenInFile.add(tr.rowNumber, parts);

    let match = existingIndex.find(parts);
    let maybeSame: MaybeSame[] | undefined;
    if (!match && (entity.weakKeys ?? []).length > 0) {
      const weak = weakIndex
        .findAll(completeWeakParts(weakMatcher.parts(values)))
        .filter((rec) => !conflicts(parts, existingParts.get(rec.id)!))
        .filter((rec) => !matchedIds.has(rec.id));
      const chosen = opts.sameAs?.[tr.rowNumber];
      if (chosen && existingById.has(chosen)) match = existingById.get(chosen);
      if (weak.length > 0) {
        maybeSame = weak.slice(0, 5).map((rec) => ({ id: rec.id, title: titleOf(rec) }));
        possibleMatchesTotal++;
        if (possibleMatches.length < MAX_PREVIEW_NOTES) {
          const key = entity.name === 'expert' ? 'maybeSamePerson' : 'maybeSameRecord';
          const text = located(
            tr.rowNumber,
            null,
            importMessage(key, { title: maybeSame[0]!.title }, lang),
          ).text;
          possibleMatches.push({
            row: tr.rowNumber,
            title: titleOf(values),
            candidates: maybeSame,
            ...(match ? { chosen: match.id } : {}),
            text,
          });
        }
      }
    }
    if (!match) {
      mutations.push(
        clusterId
          ? { entity: entity.name, op: 'create', values, clusterId }
          : { entity: entity.name, op: 'create', values },
      );
      return { ...base, status: 'new', values, ...(maybeSame ? { maybeSame } : {}) };
    }
    const firstRow = matchedIds.get(match.id);
    if (firstRow !== undefined)
      return { ...base, status: 'duplicate', values, id: match.id, duplicateOf: firstRow };
    matchedIds.set(match.id, tr.rowNumber);
    const changed: RecordData = {};
    const changes: FieldChange[] = [];
    for (const [k, v] of Object.entries(values)) {
      // A default never overwrites a matched record (it is for new records only).
      if (defaulted.has(k) || same(match[k], v)) continue;
      changed[k] = v;
      changes.push({ field: k, before: match[k] ?? null, after: v });
    }
    const changedFields = Object.keys(changed);
    if (changedFields.length === 0) return { ...base, status: 'unchanged', values, id: match.id };
    mutations.push({ entity: entity.name, op: 'update', id: match.id, values: changed });
    if (updates.length < MAX_PREVIEW_NOTES) {
      updates.push({
        row: tr.rowNumber,
        id: match.id,
        title: titleOf(match) || titleOf(values),
        changes: changes.map((c) => {
          const f = fieldsByKey.get(c.field);
          return {
            ...c,
            label: f?.label[lang] ?? c.field,
            beforeText: displayValue(f, c.before, lang),
            afterText: displayValue(f, c.after, lang),
          };
        }),
      });
    }
    return { ...base, status: 'updated', values, id: match.id, changedFields, changes };
  }

  /** `지표 생산액 · 기간 2026-03 · 산업단지 (빈 값)`: the key a duplicate shares, as the user reads it. */
  function describeKey(values: RecordData, parts: KeyParts): string {
    const i = parts.findIndex((p) => p.some((x) => x !== ''));
    const set = i >= 0 ? keySets[i]! : [entity.titleField];
    return set
      .map((k) => {
        const f = fieldsByKey.get(k);
        return `${f?.label[lang] ?? k} ${displayValue(f, values[k], lang)}`;
      })
      .join(' · ');
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
    updates,
    possibleMatches,
    possibleMatchesTotal,
    sameForAll,
  };
}
