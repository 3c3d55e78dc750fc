import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';

// Closing the app in the middle of the demo load must not leave settings saying "불러오지 않음"
// over half the data: the load says it is partial and finishes on one click.
test('a demo load cut off by a reload says it is partial and resumes to completion', async ({
  page,
}) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'demo');
  const dialog = page.getByTestId('demo-dialog');
  const progress = dialog.getByTestId('progress');
  // Wait until at least one batch is committed, then "close the app".
  await expect
    .poll(() => progress.evaluate((el) => Number((el as { value?: number }).value ?? 0)), {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  await page.reload();

  const banner = page.getByTestId('demo-resume-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('중간에 멈췄습니다');
  await shell.goTo('settings');
  await expect(page.getByTestId('settings-demo-state')).toHaveAttribute('data-state', 'partial');

  await page.getByTestId('demo-resume').click();
  await shell.finishDemoLoad();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('settings-demo-state')).toHaveAttribute('data-state', 'loaded');
});
