/**
 * `npm run server` entry: opens the database (PGlite folder, or DATABASE_URL), runs the
 * migrations, then either serves HTTP or runs one admin command (server/cli.ts).
 */
import { buildApp, loggerOptions } from './app';
import { AdminError, seedClusters } from './auth/tokens';
import { runAdmin, USAGE } from './cli';
import { parseConfig } from './config';
import { migrate } from './db/migrate';
import { openDb } from './db/open';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const { config, positionals, flags } = parseConfig(argv);
  const db = await openDb(config);
  await migrate(db);
  await seedClusters(db);

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
