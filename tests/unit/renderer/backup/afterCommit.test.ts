/**
 * "자료는 바뀌지 않았습니다" must only ever follow a restore that did not commit: once the
 * transaction committed, a failing later step (here: the clock update) is reported as such and
 * the restore resolves — it never throws, so no caller can mistake it for "unchanged".
 */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it, vi } from 'vitest';
import type * as ClockModule from '../../../../renderer/db/clock';

const clockFails = vi.hoisted(() => ({ armed: false }));
vi.mock('../../../../renderer/db/clock', async (importOriginal) => {
  const real = await importOriginal<typeof ClockModule>();
  return {
    ...real,
    getClock: (...args: Parameters<typeof real.getClock>) =>
      clockFails.armed ? Promise.reject(new RangeError('clock broke')) : real.getClock(...args),
  };
});

const { createBackupBytes } = await import('../../../../renderer/db/backup');
const { entityTable } = await import('../../../../renderer/db/db');
const { mutate } = await import('../../../../renderer/db/mutate');
const { readBackupFile, restoreFromBackup } =
  await import('../../../../renderer/features/backup/backupActions');
const { freshDb, orgValues } = await import('../db/helpers');
const { fakePlatform } = await import('./fakePlatform');
const { seedEveryTable } = await import('./seed');

describe('a failure after the restore committed', () => {
  it('is reported as "restored, but…": the call resolves and the data is the backup’s', async () => {
    const source = await freshDb();
    await seedEveryTable(source);
    const bytes = await createBackupBytes(source, { appVersion: '0.1.0' });
    const db = await freshDb({ clusterId: 'wonju' });
    await mutate(db, [{ entity: 'organization', op: 'create', id: 'mine', values: orgValues(9) }]);
    const read = await readBackupFile(db, bytes, 'ko');
    if (!read.ok) throw new Error(read.error.message);

    clockFails.armed = true;
    try {
      const outcome = await restoreFromBackup({ db, platform: fakePlatform('browser') }, read);
      expect(outcome.afterCommitProblem).toBe('clock broke');
    } finally {
      clockFails.armed = false;
    }
    expect(await entityTable(db, 'organization').get('mine')).toBeUndefined();
    expect(await entityTable(db, 'organization').get('org-1')).toBeDefined();
    // and the next save works (the clock seeds again from the restored history)
    const next = await mutate(db, [
      { entity: 'organization', op: 'update', id: 'org-1', values: { employees: 3 } },
    ]);
    expect(next.ok).toBe(true);
  });
});
