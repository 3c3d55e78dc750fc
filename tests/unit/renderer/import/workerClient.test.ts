import { describe, expect, it } from 'vitest';
import type { WorkerRequest, WorkerResponse } from '../../../../renderer/features/import/protocol';
import {
  ImportCancelled,
  ImportWorkerClient,
  type PreviewParams,
  type WorkerLike,
} from '../../../../renderer/features/import/workerClient';

/** A worker stand-in: records what the page posts, and answers when the test says so. */
class FakeWorker implements WorkerLike {
  readonly posted: WorkerRequest[] = [];
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(message: WorkerRequest): void {
    this.posted.push(message);
  }
  reply(message: WorkerResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const params = (fileId: number): PreviewParams => ({
  fileId,
  entity: 'organization',
  defaults: {},
  existing: [],
  lang: 'ko',
});

function setup() {
  const worker = new FakeWorker();
  const client = new ImportWorkerClient(() => worker);
  return { worker, client };
}

describe('import worker client', () => {
  it('sends the file, then previews against it, reporting progress', async () => {
    const { worker, client } = setup();
    const fileId = client.open('a.csv', new Uint8Array([1, 2, 3]));
    const seen: number[] = [];
    const { jobId, result } = client.preview(params(fileId), (f) => seen.push(f));
    expect(worker.posted.map((m) => m.type)).toEqual(['open', 'preview']);
    worker.reply({ type: 'progress', jobId, fraction: 0.5, stage: 'validate' });
    const preview = { fileName: 'a.csv' } as never;
    worker.reply({ type: 'preview', jobId, preview });
    await expect(result).resolves.toBe(preview);
    expect(seen).toEqual([0.5]);
  });

  it('cancel settles the job at once, tells the worker, and ignores its late answer', async () => {
    const { worker, client } = setup();
    const { jobId, result } = client.preview(params(client.open('a.csv', new Uint8Array(1))));
    client.cancel(jobId);
    await expect(result).rejects.toBeInstanceOf(ImportCancelled);
    expect(worker.posted.at(-1)).toEqual({ type: 'cancel', jobId });
    expect(() => worker.reply({ type: 'preview', jobId, preview: {} as never })).not.toThrow();
  });

  it('rejects with the worker message when a job fails', async () => {
    const { worker, client } = setup();
    const { jobId, result } = client.preview(params(client.open('a.csv', new Uint8Array(1))));
    worker.reply({ type: 'failed', jobId, message: '빈 파일입니다', cancelled: false });
    await expect(result).rejects.toThrow('빈 파일입니다');
  });

  it('fails every pending job when the worker script itself fails', async () => {
    const { worker, client } = setup();
    const a = client.preview(params(1)).result;
    const b = client.errorReport(1, 'ko');
    worker.onerror?.({ message: 'boom' } as ErrorEvent);
    await expect(a).rejects.toThrow('boom');
    await expect(b).rejects.toThrow('boom');
  });

  it('dispose cancels what runs and terminates the worker', async () => {
    const { worker, client } = setup();
    const { result } = client.preview(params(1));
    client.dispose();
    await expect(result).rejects.toBeInstanceOf(ImportCancelled);
    expect(worker.terminated).toBe(true);
  });
});
