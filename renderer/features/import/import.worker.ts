/**
 * The import Web Worker: bytes → table → preview off the main thread, so the page stays
 * responsive on a 100,000-row file. It holds the current file's bytes and parsed tables (a
 * mapping change re-validates without re-reading the file) and the last full preview (for the
 * error report). It never writes to the database.
 *
 * Cancel: each job has an AbortController; a `cancel` message aborts it and the pipeline stops
 * at its next check (between stages, and every 1,000 rows while validating).
 */
import {
  buildErrorReport,
  buildPreview,
  readTable,
  sha256Hex,
  type ImportPreview,
  type ImportTable,
} from '../../../shared/import';
import { previewKicoxSheets } from '../../../shared/import/kicox';
import { readXlsx } from '../../../shared/import/xlsx';
import { DEFAULT_LIMITS } from '../../../shared/import/limits';
import { sniffFileKind } from '../../../shared/import/encoding';
import { getEntity } from '../../../shared/registry';
import type { PreviewSummary, WorkerRequest, WorkerResponse } from './protocol';

// exceljs's browser bundle finds its global object through `window`/`global`/`self` and carries
// its own Buffer polyfill, so it runs in a module worker as is (checked in the e2e test with an
// XLSX error report). Nothing to shim.

interface OpenFile {
  fileId: number;
  fileName: string;
  bytes: Uint8Array;
  checksum: Promise<string>;
  /** parsed tables per `entity|sheet` (header detection scores against the entity) */
  tables: Map<string, ImportTable>;
}

/** The part of the worker's global scope used here (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
let file: OpenFile | undefined;
const running = new Map<number, AbortController>();
const previews = new Map<number, ImportPreview>();

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function failure(jobId: number, e: unknown, signal?: AbortSignal): WorkerResponse {
  const cancelled = signal?.aborted === true;
  const message = e instanceof Error ? e.message : String(e);
  return { type: 'failed', jobId, message, cancelled };
}

async function preview(req: Extract<WorkerRequest, { type: 'preview' }>): Promise<void> {
  const controller = new AbortController();
  running.set(req.jobId, controller);
  const { signal } = controller;
  try {
    if (!file || file.fileId !== req.fileId) throw new Error('file not open');
    const entity = getEntity(req.entity);
    const key = `${req.entity}|${req.sheet ?? ''}`;
    let table = file.tables.get(key);
    // Reading is the first 40% of the bar, validating the rest.
    const readShare = table ? 0 : 0.4;
    if (!table) {
      table = await readTable(file.bytes, {
        fileName: file.fileName,
        entity,
        ...(req.sheet !== undefined ? { sheet: req.sheet } : {}),
        signal,
        onProgress: (f, stage) =>
          post({ type: 'progress', jobId: req.jobId, fraction: f * readShare, stage }),
      });
      file.tables.set(key, table);
    }
    const full = await buildPreview(table, {
      entity,
      ...(req.mapping ? { mapping: req.mapping } : {}),
      existing: req.existing,
      ...(req.refLookups ? { refLookups: req.refLookups } : {}),
      defaults: req.defaults,
      // Once the user has seen the proposal, only the values they kept apply.
      ...(req.suggestDefaults === false ? { suggestDefaults: false } : {}),
      ...(req.sameAs ? { sameAs: req.sameAs } : {}),
      checksum: await file.checksum,
      lang: req.lang,
      signal,
      onProgress: (f, stage) =>
        post({
          type: 'progress',
          jobId: req.jobId,
          fraction: readShare + f * (1 - readShare),
          stage,
        }),
    });
    previews.clear(); // only the newest preview can be reported on
    previews.set(req.jobId, full);
    const { rows: _rows, ...rest } = full;
    const summary: PreviewSummary = { ...rest, format: table.format, sheets: table.sheets };
    post({ type: 'preview', jobId: req.jobId, preview: summary });
  } catch (e) {
    post(failure(req.jobId, e, signal));
  } finally {
    running.delete(req.jobId);
  }
}

async function errorReport(req: Extract<WorkerRequest, { type: 'errorReport' }>): Promise<void> {
  try {
    const full = previews.get(req.previewJobId);
    if (!full) throw new Error('preview gone');
    const bytes = await buildErrorReport(full, { lang: req.lang });
    post({ type: 'errorReport', jobId: req.jobId, bytes }, [bytes.buffer]);
  } catch (e) {
    post(failure(req.jobId, e));
  }
}

/** The open file as a KICOX workbook: not one (or not XLSX) = every sheet skipped, no error. */
async function kicox(req: Extract<WorkerRequest, { type: 'kicox' }>): Promise<void> {
  const controller = new AbortController();
  running.set(req.jobId, controller);
  try {
    if (!file || file.fileId !== req.fileId) throw new Error('file not open');
    const sheets =
      sniffFileKind(file.bytes) === 'xlsx' ? await readXlsx(file.bytes, DEFAULT_LIMITS) : [];
    const { records: _records, ...summary } = previewKicoxSheets(sheets, {
      fileName: file.fileName,
      checksum: await file.checksum,
      existing: req.existing,
      lang: req.lang,
      signal: controller.signal,
    });
    post({ type: 'kicox', jobId: req.jobId, preview: summary });
  } catch (e) {
    post(failure(req.jobId, e, controller.signal));
  } finally {
    running.delete(req.jobId);
  }
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  switch (req.type) {
    case 'open':
      for (const c of running.values()) c.abort();
      previews.clear();
      file = {
        fileId: req.fileId,
        fileName: req.fileName,
        bytes: req.bytes,
        checksum: sha256Hex(req.bytes),
        tables: new Map(),
      };
      file.checksum.catch(() => undefined); // reported by the preview that awaits it
      break;
    case 'preview':
      void preview(req);
      break;
    case 'errorReport':
      void errorReport(req);
      break;
    case 'kicox':
      void kicox(req);
      break;
    case 'cancel':
      running.get(req.jobId)?.abort();
      break;
  }
};
