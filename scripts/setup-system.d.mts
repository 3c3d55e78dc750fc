// Types of setup-system.mjs, for TypeScript callers (tests).
export type PieceId = 'chromium' | 'font' | 'postgresql' | 'poppler';
export type Profile = 'start' | 'server' | 'bench' | 'test';

export const SYSTEM_PIECES: Record<PieceId, { ko: string; en: string; packages: string[] }>;
export const PROFILES: Record<Profile, PieceId[]>;
export const CHROMIUM_ENV_VARS: string[];
export const CHROMIUM_CANDIDATES: string[];
export const POSTGRESQL_ROOT: string;
export const SYSTEM_SETUP_MODES: string[];

export interface SystemIo {
  env: Record<string, string | undefined>;
  isExecutable(path: string): boolean;
  listDir(path: string): string[];
  run(command: string, args: string[]): { status: number | null; stdout: string };
}

export type InstallPermission = { may: true } | { may: false; whyKo: string; whyEn: string };
export type SystemPlan =
  | { action: 'none' }
  | { action: 'install'; packages: string[]; line: string }
  | { action: 'stop'; line: string };

export function findMissingPieces(
  pieceIds: readonly string[],
  io: SystemIo,
): { missing: PieceId[]; broken: string[] };
export function packagesFor(pieceIds: readonly string[]): string[];
export function installPermission(facts: {
  mode: string;
  uid: number | null;
  hasAptGet: boolean;
}): InstallPermission;
export function systemSetupMode(
  env: Record<string, string | undefined>,
): { mode: 'auto' | 'check' | 'off'; line?: undefined } | { mode?: undefined; line: string };
export function systemPlan(input: {
  missing: readonly PieceId[];
  broken: readonly string[];
  permission: InstallPermission;
  uid: number | null;
}): SystemPlan;
