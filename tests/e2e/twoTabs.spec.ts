/**
 * Two tabs (or a form left open) on one record: a save never silently overwrites what the other
 * saved, a draft stays with the tab that typed it until that tab is gone, and a stale draft
 * restores only what was typed.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { readDraftNames } from './pages/draftRows';

// Each test loads the whole app in two pages, twice the start-up of a one-page spec: on a
// loaded 2-core machine that alone can take half of the default 60 s.
test.describe.configure({ timeout: 120_000 });

/** First page: first run done and one company 구미정밀 with 10 employees. */
async function startWithOneCompany(page: Page): Promise<EntityPage> {
  const shell = new AppShell(page);
  const companies = new EntityPage(page, 'organizations');
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
  await companies.open();
  await companies.startNew();
  await companies.fill({ name: '구미정밀', kind: '기업', employees: '10' });
  await companies.saveAndClose();
  await expect(companies.rowTitled('구미정밀')).toBeVisible();
  return companies;
}

/** A second tab of the same browser profile on the companies screen. */
async function secondTab(context: BrowserContext): Promise<EntityPage> {
  const page = await context.newPage();
  const companies = new EntityPage(page, 'organizations');
  await new AppShell(page).open('organizations');
  await expect(companies.grid).toBeVisible();
  return companies;
}

test('the second of two saves of one field shows both values, keeps nothing silently, then saves the choice', async ({
  page,
  context,
}) => {
  const a = await startWithOneCompany(page);
  const b = await secondTab(context);
  await a.openRecord('구미정밀');
  await b.openRecord('구미정밀');

  await a.fill({ employees: '99' });
  await a.saveAndClose();
  await expect(await a.cell('구미정밀', 'employees')).toHaveText('99');

  await b.fill({ employees: '50' });
  await b.save();
  const dialog = b.conflictDialog();
  await expect(dialog).toBeVisible();
  const row = dialog.getByTestId('conflict-row-employees');
  await expect(row.getByTestId('conflict-theirs-employees').locator('..')).toContainText('99');
  await expect(row.getByTestId('conflict-mine-employees').locator('..')).toContainText('50');
  await expect(dialog.getByTestId('conflict-apply')).toBeDisabled();
  // Nothing was written: the other tab still sees its 99.
  await expect(await a.cell('구미정밀', 'employees')).toHaveText('99');

  // Keyboard only: focus starts on the field's choices; ↓ picks "mine", Tab to the button.
  await expect(row.getByTestId('conflict-theirs-employees')).toBeFocused();
  await b.page.keyboard.press('ArrowDown');
  await expect(row.getByTestId('conflict-mine-employees')).toBeChecked();
  await b.page.keyboard.press('Tab');
  await expect(dialog.getByTestId('conflict-apply')).toBeFocused();
  await b.page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(b.form).toBeHidden();
  await expect(await a.cell('구미정밀', 'employees')).toHaveText('50');
  await expect(await b.cell('구미정밀', 'employees')).toHaveText('50');
});

test("a tab is not offered another live tab's draft; once that tab is gone, only the typed field is restored", async ({
  page,
  context,
}) => {
  const a = await startWithOneCompany(page);
  const b = await secondTab(context);

  // Tab A types a new name and leaves the form open (its draft is kept).
  await a.openRecord('구미정밀');
  await a.fill({ name: '구미정밀(주)' });
  await expect.poll(() => readDraftNames(page, 'draft:organization:')).toEqual(['구미정밀(주)']);

  // Tab B is not offered A's typing, and saves 99 employees.
  await b.openRecord('구미정밀');
  await b.expectNoDraftOffer();
  await b.fill({ employees: '99' });
  await b.saveAndClose();

  // Tab A goes away without saving (a crash or a closed window): its draft is left behind.
  await page.close();
  await b.openRecord('구미정밀');
  const offer = b.page.getByTestId('draft-offer');
  await expect(offer).toBeVisible();
  await expect(offer.getByTestId('draft-changed-since')).toContainText('종업원');
  await offer.getByTestId('draft-restore').click();
  await expect(offer).toBeHidden();
  await expect(b.field('name')).toHaveValue('구미정밀(주)');
  await expect(b.field('employees')).toHaveValue('99'); // not set back to 10

  await b.saveAndClose();
  await expect(await b.cell('구미정밀(주)', 'employees')).toHaveText('99');
  // Saved: neither A's adopted draft nor B's own is left behind.
  await expect.poll(() => readDraftNames(b.page, 'draft:organization:')).toEqual([]);
});

test('a draft field also saved elsewhere since is restored only as the user chooses', async ({
  page,
  context,
}) => {
  const a = await startWithOneCompany(page);
  const b = await secondTab(context);
  await a.openRecord('구미정밀');
  await a.fill({ employees: '50' });
  await expect.poll(() => readDraftNames(page, 'draft:organization:')).toEqual([null]);
  await b.openRecord('구미정밀');
  await b.fill({ employees: '99' });
  await b.saveAndClose();
  await page.close();

  await b.openRecord('구미정밀');
  await b.page.getByTestId('draft-restore').click();
  const dialog = b.conflictDialog();
  await expect(dialog.getByTestId('conflict-intro')).toContainText('입력을 남긴 뒤');
  await expect(dialog.getByTestId('conflict-row-employees')).toContainText('99');
  await expect(dialog.getByTestId('conflict-row-employees')).toContainText('50');
  // Cancelling restores nothing and keeps the offer.
  await b.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(b.field('employees')).toHaveValue('99');
  await b.page.getByTestId('draft-restore').click();
  await dialog.getByTestId('conflict-mine-employees').check();
  await dialog.getByTestId('conflict-apply').click();
  await expect(dialog).toBeHidden();
  await expect(b.field('employees')).toHaveValue('50');
  await b.saveAndClose();
  await expect(await b.cell('구미정밀', 'employees')).toHaveText('50');
});
