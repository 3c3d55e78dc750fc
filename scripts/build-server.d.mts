// Types of build-server.mjs.
export const SERVER_BUNDLE: string;
export function buildServer(options?: { root?: string; outDir?: string }): Promise<string>;
