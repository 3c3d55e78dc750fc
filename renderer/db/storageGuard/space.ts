/**
 * Free space before a large write (an import commit, a restore, a demo load). Chromium, when
 * IndexedDB ran out of room in the middle of a big transaction, was seen to delete the whole
 * database instead of rolling back (issue 12: 13 of 13 runs on a 30 MiB profile). So a write
 * that may not fit is refused BEFORE it starts, with the space it needs and the space left.
 *
 * Two readings, the smaller wins: the origin's quota (navigator.storage.estimate(), browser and
 * desktop alike: IndexedDB lives in the window's origin) and, on the desktop, the disk holding
 * the data folder (statfs in the main process, `storage:info`). Calling estimate() after records
 * exist is also what made Chromium roll back cleanly instead of deleting the database in the
 * same probes, so it is called before every large write even where the answer looks generous.
 *
 * The size of a write is an estimate (see estimateRecordBytes); the margin makes up for
 * what is not counted: LevelDB writes each value to its log and again when compacting, and the
 * old values of updated records stay on disk until the transaction committed.
 */

const MiB = 1024 * 1024;

/** Bytes on disk per byte of stored value while the write is in flight (log + compaction). */
export const WRITE_AMPLIFICATION = 2;
/** Kept free on top of the estimate: settings, the grid snapshots rebuilt after the write. */
export const SPACE_MARGIN_BYTES = 8 * MiB;
/** Per record: bookkeeping fields, its history entry and its outbox pointer, keys and indexes. */
export const PER_RECORD_OVERHEAD_BYTES = 600;

export type SpaceSource = 'quota' | 'disk';

export interface SpaceReading {
  source: SpaceSource;
  /** null when this reading could not be taken */
  freeBytes: number | null;
}

export type SpaceDecision =
  | { ok: true; neededBytes: number; freeBytes: number | null }
  | { ok: false; neededBytes: number; freeBytes: number; source: SpaceSource };

/** What a write of `expectedBytes` of values must find free. */
export function neededBytesFor(expectedBytes: number): number {
  const expected = Number.isFinite(expectedBytes) && expectedBytes > 0 ? expectedBytes : 0;
  return Math.ceil(expected * WRITE_AMPLIFICATION) + SPACE_MARGIN_BYTES;
}

/**
 * Refuses when the tightest reading has less free than needed. Readings that could not be
 * taken do not block: a platform that cannot tell must not stop the team from working.
 */
export function decideSpace(
  expectedBytes: number,
  readings: readonly SpaceReading[],
): SpaceDecision {
  const neededBytes = neededBytesFor(expectedBytes);
  let tightest: { source: SpaceSource; freeBytes: number } | null = null;
  for (const r of readings) {
    if (r.freeBytes === null || !Number.isFinite(r.freeBytes)) continue;
    const free = Math.max(0, r.freeBytes);
    if (!tightest || free < tightest.freeBytes) tightest = { source: r.source, freeBytes: free };
  }
  if (!tightest) return { ok: true, neededBytes, freeBytes: null };
  if (tightest.freeBytes < neededBytes) {
    return { ok: false, neededBytes, freeBytes: tightest.freeBytes, source: tightest.source };
  }
  return { ok: true, neededBytes, freeBytes: tightest.freeBytes };
}

/**
 * Bytes the values of `records` take in IndexedDB, roughly: JSON length counted as two bytes a
 * character (V8 stores a string holding Hangul as UTF-16) plus the per-record overhead.
 */
export function estimateRecordBytes(records: readonly unknown[]): number {
  let bytes = 0;
  for (const r of records)
    bytes += 2 * (JSON.stringify(r)?.length ?? 0) + PER_RECORD_OVERHEAD_BYTES;
  return bytes;
}

/** free = quota - usage from navigator.storage.estimate(); null when it says nothing useful. */
export function quotaFreeBytes(
  estimate: { quota?: number; usage?: number } | undefined,
): number | null {
  if (!estimate || typeof estimate.quota !== 'number' || !Number.isFinite(estimate.quota))
    return null;
  const usage =
    typeof estimate.usage === 'number' && Number.isFinite(estimate.usage) ? estimate.usage : 0;
  return Math.max(0, estimate.quota - usage);
}

export interface SpaceProbes {
  /** navigator.storage.estimate where present */
  estimate?: () => Promise<{ quota?: number; usage?: number }>;
  /** the desktop disk's free bytes (storage:info), absent in a browser */
  diskFreeBytes?: () => Promise<number | null>;
}

/** Takes both readings (a failed one counts as unknown) and decides. */
export async function checkSpace(
  expectedBytes: number,
  probes: SpaceProbes,
): Promise<SpaceDecision> {
  const readings: SpaceReading[] = [];
  if (probes.estimate) {
    const estimate = await probes.estimate().catch(() => undefined);
    readings.push({ source: 'quota', freeBytes: quotaFreeBytes(estimate) });
  }
  if (probes.diskFreeBytes) {
    const free = await probes.diskFreeBytes().catch(() => null);
    readings.push({ source: 'disk', freeBytes: free });
  }
  return decideSpace(expectedBytes, readings);
}

/** Thrown by a guarded write that was refused before anything was written. */
export class StorageSpaceError extends Error {
  constructor(readonly decision: Extract<SpaceDecision, { ok: false }>) {
    super(
      `not enough storage: ${decision.neededBytes} bytes needed, ${decision.freeBytes} free (${decision.source})`,
    );
    this.name = 'StorageSpaceError';
  }
}
