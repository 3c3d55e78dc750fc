/**
 * The harness's seeded PRNG: the simulation's mulberry32 (tests/sim/prng.ts, one generator for
 * both), with an inclusive `int(min, max)` — each call draws exactly as the simulation's `int`, so
 * every harness decision (which action, which fault, how long a delay) replays from (seed,
 * schedule index). Not for security.
 */
import { createRng as createSimRng } from '../sim/prng';

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  const rng = createSimRng(seed);
  return {
    next: rng.next,
    int: (min, max) => min + rng.int(max - min + 1),
    chance: rng.chance,
    pick: rng.pick,
  };
}

/** The seed of one schedule: depends only on the run's seed and the schedule's index. */
export function scheduleSeed(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
}
