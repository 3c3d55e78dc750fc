#!/usr/bin/env node
// `npm run bench [-- --no-build] [--reps N] [--import-reps N] [--rows N] [--only grid,import]`
// `--only year [--year-mutations N]`: the year-of-use replay (issue 10), never in the default set.
// Thin launcher: the driver is TypeScript (tests/bench/runner.ts, typechecked), loaded with tsx.
// Prints one JSON line per figure on stdout: {"name","value","unit","baseline","ratio"}.
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    reps: { type: 'string' },
    'import-reps': { type: 'string' },
    rows: { type: 'string' },
    'batch-size': { type: 'string' },
    only: { type: 'string' },
    'year-mutations': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    'Usage: node scripts/bench.mjs [--no-build] [--reps 3] [--import-reps 1] [--rows 100000]\n' +
      '       [--batch-size 5000]\n' +
      '       [--only mutate,grid | mutate_100k_strict,grid_sort_100k | pull | year]\n' +
      '       [--year-mutations 500000]   (year: the year-of-use replay, only when named)\n',
  );
  process.exit(0);
}

const positiveInt = (text, name) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
};

const { DEFAULT_OPTIONS, runBenchmarks } = await tsImport(
  '../tests/bench/runner.ts',
  import.meta.url,
);
const options = {
  ...DEFAULT_OPTIONS,
  build: !values['no-build'],
  ...(values.reps && { reps: positiveInt(values.reps, 'reps') }),
  ...(values['import-reps'] && {
    importReps: positiveInt(values['import-reps'], 'import-reps'),
  }),
  ...(values.rows && { rows: positiveInt(values.rows, 'rows') }),
  ...(values['batch-size'] && { batchSize: positiveInt(values['batch-size'], 'batch-size') }),
  ...(values['year-mutations'] && {
    yearMutations: positiveInt(values['year-mutations'], 'year-mutations'),
  }),
  ...(values.only && {
    only: values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  }),
};

try {
  await runBenchmarks(options);
} catch (error) {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
}

// The monthly report (issue 8): model and PDF of a 20,000-difficulty cluster (tests/bench/report.ts),
// after the build above; `--only report` runs it alone.
if (
  !process.exitCode &&
  (options.only.length === 0 || options.only.some((name) => name.startsWith('report')))
) {
  const { runReportBench } = await tsImport('../tests/bench/report.ts', import.meta.url);
  try {
    for (const figure of await runReportBench({ reps: options.reps })) {
      process.stdout.write(`${JSON.stringify(figure)}\n`);
    }
  } catch (error) {
    process.stderr.write(
      `[bench:report] failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}

// The server's push figures (PGlite and PostgreSQL) run after the browser ones:
// `npm run bench:server` runs them alone.
if (!process.exitCode && options.only.length === 0) {
  const { runServerBench } = await tsImport('../tests/bench/server.ts', import.meta.url);
  try {
    await runServerBench({
      rows: options.rows,
      reps: 1,
      batchSize: 1000,
      backends: ['pglite', 'postgres'],
      ready: true,
    });
  } catch (error) {
    process.stderr.write(
      `[bench:server] failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}

// Expert suggestions (issue 7): pure code, timed in Node (tests/bench/suggest.ts). Runs with
// everything, or alone with `--no-build --only suggest` (the browser part then finds nothing).
if (
  !process.exitCode &&
  (options.only.length === 0 || options.only.some((o) => o.startsWith('suggest')))
) {
  const { runSuggestBench } = await tsImport('../tests/bench/suggest.ts', import.meta.url);
  const { TARGETS } = await tsImport('../tests/bench/figures.ts', import.meta.url);
  const figure = runSuggestBench(options.reps === DEFAULT_OPTIONS.reps ? 15 : options.reps);
  process.stdout.write(`${JSON.stringify(figure)}\n`);
  const target = TARGETS[figure.name];
  if (target)
    process.stderr.write(
      `[bench] ${figure.name}: target ${target.text} → ${target.met(figure) ? 'met' : 'MISSED'}\n`,
    );
}
