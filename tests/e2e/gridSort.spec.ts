/**
 * The grid's sort is ranked by the app (renderer/features/entities/gridSort.ts) and handed to
 * AG Grid through postSortRows: on the ~2,000-company demo grid, a header click must give AG
 * Grid's order (code units, blanks first) both ways, with the quick search on, and keyboard
 * navigation must follow the sorted rows.
 */
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import type { PageElement, PageGlobals } from '../support/pageGlobals';

/** Names of the rendered rows, top to bottom (by row-index: the DOM order is not the display's). */
async function shownNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const rows = document.querySelectorAll('[data-testid="entity-grid"] .ag-row');
    const byIndex = new Map<number, string>();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as PageElement;
      const cell = row.querySelector('[col-id="name"]');
      if (cell) byIndex.set(Number(row.getAttribute('row-index')), cell.textContent?.trim() ?? '');
    }
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, name]) => name);
  });
}

/** The few IndexedDB calls storedNames makes (tests are typechecked without the DOM lib). */
interface IdbRequest<T> {
  readonly result: T;
  readonly error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbGlobals {
  indexedDB: {
    open(name: string): IdbRequest<{
      transaction(store: string): {
        objectStore(name: string): { getAll(): IdbRequest<unknown[]> };
      };
      close(): void;
    }>;
  };
}

/** Every live company name in the app database, straight from IndexedDB. */
async function storedNames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const { indexedDB } = globalThis as unknown as IdbGlobals;
        const open = indexedDB.open('pumasi');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('organizations').objectStore('organizations').getAll();
          all.onerror = () => reject(new Error(String(all.error)));
          all.onsuccess = () => {
            const rows = all.result as Array<{ name?: string; deleted?: number }>;
            db.close();
            resolve(rows.filter((r) => r.deleted !== 1).map((r) => r.name ?? ''));
          };
        };
      }),
  );
}

/** AG Grid's default order for text: UTF-16 code units (`<`), which is what Array#sort does. */
const codeUnitSorted = (names: string[]) => [...names].sort();

test('a header click sorts 2,000 companies as AG Grid would, both ways, searched, keyboard intact', async ({
  page,
}) => {
  // The demo load alone took over a minute on the shared 2-core VM (eight sessions' jobs).
  test.setTimeout(240_000);
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'demo');
  await expect(page.getByTestId('demo-dialog').getByTestId('demo-result')).toHaveAttribute(
    'data-status',
    'done',
    { timeout: 200_000 },
  );
  await shell.finishDemoLoad();
  const companies = new EntityPage(page, 'organizations');
  await companies.open();
  const all = await storedNames(page);
  expect(all.length).toBeGreaterThan(1_000);

  const header = companies.grid.locator('.ag-header-cell[col-id="name"]');
  await header.locator('.ag-header-cell-label').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const ascending = codeUnitSorted(all);
  await expect
    .poll(async () => (await shownNames(page)).slice(0, 8))
    .toEqual(ascending.slice(0, 8));

  await header.locator('.ag-header-cell-label').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const descending = [...ascending].reverse();
  await expect
    .poll(async () => (await shownNames(page)).slice(0, 8))
    .toEqual(descending.slice(0, 8));

  // The quick search filters the sorted rows; the order stays.
  await companies.search.fill('정밀');
  const matching = descending.filter((name) => name.includes('정밀'));
  expect(matching.length).toBeGreaterThan(3);
  await expect.poll(async () => (await shownNames(page)).slice(0, 4)).toEqual(matching.slice(0, 4));

  // Keyboard: ArrowDown from the search box to row 0, down to row 1, Enter opens that record.
  await companies.search.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(companies.form).toBeVisible();
  await expect(companies.field('name')).toHaveValue(matching[1] as string);
});
