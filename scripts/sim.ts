/**
 * `npm run sim [-- --seed N] [--schedules K] [--variant NAME] [--trace]`: the deterministic sync
 * simulation (tests/sim). Prints one JSON summary line with the seeds and counts; on a failure
 * the first failing schedule's violations, its one-line reproduction and (with --trace, or when
 * a single seed is replayed) its trace. Exit code 1 when any schedule fails.
 */
import { reproduction, runSchedules } from '../tests/sim/run';
import { variantByName } from '../tests/sim/variants';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const seedArg = flag('seed');
const firstSeed = seedArg === undefined ? 1 : Number(seedArg);
const schedules = Number(flag('schedules') ?? (seedArg === undefined ? 10_000 : 1));
const variant = variantByName(flag('variant') ?? 'real');
if (!Number.isInteger(firstSeed) || !Number.isInteger(schedules) || schedules < 1 || !variant) {
  console.error(
    'usage: npm run sim -- [--seed N] [--schedules K] [--variant real|<mutant>] [--trace]',
  );
  process.exit(2);
}

const summary = runSchedules(firstSeed, schedules, variant);
const { firstFailure, ...rest } = summary;
console.log(
  JSON.stringify({ ...rest, failed: rest.failed.slice(0, 20), failedCount: rest.failed.length }),
);
if (firstFailure) {
  console.log(
    `\nFAILED seed ${firstFailure.seed} — reproduce: ${reproduction(firstFailure.seed, variant)}`,
  );
  for (const v of firstFailure.violations.slice(0, 20)) console.log(`  ✗ ${v}`);
  if (process.argv.includes('--trace') || schedules === 1) {
    console.log('\ntrace:');
    for (const line of firstFailure.trace) console.log(`  ${line}`);
  }
  process.exitCode = 1;
}
