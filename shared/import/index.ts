/**
 * The import pipeline (issue "Spreadsheets in and out"): bytes → table → mapping → preview.
 * Pure TypeScript over Uint8Array: it runs in Node (CLI, tests) and in a browser Web Worker.
 * Throws only ImportError (file-level, Korean message); row problems are preview errors.
 */
import { getEntity, type EntityDef, type EntityName } from '../registry';
import { asImportError } from './messages';
import { buildPreview, type ImportPreview, type PreviewOptions } from './preview';
import { readTable, type ReadTableOptions } from './readTable';

/** SHA-256 of the file as lowercase hex (WebCrypto: Node 20+ and browsers). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export type PreviewFileOptions = Omit<ReadTableOptions, 'entity'> &
  Omit<PreviewOptions, 'checksum' | 'entity'> & { entity: EntityDef | EntityName };

/** The whole pipeline in one call: read, map, validate, compare; nothing is written. */
export async function previewFile(
  bytes: Uint8Array,
  opts: PreviewFileOptions,
): Promise<ImportPreview> {
  const entity = typeof opts.entity === 'string' ? getEntity(opts.entity) : opts.entity;
  const table = await readTable(bytes, { ...opts, entity });
  try {
    const checksum = await sha256Hex(bytes);
    return await buildPreview(table, { ...opts, entity, checksum });
  } catch (e) {
    throw asImportError(e);
  }
}

export { readTable } from './readTable';
export type { ImportTable, ReadTableOptions, ProgressCallback, ImportStage } from './readTable';
export { buildPreview, MAX_PREVIEW_NOTES } from './preview';
export type {
  ImportPreview,
  PreviewOptions,
  PreviewRow,
  PreviewNote,
  RowError,
  RowStatus,
  ImportMutation,
  ExistingRecord,
  FieldChange,
  MaybeSame,
  PreviewUpdate,
  PreviewPossibleMatch,
  PreviewSameForAll,
} from './preview';
export { mappingReasonText, displayValue } from './explain';
export { suggestDefaults } from './suggestDefaults';
export type { SuggestedDefault } from './suggestDefaults';
export {
  mapColumns,
  headerSignature,
  normalizeHeader,
  sanitizeMapping,
  headersMapCleanly,
  META_COLUMN_SPELLINGS,
} from './mapping';
export type { ColumnMapping, MetaColumnKey, MappingReason } from './mapping';
export { makeRefResolver, resolveRefList, looksLikeId } from './refs';
export type { RefLookups, RefCandidate, ResolveRefTitle, RefResolution } from './refs';
export { buildErrorReport } from './errorReport';
export { ImportError, importMessage, importMessages } from './messages';
export type { ImportMessageKey } from './messages';
export { DEFAULT_LIMITS, columnLetter } from './limits';
export type { ImportLimits } from './limits';
export { decodeText, sniffFileKind } from './encoding';
export type { TextEncodingName, DecodedText } from './encoding';
export { sniffDelimiter } from './csv';
export type { Delimiter } from './csv';
export { sumColumn, isTotalLabel } from './table';
export type { TableRow, RowNote, FillDownMode } from './table';
export type { CellValue } from './rawSheet';
export type { SheetInfo } from './xlsx';
export { parseNumberCell, parseUnitHint, moneyScaleOf, moneyScaleInHeader } from './units';
export type { UnitHint, MoneyScale } from './units';
export { matchKey, unneutraliseFormula } from './fieldValues';
