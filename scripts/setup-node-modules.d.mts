// Types of setup-node-modules.mjs, for TypeScript callers (tests).
export const SETUP_RECORD: string;
export const NPM_HIDDEN_LOCKFILE: string;

export interface NodeModulesIo {
  exists(path: string): boolean;
  isSymlink(path: string): boolean;
  readText(path: string): string | null;
}

export interface NodeModulesInspection {
  state: 'installed' | 'stale' | 'missing';
  linked: boolean;
  lockHash: string | null;
  reasonKo: string;
  reasonEn: string;
  adopted?: boolean;
}

export type NodeModulesAction = { action: 'none' } | { action: 'install' | 'warn'; line: string };

export function lockHash(lockText: string): string;
export function directDependencies(packageJson: {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}): string[];
export function hiddenLockfileMatches(lock: unknown, hidden: unknown): boolean;
export function inspectNodeModules(root: string, io: NodeModulesIo): NodeModulesInspection;
export function nodeModulesAction(inspection: NodeModulesInspection): NodeModulesAction;
export function setupRecord(hash: string, now?: Date): string;
