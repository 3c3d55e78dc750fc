/**
 * The few browser globals that code passed to `page.evaluate` / `waitForFunction` uses. Tests and
 * the bench driver are typechecked as Node code (tsconfig.node.json, no DOM lib, so electron/
 * and server/ cannot use DOM by accident); inside an evaluated function, write
 * `const { document } = globalThis as unknown as PageGlobals;` (a type-only import, so nothing
 * from Node leaks into the serialised function).
 */

export interface PageElement {
  readonly textContent: string | null;
  readonly innerText: string;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): PageElement | null;
  querySelectorAll(selectors: string): ArrayLike<PageElement>;
  click(): void;
}

export interface PageGlobals {
  document: {
    querySelector(selectors: string): PageElement | null;
    querySelectorAll(selectors: string): ArrayLike<PageElement>;
    readonly body: PageElement;
  };
  requestAnimationFrame(callback: (time: number) => void): number;
  performance: { now(): number };
}
