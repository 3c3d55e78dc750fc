import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { readStoreRows } from './pages/idbRows';

/**
 * Gumi's live difficulties, counted straight from IndexedDB without the figure model: every one
 * received, and those 해결 or 사후관리 (the demo's are all dated before today).
 */
async function countGumi(page: Page): Promise<{ received: number; resolved: number }> {
  const rows = await readStoreRows<{ clusterId: string; status: string; deleted: number }>(
    page,
    'difficulties',
  );
  const gumi = rows.filter((r) => r.clusterId === 'gumi' && r.deleted !== 1);
  return {
    received: gumi.length,
    resolved: gumi.filter((r) => r.status === 'resolved' || r.status === 'followUp').length,
  };
}

test("the dashboard's KPI counts the team's cluster only, the cards every record", async ({
  page,
}) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'demo');
  await shell.finishDemoLoad();
  await shell.goTo('dashboard');

  const { received, resolved } = await countGumi(page);
  expect(received).toBeGreaterThan(0);
  expect(received).toBeLessThan(1380);
  const fmt = (n: number) => n.toLocaleString('ko-KR');
  await expect(page.getByTestId('kpi-scope')).toContainText('구미');
  await expect(page.getByTestId('kpi-resolution')).toContainText(
    `해결 ${fmt(resolved)}건 / 접수 ${fmt(received)}건`,
  );
  await expect(page.getByTestId('kpi-resolution')).toContainText(
    `${(Math.round((resolved / received) * 1000) / 10).toFixed(1)}%`,
  );
  await expect(page.getByTestId('card-difficulty')).toContainText('1,380');
});
