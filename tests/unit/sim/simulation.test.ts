/**
 * The deterministic sync simulation (tests/sim) at the size `npm test` affords; `.ci/run` runs
 * the full 10,000 schedules with `npm run sim`. Each mutant of the sync rules (tests/sim/variants)
 * must be caught within its budget: that is the test of the checker itself.
 */
import { describe, expect, it } from 'vitest';
import { reproduction, runSchedule, runSchedules } from '../../sim/run';
import { MUTANTS, REAL } from '../../sim/variants';

const SCHEDULES = 300;
/** schedules each mutant may take to be caught (the first catch is at seed 6 to 87 today) */
const MUTANT_BUDGET = 300;
const LONG = 180_000; // a budget for a loaded machine, not a speed claim

describe('sync simulation', () => {
  it(
    `${SCHEDULES} random schedules converge with nothing lost, applied twice or misowned`,
    () => {
      const summary = runSchedules(1, SCHEDULES);
      const { firstFailure, ...counts } = summary;
      console.log(`sync simulation: ${JSON.stringify(counts)}`);
      const why = firstFailure
        ? `${reproduction(firstFailure.seed)}\n${firstFailure.violations.join('\n')}`
        : '';
      expect(summary.failed, why).toEqual([]);
      // The schedules did exercise the faults the guarantees are about.
      expect(summary.totals.conflicts).toBeGreaterThan(50);
      expect(summary.totals.conflictsChecked).toBeGreaterThan(50); // the conflict check bites
      expect(summary.totals.dropped).toBeGreaterThan(100);
      expect(summary.totals.duplicated).toBeGreaterThan(50);
      expect(summary.totals.restores).toBeGreaterThan(10);
    },
    LONG,
  );

  it('replays a seed exactly: same trace, same counts', () => {
    const a = runSchedule(79);
    const b = runSchedule(79);
    expect(b.trace).toEqual(a.trace);
    expect(b.counts).toEqual(a.counts);
    expect(a.trace.some((line) => line.startsWith('skew '))).toBe(true);
  });

  const expected: Record<string, RegExp> = {
    'server-drops-conflicts': /conflict not in .*'s inbox/,
    'tie-ignores-device-id': /diverged|lost/,
    'no-drift-bound': /ahead of its clock/,
    'ack-before-commit': /acknowledged write lost|lacks|diverged/,
    'duplicate-push-applied-again': /applied 2 times/,
    'accept-incomplete-creates': /fragment: /,
  };
  for (const mutant of MUTANTS) {
    it(
      `catches the broken rule "${mutant.name}" within ${MUTANT_BUDGET} schedules`,
      () => {
        const summary = runSchedules(1, MUTANT_BUDGET, mutant, true);
        const failure = summary.firstFailure;
        expect(failure, `${mutant.name} survived ${MUTANT_BUDGET} schedules`).toBeDefined();
        if (!failure) return;
        console.log(`${mutant.name}: caught at ${reproduction(failure.seed, mutant)}`);
        expect(failure.violations.join('\n')).toMatch(expected[mutant.name] as RegExp);
        // The one-line reproduction replays the very same failure.
        expect(runSchedule(failure.seed, mutant).violations).toEqual(failure.violations);
        // …and the real rules pass that very schedule.
        expect(runSchedule(failure.seed, REAL).violations).toEqual([]);
      },
      LONG,
    );
  }
});
