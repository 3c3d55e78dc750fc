/**
 * Retry timing of the sync engine: exponential backoff with "full jitter" (AWS architecture
 * blog, "Exponential Backoff And Jitter"): the wait after the n-th failure in a row is a random
 * time in [base, min(cap, base·2^n)]. Random, so a hundred clients that lost the server at the
 * same moment do not all come back at the same moment.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** @param failures failures in a row (1 = the first); @param random a number in [0, 1) */
export function backoffDelay(
  failures: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures, 30) - 1));
  return Math.round(policy.baseMs + random() * Math.max(0, exp - policy.baseMs));
}
