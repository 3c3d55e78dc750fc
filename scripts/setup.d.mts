// Types of setup.mjs, for TypeScript callers (tests, and server scripts that set up in-process).
import type { NodeModulesIo } from './setup-node-modules.mjs';
import type { Profile, SystemIo } from './setup-system.mjs';

export interface SetupIo extends NodeModulesIo, SystemIo {
  uid: number | null;
  writeText(path: string, text: string): void;
  exec(
    command: string,
    args: string[],
    options?: { cwd?: string; env?: Record<string, string> },
  ): number | null;
}

export type SetupResult = { ok: true } | { ok: false; line: string };

export function systemIo(env?: Record<string, string | undefined>): SetupIo;
export function ensureSetup(options?: {
  profile?: Profile | string;
  need?: string[];
  root?: string;
  io?: SetupIo;
  log?: (line: string) => void;
}): SetupResult;
