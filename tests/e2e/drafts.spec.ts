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
  ): {
    objectStore(name: string): { get(key: string): IdbRequest<unknown> };
  };
  close(): void;
}

/** The stored draft of the new-company form, read straight from IndexedDB (prefs table). */
function readNewCompanyDraft(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const { indexedDB } = globalThis as unknown as {
          indexedDB: { open(name: string): IdbRequest<IdbDatabase> };
        };
        const open = indexedDB.open('pumasi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result
            .transaction('prefs', 'readonly')
            .objectStore('prefs')
            .get('draft:organization:new');
          get.onsuccess = () => {
            const row = get.result as { value?: { values?: Record<string, unknown> } } | undefined;
            resolve(row?.value?.values?.['name'] ?? null);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

test('typed input survives a reload as a draft, and is gone once saved', async ({ page }) => {
  const shell = new AppShell(page);
  const companies = new EntityPage(page, 'organizations');
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
  await companies.open();

  await companies.startNew();
  await companies.fill({ name: '초안정밀', kind: '기업' });
  // Kept within a moment of typing, as the app would be when the power goes.
  await expect.poll(() => readNewCompanyDraft(page)).toBe('초안정밀');

  await shell.reload();
  await companies.startNew();
  const offer = page.getByTestId('draft-offer');
  await expect(offer).toBeVisible();
  await offer.getByTestId('draft-restore').click();
  await expect(offer).toBeHidden();
  await expect(companies.field('name')).toHaveValue('초안정밀');

  await companies.saveAndClose();
  await expect(companies.rowTitled('초안정밀')).toBeVisible();
  await expect.poll(() => readNewCompanyDraft(page)).toBeNull();

  // Nothing is offered once the draft was saved.
  await companies.startNew();
  await expect(companies.field('name')).toHaveValue('');
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);
});
