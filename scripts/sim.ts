/**
 * `npm run sim [-- --seed N] [--schedules K] [--variant NAME] [--workers W] [--trace]`: the
 * deterministic sync simulation (tests/sim). Schedules N … N+K−1 run in W child processes
 * (default 2: CI's cores), each a contiguous range of seeds, so the result is the same for any W.
 * Prints one JSON summary line with the seeds and counts; on a failure the first failing
 * schedule's violations, its one-line reproduction and (with --trace, or when a single seed is
 * replayed) its trace. Exit code 1 when any schedule fails.
 */
import { fork } from 'node:child_process';
import { reproduction, runSchedules, type Summary } from '../tests/sim/run';
import { variantByName, REAL } from '../tests/sim/variants';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const seedArg = flag('seed');
const firstSeed = seedArg === undefined ? 1 : Number(seedArg);
const schedules = Number(flag('schedules') ?? (seedArg === undefined ? 10_000 : 1));
const workers = Math.max(1, Math.min(Number(flag('workers') ?? 2), Math.ceil(schedules / 100)));
const variant = variantByName(flag('variant') ?? REAL.name);
if (!Number.isInteger(firstSeed) || !Number.isInteger(schedules) || schedules < 1 || !variant) {
  console.error(
    'usage: npm run sim -- [--seed N] [--schedules K] [--variant real|<mutant>] [--workers W] [--trace]',
  );
  process.exit(2);
}

/** Runs seeds [from, from + count) in a child process (this script with --worker). */
function inChild(from: number, count: number): Promise<Summary> {
  return new Promise((resolve, reject) => {
    const args = ['--worker', '--seed', String(from), '--schedules', String(count)];
    const child = fork(process.argv[1] as string, [...args, '--variant', variant!.name], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Summary) : reject(new Error(`worker exit ${code}`)),
    );
  });
}

function merge(parts: Summary[], ms: number): Summary {
  const total = { ...parts[0]!, ms, failed: parts.flatMap((p) => p.failed) };
  total.firstSeed = firstSeed;
  total.schedules = parts.reduce((n, p) => n + p.schedules, 0);
  total.passed = parts.reduce((n, p) => n + p.passed, 0);
  total.totals = { ...parts[0]!.totals };
  for (const p of parts.slice(1)) {
    for (const k of Object.keys(total.totals) as Array<keyof Summary['totals']>) {
      total.totals[k] += p.totals[k];
    }
  }
  const firstFailure = parts.find((p) => p.firstFailure)?.firstFailure;
  if (firstFailure) total.firstFailure = firstFailure;
  else delete total.firstFailure;
  return total;
}

async function main() {
  if (process.argv.includes('--worker')) {
    process.stdout.write(JSON.stringify(runSchedules(firstSeed, schedules, variant)));
    return;
  }
  const started = performance.now();
  const per = Math.ceil(schedules / workers);
  const ranges = Array.from({ length: workers }, (_, i) => [
    firstSeed + i * per,
    Math.min(per, schedules - i * per),
  ]);
  const summary =
    workers === 1
      ? runSchedules(firstSeed, schedules, variant)
      : merge(
          await Promise.all(ranges.map(([from, count]) => inChild(from!, count!))),
          Math.round(performance.now() - started),
        );
  const { firstFailure, ...rest } = summary;
  const shown = { ...rest, failed: rest.failed.slice(0, 20), failedCount: rest.failed.length };
  console.log(JSON.stringify({ ...shown, workers }));
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
}

void main();
