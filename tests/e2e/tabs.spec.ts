import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { readStoreRows } from './pages/idbRows';

/** Every company's name and record stamp, read straight from IndexedDB. */
async function readCompanyStamps(page: Page): Promise<Array<{ name: string; hlc: string }>> {
  const rows = await readStoreRows<{ name: string; hlc: string }>(page, 'organizations');
  return rows.map(({ name, hlc }) => ({ name, hlc }));
}

test('two tabs of one device write with distinct stamps in the order they saved', async ({
  page,
  context,
}) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
  const second = await context.newPage(); // same origin, same database, its own clock
  await new AppShell(second).open();
  const tabs = [new EntityPage(page, 'organizations'), new EntityPage(second, 'organizations')];
  for (const tab of tabs) await tab.open();

  const names = ['첫째탭 1', '둘째탭 1', '첫째탭 2', '둘째탭 2', '첫째탭 3', '둘째탭 3'];
  for (const [n, name] of names.entries()) {
    const tab = tabs[n % 2] as EntityPage;
    await tab.startNew();
    await tab.fill({ name, kind: '기업' });
    await tab.saveAndClose();
  }

  const rows = await readCompanyStamps(second);
  expect(rows).toHaveLength(names.length);
  const byStamp = [...rows].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
  expect(byStamp.map((r) => r.name)).toEqual(names); // strictly in save order
  expect(new Set(rows.map((r) => r.hlc)).size).toBe(names.length);
  const devices = new Set(rows.map((r) => r.hlc.split('-')[2]));
  expect(devices.size).toBe(1); // one device id for both tabs
});
