import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { readDraftNames } from './pages/draftRows';

test('typed input survives a reload as a draft, and is gone once saved', async ({ page }) => {
  const shell = new AppShell(page);
  const companies = new EntityPage(page, 'organizations');
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
  await companies.open();

  await companies.startNew();
  await companies.fill({ name: '초안정밀', kind: '기업' });
  // Kept within a moment of typing, as the app would be when the power goes.
  await expect.poll(() => readDraftNames(page)).toEqual(['초안정밀']);
  // The draft is written a moment after each field: wait for the last one typed too.
  await expect
    .poll(async () => (await readDraftNames(page, undefined, 'kind')).map(Boolean))
    .toEqual([true]);

  await shell.reload();
  await companies.startNew();
  const offer = page.getByTestId('draft-offer');
  await expect(offer).toBeVisible();
  await offer.getByTestId('draft-restore').click();
  await expect(offer).toBeHidden();
  await expect(companies.field('name')).toHaveValue('초안정밀');

  await companies.saveAndClose();
  await expect(companies.rowTitled('초안정밀')).toBeVisible();
  // Saved: the draft row is deleted, not left empty.
  await expect.poll(() => readDraftNames(page)).toEqual([]);

  // Nothing is offered once the draft was saved.
  await companies.startNew();
  await expect(companies.field('name')).toHaveValue('');
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);
});
