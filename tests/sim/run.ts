/**
 * Runs schedules: schedule `seed` is fully determined by its seed and the variant, so a failure
 * replays with `npm run sim -- --seed <seed>` (and `--variant <name>` for a mutant).
 */
import { checkWorld, isFragment } from './checks';
import { createRng } from './prng';
import { createWorld, quiesce, step } from './schedule';
import { REAL, type Variant } from './variants';

/** Time allowed to pass once healed: beyond the largest skew the scheduler makes (3 days). */
export const HEAL_ADVANCE_MS = 4 * 24 * 60 * 60_000;

export interface ScheduleResult {
  seed: number;
  steps: number;
  writes: number;
  violations: string[];
  trace: string[];
  counts: {
    messages: number;
    dropped: number;
    duplicated: number;
    conflicts: number;
    restores: number;
    fragments: number;
    conflictsChecked: number;
    resentWhole: number;
  };
}

export function runSchedule(seed: number, variant: Variant = REAL): ScheduleResult {
  const rng = createRng(seed);
  const world = createWorld(rng, variant);
  const steps = 20 + rng.int(80);
  for (let i = 0; i < steps; i++) step(world);
  quiesce(world, HEAL_ADVANCE_MS);
  checkWorld(world);
  const { ledger, net, server, machines } = world;
  return {
    seed,
    steps,
    writes: ledger.writes.size,
    violations: ledger.violations,
    trace: ledger.trace,
    counts: {
      messages: net.stats.sent,
      dropped: net.stats.dropped,
      duplicated: net.stats.duplicated,
      conflicts: server.conflicts.length,
      restores: machines.reduce((n, m) => n + m.restores, 0),
      conflictsChecked: ledger.conflictsChecked,
      fragments: [...server.records].filter(([key, st]) => isFragment(key, st)).length,
      resentWhole: ledger.resentWhole,
    },
  };
}

export interface Summary {
  variant: string;
  firstSeed: number;
  schedules: number;
  passed: number;
  failed: number[];
  totals: {
    steps: number;
    writes: number;
    messages: number;
    dropped: number;
    duplicated: number;
    conflicts: number;
    restores: number;
    fragments: number;
    conflictsChecked: number;
    resentWhole: number;
  };
  ms: number;
  firstFailure?: ScheduleResult;
}

export function runSchedules(
  firstSeed: number,
  schedules: number,
  variant: Variant = REAL,
  stopAtFirst = false,
): Summary {
  const started = performance.now();
  const summary: Summary = {
    variant: variant.name,
    firstSeed,
    schedules: 0,
    passed: 0,
    failed: [],
    totals: {
      steps: 0,
      writes: 0,
      messages: 0,
      dropped: 0,
      duplicated: 0,
      conflicts: 0,
      restores: 0,
      fragments: 0,
      conflictsChecked: 0,
      resentWhole: 0,
    },
    ms: 0,
  };
  for (let seed = firstSeed; seed < firstSeed + schedules; seed++) {
    const r = runSchedule(seed, variant);
    summary.schedules++;
    summary.totals.steps += r.steps;
    summary.totals.writes += r.writes;
    for (const k of [
      'messages',
      'dropped',
      'duplicated',
      'conflicts',
      'restores',
      'fragments',
      'conflictsChecked',
      'resentWhole',
    ] as const)
      summary.totals[k] += r.counts[k];
    if (r.violations.length === 0) summary.passed++;
    else {
      summary.failed.push(seed);
      summary.firstFailure ??= r;
      if (stopAtFirst) break;
    }
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

export function reproduction(seed: number, variant: Variant = REAL): string {
  return `npm run sim -- --seed ${seed}${variant === REAL ? '' : ` --variant ${variant.name}`}`;
}
