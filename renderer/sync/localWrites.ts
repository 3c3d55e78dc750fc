/**
 * Tells the sync engine when this device saved something, so it pushes a few seconds later
 * instead of at the next 60 s timer (engine.localWrite()). The signal is the outbox's newest
 * key: every queued local write (mutate(), any tab — Dexie's liveQuery sees other tabs' commits)
 * adds a key above all before it, while acknowledging a push only removes keys. So only a key
 * newer than the last one seen counts, and a sync never triggers itself.
 */
import { liveQuery } from 'dexie';
import type { PumasiDb } from '../db';

export function watchLocalWrites(db: PumasiDb, onWrite: () => void): () => void {
  let newest: string | undefined;
  let first = true;
  const subscription = liveQuery(
    async () => (await db.outbox.orderBy(':id').lastKey()) as string | undefined,
  ).subscribe({
    next(key) {
      // The first value is the state at start: what is queued then goes with the first run.
      const isNewer = key !== undefined && (newest === undefined || key > newest);
      if (isNewer) newest = key;
      if (isNewer && !first) onWrite();
      first = false;
    },
    error() {
      // only a speed-up: the 60 s timer still pushes the write
    },
  });
  return () => subscription.unsubscribe();
}
