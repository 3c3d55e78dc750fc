#!/usr/bin/env node
// `npm run bench:server [-- --rows 100000] [--reps 1] [--only pglite,postgres,ready]`
// Server push vs a same-run raw multi-row INSERT, and the server's start on a fresh data folder
// (tests/bench/server.ts, serverReady.ts, loaded with tsx).
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
const only = values.only ? values.only.split(',') : ['pglite', 'postgres', 'ready'];
try {
  await runServerBench({
    rows: Number(values.rows),
    reps: Number(values.reps),
    batchSize: 1000,
    backends: only.filter((b) => b === 'pglite' || b === 'postgres'),
    ready: only.includes('ready'),
  });
} catch (error) {
  process.stderr.write(
    `[bench:server] failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
}
