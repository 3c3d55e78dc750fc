/** The daily automatic backup: when it is due, that it only runs on desktop, and its bookkeeping. */
import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import {
  AUTO_BACKUP_INTERVAL_MS,
  isAutoBackupDue,
  lastAutoBackupAt,
  runAutoBackupIfDue,
} from '../../../../renderer/features/backup/autoBackup';
import { freshDb } from '../db/helpers';
import { fakePlatform } from './fakePlatform';

const T0 = new Date('2006-04-01T09:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe('isAutoBackupDue', () => {
  it('is due without a previous backup, after 24 h, and when the clock went back', () => {
    expect(isAutoBackupDue(undefined, T0)).toBe(true);
    expect(isAutoBackupDue('not a date', T0)).toBe(true);
    expect(isAutoBackupDue(T0.toISOString(), later(AUTO_BACKUP_INTERVAL_MS - 1))).toBe(false);
    expect(isAutoBackupDue(T0.toISOString(), later(AUTO_BACKUP_INTERVAL_MS))).toBe(true);
    expect(isAutoBackupDue(later(60_000).toISOString(), T0)).toBe(true);
  });
});

describe('runAutoBackupIfDue', () => {
  it('desktop: once, then not again until 24 h later', async () => {
    const db = await freshDb();
    const platform = fakePlatform('desktop');
    expect(await runAutoBackupIfDue({ db, platform, now: () => T0 })).toBe('written');
    expect(await lastAutoBackupAt(db)).toBe(T0.toISOString());
    expect(await runAutoBackupIfDue({ db, platform, now: () => later(3_600_000) })).toBe('skipped');
    const next = later(AUTO_BACKUP_INTERVAL_MS);
    expect(await runAutoBackupIfDue({ db, platform, now: () => next })).toBe('written');
    expect(platform.written.map((w) => w.label)).toEqual(['daily', 'daily']);
  });

  it('never in a browser, nor before the team chose its cluster', async () => {
    const browser = fakePlatform('browser');
    expect(await runAutoBackupIfDue({ db: await freshDb(), platform: browser })).toBe('skipped');
    expect(browser.saved).toEqual([]);
    const desktop = fakePlatform('desktop');
    const empty = await freshDb({ clusterId: null });
    expect(await runAutoBackupIfDue({ db: empty, platform: desktop })).toBe('skipped');
    expect(desktop.written).toEqual([]);
  });

  it('a failed write does not count as the day’s backup', async () => {
    const db = await freshDb();
    const platform = fakePlatform('desktop');
    platform.failWrites = true;
    await expect(runAutoBackupIfDue({ db, platform, now: () => T0 })).rejects.toThrow();
    expect(await lastAutoBackupAt(db)).toBeUndefined();
  });
});
