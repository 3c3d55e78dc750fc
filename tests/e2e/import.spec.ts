/**
 * The import wizard end to end, in browser mode: a small CSV whose name column the mapper does
 * not recognise (`업체 이름`) and with no 기관유형 column → fix the mapping, set the default →
 * preview (one row with a wrong BRN check digit is listed and skipped) → error report (exceljs
 * in the worker) → commit → the rows in the 기업·기관 grid → the same file again: nothing new,
 * the saved mapping reused, and the note that it was imported before.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { BRN_CHECK_DIGIT_MESSAGE, brnWithWrongCheckDigit, validBrn } from './testData';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_NAME = '구미_입주기업.csv';
const CSV = [
  '업체 이름,사업자등록번호,대표자,종업원수',
  `구미정밀,${validBrn('513811234')},김철수,45`,
  `금오전자,${validBrn('513811235')},이영희,120`,
  `낙동부품,${validBrn('513811236')},박민수,"1,200"`,
  `오류상사,${brnWithWrongCheckDigit('513811237')},최오류,10`,
].join('\r\n');

/** Page model of the import page (kept with its only spec). */
class ImportPageModel {
  readonly root: Locator;
  readonly mapping: Locator;
  readonly preview: Locator;
  readonly commitButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('page-importExport');
    this.mapping = page.getByTestId('import-mapping');
    this.preview = page.getByTestId('import-preview');
    this.commitButton = page.getByTestId('import-commit');
  }

  /** Chooses a file through the platform's file dialog (a hidden file input in browser mode). */
  async chooseFile(name: string, content: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.root.getByTestId('import-choose-file').click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
    await expect(this.mapping).toBeVisible();
  }

  count(status: string): Locator {
    return this.page.getByTestId(`import-count-${status}`);
  }
}

test.beforeEach(async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
});

test('a CSV is mapped, previewed, committed once, and found in the grid', async ({ page }) => {
  const shell = new AppShell(page);
  const importer = new ImportPageModel(page);
  await shell.goTo('import-export');
  await expect(importer.root).toBeVisible();
  await expect(page.getByTestId('import-entity')).toHaveValue('organization');
  await expect(page.getByTestId('import-log')).toContainText('아직 가져온 파일이 없습니다');

  await importer.chooseFile(FILE_NAME, CSV);
  await expect(page.getByTestId('import-header-row')).toContainText('1행');
  // `업체 이름` is not recognised; the others are.
  await expect(page.getByTestId('map-0')).toHaveValue('');
  await expect(page.getByTestId('map-1')).toHaveValue('brn');
  await expect(page.getByTestId('map-2')).toHaveValue('representative');
  await expect(page.getByTestId('map-3')).toHaveValue('employees');
  await expect(importer.count('new')).toHaveText('0건');
  await expect(importer.commitButton).toBeDisabled();

  await page.getByTestId('map-0').selectOption({ label: '기관명 (필수)' });
  await page.getByTestId('default-kind').selectOption({ label: '기업' });
  await expect(importer.count('new')).toHaveText('3건');
  await expect(importer.count('error')).toHaveText('1건');
  await expect(page.getByTestId('import-error')).toHaveText([
    `5행 B열: ${BRN_CHECK_DIGIT_MESSAGE}`,
  ]);
  await expect(importer.commitButton).toHaveText('오류 1행을 제외하고 3건 가져오기');

  // The error report is built by exceljs inside the module worker.
  const download = page.waitForEvent('download');
  await page.getByTestId('import-error-report').click();
  expect((await download).suggestedFilename()).toBe('구미_입주기업-오류.xlsx');

  await importer.commitButton.click();
  await expect(page.getByTestId('import-result')).toContainText('3건을 가져왔습니다');
  await expect(page.getByTestId('import-log-entry')).toHaveCount(1);
  await expect(page.getByTestId('import-log-entry')).toContainText(FILE_NAME);

  await page.getByTestId('import-open-grid').click();
  const companies = new EntityPage(page, 'organizations');
  await expect(companies.grid).toBeVisible();
  await companies.expectCount(3);
  for (const name of ['구미정밀', '금오전자', '낙동부품']) {
    await expect(companies.rowTitled(name)).toBeVisible();
  }
  await expect(companies.rowTitled('오류상사')).toHaveCount(0);
  await expect(await companies.cell('낙동부품', 'employees')).toContainText('1,200');
  await expect(await companies.cell('구미정밀', 'kind')).toHaveText('기업');

  // The same file again: the saved mapping is reused and nothing would change.
  await shell.goTo('import-export');
  await importer.chooseFile(FILE_NAME, CSV);
  await expect(page.getByTestId('import-saved-mapping')).toBeVisible();
  await expect(page.getByTestId('map-0')).toHaveValue('name');
  await expect(importer.count('unchanged')).toHaveText('3건');
  await expect(importer.count('new')).toHaveText('0건');
  await expect(importer.count('updated')).toHaveText('0건');
  await expect(page.getByTestId('import-already')).toContainText(
    /이 파일은 \d{4}-\d{2}-\d{2} \d{2}:\d{2}에 이미 가져왔습니다/,
  );
  await expect(importer.commitButton).toBeDisabled();
});

test('an XLSX is read in the worker and its sheets can be picked', async ({ page }) => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('안내').addRows([['이 시트는 설명입니다']]);
  const list = workbook.addWorksheet('기업목록');
  list.addRows([
    ['입주기업 현황'],
    [],
    ['회사명', '구분', '사업자등록번호'],
    ['원주메디칼', '기업', validBrn('224811111')],
    ['강원의료기기', '기업', validBrn('224811112')],
  ]);
  const other = workbook.addWorksheet('대학');
  other.addRows([
    ['기관명', '구분'],
    ['연세대학교 원주캠퍼스', '대학'],
  ]);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

  const shell = new AppShell(page);
  const importer = new ImportPageModel(page);
  await shell.goTo('import-export');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose-file').click();
  await (await chooser).setFiles({ name: '원주.xlsx', mimeType: XLSX_MIME, buffer: bytes });

  await expect(page.getByTestId('import-sheet')).toHaveValue('기업목록'); // the fullest sheet
  await expect(page.getByTestId('import-header-row')).toContainText('3행');
  await expect(importer.count('new')).toHaveText('2건');
  await expect(page.getByTestId('default-kind')).toHaveCount(0); // 구분 supplies 기관유형

  await page.getByTestId('import-sheet').selectOption('대학');
  await expect(importer.count('new')).toHaveText('1건');
  await expect(importer.commitButton).toHaveText('1건 가져오기');
});

test('a long read shows progress and can be cancelled', async ({ page }) => {
  const rows = ['기관명,구분,사업자등록번호,종업원수'];
  for (let i = 0; i < 150_000; i++) rows.push(`기업${i},기업,,${i % 500}`);
  const shell = new AppShell(page);
  await shell.goTo('import-export');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose-file').click();
  await (
    await chooser
  ).setFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });

  await expect(page.getByTestId('import-progress')).toBeVisible();
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-message')).toHaveText('취소했습니다.');
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  // The page stayed usable: the same flow starts again.
  await expect(page.getByTestId('import-choose-file')).toBeEnabled();
});

test('a company list without 기관유형 gets the proposed 기업; an update shows before → after', async ({
  page,
}) => {
  const shell = new AppShell(page);
  const importer = new ImportPageModel(page);
  await shell.goTo('import-export');
  // A register as published: a serial column, no kind column, 미등록 for a missing phone.
  await importer.chooseFile(
    '입주기업.csv',
    [
      '순번,업체명,대표자,업종,전화번호',
      '1,가온정밀,김가온,기계,미등록',
      '2,나래광학,이나래,광학,1588-1234',
    ].join('\r\n'),
  );
  await expect(page.getByTestId('map-0')).toHaveValue('');
  await expect(page.getByTestId('map-reason-0')).toContainText('일련번호 열');
  // Proposed, pre-selected, shown in the preview, changeable.
  await expect(page.getByTestId('default-kind')).toHaveValue('company');
  await expect(page.getByTestId('import-same-for-all')).toContainText('기관유형 = 기업');
  await expect(importer.count('new')).toHaveText('2건');
  await expect(importer.count('error')).toHaveText('0건');
  await expect(page.getByTestId('import-notes')).toContainText(
    '"미등록"을(를) 빈 값으로 읽었습니다',
  );
  await expect(page.getByTestId('import-commit-summary')).toHaveText(
    '저장: 새 항목 2행, 바뀜 0행 · 건너뜀: 오류 0행, 같음 0행, 중복 0행, 빈 행·합계 0행',
  );
  await importer.commitButton.click();
  await expect(page.getByTestId('import-result')).toContainText('2건을 가져왔습니다');
  await page.getByTestId('import-open-grid').click();
  const companies = new EntityPage(page, 'organizations');
  await companies.expectCount(2);
  await expect(await companies.cell('가온정밀', 'kind')).toHaveText('기업');
  await expect(await companies.cell('나래광학', 'kind')).toHaveText('기업');

  // An update file: one representative changed. The preview lists it as before → after.
  await shell.goTo('import-export');
  await importer.chooseFile(
    '입주기업_변경.csv',
    ['업체명,대표자', '가온정밀,김새롬', '나래광학,이나래'].join('\r\n'),
  );
  await expect(importer.count('updated')).toHaveText('1건');
  await expect(importer.count('unchanged')).toHaveText('1건');
  await expect(page.getByTestId('import-change')).toHaveText(['대표자: 김가온 → 김새롬']);
  await importer.commitButton.click();
  await expect(page.getByTestId('import-result')).toContainText('바뀜 1');
  await page.getByTestId('import-open-grid').click();
  await expect(await companies.cell('가온정밀', 'representative')).toHaveText('김새롬');
  await expect(await companies.cell('가온정밀', 'kind')).toHaveText('기업');
});
