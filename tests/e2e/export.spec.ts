/**
 * Grid export → re-import: what the organizations grid shows after a quick search is exported
 * as CSV (UTF-8 with a BOM, Korean headers, exactly the filtered rows), and importing that file
 * again through 가져오기·내보내기 finds nothing new and nothing changed.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { validBrn } from './testData';

const COMPANIES = [
  { name: '금오정밀', brn: validBrn('513811234') },
  { name: '대구정밀', brn: validBrn('513811235') },
  { name: '창원기계', brn: validBrn('609811236') },
];

async function createCompanies(companies: EntityPage): Promise<void> {
  for (const c of COMPANIES) {
    await companies.startNew();
    await companies.fill({ name: c.name, kind: '기업', brn: c.brn.replaceAll('-', '') });
    await companies.saveAndClose();
    await expect(companies.rowTitled(c.name)).toBeVisible();
  }
  await companies.expectCount(COMPANIES.length);
}

/** Picks a format in the toolbar's 내보내기 menu and returns the downloaded file. */
async function exportAs(page: Page, format: 'csv-utf8' | 'csv-cp949' | 'xlsx') {
  await page.getByTestId('grid-export').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId(`grid-export-${format}`).click();
  const download = await downloading;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/** RFC 4180 lines of a small CSV without quoted line breaks (enough for this file). */
function csvLines(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) => {
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i]!;
        if (quoted && ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') {
          quoted = !quoted;
        } else if (ch === ',' && !quoted) {
          cells.push(cell);
          cell = '';
        } else {
          cell += ch;
        }
      }
      cells.push(cell);
      return cells;
    });
}

test('the filtered organizations grid exports as CSV and re-imports with nothing new or changed', async ({
  page,
}) => {
  const shell = new AppShell(page);
  const companies = new EntityPage(page, 'organizations');
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
  await companies.open();
  await createCompanies(companies);

  // Not `구미`: every record's 클러스터 cell reads 구미, and quick search sees it too.
  await companies.search.fill('정밀');
  await expect(companies.count).toHaveText('2 / 3건');

  // A hidden column stays out of the file.
  await page.getByTestId('grid-columns').locator('summary').click();
  await page.getByTestId('column-toggle-representative').uncheck();
  await page.getByTestId('grid-columns').locator('summary').click();

  const file = await exportAs(page, 'csv-utf8');
  expect(file.name).toMatch(/^기업·기관-\d{8}\.csv$/);
  expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = csvLines(new TextDecoder().decode(file.bytes.subarray(3)));
  // The grid's visible columns in its order: those rendered on screen first (AG Grid does not
  // render columns scrolled out of view), then the rest up to 클러스터 and 수정일.
  // The 미전송 marker (pinned right) is the sync state of this device, not data: never exported.
  const renderedHeaders = await companies.grid
    .locator('.ag-header-cell[col-id]:not([col-id="unsent"]) .ag-header-cell-text')
    .allInnerTexts();
  expect(header).not.toContain('미전송');
  expect(header!.slice(0, renderedHeaders.length)).toEqual(renderedHeaders.map((h) => h.trim()));
  expect(header!.slice(0, 3)).toEqual(['기관명', '기관유형', '사업자등록번호']);
  expect(header!.slice(-2)).toEqual(['클러스터', '수정일']);
  expect(header).not.toContain('대표자');
  const nameAt = header!.indexOf('기관명');
  expect(rows.map((r) => r[nameAt]).sort()).toEqual(['금오정밀', '대구정밀']);
  expect(rows).toHaveLength(2);

  await shell.goTo('import-export');
  await page.getByTestId('import-entity').selectOption('organization');
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose-file').click();
  await (await choosing).setFiles({ name: file.name, mimeType: 'text/csv', buffer: file.bytes });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('import-count-new')).toHaveText('0건');
  await expect(page.getByTestId('import-count-updated')).toHaveText('0건');
  await expect(page.getByTestId('import-count-error')).toHaveText('0건');
  await expect(page.getByTestId('import-count-unchanged')).toHaveText('2건');
});

test('the export menu works from the keyboard, and CP949 refuses what it cannot hold', async ({
  page,
}) => {
  const shell = new AppShell(page);
  const companies = new EntityPage(page, 'organizations');
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
  await companies.open();
  await companies.startNew();
  await companies.fill({ name: '웃음😀상사', kind: '기업' });
  await companies.saveAndClose();

  const button = page.getByTestId('grid-export');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grid-export-xlsx')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('grid-export-csv-cp949')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/2행 A열\(기관명\)의 "😀" 글자는 CP949/)).toBeVisible();
  await expect(button).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('grid-export-menu')).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('설정 › 백업·복원: a downloaded backup restores deleted data; a damaged file changes nothing', async ({
  page,
}) => {
  const shell = new AppShell(page);
  const companies = new EntityPage(page, 'organizations');
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
  await companies.open();
  await createCompanies(companies);

  await shell.goTo('settings');
  const panel = page.getByTestId('backup-panel');
  const downloading = page.waitForEvent('download');
  await panel.getByTestId('backup-now').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^pumasi-backup-\d{8}-\d{6}\.pumasi\.zip$/);
  const backup = await readFile(await download.path());

  await companies.open();
  await companies.openRecord('창원기계');
  await companies.deleteOpenRecord();
  await companies.expectCount(2);

  // A damaged copy is refused with its reason, and nothing changes.
  await shell.goTo('settings');
  const damaged = backup.subarray(0, Math.floor(backup.length / 2));
  let choosing = page.waitForEvent('filechooser');
  await panel.getByTestId('backup-restore').click();
  await (
    await choosing
  ).setFiles({ name: 'damaged.pumasi.zip', mimeType: 'application/zip', buffer: damaged });
  await expect(panel.getByTestId('backup-error')).toContainText('백업 파일이 손상되었습니다');
  await expect(page.getByTestId('backup-confirm')).toHaveCount(0);

  choosing = page.waitForEvent('filechooser');
  await panel.getByTestId('backup-restore').click();
  await (
    await choosing
  ).setFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: backup });
  const confirm = page.getByTestId('backup-confirm');
  await expect(confirm.getByTestId('backup-manifest-device')).toContainText('(이 기기)');
  await expect(confirm.getByTestId('backup-manifest-counts')).toContainText('기업·기관');
  await confirm.getByTestId('backup-confirm-restore').click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByText(/백업에서 복원했습니다/)).toBeVisible();

  await companies.open();
  await companies.expectCount(3);
  await expect(companies.rowTitled('창원기계')).toBeVisible();
});
