import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDb, orgValues } from '../db/helpers';
import { mutate } from '../../../../renderer/db/mutate';
import { setSetting } from '../../../../renderer/db/settings';
import {
  formatBytes,
  guardedWrite,
  GuardedWriteError,
} from '../../../../renderer/features/storage/guard';
import { usePresenceStore } from '../../../../renderer/features/storage/presenceStore';

const MiB = 1024 * 1024;
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function setUp() {
  const db = await freshDb();
  await setSetting(db, 'firstRunDone', true);
  await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(1) }]);
  const options = {
    db,
    expected: 0,
    tables: ['organizations', 'importLog'],
    recordTables: ['organizations'],
  };
  return { db, options };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as GuardedWriteError,
  );

describe('guarded writes: refusal and what is said after a failure', () => {
  it('formats sizes for people', () => {
    expect(formatBytes(512)).toBe('512B');
    expect(formatBytes(1.5 * MiB)).toBe('1.5MB');
    expect(formatBytes(3 * 1024 * MiB)).toBe('3.0GB');
  });

  it('refuses before writing, in Korean, naming the space needed and free', async () => {
    const { db, options } = await setUp();
    let wrote = false;
    const error = await failure(
      guardedWrite(
        'import',
        { ...options, probes: { estimate: async () => ({ quota: 20 * MiB, usage: 15 * MiB }) } },
        async () => {
          wrote = true;
        },
      ),
    );
    expect(wrote).toBe(false);
    expect(error).toBeInstanceOf(GuardedWriteError);
    expect(error.outcome).toBe('refused');
    expect(error.message).toBe(
      '저장 공간이 부족해 가져오기 작업을 시작하지 않았습니다. 필요한 공간은 약 8.0MB, 남은 공간은 5.0MB입니다 (이 앱에 허용된 브라우저 저장 공간). 아무것도 바뀌지 않았습니다. 공간을 비운 뒤 다시 시도하세요.',
    );
    expect(await db.table('organizations').count()).toBe(1);
  });

  it('a quota failure that rolled back says so, with the records still there', async () => {
    const { options } = await setUp();
    const error = await failure(
      guardedWrite('import', options, () =>
        Promise.reject(new Dexie.AbortError('aborted', quota())),
      ),
    );
    expect(error.outcome).toEqual({ kind: 'rolledBack', recordCount: 1 });
    expect(error.message).toBe(
      '가져오기에 실패했습니다: 저장 공간이 부족합니다. 이번 자료는 하나도 저장되지 않았고, 기존 자료 1건은 그대로 있습니다.',
    );
  });

  it('never says "nothing was saved" when the database is gone, and shows the vanished screen', async () => {
    const { db, options } = await setUp();
    usePresenceStore.setState({ status: 'ok', identity: null });
    const error = await failure(
      guardedWrite('demo', options, async () => {
        db.close();
        await Dexie.delete(db.name);
        throw new Dexie.DatabaseClosedError('closed');
      }),
    );
    expect(error.outcome).toEqual({ kind: 'lost' });
    expect(error.message).toContain('브라우저가 이 앱의 데이터베이스를 지웠습니다');
    expect(error.message).not.toContain('저장되지 않았');
    expect(usePresenceStore.getState().status).toBe('vanished');
  });
});
