// Types of server.mjs.
export function newestSourceTime(base?: string): number;
export function bundleIsFresh(base?: string, bundlePath?: string): boolean;
