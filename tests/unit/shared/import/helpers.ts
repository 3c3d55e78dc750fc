/** Shared helpers of the import tests: paths to fixtures, reading them as Uint8Array. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../../..');
/** The real public files live next to the repository (`../shared/fixtures/real`). */
export const realDir = resolve(repoRoot, '../shared/fixtures/real');
export const fixtureDir = resolve(repoRoot, 'tests/fixtures/import');

export const realFilesPresent = existsSync(resolve(realDir, 'ksic10-codes.xlsx'));
export const realSkipReason = `real public fixtures not found at ${realDir}`;

export const readReal = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(resolve(realDir, name)));
export const readFixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(resolve(fixtureDir, name)));

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
