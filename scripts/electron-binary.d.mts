// Types of electron-binary.mjs, for TypeScript callers (tests).
export type ElectronBinaryDecision =
  | { found: true; binaryPath: string; source: 'override' | 'node_modules' }
  | { found: false; reason: 'override-missing' | 'not-installed'; message: string };

export function defaultExecutableName(platform?: NodeJS.Platform | string): string;

export function findElectronBinary(
  env: Record<string, string | undefined>,
  cwd: string,
  platform?: NodeJS.Platform | string,
): ElectronBinaryDecision;
