/**
 * Finds the system Chromium that Playwright drives. Playwright must NEVER download a browser
 * (the machines reach only the npm and Debian registries), so every launch passes
 * `executablePath` from here. Pure and injectable (env + file check) so it is unit-tested.
 */
import { accessSync, constants } from 'node:fs';

/** Environment variables that name the browser binary, first match wins. */
export const CHROMIUM_ENV_VARS = ['PUMASI_CHROMIUM', 'CHROME_PATH'] as const;

/** Where Debian/Ubuntu and Google's packages install the browser, in order of preference. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
] as const;

/**
 * Flags for a quiet, deterministic headless run: no sandbox (CI runs as root), no GPU (none on
 * the machines), and no background traffic that could touch the network or slow a benchmark.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const CHROMIUM_INSTALL_HINT =
  'Install it with `apt-get update && apt-get install -y chromium` (Debian), ' +
  'or point PUMASI_CHROMIUM (or CHROME_PATH) at a Chromium/Chrome binary. ' +
  'Do not run `npx playwright install`: browsers are never downloaded.';

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

export interface ChromiumLookup {
  env: Readonly<Record<string, string | undefined>>;
  /** true when `path` is an executable file */
  isExecutable: (path: string) => boolean;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const systemLookup = (): ChromiumLookup => ({ env: process.env, isExecutable: isExecutableFile });

/**
 * The browser binary to launch. An explicitly configured path that does not exist is an error
 * (falling back silently would test a different browser than the one asked for).
 */
export function findChromium(lookup: ChromiumLookup = systemLookup()): string {
  for (const name of CHROMIUM_ENV_VARS) {
    const configured = lookup.env[name]?.trim();
    if (!configured) continue;
    if (lookup.isExecutable(configured)) return configured;
    throw new ChromiumNotFoundError(
      `${name}=${configured} is not an executable file. ${CHROMIUM_INSTALL_HINT}`,
    );
  }
  const found = CHROMIUM_CANDIDATES.find((path) => lookup.isExecutable(path));
  if (found) return found;
  throw new ChromiumNotFoundError(
    `No Chromium found (looked at ${CHROMIUM_CANDIDATES.join(', ')}). ${CHROMIUM_INSTALL_HINT}`,
  );
}

/** Launch options shared by Playwright tests and the benchmark runner. */
export function chromiumLaunchOptions(lookup?: ChromiumLookup): {
  executablePath: string;
  args: string[];
} {
  return { executablePath: findChromium(lookup), args: [...CHROMIUM_ARGS] };
}
