/**
 * The worker module run in Node: `self` is a stand-in that collects what the worker posts.
 * Checks what the page relies on: previews without per-row data, a mapping change reusing the
 * parsed table, cancel, and the XLSX error report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { WorkerRequest, WorkerResponse } from '../../../../renderer/features/import/protocol';

const posted: WorkerResponse[] = [];
const scope: { onmessage: ((e: { data: WorkerRequest }) => void) | null } & Record<
  string,
  unknown
> = {
  onmessage: null,
  postMessage: (m: WorkerResponse) => posted.push(m),
};

beforeAll(async () => {
  (globalThis as Record<string, unknown>).self = scope;
  await import('../../../../renderer/features/import/import.worker');
});

const send = (req: WorkerRequest) => scope.onmessage?.({ data: req });
const encoder = new TextEncoder();

/** Resolves with the job's final message (preview, errorReport or failed). */
async function settled(jobId: number): Promise<WorkerResponse> {
  for (;;) {
    const hit = posted.find((m) => m.jobId === jobId && m.type !== 'progress');
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 5));
  }
}

const CSV = '업체 이름,구분,사업자등록번호\n구미정밀,기업,513-81-12340\n금오전자,기업,\n';
let nextJob = 100;
function preview(fileId: number, extra: Partial<Extract<WorkerRequest, { type: 'preview' }>> = {}) {
  const jobId = nextJob++;
  send({
    type: 'preview',
    jobId,
    fileId,
    entity: 'organization',
    defaults: {},
    existing: [],
    lang: 'ko',
    ...extra,
  });
  return jobId;
}

describe('import worker', () => {
  it('previews a file and posts a summary without row values, with progress first', async () => {
    send({ type: 'open', fileId: 1, fileName: 'a.csv', bytes: encoder.encode(CSV) });
    const jobId = preview(1);
    const done = await settled(jobId);
    if (done.type !== 'preview') throw new Error(JSON.stringify(done));
    expect(done.preview).not.toHaveProperty('rows');
    expect(done.preview.format).toBe('csv');
    expect(done.preview.mapping.map((m) => m.field)).toEqual([null, 'kind', 'brn']);
    expect(done.preview.counts.error).toBe(2); // no name column yet
    expect(done.preview.checksum).toMatch(/^[0-9a-f]{64}$/);
    const progress = posted.filter((m) => m.jobId === jobId && m.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
  });

  it('applies an explicit mapping to the same open file', async () => {
    const jobId = preview(1, {
      mapping: [
        { column: 0, header: '업체 이름', field: 'name', confidence: 1 },
        { column: 1, header: '구분', field: 'kind', confidence: 1 },
        { column: 2, header: '사업자등록번호', field: 'brn', confidence: 1 },
      ],
    });
    const done = await settled(jobId);
    expect(done.type === 'preview' && done.preview.counts).toMatchObject({ new: 2, error: 0 });
    expect(done.type === 'preview' && done.preview.mutations).toHaveLength(2);
  });

  it('builds the error report of the last preview as XLSX bytes', async () => {
    const previewJob = preview(1);
    await settled(previewJob);
    const jobId = nextJob++;
    send({ type: 'errorReport', jobId, previewJobId: previewJob, lang: 'ko' });
    const done = await settled(jobId);
    if (done.type !== 'errorReport') throw new Error(JSON.stringify(done));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(done.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(3); // header + two errors
  });

  it('reports a cancelled job as cancelled', async () => {
    const jobId = preview(1, { sheet: 'ignored-for-csv' }); // a new table key: reads again
    send({ type: 'cancel', jobId });
    const done = await settled(jobId);
    expect(done).toMatchObject({ type: 'failed', cancelled: true });
  });

  it('posts the per-row notes (capped list) in the summary, not only in the kept rows', async () => {
    const csv = '업체명,구분,종업원수\n구미정밀,기업,X\n구미정밀,기업,3\n';
    send({ type: 'open', fileId: 2, fileName: 'notes.csv', bytes: encoder.encode(csv) });
    const done = await settled(preview(2));
    if (done.type !== 'preview') throw new Error(JSON.stringify(done));
    expect(done.preview.notesTotal).toBe(2);
    expect(done.preview.notes.map((n) => [n.row, n.column])).toEqual([
      [2, 'C'],
      [3, null],
    ]);
    expect(done.preview.notes[0]!.text).toBe(
      '2행 C열: C열의 "X"(비공개 값)를 빈 값으로 읽었습니다',
    );
  });

  it('fails a preview of a file that is not open, without crashing', async () => {
    const done = await settled(preview(999));
    expect(done).toMatchObject({ type: 'failed', cancelled: false });
  });
});
