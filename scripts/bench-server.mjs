#!/usr/bin/env node
// `npm run bench:server [-- --rows 100000] [--reps 1] [--only pglite|postgres]`
// Server push vs a same-run raw multi-row INSERT (tests/bench/server.ts, loaded with tsx).
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    reps: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});
const { runServerBench } = await tsImport('../tests/bench/server.ts', import.meta.url);
try {
  await runServerBench({
    rows: Number(values.rows),
    reps: Number(values.reps),
    batchSize: 1000,
    backends: values.only ? values.only.split(',') : ['pglite', 'postgres'],
  });
} catch (error) {
  process.stderr.write(
    `[bench:server] failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
}
