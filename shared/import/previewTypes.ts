/**
 * The shapes of an import preview (what buildPreview returns and takes). Kept apart from the
 * pipeline code in preview.ts so readers find the contract in one place.
 */
import type { EntityDef, EntityName, Lang, RecordData } from '../registry';
import type { ImportTable, ProgressCallback } from './readTable';
import type { ColumnMapping } from './mapping';
import type { RefLookups, ResolveRefTitle } from './refs';
import type { FillDownMode } from './table';

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
  /** for an updated row: each changed field as before → after (stored values) */
  changes?: FieldChange[];
  /** for a new row: existing records it may be the same as (weak key), for the user to decide */
  maybeSame?: MaybeSame[];
  /** the earlier row of the same file this one repeats */
  duplicateOf?: number;
  /** cluster code read from the `클러스터` meta column (given to a created record) */
  clusterId?: string;
  errors: RowError[];
  notes: string[];
}

export interface FieldChange {
  field: string;
  before: RecordData[string];
  after: RecordData[string];
}

export interface MaybeSame {
  id: string;
  title: string;
}

/** An updated record as the preview lists it: each changed field as before → after. */
export interface PreviewUpdate {
  row: number;
  id: string;
  title: string;
  changes: Array<FieldChange & { label: string; beforeText: string; afterText: string }>;
}

/** A new row that may be an existing record (weak key): the user merges it or keeps it new. */
export interface PreviewPossibleMatch {
  row: number;
  title: string;
  candidates: MaybeSame[];
  /** the record the user chose to merge with (then the row is an update), if any */
  chosen?: string;
  text: string;
}

/** A value every row gets for a field without a column ("모든 행에 같은 값"). */
export interface PreviewSameForAll {
  field: string;
  value: RecordData[string];
  /** proposed from the file's shape rather than chosen by the user */
  suggested: boolean;
  /** why it was proposed */
  reason?: string;
  text: string;
}

export interface ExistingRecord extends RecordData {
  id: string;
}

export interface PreviewOptions {
  entity: EntityDef | EntityName;
  /** explicit (saved or user-corrected) mapping; default: `mapColumns(headers, entity)` */
  mapping?: readonly ColumnMapping[];
  existing?: readonly ExistingRecord[];
  /**
   * Values for fields no column fills, and for blank cells (e.g. `{ kind: 'company' }` for a
   * list of companies). They fill NEW records only: a row that matches an existing record never
   * takes a default (an update file without 기관유형 must not turn a university into a company).
   */
  defaults?: RecordData;
  /**
   * Propose and apply defaults the file's shape makes likely for fields that have neither a
   * column nor a default (`kind: company` for a company list). Default true; the wizard passes
   * false once the user has seen (and perhaps cleared) the proposal.
   */
  suggestDefaults?: boolean;
  /** rows the user said are the same record as a "maybe the same" candidate: row → record id */
  sameAs?: Readonly<Record<number, string>>;
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
  /** the first MAX_PREVIEW_NOTES updated records, each changed field as before → after */
  updates: PreviewUpdate[];
  /** the first MAX_PREVIEW_NOTES new rows that may be existing records (weak key) */
  possibleMatches: PreviewPossibleMatch[];
  possibleMatchesTotal: number;
  /** values put into every (new) row for fields without a column */
  sameForAll: PreviewSameForAll[];
}
