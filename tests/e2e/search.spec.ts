import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';

async function globalSearch(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  const input = page.getByTestId('global-search-input');
  await expect(input).toBeFocused();
  await input.fill(query);
  return page.getByTestId('global-search');
}

test('Ctrl+K finds records the way Korean users type and opens them', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gwangju', 'demo');
  await shell.finishDemoLoad();
  const orgs = new EntityPage(page, 'organizations');

  // 초성 abbreviation → 한국광기술원, picked with the keyboard
  const dialog = await globalSearch(page, 'ㅎㄱㄱㅅ');
  const hit = dialog.getByTestId('global-search-hit').filter({ hasText: '한국광기술원' });
  await expect(hit).toHaveCount(1);
  const hits = dialog.getByTestId('global-search-hit');
  const position = (await hits.allTextContents()).findIndex((t) => t.includes('한국광기술원'));
  for (let i = 0; i < position; i++) await page.keyboard.press('ArrowDown');
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(orgs.form).toBeVisible();
  await expect(orgs.field('name')).toHaveValue('한국광기술원(KOPTI)');
  await page.keyboard.press('Escape');
  await expect(orgs.form).toBeHidden();

  // a 사업자등록번호 typed without hyphens opens its company
  // (the first company of the grid; its number read from its form)
  await orgs.open();
  const name = (await orgs.rowsContaining('㈜').first().textContent())?.trim() ?? '';
  await orgs.openRecord(name);
  const company = { name, brn: await orgs.field('brn').inputValue() };
  expect(company.brn).toMatch(/^\d{3}-\d{2}-\d{5}$/);
  await page.keyboard.press('Escape');
  await expect(orgs.form).toBeHidden();
  const byNumber = await globalSearch(page, company.brn.replace(/-/g, ''));
  await expect(byNumber.getByTestId('global-search-hit').first()).toHaveText(company.name);
  await page.keyboard.press('Enter');
  await expect(orgs.form).toBeVisible();
  await expect(orgs.field('brn')).toHaveValue(company.brn);
  await page.keyboard.press('Escape');
  await expect(orgs.form).toBeHidden();

  // the expert picker in a difficulty finds an expert by 초성
  const experts = new EntityPage(page, 'experts');
  await experts.open();
  const expertName = (await experts.titleCells().first().textContent())?.trim() ?? '';
  const difficulties = new EntityPage(page, 'difficulties');
  await difficulties.open();
  await difficulties.startNew();
  await difficulties.field('expertIds').fill(initials(expertName));
  await expect(
    difficulties.form.getByTestId('ref-option').filter({ hasText: expertName }).first(),
  ).toBeVisible();

  // the company picker finds the company by its 사업자등록번호, without and with hyphens;
  // a full number typed and left picks it
  const companyPicker = difficulties.field('companyId');
  await companyPicker.fill(company.brn.replace(/-/g, ''));
  await expect(difficulties.form.getByTestId('ref-option')).toHaveText([company.name]);
  await companyPicker.fill(company.brn);
  await expect(difficulties.form.getByTestId('ref-option')).toHaveText([company.name]);
  await difficulties.field('title').focus();
  await expect(companyPicker).toHaveValue(company.name);

  // an empty box shows the records last opened from it, newest first, after a reload too
  await shell.open('organizations');
  await shell.reload();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('global-search-input')).toBeFocused();
  const recent = page.getByTestId('global-search-group-recent');
  await expect(recent.getByTestId('global-search-hit')).toHaveText([
    company.name,
    '한국광기술원(KOPTI)',
  ]);
  await page.keyboard.press('Enter');
  await expect(orgs.form).toBeVisible();
  await expect(orgs.field('brn')).toHaveValue(company.brn);
});

/** 김민준 → ㄱㅁㅈ */
function initials(name: string): string {
  const cho = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
  return [...name].map((c) => cho[Math.floor((c.charCodeAt(0) - 0xac00) / 588)] ?? c).join('');
}
