/**
 * `npm run server` entry (bundled into dist/server/main.mjs by scripts/build-server.mjs): opens
 * the database (PGlite folder, or DATABASE_URL), runs the migrations, then either serves HTTP or
 * runs one admin command (server/cli.ts). PUMASI_TRACE_START=1 prints the start-up split.
 */
import { buildApp, loggerOptions } from './app';
import { AdminError } from './auth/tokens';
import { runAdmin, USAGE } from './cli';
import { parseConfig } from './config';
import { openDb } from './db/open';
import { freshSchema, setUpSchema } from './freshSchema';

/**
 * Start-up phases, each from the end of the previous one (the first from the process start),
 * in wall-clock ms and in CPU ms: on a loaded machine the CPU figure is the steadier one.
 */
function startTrace(): { mark(phase: string): void; print(): void } {
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const phases: string[] = [];
  let last = { wall: 0, cpu: 0 }; // performance.now() counts from the process start
  return {
    mark(phase) {
      const now = { wall: performance.now(), cpu: cpuMs() };
      phases.push(
        `${phase} ${(now.wall - last.wall).toFixed(0)} ms (cpu ${(now.cpu - last.cpu).toFixed(0)})`,
      );
      last = now;
    },
    print() {
      if (process.env.PUMASI_TRACE_START !== '1') return;
      const total = `total ${last.wall.toFixed(0)} ms (cpu ${last.cpu.toFixed(0)})`;
      process.stderr.write(`[pumasi server] start: ${phases.join(', ')}, ${total}\n`);
    },
  };
}

async function main(): Promise<void> {
  const trace = startTrace();
  trace.mark('imports'); // Node's own start, the launcher, loading this code
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const { config, positionals, flags } = parseConfig(argv);
  // A fresh PGlite folder is a copy of the migrated template: setUpSchema then finds nothing to
  // do; an older folder (or a PostgreSQL database) is upgraded here.
  const db = await openDb({ ...config, schema: freshSchema() });
  trace.mark('db open');
  await setUpSchema(db);
  trace.mark('migrations');

  if (positionals.length > 0) {
    try {
      process.stdout.write((await runAdmin(db, positionals, flags)) + '\n');
    } finally {
      await db.close();
    }
    return;
  }

  const app = await buildApp({
    db,
    rateLimit: config.rateLimit,
    logger: loggerOptions(config.logLevel),
  });
  app.log.info(
    { database: db.kind, location: db.location },
    db.kind === 'pglite' ? `data folder: ${db.location}` : `database: ${db.location}`,
  );
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  await app.listen({ port: config.port, host: config.host });
  trace.mark('listen'); // building the app and opening the port
  trace.print();
}

main().catch((error: unknown) => {
  const text =
    error instanceof AdminError
      ? error.message
      : error instanceof Error
        ? error.stack
        : String(error);
  process.stderr.write(`[pumasi server] ${text}\n`);
  process.exit(1);
});
