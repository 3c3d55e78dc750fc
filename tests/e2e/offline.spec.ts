import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';

test('with the network gone, records are still created and edited and the strip says 오프라인', async ({
  page,
  context,
}) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
  await expect(shell.onlineStatus).toHaveText('온라인');
  // Loaded first: in browser mode the grid's code is a lazily fetched chunk, which the browser
  // cannot fetch once offline (the desktop app serves it from disk).
  const companies = new EntityPage(page, 'organizations');
  await companies.open();

  await context.setOffline(true);
  await expect(shell.onlineStatus).toHaveText('오프라인');
  await companies.startNew();
  await companies.fill({ name: '현장방문기업', kind: '기업' });
  await companies.saveAndClose();
  await expect(companies.rowTitled('현장방문기업')).toBeVisible();

  await companies.openRecord('현장방문기업');
  await companies.fill({ name: '현장방문기업 2공장' });
  await companies.saveAndClose();
  await expect(companies.rowTitled('현장방문기업 2공장')).toBeVisible();
  await companies.expectCount(1);
  await expect(shell.onlineStatus).toHaveText('오프라인');

  await context.setOffline(false);
  await expect(shell.onlineStatus).toHaveText('온라인');
});
