// Types of build-electron.mjs.
export function buildElectron(options?: {
  root?: string;
  minify?: boolean;
}): Promise<{ main: string; preload: string }>;
