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
