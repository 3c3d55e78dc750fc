/**
 * `npm run faults -- --seed N --schedules K [--from I] [--db pglite|postgres]`: the real-process
 * fault harness (harness.ts). Prints the seed and the counts; a failing schedule prints its
 * problems and how to reproduce it, and the exit code is 1. Needs a build (`npx vite build`).
 */
import { runFaults, type FaultRunOptions } from './harness';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const db = arg('db', 'pglite');
if (db !== 'pglite' && db !== 'postgres') {
  process.stderr.write(`--db must be pglite or postgres, not ${db}\n`);
  process.exit(2);
}
const opts: FaultRunOptions = {
  seed: Number(arg('seed', '20261202')),
  schedules: Number(arg('schedules', '10')),
  from: Number(arg('from', '0')),
  db,
  log: (line) => process.stdout.write(`[faults] ${line}\n`),
  ...(process.argv.includes('--verbose')
    ? { verbose: (line: string) => process.stdout.write(`[faults] ${line}\n`) }
    : {}),
};
opts.log(`seed ${opts.seed}, schedules ${opts.from}..${opts.from + opts.schedules - 1}, db ${db}`);
const result = await runFaults(opts);
opts.log(
  `${result.ok ? 'OK' : 'FAILED'}: seed ${opts.seed}, ${result.schedules} schedules, ${result.edits} edits, ` +
    `${result.records} records, ${result.serverKills} server kills, ${result.clientCloses} client closes, ` +
    `${result.clientReloads} reloads, ${Math.round(result.ms / 1000)} s`,
);
opts.log(`actions ${JSON.stringify(result.actions)}`);
opts.log(`proxy ${JSON.stringify(result.faults)}`);
if (result.failure) {
  opts.log(`schedule ${result.failure.schedule} failed:`);
  for (const p of result.failure.problems.slice(0, 40)) opts.log(`  ${p}`);
  opts.log(`reproduce: ${result.failure.reproduce}`);
  process.exit(1);
}
