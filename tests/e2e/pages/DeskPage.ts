/** Page model of the 기술애로 데스크 (board, intake and move dialogs, detail panel, timeline). */
import { expect, type Locator, type Page } from '@playwright/test';

export class DeskPage {
  readonly root: Locator;
  readonly board: Locator;
  readonly detail: Locator;
  readonly moveDialog: Locator;
  readonly intakeDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('desk-page');
    this.board = page.getByTestId('desk-board');
    this.detail = page.getByTestId('desk-detail');
    this.moveDialog = page.getByTestId('desk-move-dialog');
    this.intakeDialog = page.getByTestId('desk-intake-dialog');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-desk').click();
    await expect(this.board).toBeVisible();
  }

  column(status: string): Locator {
    return this.page.getByTestId(`desk-column-${status}`);
  }

  async expectCount(status: string, n: number): Promise<void> {
    await expect(this.column(status).getByTestId('desk-column-count')).toHaveText(
      new RegExp(`^${n}(건)?$`),
    );
  }

  card(title: string): Locator {
    return this.board.getByTestId('desk-card').filter({ hasText: title });
  }

  /** Fills a desk dialog: text/select fields by key, references by title. */
  async fill(dialog: Locator, values: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      const input = dialog.getByTestId(`field-${key}`);
      const tag = await input.evaluate((el) => el.tagName.toLowerCase());
      if (tag === 'select') await input.selectOption({ label: value });
      else await input.fill(value);
    }
  }

  async chooseReference(dialog: Locator, key: string, title: string): Promise<void> {
    await dialog.getByTestId(`field-${key}`).fill(title);
    await dialog.getByTestId('ref-option').filter({ hasText: title }).first().click();
  }

  async submit(dialog: Locator): Promise<void> {
    await dialog.getByTestId('desk-dialog-submit').click();
  }

  async openCard(title: string): Promise<void> {
    await this.card(title).click();
    await expect(this.detail).toBeVisible();
  }

  timelineItems(): Locator {
    return this.detail.getByTestId('timeline-item');
  }
}
