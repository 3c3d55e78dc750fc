/** Page models of 동기화 and 공동활용 네트워크. */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class SyncPage {
  readonly shell: AppShell;
  readonly phase: Locator;
  readonly pending: Locator;
  readonly inbox: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.phase = page.getByTestId('sync-phase');
    this.pending = page.getByTestId('status-pending');
    this.inbox = page.getByTestId('sync-inbox');
  }

  async open(): Promise<void> {
    await this.shell.goTo('sync');
    await expect(this.page.getByTestId('page-sync')).toBeVisible();
  }

  /** Saves endpoint + token, then waits for the first successful sync. */
  async connect(endpoint: string, token: string): Promise<void> {
    await this.page.getByTestId('sync-endpoint').fill(endpoint);
    await this.page.getByTestId('sync-token').fill(token);
    await this.page.getByTestId('sync-test').click();
    await expect(this.page.getByTestId('sync-test-result')).toContainText('연결되었습니다');
    await this.page.getByTestId('sync-save').click();
    await this.expectSynced();
  }

  /** Clicks 지금 동기화 and waits until a sync after the click succeeded. */
  async syncNow(): Promise<void> {
    const last = this.page.getByTestId('sync-last-success');
    const before = Number((await last.getAttribute('data-at')) || 0);
    await this.page.getByTestId('sync-now').click();
    await expect(this.phase).toHaveAttribute('data-phase', 'idle');
    await expect
      .poll(async () => Number((await last.getAttribute('data-at')) || 0))
      .toBeGreaterThan(before);
  }

  async expectSynced(): Promise<void> {
    await expect(this.phase).toHaveAttribute('data-phase', 'idle');
    await expect(this.page.getByTestId('sync-last-success')).not.toContainText('아직 없음');
  }

  async expectNothingPending(): Promise<void> {
    await expect(this.pending).toHaveText('0건 대기');
  }
}

export class NetworkPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShell(this.page).goTo('network');
    await expect(this.page.getByTestId('page-network')).toBeVisible();
  }

  resourceRow(name: string): Locator {
    return this.page
      .getByTestId('network-resource')
      .getByTestId('network-row')
      .filter({ hasText: name });
  }
}
