/**
 * Clock skew against the server. The server stamps every answer with its wall time
 * (`serverTime`); the request took from `sentAt` to `receivedAt` on our clock, so the server's
 * time corresponds best to the midpoint (Cristian's algorithm). The offset is added to the
 * local clock for the HLC's `now` (renderer/db/clock.ts setClockOffset): stamps made here then
 * sort fairly against other devices even when this machine's clock is wrong. Skew never blocks
 * sync; past SKEW_WARN_MS the status shows a warning so the user can fix the system clock.
 */
export const SKEW_WARN_MS = 5 * 60_000;

/** server − local, in ms (positive: our clock is behind). */
export function measureSkew(sentAt: number, receivedAt: number, serverTime: number): number {
  return Math.round(serverTime - (sentAt + receivedAt) / 2);
}

export const skewNeedsWarning = (offsetMs: number): boolean => Math.abs(offsetMs) > SKEW_WARN_MS;
