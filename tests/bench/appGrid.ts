/**
 * The real app's grid, measured from outside: navigation start → 100,000 companies rendered, and
 * a click on the 기관명 header → the expected first row. Conditions are checked on every animation
 * frame in the page, and times are the page's own performance.now() (0 = navigation start), so
 * the driver's round trips do not count.
 */
import type { Page } from 'playwright-core';
import type { NameExtremes } from '../../renderer/bench/api';
import type { PageGlobals } from '../support/pageGlobals';

/** `100000` → `100,000건`, the count label the entity page shows. */
export const countLabel = (rows: number) => `${rows.toLocaleString('en-US')}건`;

/** ms from navigation start until a seeded company row and the full count are on screen. */
export async function measureAppGridLoad(
  page: Page,
  baseUrl: string,
  rows: number,
): Promise<number> {
  await page.goto(`${baseUrl}/index.html#/organizations`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (label) => {
      const { document, performance } = globalThis as unknown as PageGlobals;
      const grid = document.querySelector('[data-testid="entity-grid"]');
      const cell = grid?.querySelector('.ag-row[row-index="0"] [col-id="name"]');
      // Seeded names end in a six-digit serial (renderer/bench/rows.ts).
      if (!cell || !/ \d{6}$/.test(cell.textContent?.trim() ?? '')) return false;
      const counter = document.querySelector('[data-testid="record-count"]');
      const text = counter?.textContent ?? document.body.innerText;
      return text.includes(label) ? performance.now() : false;
    },
    countLabel(rows),
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Clicks the name header of the loaded app grid and returns the ms until row 0 shows the name
 * that sorts first in the resulting direction (the app may start sorted by name already).
 */
export async function measureAppGridSort(page: Page, extremes: NameExtremes): Promise<number> {
  return page.evaluate(async ({ first, last }) => {
    const { document, performance, requestAnimationFrame } = globalThis as unknown as PageGlobals;
    const grid = document.querySelector('[data-testid="entity-grid"]') ?? document;
    const header = grid.querySelector('.ag-header-cell[col-id="name"]');
    const label = header?.querySelector('.ag-header-cell-label') ?? header;
    if (!header || !label) throw new Error('name header not found');
    const start = performance.now();
    label.click();
    for (;;) {
      await new Promise((done) => requestAnimationFrame(done));
      const sort = header.getAttribute('aria-sort');
      const expected = sort === 'ascending' ? first : sort === 'descending' ? last : null;
      const cell = grid.querySelector('.ag-row[row-index="0"] [col-id="name"]');
      if (expected && cell?.textContent?.trim() === expected) return performance.now() - start;
      if (performance.now() - start > 60_000) throw new Error(`sort did not settle (${sort})`);
    }
  }, extremes);
}
