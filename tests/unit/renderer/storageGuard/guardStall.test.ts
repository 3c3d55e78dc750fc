/**
 * The stall watchdog wired through guardedWrite and mutate(): a real (fake-indexeddb) import
 * transaction that stops reporting progress is aborted, nothing of it is committed, and the
 * message says so after checking what is still there. Only setTimeout is faked (fake-indexeddb
 * schedules its own work with setImmediate), so the stall happens at an exact point of the write.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDb, orgValues } from '../db/helpers';
import { mutate } from '../../../../renderer/db/mutate';
import { setSetting } from '../../../../renderer/db/settings';
import type { Mutation } from '../../../../renderer/db/apply';
import { WriteStalledError } from '../../../../renderer/db/storageGuard/stallWatchdog';
import { guardedWrite, GuardedWriteError } from '../../../../renderer/features/storage/guard';

const STALL_MS = 20_000;

afterEach(() => {
  vi.useRealTimers();
});

async function setUp() {
  const db = await freshDb();
  await setSetting(db, 'firstRunDone', true);
  await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(1) }]);
  const batch: Mutation[] = Array.from({ length: 2_500 }, (_, i) => ({
    entity: 'organization',
    op: 'create',
    values: orgValues(i + 2),
  }));
  const options = {
    db,
    expected: 0,
    tables: ['organizations', 'importLog'],
    recordTables: ['organizations'],
    stallMs: STALL_MS,
  };
  return { db, batch, options };
}

describe('a write that stops making progress', () => {
  it('is aborted: nothing of it is committed, and the message says what is still there', async () => {
    const { db, batch, options } = await setUp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let chunksSent = 0;
    const error = await guardedWrite('import', options, (watch) =>
      mutate(db, batch, {
        origin: 'import',
        signal: watch.signal,
        importLog: {
          fileName: 'big.csv',
          checksum: 'x',
          entity: 'organization',
          counts: { new: 2_500, updated: 0, unchanged: 0, error: 0, duplicate: 0, skipped: 0 },
        },
        onProgress: () => {
          chunksSent++;
          // The first chunk is in flight, then the disk goes silent: no more progress.
          if (chunksSent === 1) vi.advanceTimersByTime(STALL_MS);
        },
      }),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GuardedWriteError);
    const failure = error as GuardedWriteError;
    expect(failure.outcome).toEqual({ kind: 'rolledBack', recordCount: 1 });
    expect(failure.message).toBe(
      '가져오기에 실패했습니다: 저장이 20초 동안 진행되지 않아 중단했습니다. 디스크 공간이 부족할 수 있습니다. 이번 자료는 하나도 저장되지 않았고, 기존 자료 1건은 그대로 있습니다.',
    );
    // The chunk sent before the stall was rolled back with the rest, and no import was logged.
    expect(await db.table('organizations').count()).toBe(1);
    expect(await db.table('importLog').count()).toBe(0);
  });

  it('is not aborted while it keeps reporting progress, however long it takes', async () => {
    const { db, batch, options } = await setUp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const result = await guardedWrite('import', options, (watch) =>
      mutate(db, batch, {
        origin: 'import',
        signal: watch.signal,
        onProgress: () => {
          vi.advanceTimersByTime(STALL_MS - 1); // slow, but moving
          watch.progress();
        },
      }),
    );
    expect(result.ok).toBe(true);
    expect(await db.table('organizations').count()).toBe(2_501);
  });

  it('mutate(): an already aborted signal writes nothing and throws its reason', async () => {
    const { db, batch } = await setUp();
    const controller = new AbortController();
    const reason = new WriteStalledError(STALL_MS);
    controller.abort(reason);
    await expect(mutate(db, batch, { signal: controller.signal })).rejects.toBe(reason);
    expect(await db.table('organizations').count()).toBe(1);
  });
});
