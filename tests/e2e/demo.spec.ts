import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';

test('demo data loads the 7 pilot clusters and 48 mini-clusters', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'demo');
  await shell.finishDemoLoad();

  const clusters = new EntityPage(page, 'clusters');
  await clusters.open();
  await clusters.expectCount(7);
  await expect(clusters.titleCells()).toHaveCount(7);
  await expect(clusters.rowsContaining('구미')).toHaveCount(1);

  const miniClusters = new EntityPage(page, 'mini-clusters');
  await miniClusters.open();
  await miniClusters.expectCount(48);
});
