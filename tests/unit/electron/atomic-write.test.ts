import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The order of the disk operations writeFileAtomically performs, recorded by the fs spy below. */
const steps: string[] = [];

// Real fs underneath; only `open` (to watch the handle) and `rename` are wrapped.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      steps.push('open');
      return new Proxy(handle, {
        get(target, key) {
          const value: unknown = Reflect.get(target, key, target);
          if (typeof value !== 'function') return value;
          return (...callArgs: unknown[]) => {
            if (key === 'writeFile' || key === 'sync' || key === 'close') steps.push(key);
            return (value as (...a: unknown[]) => unknown).apply(target, callArgs);
          };
        },
      });
    },
    rename: async (...args: Parameters<typeof actual.rename>) => {
      steps.push('rename');
      return actual.rename(...args);
    },
  };
});

import { FileExistsError, writeFileAtomically } from '../../../electron/ipc/files';

let dir: string;
beforeEach(async () => {
  steps.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'pumasi-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('flushes the temporary file to disk (fsync) before renaming it into place', async () => {
    const target = join(dir, '보고서.csv');
    await writeFile(target, 'old');
    await writeFileAtomically(target, new TextEncoder().encode('new'));
    expect(steps).toEqual(['open', 'writeFile', 'sync', 'close', 'rename']);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['보고서.csv']);
  });

  it('uses a distinct temporary file per call, so concurrent writes do not collide', async () => {
    const target = join(dir, 'same.bin');
    await Promise.all([1, 2, 3].map((n) => writeFileAtomically(target, new Uint8Array(n).fill(n))));
    const bytes = [...(await readFile(target))];
    // Whichever finished last wins, but whole: never a mix of two writes.
    expect([[1], [2, 2], [3, 3, 3]]).toContainEqual(bytes);
    expect(await readdir(dir)).toEqual(['same.bin']);
  });

  it('exclusive: refuses to replace an existing file and cleans up its temporary file', async () => {
    const target = join(dir, 'pumasi-backup-20250101-000000-000.json');
    await writeFile(target, 'theirs');
    const error = await writeFileAtomically(target, new Uint8Array([1]), { exclusive: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileExistsError);
    expect(await readFile(target, 'utf8')).toBe('theirs');
    expect(await readdir(dir)).toEqual(['pumasi-backup-20250101-000000-000.json']);
  });

  it('reports IO_ERROR with a Korean message when the folder is missing', async () => {
    const error = await writeFileAtomically(join(dir, 'no', 'x.csv'), new Uint8Array(1)).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/저장하지/) });
  });
});
