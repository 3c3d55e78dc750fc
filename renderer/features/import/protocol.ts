/**
 * Messages between the import page and its Web Worker (import.worker.ts). The worker reads and
 * previews; it never writes (commits go through mutate() on the main thread).
 *
 * Type-only imports from shared/import: the main thread must not load the pipeline's runtime
 * (exceljs alone is ~1 MB); only the worker does.
 */
import type { EntityName, Lang, RecordData } from '../../../shared/registry';
import type {
  ColumnMapping,
  ExistingRecord,
  ImportPreview,
  ImportStage,
  RefLookups,
  SheetInfo,
} from '../../../shared/import';
import type { KicoxWorkbookPreview } from '../../../shared/import/kicox';

export type WorkerRequest =
  /** a new file: the worker keeps its bytes (and the parsed tables) until the next `open` */
  | { type: 'open'; fileId: number; fileName: string; bytes: Uint8Array }
  | {
      type: 'preview';
      jobId: number;
      fileId: number;
      entity: EntityName;
      /** XLSX sheet; default: the sheet with the most data */
      sheet?: string;
      /** explicit mapping; absent = the pipeline's own proposal */
      mapping?: ColumnMapping[];
      defaults: RecordData;
      /** false once the user has seen the proposed "same for all" values (they are in defaults) */
      suggestDefaults?: boolean;
      /** "maybe the same" rows the user merged: row → existing record id */
      sameAs?: Record<number, string>;
      /** the entity's live records, read on the main thread (dedupe) */
      existing: ExistingRecord[];
      /** id + title of the records reference columns may name (exports write titles) */
      refLookups?: RefLookups;
      lang: Lang;
    }
  /** the error report of the job's preview, as .xlsx bytes */
  | { type: 'errorReport'; jobId: number; previewJobId: number; lang: Lang }
  | { type: 'cancel'; jobId: number }
  /** the open file read as a KICOX 국가산업단지 산업동향 workbook (every sheet → indicators) */
  | { type: 'kicox'; jobId: number; fileId: number; existing: ExistingRecord[]; lang: Lang };

/** A KICOX workbook preview as the page gets it: per-sheet counts and the mutations to commit. */
export type KicoxSummary = Omit<KicoxWorkbookPreview, 'records'>;

/** The preview as the page gets it: without per-row values (the worker keeps those). */
export type PreviewSummary = Omit<ImportPreview, 'rows'> & {
  format: 'csv' | 'xlsx';
  sheets: SheetInfo[];
};

export type WorkerResponse =
  | { type: 'progress'; jobId: number; fraction: number; stage: ImportStage }
  | { type: 'preview'; jobId: number; preview: PreviewSummary }
  | { type: 'errorReport'; jobId: number; bytes: Uint8Array }
  | { type: 'kicox'; jobId: number; preview: KicoxSummary }
  | { type: 'failed'; jobId: number; message: string; cancelled: boolean };
