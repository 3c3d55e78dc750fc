/**
 * Configuration the way a service manager passes it: flags win over the environment.
 * `--port`/`PORT`, `--host`/`HOST`, `--data`/`PUMASI_DATA_DIR`, `DATABASE_URL`, `LOG_LEVEL`,
 * `PUMASI_RATE_LIMIT` (requests per token per minute).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './limits';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel: string;
  rateLimit: RateLimit;
}

export const DEFAULT_PORT = 4790;

export function parseConfig(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { config: ServerConfig; positionals: string[]; flags: Record<string, string | undefined> } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      cluster: { type: 'string' },
      role: { type: 'string' },
      label: { type: 'string' },
      code: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`포트가 올바르지 않습니다 / invalid port: ${portText}`);
  }
  const perMinute = Number(env.PUMASI_RATE_LIMIT ?? DEFAULT_RATE_LIMIT.max);
  return {
    config: {
      port,
      host: values.host ?? env.HOST ?? '127.0.0.1',
      dataDir: resolve(values.data ?? env.PUMASI_DATA_DIR ?? 'server-data'),
      ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
      logLevel: env.LOG_LEVEL ?? 'info',
      rateLimit: {
        max: Number.isInteger(perMinute) && perMinute > 0 ? perMinute : DEFAULT_RATE_LIMIT.max,
        windowMs: 60_000,
      },
    },
    positionals,
    flags: values,
  };
}
