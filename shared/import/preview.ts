/**
 * Table + entity → a preview of what an import would do, before anything is written: each row
 * is new / updated / unchanged / duplicate / skipped / error, every error listed at once in
 * Korean with its spreadsheet row and column letter, and the `mutate()` calls that would apply
 * it. The pipeline never touches a database: existing records are passed in.
 *
 * The work is split: previewContext.ts (mapping, defaults, existing records indexed, where
 * notes go), previewRow.ts (a row's cells → validated values), previewMatch.ts (duplicates,
 * matches, updates as before → after).
 */
import { headerSignature } from './mapping';
import type { ImportTable } from './readTable';
import { throwIfAborted } from './messages';
import { createPreviewContext } from './previewContext';
import { previewRow } from './previewRow';
import { MAX_PREVIEW_NOTES } from './previewTypes';
import type { ImportPreview, PreviewOptions, PreviewRow, RowStatus } from './previewTypes';

export { MAX_PREVIEW_NOTES };
// Every preview type is re-exported from here, the pipeline's public entry for previews.
export type * from './previewTypes';

const YIELD_EVERY = 1000;

export async function buildPreview(
  table: ImportTable,
  opts: PreviewOptions,
): Promise<ImportPreview> {
  const ctx = createPreviewContext(table, opts);
  const rows: PreviewRow[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    if (i % YIELD_EVERY === 0) {
      // Let a worker see the cancel message between batches.
      if (i > 0) await new Promise((r) => setTimeout(r, 0));
      throwIfAborted(opts.signal);
      opts.onProgress?.(i / table.rows.length, 'validate');
    }
    rows.push(previewRow(ctx, table.rows[i]!));
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
    entity: ctx.entity.name,
    fileName: table.fileName,
    sheet: ctx.sheet,
    headerRow: table.headerRow,
    headerRows: table.headerRows,
    headers: table.headers,
    mapping: ctx.mapping,
    headerSignature: headerSignature(table.headers),
    encoding: table.encoding,
    delimiter: table.delimiter,
    unitHint: table.unitHint,
    counts,
    rows,
    errors: rows.flatMap((r) => r.errors),
    notes: ctx.notes,
    notesTotal: ctx.counters.notesTotal,
    mutations: ctx.mutations,
    checksum: opts.checksum ?? '',
    warnings: ctx.warnings,
    updates: ctx.updates,
    possibleMatches: ctx.possibleMatches,
    possibleMatchesTotal: ctx.counters.possibleMatchesTotal,
    sameForAll: ctx.sameForAll,
  };
}
