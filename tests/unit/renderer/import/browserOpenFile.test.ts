/**
 * Browser mode's openFile refuses a file over the open-size cap BEFORE reading it into memory
 * (a multi-GB pick would otherwise exhaust the tab). The file dialog is a stand-in: a minimal
 * `document` whose `<input type=file>` reports the picked file on click.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserPlatform } from '../../../../renderer/platform/browser';
import { PlatformError } from '../../../../renderer/platform/types';
import { DEFAULT_LIMITS } from '../../../../shared/import/limits';
import { IPC_LIMITS } from '../../../../shared/ipc/contract';

function pickWillReturn(file: { name: string; size: number; arrayBuffer: () => unknown }) {
  const listeners = new Map<string, () => void>();
  const input = {
    files: [file],
    style: {},
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
    remove: () => undefined,
    click: () => listeners.get('change')?.(),
  };
  vi.stubGlobal('document', {
    createElement: () => input,
    body: { append: () => undefined },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('browser platform openFile', () => {
  it('refuses an over-large file in Korean without reading it', async () => {
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    pickWillReturn({ name: 'huge.csv', size: IPC_LIMITS.openFileBytes + 1, arrayBuffer });
    const err = await createBrowserPlatform()
      .openFile({ accept: ['.csv'] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ code: 'TOO_LARGE' });
    expect((err as Error).message).toBe(
      '파일이 너무 큽니다 (100.0MB). 100.0MB 이하의 파일만 열 수 있습니다.',
    );
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it("applies the caller's lower limit (the import page passes the pipeline's)", async () => {
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    pickWillReturn({ name: 'big.xlsx', size: DEFAULT_LIMITS.maxFileBytes + 1, arrayBuffer });
    const err = await createBrowserPlatform()
      .openFile({ accept: ['.xlsx'], maxBytes: DEFAULT_LIMITS.maxFileBytes })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TOO_LARGE' });
    expect((err as Error).message).toContain('50.0MB 이하');
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('reads a file within the cap', async () => {
    const arrayBuffer = vi.fn(async () => new Uint8Array([1, 2, 3]).buffer);
    pickWillReturn({ name: 'a.csv', size: 3, arrayBuffer });
    const picked = await createBrowserPlatform().openFile({ accept: ['.csv'] });
    expect(picked).toEqual({ name: 'a.csv', bytes: new Uint8Array([1, 2, 3]) });
  });
});
