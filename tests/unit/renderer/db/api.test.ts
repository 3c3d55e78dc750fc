import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import * as store from '../../../../renderer/db';

describe('renderer/db public API (others code against these names)', () => {
  it.each([
    'PumasiDb',
    'openDb',
    'getDb',
    'entityTable',
    'mutate',
    'getSetting',
    'setSetting',
    'getDeviceId',
    'useRecords',
    'useRecord',
    'useSetting',
    'usePendingCount',
    'usePref',
    'readOutbox',
    'ackOutbox',
    'countOutbox',
    'getClock',
  ])('exports %s', (name) => {
    expect(typeof (store as Record<string, unknown>)[name]).toBe('function');
  });

  it('entityTable maps every registry entity to its table', async () => {
    const db = store.openDb(`api-${Math.random()}`);
    const names = [
      'cluster',
      'miniCluster',
      'organization',
      'expert',
      'membership',
      'difficulty',
      'activity',
      'resource',
      'plan',
      'indicator',
      'target',
      'successCase',
    ] as const;
    expect(names.map((n) => store.entityTable(db, n).name)).toEqual([
      'clusters',
      'miniClusters',
      'organizations',
      'experts',
      'memberships',
      'difficulties',
      'activities',
      'resources',
      'plans',
      'indicators',
      'targets',
      'successCases',
    ]);
    await db.delete();
  });
});
