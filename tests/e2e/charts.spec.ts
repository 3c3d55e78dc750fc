import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { barPoint, lastLabel, setHash } from './pages/charts';
import { readStoreRows } from './pages/idbRows';

/** Gumi's difficulties resolved (해결 or 사후관리) in March 2006, counted from IndexedDB. */
async function gumiResolvedInMarch(page: Page): Promise<number> {
  const rows = await readStoreRows<{
    clusterId: string;
    status: string;
    resolvedOn?: string;
    deleted: number;
  }>(page, 'difficulties');
  return rows.filter(
    (r) =>
      r.clusterId === 'gumi' &&
      r.deleted !== 1 &&
      (r.status === 'resolved' || r.status === 'followUp') &&
      (r.resolvedOn ?? '').startsWith('2006-03'),
  ).length;
}

test('a click on a dashboard bar opens the grid filtered to exactly the records behind it', async ({
  page,
}) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'demo');
  await shell.finishDemoLoad();
  await shell.goTo('dashboard');

  await expect(page.getByTestId('dashboard-charts')).toBeVisible();
  await page.getByTestId('period-kind').selectOption('month');
  await page.getByTestId('period-month').fill('2006-03');
  await expect(page).toHaveURL(/#\/dashboard\?period=2006-03$/);

  const chart = page.getByTestId('chart-monthly');
  await chart.scrollIntoViewIfNeeded();
  // The chart has redrawn for the picked month when its last label is 2006-03.
  await expect.poll(() => lastLabel(page, 'chart-monthly')).toBe('2006-03');
  const bar = await barPoint(page, 'chart-monthly', 1, '2006-03');
  expect(bar).not.toBeNull();
  if (!bar) return;
  const expected = await gumiResolvedInMarch(page);
  expect(bar.value).toBe(expected);
  expect(bar.value).toBeGreaterThan(0);

  await page.mouse.click(bar.x, bar.y);
  await expect(page).toHaveURL(
    /#\/difficulties\?clusterId=gumi&resolvedIn=2006-03&status=resolved%2CfollowUp$/,
  );
  const grid = new EntityPage(page, 'difficulties', 'title');
  await expect(page.getByTestId('route-filter-chip')).toContainText(
    '필터: 구미 · 해결, 사후관리 · 2006-03',
  );
  const fmt = (n: number) => n.toLocaleString('ko-KR');
  await expect(grid.count).toHaveText(`${fmt(bar.value)} / 1,380건`);
  // Few enough rows to all be rendered: the grid's own rows are the chart's records.
  await expect(grid.titleCells()).toHaveCount(bar.value);

  await page.getByTestId('route-filter-remove').click();
  await expect(page).toHaveURL(/#\/difficulties$/);
  await expect(page.getByTestId('route-filter')).toHaveCount(0);
  await expect(grid.count).toHaveText('1,380건');

  // An address with a key the grid does not know shows every row and says what it ignored.
  await setHash(page, '#/difficulties?colour=red');
  await expect(page.getByTestId('route-filter-ignored')).toContainText('colour');
  await expect(page.getByTestId('route-filter-chip')).toHaveCount(0);
  await expect(grid.count).toHaveText('1,380건');
});
