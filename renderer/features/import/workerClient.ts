/**
 * The page's side of the import worker: promises for previews and error reports, progress
 * callbacks, and cancel. A cancelled job settles at once (the page must not wait for the worker
 * to reach its next abort check); whatever the worker still sends for it is ignored.
 */
import type { ImportStage } from '../../../shared/import';
import type { KicoxSummary, PreviewSummary, WorkerRequest, WorkerResponse } from './protocol';

export class ImportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ImportCancelled';
  }
}

/** What the client needs of a Worker (a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type PreviewParams = Omit<Extract<WorkerRequest, { type: 'preview' }>, 'type' | 'jobId'>;
export type ProgressListener = (fraction: number, stage: ImportStage) => void;

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  onProgress?: ProgressListener;
}

/** Vite bundles the worker from this exact expression (module worker, its own chunk). */
export function createImportWorker(): WorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

export class ImportWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly worker: WorkerLike;

  constructor(factory: () => WorkerLike = createImportWorker) {
    this.worker = factory();
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      // The worker script itself failed (load error, uncaught exception): fail every job.
      const error = new Error(event.message || 'import worker failed');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  /** Hands a file to the worker; its bytes are transferred when they own their buffer. */
  open(fileName: string, bytes: Uint8Array): number {
    const fileId = this.nextId++;
    const ownsBuffer =
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength &&
      bytes.buffer instanceof ArrayBuffer;
    this.worker.postMessage(
      { type: 'open', fileId, fileName, bytes },
      ownsBuffer ? [bytes.buffer as ArrayBuffer] : [],
    );
    return fileId;
  }

  preview(
    params: PreviewParams,
    onProgress?: ProgressListener,
  ): { jobId: number; result: Promise<PreviewSummary> } {
    const jobId = this.nextId++;
    const result = this.track<PreviewSummary>(jobId, onProgress);
    this.worker.postMessage({ type: 'preview', jobId, ...params });
    return { jobId, result };
  }

  errorReport(previewJobId: number, lang: PreviewParams['lang']): Promise<Uint8Array> {
    const jobId = this.nextId++;
    const result = this.track<Uint8Array>(jobId);
    this.worker.postMessage({ type: 'errorReport', jobId, previewJobId, lang });
    return result;
  }

  /** Reads the open file as a KICOX workbook (sheets not recognised come back as skipped). */
  kicox(params: Omit<Extract<WorkerRequest, { type: 'kicox' }>, 'type' | 'jobId'>): {
    jobId: number;
    result: Promise<KicoxSummary>;
  } {
    const jobId = this.nextId++;
    const result = this.track<KicoxSummary>(jobId);
    this.worker.postMessage({ type: 'kicox', jobId, ...params });
    return { jobId, result };
  }

  /** Stops a job: its promise rejects with ImportCancelled right away. */
  cancel(jobId: number): void {
    const p = this.pending.get(jobId);
    if (!p) return;
    this.pending.delete(jobId);
    this.worker.postMessage({ type: 'cancel', jobId });
    p.reject(new ImportCancelled());
  }

  dispose(): void {
    for (const jobId of [...this.pending.keys()]) this.cancel(jobId);
    this.worker.terminate();
  }

  private track<T>(jobId: number, onProgress?: ProgressListener): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.set(jobId, { resolve: resolve as (v: never) => void, reject, onProgress });
    });
  }

  private receive(message: WorkerResponse): void {
    const p = this.pending.get(message.jobId);
    if (!p) return; // cancelled or unknown: ignore late messages
    switch (message.type) {
      case 'progress':
        p.onProgress?.(message.fraction, message.stage);
        return;
      case 'preview':
        this.pending.delete(message.jobId);
        p.resolve(message.preview as never);
        return;
      case 'errorReport':
        this.pending.delete(message.jobId);
        p.resolve(message.bytes as never);
        return;
      case 'kicox':
        this.pending.delete(message.jobId);
        p.resolve(message.preview as never);
        return;
      case 'failed':
        this.pending.delete(message.jobId);
        p.reject(message.cancelled ? new ImportCancelled() : new Error(message.message));
        return;
    }
  }
}
