import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { DeskPage } from './pages/DeskPage';
import { EntityPage } from './pages/EntityPage';

/** The baseline was made with a Korean system font (.ci/run installs fonts-nanum). */
function hasKoreanFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=ko'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

test('main screen: the companies grid with demo data', async ({ page }) => {
  expect(
    hasKoreanFont(),
    'No Korean font: install one (`apt-get install -y fonts-nanum`), as .ci/run does',
  ).toBe(true);
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'demo');
  await shell.finishDemoLoad();

  const companies = new EntityPage(page, 'organizations');
  await companies.open();
  await expect(companies.titleCells().first()).toBeVisible();
  // Toasts come and go on their own timers; wait until none is left on screen.
  await expect(page.getByTestId('toast')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(async () => {
    const { document } = globalThis as unknown as {
      document: { fonts: { ready: Promise<unknown> } };
    };
    await document.fonts.ready;
  });

  await expect(page).toHaveScreenshot('organizations-demo.png', {
    fullPage: false,
    // The strip's counters (pending changes, clock-like texts) vary run to run.
    mask: [shell.statusStrip],
  });
});

// Updated on purpose with the search leftovers of issue 13 (recent items): regenerate with
// `npx playwright test tests/e2e/screenshot.spec.ts --update-snapshots` only when the search
// box is meant to change, and commit the new PNG with the change.
test('global search box: results for 초성 and the recent items of an empty box', async ({
  page,
}) => {
  expect(hasKoreanFont(), 'No Korean font: install one (`apt-get install -y fonts-nanum`)').toBe(
    true,
  );
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'demo');
  await shell.finishDemoLoad();
  await expect(page.getByTestId('toast')).toHaveCount(0, { timeout: 15_000 });

  // The pointer would hover (and highlight) a hit where the dialog opens: keep it in a corner.
  await page.mouse.move(0, 0);
  await page.keyboard.press('Control+k');
  const dialog = page.getByTestId('global-search');
  const input = page.getByTestId('global-search-input');
  await expect(input).toBeFocused();
  await input.fill('ㄱㅁ');
  await expect(dialog.getByTestId('global-search-hit').first()).toBeVisible();
  await page.evaluate(async () => {
    const { document } = globalThis as unknown as {
      document: { fonts: { ready: Promise<unknown> } };
    };
    await document.fonts.ready;
  });
  await expect(dialog).toHaveScreenshot('global-search-results.png');

  // Open the first hit, come back: the empty box lists it as a recent item.
  const first = (await dialog.getByTestId('global-search-hit').first().textContent()) ?? '';
  await page.keyboard.press('Enter');
  const form = new EntityPage(page, 'organizations').form;
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await page.keyboard.press('Control+k');
  await expect(
    page.getByTestId('global-search-group-recent').getByTestId('global-search-hit'),
  ).toHaveText([first]);
  await expect(page.getByTestId('global-search')).toHaveScreenshot('global-search-recent.png');
});

test('difficulty desk: the board with demo data', async ({ page }) => {
  expect(
    hasKoreanFont(),
    'No Korean font: install one (`apt-get install -y fonts-nanum`), as .ci/run does',
  ).toBe(true);
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'demo');
  await shell.finishDemoLoad();

  const desk = new DeskPage(page);
  await desk.open();
  // The demo data ends in 2006: every open card is overdue whatever today is, so the flags and
  // counts are the same on every run.
  await expect(desk.board.getByTestId('desk-card').first()).toBeVisible();
  await expect(page.getByTestId('toast')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(async () => {
    const { document } = globalThis as unknown as {
      document: { fonts: { ready: Promise<unknown> } };
    };
    await document.fonts.ready;
  });
  await expect(page).toHaveScreenshot('desk-board-demo.png', {
    fullPage: false,
    mask: [shell.statusStrip],
  });
});
