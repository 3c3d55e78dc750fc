/**
 * Page model of the app shell in browser mode: first-run dialog, left navigation, status strip,
 * toasts and the demo-data dialog. Specs talk to the app through these models only, so a
 * selector change is fixed in one place.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type ClusterCode =
  'changwon' | 'gumi' | 'ulsan' | 'banwol-sihwa' | 'gwangju' | 'wonju' | 'gunsan';

export class AppShell {
  readonly firstRun: Locator;
  readonly statusStrip: Locator;
  readonly onlineStatus: Locator;
  readonly undoButton: Locator;

  constructor(readonly page: Page) {
    this.firstRun = page.getByTestId('first-run');
    this.statusStrip = page.getByTestId('status-strip');
    this.onlineStatus = page.getByTestId('status-online');
    this.undoButton = page.getByTestId('toast-undo');
  }

  /** Opens the app at a hash route (a fresh context starts with an empty IndexedDB). */
  async open(path = ''): Promise<void> {
    await this.page.goto(path ? `/index.html#/${path}` : '/index.html');
  }

  /** Answers the first-run dialog: the team's cluster, then start empty or with demo data. */
  async completeFirstRun(cluster: ClusterCode, start: 'empty' | 'demo'): Promise<void> {
    await expect(this.firstRun).toBeVisible();
    await this.firstRun.getByTestId(`firstrun-cluster-${cluster}`).check();
    await this.firstRun.getByTestId(start === 'empty' ? 'firstrun-empty' : 'firstrun-demo').click();
    await expect(this.firstRun).toBeHidden();
    await expect(this.statusStrip).toBeVisible();
  }

  /** Waits for the demo load to finish (progress bar gone, result shown) and closes the dialog. */
  async finishDemoLoad(): Promise<void> {
    const dialog = this.page.getByTestId('demo-dialog');
    await expect(dialog.getByTestId('demo-result')).toHaveAttribute('data-status', 'done', {
      timeout: 60_000,
    });
    await expect(dialog.getByTestId('progress')).toHaveCount(0);
    await dialog.getByTestId('demo-close').click();
    await expect(dialog).toBeHidden();
  }

  navLink(path: string): Locator {
    return this.page.getByTestId(`nav-${path}`);
  }

  async goTo(path: string): Promise<void> {
    await this.navLink(path).click();
    await expect(this.page).toHaveURL(new RegExp(`#/${path}$`));
  }

  /** Reloads the page; data must come back from IndexedDB, not from memory. */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.statusStrip).toBeVisible();
  }

  async undoLastDelete(): Promise<void> {
    await this.undoButton.click();
  }
}
