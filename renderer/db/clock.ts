/**
 * The hybrid logical clock of one open database. It is seeded from the newest history key (every
 * write's HLC stamp), so stamps keep increasing across restarts even if the system clock was set
 * back while the app was closed.
 */
import { createHlc, isHlc, type Hlc } from '../../shared/sync/hlc';
import type { PumasiDb } from './db';
import { getDeviceId } from './settings';

const clocks = new WeakMap<PumasiDb, Promise<Hlc>>();
const offsets = new WeakMap<PumasiDb, number>();

/**
 * The sync engine measures this machine's clock against the server's (server − local, ms) and
 * sets it here: the HLC's `now` becomes the corrected time, so a machine whose clock is wrong
 * still mints stamps that compare fairly with other devices' (renderer/sync/skew.ts).
 */
export function setClockOffset(db: PumasiDb, offsetMs: number): void {
  offsets.set(db, Number.isFinite(offsetMs) ? Math.round(offsetMs) : 0);
}

/** The physical clock corrected by the measured skew. */
export function correctedNow(db: PumasiDb): number {
  return Date.now() + (offsets.get(db) ?? 0);
}

async function seededClock(db: PumasiDb, deviceId: string): Promise<Hlc> {
  const clock = createHlc(deviceId, () => correctedNow(db));
  const newest = await db.history.orderBy(':id').lastKey();
  // Only a real stamp: a foreign key (a bad backup) must not stop every later write.
  if (isHlc(newest)) clock.receive(newest);
  return clock;
}

/**
 * This database's clock. The sync engine calls `(await getClock(db)).receive(stamp)` for stamps
 * it pulls, so later local writes sort after what this device has seen.
 */
export async function getClock(db: PumasiDb): Promise<Hlc> {
  const deviceId = await getDeviceId(db);
  // No await between get and set: two concurrent first calls must share ONE clock, or they
  // would hand out equal stamps (= equal history keys, and the second write would fail).
  let pending = clocks.get(db);
  if (!pending) {
    pending = seededClock(db, deviceId);
    pending.catch(() => clocks.delete(db));
    clocks.set(db, pending);
  }
  const clock = await pending;
  if (clock.deviceId === deviceId) return clock;
  // The device id was replaced (see setSetting): continue from the old clock under the new id.
  if (clocks.get(db) === pending) {
    const next = createHlc(deviceId, () => correctedNow(db));
    const last = clock.last();
    if (last) next.receive(last);
    clocks.set(db, Promise.resolve(next));
  }
  return getClock(db);
}

/**
 * Call inside a write transaction that includes `history`, before the first tick: moves the
 * clock past the newest history key. Browser mode runs one clock per tab under one device id;
 * IndexedDB runs write transactions on `history` one at a time, and each leaves its newest stamp
 * as the newest history key, so this orders every tab's stamps after what the others committed —
 * never equal, never out of order (docs/SYNC.md, "Tabs").
 */
export async function catchUpWithOtherTabs(db: PumasiDb, clock: Hlc): Promise<void> {
  const newest = await db.history.orderBy(':id').lastKey();
  const last = clock.last();
  if (isHlc(newest) && (last === undefined || newest > last)) clock.receive(newest);
}
