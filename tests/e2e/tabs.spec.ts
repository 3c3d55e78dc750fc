import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';

/** The few IndexedDB calls the probe below makes (tests are typechecked without the DOM lib). */
interface IdbRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbDatabase {
  transaction(
    store: string,
    mode: 'readonly',
  ): { objectStore(name: string): { getAll(): IdbRequest<unknown[]> } };
  close(): void;
}

/** Every company's name and record stamp, read straight from IndexedDB. */
function readCompanyStamps(page: Page): Promise<Array<{ name: string; hlc: string }>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const { indexedDB } = globalThis as unknown as {
          indexedDB: { open(name: string): IdbRequest<IdbDatabase> };
        };
        const open = indexedDB.open('pumasi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result
            .transaction('organizations', 'readonly')
            .objectStore('organizations')
            .getAll();
          all.onsuccess = () => {
            const rows = all.result as Array<{ name: string; hlc: string }>;
            resolve(rows.map(({ name, hlc }) => ({ name, hlc })));
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
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
