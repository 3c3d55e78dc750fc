/**
 * Page model of a generic entity page (grid + form): search, the AG Grid rows, the count label,
 * and the record form. Grid rows are found by their name cell (`[col-id="name"]`): with a pinned
 * column AG Grid renders every row twice (pinned and centre containers), so `.ag-row` alone
 * would count double.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class EntityPage {
  readonly shell: AppShell;
  readonly grid: Locator;
  readonly search: Locator;
  readonly newButton: Locator;
  readonly count: Locator;
  readonly form: Locator;

  constructor(
    readonly page: Page,
    /** route and nav path, e.g. `organizations` */
    readonly path: string,
    /** the field shown in the title column of the grid */
    readonly titleField = 'name',
  ) {
    this.shell = new AppShell(page);
    this.grid = page.getByTestId('entity-grid');
    this.search = page.getByTestId('grid-search');
    this.newButton = page.getByTestId('record-new');
    this.count = page.getByTestId('record-count');
    this.form = page.getByTestId('record-form');
  }

  async open(): Promise<void> {
    await this.shell.goTo(this.path);
    await expect(this.grid).toBeVisible();
  }

  /** Title cells of the rendered rows (one per row, whatever the pinning). */
  titleCells(): Locator {
    return this.grid.locator(`.ag-row [col-id="${this.titleField}"]`);
  }

  /** The title cell whose whole text is `title`. */
  rowTitled(title: string): Locator {
    return this.titleCells().filter({ hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) });
  }

  /** Title cells containing `text` anywhere (for titles the spec does not spell in full). */
  rowsContaining(text: string): Locator {
    return this.titleCells().filter({ hasText: text });
  }

  /**
   * The cell of column `fieldKey` in the row titled `title`. A pinned title column lives in
   * another `.ag-row` element than the other cells of its row; both share `row-index`.
   */
  async cell(title: string, fieldKey: string): Promise<Locator> {
    const titleCell = this.rowTitled(title);
    await expect(titleCell).toHaveCount(1);
    const row = titleCell.locator(
      'xpath=ancestor::div[contains(concat(" ", @class, " "), " ag-row ")][1]',
    );
    const index = await row.getAttribute('row-index');
    return this.grid.locator(`.ag-row[row-index="${index}"] [col-id="${fieldKey}"]`);
  }

  async expectCount(n: number): Promise<void> {
    await expect(this.count).toHaveText(`${n.toLocaleString('en-US')}건`);
  }

  field(key: string): Locator {
    return this.form.getByTestId(`field-${key}`);
  }

  error(key: string): Locator {
    return this.form.getByTestId(`error-${key}`);
  }

  async startNew(): Promise<void> {
    await this.newButton.click();
    await expect(this.form).toBeVisible();
  }

  /** Opens the record titled `title` in the form (double-click, like Enter on the row). */
  async openRecord(title: string): Promise<void> {
    await this.rowTitled(title).dblclick();
    await expect(this.form).toBeVisible();
    await expect(this.field(this.titleField)).toHaveValue(title);
  }

  /** Fills form fields by key: text inputs are filled, selects chosen by visible label. */
  async fill(values: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      const input = this.field(key);
      const tag = await input.evaluate((el) => el.tagName.toLowerCase());
      if (tag === 'select') await input.selectOption({ label: value });
      else await input.fill(value);
    }
  }

  /** Picks the referenced record titled `title` in a reference combobox. */
  async chooseReference(key: string, title: string): Promise<void> {
    await this.field(key).fill(title);
    await this.form.getByTestId('ref-option').filter({ hasText: title }).first().click();
    await expect(this.field(key)).toHaveValue(title);
  }

  /** Clicks 저장 (the form stays open when the values are refused). */
  async save(): Promise<void> {
    await this.form.getByTestId('form-save').click();
  }

  /** Saves a valid form: the dialog closes once the write is committed. */
  async saveAndClose(): Promise<void> {
    await this.save();
    await expect(this.form).toBeHidden();
  }

  /** The form has looked for a draft and offers none (waits for the look, then checks). */
  async expectNoDraftOffer(): Promise<void> {
    await expect(this.form.locator('[data-draft-checked="true"]')).toHaveCount(1);
    await expect(this.page.getByTestId('draft-offer')).toHaveCount(0);
  }

  /** The field-by-field choice shown after a conflicting save or draft. */
  conflictDialog(): Locator {
    return this.page.getByTestId('conflict-dialog');
  }

  /** Deletes the open record (a tombstone, with an undo toast); the dialog closes. */
  async deleteOpenRecord(): Promise<void> {
    await this.form.getByTestId('form-delete').click();
    await expect(this.form).toBeHidden();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
