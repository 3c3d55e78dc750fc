import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { BRN_CHECK_DIGIT_MESSAGE, brnWithWrongCheckDigit, validBrn } from './testData';

test.beforeEach(async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
});

test('a company is created, edited, deleted, undone and deleted for good across reloads', async ({
  page,
}) => {
  const shell = new AppShell(page);
  const companies = new EntityPage(page, 'organizations');
  const brn = validBrn('513811234');
  await companies.open();
  await companies.expectCount(0);

  await companies.startNew();
  await companies.fill({ name: '구미정밀', kind: '기업', brn: brn.replaceAll('-', '') });
  await companies.saveAndClose();
  await expect(companies.rowTitled('구미정밀')).toBeVisible();
  await expect(await companies.cell('구미정밀', 'brn')).toHaveText(brn);
  await companies.expectCount(1);

  await companies.openRecord('구미정밀');
  await companies.fill({ name: '구미정밀공업' });
  await companies.saveAndClose();
  await expect(companies.rowTitled('구미정밀공업')).toBeVisible();
  await expect(companies.rowTitled('구미정밀')).toHaveCount(0);

  await shell.reload();
  await expect(companies.rowTitled('구미정밀공업')).toBeVisible();
  await expect(await companies.cell('구미정밀공업', 'brn')).toHaveText(brn);
  await companies.expectCount(1);

  await companies.openRecord('구미정밀공업');
  await companies.deleteOpenRecord();
  await expect(companies.rowTitled('구미정밀공업')).toHaveCount(0);
  await companies.expectCount(0);

  await shell.undoLastDelete();
  await expect(companies.rowTitled('구미정밀공업')).toBeVisible();
  await companies.expectCount(1);

  await companies.openRecord('구미정밀공업');
  await companies.deleteOpenRecord();
  await expect(companies.rowTitled('구미정밀공업')).toHaveCount(0);
  await shell.reload();
  await expect(companies.grid).toBeVisible();
  await companies.expectCount(0);
  await expect(companies.rowTitled('구미정밀공업')).toHaveCount(0);
});

test('a BRN with a wrong check digit is refused next to the field and nothing is saved', async ({
  page,
}) => {
  const shell = new AppShell(page);
  const companies = new EntityPage(page, 'organizations');
  await companies.open();
  await companies.expectCount(0);

  await companies.startNew();
  await companies.fill({
    name: '검증숫자오류',
    kind: '기업',
    brn: brnWithWrongCheckDigit('513811234'),
  });
  await companies.save();
  await expect(companies.error('brn')).toContainText(BRN_CHECK_DIGIT_MESSAGE);
  await expect(companies.form).toBeVisible();
  await expect(companies.rowTitled('검증숫자오류')).toHaveCount(0);

  await shell.reload();
  await expect(companies.grid).toBeVisible();
  await companies.expectCount(0);
  await expect(companies.rowTitled('검증숫자오류')).toHaveCount(0);
});

test('markup in a company name is stored and shown as plain text', async ({ page }) => {
  const markup = '<img src=x onerror=alert(1)>';
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const shell = new AppShell(page);
  const companies = new EntityPage(page, 'organizations');
  await companies.open();

  await companies.startNew();
  await companies.fill({ name: markup, kind: '기업' });
  await companies.saveAndClose();
  await expect(companies.rowTitled(markup)).toBeVisible();

  await shell.reload();
  await expect(companies.rowTitled(markup)).toBeVisible();
  await expect(companies.grid.locator('img')).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
