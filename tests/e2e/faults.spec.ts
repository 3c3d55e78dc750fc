/**
 * The real-process fault harness (tests/faults, docs/SYNC.md "Fault harness") at the size
 * `npm test` affords: a few schedules from a fixed seed on PGlite. `.ci/run` runs the full count
 * (`npm run faults`) after `npm test`. The harness starts its own browser, static server, proxy
 * and server process, so this spec uses no Playwright fixture.
 */
import { expect, test } from '@playwright/test';
import { runFaults } from '../faults/harness';

const SEED = 20261202;
const SCHEDULES = 5;

// Set-up (tokens, a server, a browser, two devices) plus five schedules with server restarts:
// a PGlite server start alone took 24–100 s at load average 25 on the shared 2-core machine.
test.describe.configure({ timeout: 600_000 });

test(`sync survives ${SCHEDULES} fault schedules from seed ${SEED} (PGlite)`, async () => {
  const result = await runFaults({
    seed: SEED,
    schedules: SCHEDULES,
    from: 0,
    db: 'pglite',
    log: (line) => console.log(`[faults] ${line}`),
  });
  console.log(
    `[faults] seed ${SEED}: ${result.schedules} schedules, ${result.edits} edits, ` +
      `${result.records} records, ${result.serverKills} server kills, ${result.clientCloses} ` +
      `app closes, ${result.clientReloads} reloads, proxy ${JSON.stringify(result.faults)}, ` +
      `${Math.round(result.ms / 1000)} s`,
  );
  if (result.failure) console.log(`[faults] reproduce: ${result.failure.reproduce}`);
  expect(result.failure?.problems ?? []).toEqual([]);
  expect(result.schedules).toBe(SCHEDULES);
  // The faults were really injected, and edits really made.
  const injected =
    result.faults.dropRequest! + result.faults.dropResponse! + result.faults.duplicate!;
  expect(injected).toBeGreaterThan(0);
  expect(result.edits).toBeGreaterThan(0);
});
