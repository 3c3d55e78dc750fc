// Types of serve-static.mjs, for TypeScript callers (tests, Playwright config).
export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const SECURITY_HEADERS: Readonly<Record<string, string>>;
/** The headers with connect-src limited to 'self' and the sync endpoint's origin. */
export function securityHeadersFor(
  syncEndpoint: string | undefined,
): Readonly<Record<string, string>>;
export function mimeTypeFor(file: string): string;
export function resolveInsideRoot(root: string, urlPath: string): string | null;

/** Port 0 (the default) picks a free port; rejects with the listen error (e.g. EADDRINUSE). */
export function startStaticServer(options: {
  root: string;
  port?: number;
  host?: string;
  /** the one outside origin the page may connect to (the sync endpoint) */
  syncEndpoint?: string;
}): Promise<StaticServer>;
