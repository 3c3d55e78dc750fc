import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';

test('설정 opens in a fresh session before anything was saved, with the device id and backups', async ({
  page,
}) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('ulsan', 'empty');
  await shell.reload(); // a new session: nothing has written through mutate() yet
  await shell.goTo('settings');
  await expect(page.getByTestId('backup-panel')).toBeVisible();
  await expect(page.getByTestId('settings-device-id')).toHaveText(/[0-9A-HJKMNP-TV-Z]{26}/);
  await expect(page.getByTestId('error-boundary')).toHaveCount(0);
});
