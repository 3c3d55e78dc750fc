import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { validBrn } from './testData';

test.beforeEach(async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
});

test('a company form lists what links to it, and a link opens that record', async ({ page }) => {
  const companies = new EntityPage(page, 'organizations');
  await companies.open();
  await companies.startNew();
  await companies.fill({ name: '구미정밀', kind: '기업' });
  await companies.saveAndClose();

  const difficulties = new EntityPage(page, 'difficulties');
  await difficulties.open();
  await difficulties.startNew();
  await difficulties.fill({
    title: '금형 열처리 변형',
    area: '기술',
    status: '접수',
    receivedOn: '2026-11-02',
  });
  await difficulties.chooseReference('companyId', '구미정밀');
  await difficulties.saveAndClose();

  await companies.open();
  await companies.openRecord('구미정밀');
  const links = companies.form.getByTestId('linked-records');
  const group = links.getByTestId('links-difficulty-companyId');
  await expect(group).toContainText('(1)');
  await group.getByRole('link', { name: '금형 열처리 변형' }).click();
  await expect(page).toHaveURL(/#\/difficulties\/[0-9A-Z]{26}$/);
  await expect(difficulties.field('title')).toHaveValue('금형 열처리 변형');
});

test('a 사업자등록번호 another company holds is warned about with a link; saving stays allowed', async ({
  page,
}) => {
  const companies = new EntityPage(page, 'organizations');
  const brn = validBrn('513811234');
  await companies.open();
  await companies.startNew();
  await companies.fill({ name: '구미정밀', kind: '기업', brn });
  await companies.saveAndClose();

  await companies.startNew();
  await companies.fill({ name: '구미정밀 2공장', kind: '기업', brn: brn.replaceAll('-', '') });
  const warning = companies.form.getByTestId('brn-duplicate');
  await expect(warning).toContainText('이미 있습니다');
  await expect(warning.getByRole('link', { name: '구미정밀' })).toBeVisible();
  await companies.saveAndClose();
  await companies.expectCount(2);

  // The record itself is not a duplicate of itself.
  await companies.openRecord('구미정밀');
  await expect(companies.form.getByTestId('brn-duplicate')).toContainText('구미정밀 2공장');
});

test('a record created in a long grid is scrolled into view and selected after saving', async ({
  page,
}) => {
  const shell = new AppShell(page);
  await shell.goTo('settings');
  await page.getByTestId('settings-demo').click();
  await shell.finishDemoLoad();
  const companies = new EntityPage(page, 'organizations');
  await companies.open();
  await companies.startNew();
  await companies.fill({ name: '힣힣 신규정밀', kind: '기업' });
  await companies.saveAndClose();
  // Without the reveal it would sit far below the fold of ~2,000 rows, unrendered.
  const selectedName = companies.grid.locator('.ag-row-selected [col-id="name"]');
  await expect(selectedName).toHaveCount(1);
  await expect(selectedName).toHaveText('힣힣 신규정밀');
  await expect(selectedName).toBeInViewport();
});
