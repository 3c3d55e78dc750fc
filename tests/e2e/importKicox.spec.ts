/**
 * A synthetic KICOX 국가산업단지 산업동향 workbook through the import wizard: chosen for 성과지표,
 * every table sheet is previewed with its own counts and the other sheets are listed as skipped;
 * one commit writes all indicators; they appear in the 성과지표 grid; the same workbook again
 * would change nothing.
 */
import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { buildKicoxWorkbook } from '../support/kicoxWorkbook';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_NAME = '2026년_1분기_국가산업단지_산업동향.xlsx';

test.beforeEach(async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('changwon', 'empty');
});

test('a KICOX workbook is imported whole as indicators', async ({ page }) => {
  // Two whole-workbook reads, a commit of ~170 records and the grid: one long flow, more than
  // the default per-test budget when the machine is shared.
  test.setTimeout(180_000);
  const wb = await buildKicoxWorkbook({ year: 2026, quarter: 1 });
  const total = wb.expected.length;
  const shell = new AppShell(page);
  await shell.goTo('import-export');
  await page.getByTestId('import-entity').selectOption('indicator');

  const choose = async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-choose-file').click();
    await (
      await chooser
    ).setFiles({
      name: FILE_NAME,
      mimeType: XLSX_MIME,
      buffer: Buffer.from(wb.bytes),
    });
    // Two reads of the workbook share the worker (the column preview and the KICOX tables):
    // under a loaded machine that takes longer than the default wait.
    await expect(page.getByTestId('kicox-panel')).toBeVisible({ timeout: 60_000 });
  };
  await choose();

  const sheets = page.getByTestId('kicox-sheet');
  const recognised = Object.entries(wb.sheets).filter(([, ok]) => ok);
  await expect(sheets).toHaveCount(recognised.length);
  const production = sheets.filter({ hasText: '표4 생산' });
  await expect(production).toContainText('2026년 1분기');
  await expect(production).toContainText('생산액');
  await expect(production).toContainText('(단위 : 억원, %)');
  await expect(production.getByTestId('kicox-sheet-new')).toHaveText('12');
  await expect(
    sheets.filter({ hasText: '표7 업종별 수출' }).getByTestId('kicox-sheet-new'),
  ).toHaveText('30');
  await expect(page.getByTestId('kicox-skipped')).toHaveText([
    /^\[목차\] .+/,
    '[참고_입주기업] 제목에서 분기(예: 2026년 1분기)를 찾지 못했습니다',
  ]);
  await expect(page.getByTestId('kicox-notes')).toContainText(
    '[표3 고용] 7행 C열: 고용 2026년 1분기 반월: 공개되지 않은 값(X)이라 가져오지 않았습니다',
  );
  const commit = page.getByTestId('kicox-commit');
  await expect(commit).toHaveText(`성과지표 ${total}건 저장`);
  await commit.click();
  await expect(page.getByTestId('kicox-result')).toContainText(
    `성과지표 ${total}건을 저장했습니다`,
  );
  await expect(page.getByTestId('import-log-entry')).toHaveCount(1);

  await page.getByTestId('kicox-open-grid').click();
  const indicators = new EntityPage(page, 'indicators', 'period');
  await expect(indicators.grid).toBeVisible();
  await indicators.expectCount(total);
  await indicators.search.fill('명지녹산');
  await expect(indicators.grid.locator('.ag-row [col-id="complex"]').first()).toHaveText(
    '명지녹산',
  );

  // The same workbook again: every value is already there, nothing to save.
  await shell.goTo('import-export');
  await page.getByTestId('import-entity').selectOption('indicator');
  await choose();
  await expect(page.getByTestId('kicox-total')).toContainText(`같음 ${total}`);
  await expect(commit).toBeDisabled();
  await expect(commit).toHaveText('바뀐 것이 없습니다');
});
