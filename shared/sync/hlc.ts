/**
 * Hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014), pure TypeScript.
 *
 * A stamp is `${wallMs}-${counter}-${deviceId}`:
 * - `wallMs`: 13 decimal digits, zero-padded (milliseconds since 1970, good until the year 2286);
 * - `counter`: 4 lowercase hex digits, zero-padded (0000–ffff);
 * - `deviceId`: the ULID of the device that made the stamp.
 * Because the first two parts are fixed-width, plain string comparison orders stamps causally:
 * a stamp made after seeing another (locally or via `receive`) always sorts after it. Ties in
 * time and counter are broken by the device id, so two devices never produce equal stamps.
 *
 * The clock never goes backwards even when the system clock does: it keeps the largest wall time
 * it has seen and counts events within it. If the counter would overflow (more than 65,536 events
 * in one millisecond), the logical wall time is advanced by one millisecond instead — the stamp
 * runs slightly ahead of the physical clock, which HLC allows, and order is preserved.
 */

export const HLC_WALL_DIGITS = 13;
export const HLC_COUNTER_DIGITS = 4;
const MAX_COUNTER = 0xffff;
const MAX_WALL = 10 ** HLC_WALL_DIGITS - 1;
const STAMP_PATTERN = /^(\d{13})-([0-9a-f]{4})-(.+)$/;

export interface HlcParts {
  wallMs: number;
  counter: number;
  deviceId: string;
}

export interface Hlc {
  readonly deviceId: string;
  /** Stamp for a local event (a write on this device). Strictly greater than every earlier one. */
  tick(): string;
  /** Merges a stamp seen from elsewhere (sync, or this device's own history after a restart)
   *  and returns a local stamp strictly greater than both it and every earlier local stamp.
   *  With `maxDriftMs`, a stamp more than that far ahead of the physical clock is refused
   *  (HlcDriftError, the clock unchanged): one stamp from the future would otherwise drag every
   *  later local stamp ahead for good. Without it (this device's own history) nothing is refused. */
  receive(remoteStamp: string, opts?: ReceiveOptions): string;
  /** The last stamp produced, or undefined before the first tick/receive. */
  last(): string | undefined;
}

export interface ReceiveOptions {
  /** refuse stamps whose wall time is more than this many ms ahead of the physical clock */
  maxDriftMs?: number;
}

/** How far ahead of the physical clock sync accepts a stamp (docs/SYNC.md, "Clock"). */
export const SYNC_MAX_DRIFT_MS = 5 * 60_000;

/** A received stamp too far ahead of the physical clock; nothing was changed. */
export class HlcDriftError extends RangeError {
  constructor(
    readonly stamp: string,
    /** how far ahead of the physical clock the stamp is, ms */
    readonly aheadMs: number,
    readonly maxDriftMs: number,
  ) {
    super(`HLC stamp ${stamp} is ${aheadMs} ms ahead of the clock (allowed: ${maxDriftMs} ms)`);
    this.name = 'HlcDriftError';
  }
}

/** How many ms `stamp` is ahead of `physicalMs` beyond `maxDriftMs`: 0 when within the bound. */
export function driftBeyond(stamp: string, physicalMs: number, maxDriftMs: number): number {
  const ahead = parseHlc(stamp).wallMs - Math.floor(physicalMs);
  return ahead > maxDriftMs ? ahead : 0;
}

export function formatHlc(parts: HlcParts): string {
  const { wallMs, counter, deviceId } = parts;
  if (!Number.isInteger(wallMs) || wallMs < 0 || wallMs > MAX_WALL) {
    throw new RangeError(`HLC wall time out of range: ${wallMs}`);
  }
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) {
    throw new RangeError(`HLC counter out of range: ${counter}`);
  }
  if (deviceId === '' || deviceId.includes('-')) {
    // A dash in the device id would make the stamp ambiguous to parse.
    throw new RangeError(`HLC device id must be non-empty and without '-': ${deviceId}`);
  }
  return (
    String(wallMs).padStart(HLC_WALL_DIGITS, '0') +
    '-' +
    counter.toString(16).padStart(HLC_COUNTER_DIGITS, '0') +
    '-' +
    deviceId
  );
}

export function parseHlc(stamp: string): HlcParts {
  const m = STAMP_PATTERN.exec(stamp);
  if (!m) throw new SyntaxError(`not an HLC stamp: ${stamp}`);
  return { wallMs: Number(m[1]), counter: parseInt(m[2] as string, 16), deviceId: m[3] as string };
}

export function isHlc(stamp: unknown): stamp is string {
  return typeof stamp === 'string' && STAMP_PATTERN.test(stamp);
}

/** Causal order of two stamps: negative if a happened before b, 0 if equal, positive after. */
export function compareHlc(a: string, b: string): number {
  // Fixed-width prefix ⇒ lexicographic order is causal order (see the header).
  return a < b ? -1 : a > b ? 1 : 0;
}

export function createHlc(deviceId: string, now: () => number = Date.now): Hlc {
  // Validates the device id once, so tick() can stay a tight loop.
  formatHlc({ wallMs: 0, counter: 0, deviceId });
  let wall = 0;
  let counter = -1; // -1 ⇒ nothing stamped yet at `wall`
  let lastStamp: string | undefined;

  const stamp = (): string => {
    if (counter > MAX_COUNTER) {
      // Counter overflow: move logical time forward one millisecond rather than wrap.
      wall += 1;
      counter = 0;
    }
    lastStamp = formatHlc({ wallMs: wall, counter, deviceId });
    return lastStamp;
  };

  return {
    deviceId,
    tick() {
      const physical = Math.floor(now());
      if (physical > wall) {
        wall = physical;
        counter = 0;
      } else {
        // Same millisecond, or the system clock went backwards: keep our wall time, count on.
        counter += 1;
      }
      return stamp();
    },
    receive(remoteStamp: string, opts: ReceiveOptions = {}) {
      const remote = parseHlc(remoteStamp);
      const physical = Math.floor(now());
      const { maxDriftMs } = opts;
      if (maxDriftMs !== undefined && remote.wallMs - physical > maxDriftMs) {
        throw new HlcDriftError(remoteStamp, remote.wallMs - physical, maxDriftMs);
      }
      const maxWall = Math.max(wall, remote.wallMs, physical);
      if (maxWall === wall && maxWall === remote.wallMs) {
        counter = Math.max(counter, remote.counter) + 1;
      } else if (maxWall === wall) {
        counter += 1;
      } else if (maxWall === remote.wallMs) {
        counter = remote.counter + 1;
      } else {
        counter = 0;
      }
      wall = maxWall;
      return stamp();
    },
    last: () => lastStamp,
  };
}
