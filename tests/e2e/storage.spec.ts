/**
 * Local data safety (issue 12), in browser mode: the service worker keeps the app working
 * offline across reloads; an import that may not fit the origin's quota is refused before it
 * writes; a database deleted behind the app is detected at the next start and a backup file
 * brings it back.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';

/** `기관명,구분` rows the mapper recognises without help. */
function companiesCsv(names: string[]): string {
  return ['기관명,구분', ...names.map((n) => `${n},기업`)].join('\r\n');
}

async function importCsv(page: Page, fileName: string, csv: string): Promise<void> {
  const root = page.getByTestId('page-importExport');
  const chooser = page.waitForEvent('filechooser');
  await root.getByTestId('import-choose-file').click();
  await (
    await chooser
  ).setFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-mapping')).toBeVisible();
}

/** Resolves once the service worker precached the build and controls the page. */
async function waitForServiceWorker(page: Page): Promise<void> {
  // Strings: the tests are typechecked without the DOM lib.
  await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)');
  await expect.poll(() => page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true);
}

test('offline after the first load: a reload opens the app, a CSV imports and demo data loads', async ({
  page,
  context,
}) => {
  const shell = new AppShell(page);
  await shell.open();
  await waitForServiceWorker(page);
  await shell.completeFirstRun('gumi', 'empty');

  await context.setOffline(true);
  const reloaded = await page.reload();
  // Served by the service worker's precache, not by the (unreachable) server.
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(shell.statusStrip).toBeVisible();
  await expect(shell.onlineStatus).toHaveText('오프라인');

  // The import page and its worker are lazy chunks: both come from the cache.
  await shell.goTo('import-export');
  await importCsv(page, '오프라인.csv', companiesCsv(['오프라인정밀', '오프라인전자']));
  await expect(page.getByTestId('import-count-new')).toHaveText('2건');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('2건을 가져왔습니다');

  // The demo generator is a lazy chunk too.
  await shell.goTo('settings');
  await page.getByTestId('settings-demo').click();
  await shell.finishDemoLoad();
  await expect(shell.onlineStatus).toHaveText('오프라인');
});

// Each test runs a first run, imports of up to 6,000 rows or a backup round trip: more than the
// default minute on a loaded two-core machine.
test.describe.configure({ timeout: 120_000 });

const BIG_IMPORT = Array.from({ length: 6000 }, (_, i) => `대량기업${String(i).padStart(5, '0')}`);

/** First run, then one imported company: the data a failed big import must leave intact. */
async function startWithOneCompany(page: Page): Promise<AppShell> {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
  await shell.goTo('import-export');
  await importCsv(page, '소량.csv', companiesCsv(['기존정밀']));
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('1건을 가져왔습니다');
  await page.getByTestId('import-again').click();
  return shell;
}

async function expectOnlyTheOneCompany(page: Page): Promise<void> {
  const names = await page.evaluate<string[]>(
    'indexedDB.databases().then((list) => list.map((d) => d.name))',
  );
  expect(names).toContain('pumasi');
  const companies = new EntityPage(page, 'organizations');
  await companies.open();
  await companies.expectCount(1);
  await expect(companies.rowTitled('기존정밀')).toBeVisible();
}

test('an import the browser says may not fit is refused before writing, naming the space', async ({
  page,
}) => {
  // The browser reports 12 MiB free (its quota estimate, as on a nearly full small disk).
  await page.addInitScript({
    content: `{
      const real = StorageManager.prototype.estimate;
      StorageManager.prototype.estimate = async function () {
        const e = await real.call(this);
        return { ...e, quota: (e.usage ?? 0) + 12 * 1024 * 1024 };
      };
    }`,
  });
  const shell = await startWithOneCompany(page);
  await importCsv(page, '대량.csv', companiesCsv(BIG_IMPORT));
  await expect(page.getByTestId('import-count-new')).toHaveText('6,000건');
  await page.getByTestId('import-commit').click();
  const message = page.getByTestId('import-message');
  await expect(message).toContainText('저장 공간이 부족해 가져오기 작업을 시작하지 않았습니다');
  await expect(message).toContainText(/필요한 공간은 약 [\d.]+MB, 남은 공간은 12\.0MB/);
  await expectOnlyTheOneCompany(page);

  // A small import still fits the same space.
  await shell.goTo('import-export');
  await importCsv(page, '소량2.csv', companiesCsv(['추가정밀']));
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toContainText('1건을 가져왔습니다');
});

test('storage filling up during an import rolls back cleanly and says what is still there', async ({
  page,
}) => {
  // The disk fills in the middle of the write: from the 2,000th record on, IndexedDB refuses with
  // QuotaExceededError, as Chromium does on a full disk. (A DevTools quota override would be the
  // real thing, but this Chromium enforces it neither on IndexedDB nor in estimate().)
  // A script string: the tests are typechecked without the DOM lib.
  await page.addInitScript({
    content: `{
      const realPut = IDBObjectStore.prototype.put;
      let written = 0;
      IDBObjectStore.prototype.put = function (...args) {
        const limit = globalThis.__pumasiFillAfter;
        if (limit !== undefined && this.name === 'organizations' && ++written > limit) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return realPut.apply(this, args);
      };
    }`,
  });
  await startWithOneCompany(page);
  await importCsv(page, '대량.csv', companiesCsv(BIG_IMPORT));
  await expect(page.getByTestId('import-count-new')).toHaveText('6,000건');
  await page.evaluate(() => {
    (globalThis as unknown as { __pumasiFillAfter?: number }).__pumasiFillAfter = 2000;
  });
  await page.getByTestId('import-commit').click();
  const message = page.getByTestId('import-message');
  await expect(message).toContainText('가져오기에 실패했습니다: 저장 공간이 부족합니다');
  // Said only because it was checked: the database is there and its tables hold what they held.
  await expect(message).toContainText(
    '이번 자료는 하나도 저장되지 않았고, 기존 자료 1건은 그대로 있습니다',
  );
  await page.evaluate(() => {
    delete (globalThis as unknown as { __pumasiFillAfter?: number }).__pumasiFillAfter;
  });
  await expectOnlyTheOneCompany(page);
});

test('a database deleted behind the app is detected at the next start and restored from a backup file', async ({
  page,
}) => {
  const shell = new AppShell(page);
  const companies = new EntityPage(page, 'organizations');
  await shell.open();
  await shell.completeFirstRun('ulsan', 'empty');
  await companies.open();
  await companies.startNew();
  await companies.fill({ name: '사라질기업', kind: '기업' });
  await companies.saveAndClose();
  await expect(companies.rowTitled('사라질기업')).toBeVisible();
  // The identity outside IndexedDB is written once the shell shows a set-up database.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('pumasi.databaseIdentity')))
    .toContain('"clusterId":"ulsan"');

  await shell.goTo('settings');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('backup-panel').getByTestId('backup-now').click();
  const download = await downloading;
  const backup = await readFile(await download.path());

  // What Chromium did on a full disk: the whole database deleted.
  await page.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('pumasi');
    request.onsuccess = () => resolve(undefined);
    request.onerror = () => reject(request.error);
  })`);
  await page.reload();
  const vanished = page.getByTestId('database-vanished');
  await expect(vanished).toBeVisible();
  await expect(vanished).toContainText('데이터베이스가 사라졌습니다');
  await expect(vanished).toContainText('울산');
  await expect(shell.firstRun).toHaveCount(0);

  const chooser = page.waitForEvent('filechooser');
  await vanished.getByTestId('vanished-restore-file').click();
  await (
    await chooser
  ).setFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: backup });
  await expect(shell.statusStrip).toBeVisible();
  await expect(vanished).toHaveCount(0);
  await companies.open();
  await companies.expectCount(1);
  await expect(companies.rowTitled('사라질기업')).toBeVisible();
});
