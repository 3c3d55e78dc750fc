/**
 * Month close (issue 8), browser mode: close March, edit a record of March afterwards, and the
 * April report prints the correction ("3월 해결 건수 정정: N → N+1") — never a silent change; the
 * past report list reopens March exactly as it was closed, and its XLSX annex downloads and
 * parses with every row of its tables.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { readStoreRows } from './pages/idbRows';

type Row = Record<string, unknown> & { id: string; clusterId: string; deleted?: number };

const CLUSTER = 'gumi';
const RESOLVED = ['resolved', 'followUp'];

async function difficulties(page: Page): Promise<Row[]> {
  const rows = await readStoreRows<Row>(page, 'difficulties');
  return rows.filter((r) => r.clusterId === CLUSTER && r.deleted !== 1);
}

/** The 당월 cell of the 해결 건수 line of the key figures. */
const resolvedCell = (page: Page) =>
  page.getByTestId('kf-difficultiesResolved').locator('td').nth(1);

/** 해결 건수 of a month, counted here over the stored rows (not through shared/report). */
const resolvedIn = (rows: Row[], month: string) =>
  rows.filter(
    (r) =>
      RESOLVED.includes(String(r['status'])) &&
      typeof r['resolvedOn'] === 'string' &&
      r['resolvedOn'].startsWith(month),
  ).length;

test('closing a month keeps its report; a later edit shows as a correction in the next report', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const shell = new AppShell(page);
  await shell.open();
  await expect(shell.firstRun).toBeVisible();
  await shell.firstRun.getByTestId('firstrun-profile-name').fill('김담당');
  await shell.firstRun.getByTestId('firstrun-profile-role').selectOption({ index: 1 });
  await shell.completeFirstRun(CLUSTER, 'demo');
  await shell.finishDemoLoad();

  // ---- close March ----
  await shell.open(`reports?month=2006-03&cluster=${CLUSTER}`);
  const document = page.getByTestId('report-document');
  await expect(document).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('report-close-status')).toContainText('아직 마감하지 않았습니다');
  await page.getByTestId('report-notes').fill('3월 마감 메모');
  const before = await difficulties(page);
  const n = resolvedIn(before, '2006-03');
  expect(n).toBeGreaterThan(0);
  await expect(resolvedCell(page)).toHaveText(String(n));
  const closedText = await document.innerText();

  await page.getByTestId('report-close').click();
  const dialog = page.getByTestId('report-close-dialog');
  await expect(dialog).toContainText('2006년 3월 보고서를 마감할까요?');
  await dialog.getByTestId('report-close-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('report-close-status')).toContainText('제1판');
  await expect(page.getByTestId('report-close-status')).toContainText('김담당');
  await expect(page.getByTestId('report-past-2006-03-1')).toContainText('김담당');
  const stored = await readStoreRows<Row>(page, 'monthCloses');
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ clusterId: CLUSTER, month: '2006-03', revision: 1 });

  // ---- edit a record of March after the close: a difficulty resolved later, received by then,
  // gets its 해결일 moved into March (as a team fixing a wrongly typed date would) ----
  const moved = before.find(
    (r) =>
      RESOLVED.includes(String(r['status'])) &&
      typeof r['resolvedOn'] === 'string' &&
      r['resolvedOn'] > '2006-03-31' &&
      typeof r['receivedOn'] === 'string' &&
      r['receivedOn'] <= '2006-03-20',
  );
  expect(moved, 'the demo has a difficulty received by March 20 and resolved later').toBeDefined();
  const grid = new EntityPage(page, 'difficulties', 'title');
  await shell.open(`difficulties/${moved?.id}`);
  await expect(grid.form).toBeVisible({ timeout: 30_000 });
  await grid.fill({ resolvedOn: '2006-03-20' });
  await grid.saveAndClose();
  await expect
    .poll(async () => resolvedIn(await difficulties(page), '2006-03'), { timeout: 15_000 })
    .toBe(n + 1);

  // ---- the next month's report prints the correction ----
  await shell.open(`reports?month=2006-04&cluster=${CLUSTER}`);
  await expect(document).toBeVisible({ timeout: 30_000 });
  const corrections = page.getByTestId('report-corrections');
  await expect(corrections).toContainText(`3월 해결 건수 정정: ${n} → ${n + 1}`);
  await testInfo.attach('corrections-page.png', {
    body: await corrections.screenshot(),
    contentType: 'image/png',
  });
  // The live March report counts the edit; the closed copy does not move.
  await shell.open(`reports?month=2006-03&cluster=${CLUSTER}`);
  await expect(resolvedCell(page)).toHaveText(String(n + 1));

  // ---- the past report list reopens March exactly as closed ----
  await page.getByTestId('report-past-2006-03-1').getByRole('button', { name: '열기' }).click();
  await expect(page.getByTestId('report-closed-banner')).toContainText('제1판');
  await expect(page).toHaveURL(/closed=/);
  await expect(resolvedCell(page)).toHaveText(String(n));
  expect(await document.innerText()).toBe(closedText);
  await expect(document).toContainText('3월 마감 메모');
  await testInfo.attach('closed-report.png', {
    body: await page.screenshot(),
    contentType: 'image/png',
  });

  // ---- its XLSX annex downloads and parses, every resolved row in it ----
  const downloading = page.waitForEvent('download');
  await page.getByTestId('report-xlsx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('월간보고서-gumi-2006-03-마감.xlsx');
  const bytes = await readFile(await download.path());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const resolvedSheet = workbook.getWorksheet('해결한 기술애로');
  expect(resolvedSheet?.rowCount).toBe(1 + n);
  const key = workbook.getWorksheet('주요 실적');
  const resolvedLine = key
    ?.getSheetValues()
    .find((r) => Array.isArray(r) && r[1] === '해결 건수') as unknown[] | undefined;
  expect(resolvedLine?.[3]).toBe(n);
});
