/**
 * One device in browser mode: a browser context (its own IndexedDB) holding the app page, whose
 * sync engine talks to the proxy, and a bench.html page (`window.pumasiFaults`) through which the
 * harness edits via mutate() and reads the database. The app page can be reloaded, or closed
 * mid-whatever and reopened.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type {
  FaultEdit,
  FaultEditResult,
  FaultSnapshot,
  PumasiFaults,
} from '../../renderer/bench/faultsApi';

/** Inside page.evaluate only globals exist: each call names the page's API itself. */
type PageWithFaults = { pumasiFaults: PumasiFaults };

export class FaultClient {
  private app: Page | undefined;
  private helper: Page | undefined;
  reloads = 0;
  closes = 0;

  private constructor(
    readonly name: string,
    private readonly context: BrowserContext,
    private readonly baseUrl: string,
  ) {}

  static async open(
    browser: Browser,
    name: string,
    baseUrl: string,
    connection: { clusterId: string; endpoint: string; token: string },
  ): Promise<FaultClient> {
    // No service worker: its precache would download the whole build into every context.
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'ko-KR' });
    const client = new FaultClient(name, context, baseUrl);
    const helper = await client.helperPage();
    await helper.evaluate(
      (c) => (globalThis as unknown as PageWithFaults).pumasiFaults.setup(c),
      connection,
    );
    await client.openApp();
    return client;
  }

  private async helperPage(): Promise<Page> {
    if (this.helper && !this.helper.isClosed()) return this.helper;
    const page = await this.context.newPage();
    await page.goto(`${this.baseUrl}/bench.html`);
    await page.waitForFunction(() => 'pumasiFaults' in globalThis, undefined, { timeout: 30_000 });
    this.helper = page;
    return page;
  }

  /** Opens the app on its 동기화 page (the engine starts a sync at start). */
  async openApp(): Promise<void> {
    const page = await this.context.newPage();
    await page.goto(`${this.baseUrl}/index.html#/sync`);
    await page.getByTestId('page-sync').waitFor({ timeout: 30_000 });
    this.app = page;
  }

  private appPage(): Page {
    if (!this.app) throw new Error(`${this.name}: the app page is not open`);
    return this.app;
  }

  async edit(edits: FaultEdit[]): Promise<FaultEditResult[]> {
    const page = await this.helperPage();
    return page.evaluate(
      (e) => (globalThis as unknown as PageWithFaults).pumasiFaults.edit(e),
      edits,
    );
  }

  async snapshot(): Promise<FaultSnapshot> {
    const page = await this.helperPage();
    return page.evaluate(() => (globalThis as unknown as PageWithFaults).pumasiFaults.snapshot());
  }

  async reload(): Promise<void> {
    this.reloads++;
    await this.appPage().reload();
    await this.appPage().getByTestId('page-sync').waitFor({ timeout: 30_000 });
  }

  /**
   * Closes the app tab without its unload handlers, whatever transaction or request it had in
   * flight, and opens it again: a closed or killed app, as far as this device's data goes.
   */
  async closeAndReopen(): Promise<void> {
    this.closes++;
    await this.appPage().close({ runBeforeUnload: false });
    this.app = undefined;
    await this.openApp();
  }

  private async phase(): Promise<string> {
    return (await this.appPage().getByTestId('sync-phase').getAttribute('data-phase')) ?? '';
  }

  private async lastSuccess(): Promise<number> {
    const at = await this.appPage().getByTestId('sync-last-success').getAttribute('data-at');
    return Number(at || 0);
  }

  /**
   * Clicks 지금 동기화 (when enabled) and waits up to `timeoutMs` for a sync that succeeded
   * after the click; answers the delete guard with 「삭제 적용」. True when one succeeded.
   */
  async syncNow(timeoutMs: number): Promise<boolean> {
    const page = this.appPage();
    const before = await this.lastSuccess();
    const deadline = Date.now() + timeoutMs;
    let clicked = false;
    while (Date.now() < deadline) {
      const phase = await this.phase();
      if (phase === 'confirmDeletes') {
        await page.getByTestId('sync-deletes-apply').click();
        continue;
      }
      if (!clicked && phase !== 'syncing') {
        const button = page.getByTestId('sync-now');
        if (await button.isEnabled()) {
          await button.click();
          clicked = true;
        }
      }
      if (clicked && (await this.lastSuccess()) > before && (await this.phase()) === 'idle') {
        return true;
      }
      // A failed run waits for its backoff: ask again instead of waiting minutes.
      if (clicked && phase === 'waiting') clicked = false;
      await page.waitForTimeout(100);
    }
    return false;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
