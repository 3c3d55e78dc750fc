/**
 * Issue 12 on a REAL small disk: the browser profile (IndexedDB included) lives on a 30 MiB
 * tmpfs, nearly full, and a 12,000-row import meets it. No API is stubbed. Chromium's estimate()
 * reports a ~1 GB quota there, so the free-space check passes and the write starts; what follows
 * is up to Chromium, and the test accepts each HONEST outcome and nothing else:
 * - refused before writing, or failed with a verified rollback (full disk, or the stall
 *   watchdog's abort after 25 s without progress): exactly the one company from before is
 *   there, also after a reload;
 * - Chromium deleted the database itself (what this machine shows, 2026-12-02: the transaction
 *   aborts, the check of what is left hangs, the database leaves the list after ~10 s): the
 *   vanished-database screen says so in Korean, also after a reload, and offers a backup file
 *   instead of a first run.
 * Silence (the stall this test first found: 170 s at "4,000 / 12,000") or "could not tell" fails.
 * About 20–40 s.
 *
 * Mounting needs root and the mount capability (CAP_SYS_ADMIN); where either is missing (an
 * unprivileged CI container) the test is skipped and says which.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';

const DISK_MIB = 30;
/** What is left free for the profile once Chromium and the app have started. */
const LEFT_FREE_MIB = 2;
const BIG_IMPORT_ROWS = 12_000;

/**
 * The honest outcomes, by the words that prove them: refused before writing; failed (full disk,
 * or the stall watchdog's abort) with a verified rollback; or the database deleted by Chromium.
 */
const OUTCOMES = {
  refused: '작업을 시작하지 않았습니다',
  rolledBack: '이번 자료는 하나도 저장되지 않았고, 기존 자료 1건은 그대로 있습니다',
  /** (the app then also switches to the vanished-database screen, checked separately) */
  lost: '브라우저가 이 앱의 데이터베이스를 지웠습니다',
} as const;
type Outcome = keyof typeof OUTCOMES;

/** Why a tmpfs cannot be mounted here, or null when it can (probed by really mounting one). */
function mountUnavailable(): string | null {
  if (process.platform !== 'linux') return `tmpfs mounts need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return `mounting a tmpfs needs root (uid ${process.getuid?.()})`;
  const probe = mkdtempSync(join(tmpdir(), 'pumasi-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch (error) {
    const text = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `mount is not permitted here (no CAP_SYS_ADMIN?): ${text}`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const freeMiB = (dir: string) => {
  const s = statfsSync(dir);
  return (s.bavail * s.bsize) / 1024 / 1024;
};

async function importCsv(page: Page, fileName: string, names: string[]): Promise<void> {
  const csv = ['기관명,구분', ...names.map((n) => `${n},기업`)].join('\r\n');
  const root = page.getByTestId('page-importExport');
  const chooser = page.waitForEvent('filechooser');
  await root.getByTestId('import-choose-file').click();
  await (
    await chooser
  ).setFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-mapping')).toBeVisible();
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

test('a real 30 MiB profile disk: a large import is refused or rolled back, or the lost database is said with a backup offered', async ({
  baseURL,
}) => {
  const unavailable = mountUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  // Runs by default wherever it can (CI runs as root): about 30–60 s. Bounded: the stall
  // watchdog gives up after 25 s without progress and the check of what is left after 15 s.
  test.setTimeout(150_000);

  const disk = mkdtempSync(join(tmpdir(), 'pumasi-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_MIB}m`, 'tmpfs', disk]);
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(join(disk, 'profile'), {
      ...chromiumLaunchOptions(),
      headless: true,
      baseURL,
      locale: 'ko-KR',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const shell = new AppShell(page);
    await shell.open();
    await shell.completeFirstRun('gumi', 'empty');
    await shell.goTo('import-export');
    await importCsv(page, '소량.csv', ['기존정밀']);
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-result')).toContainText('1건을 가져왔습니다');
    await page.getByTestId('import-again').click();

    // Fill the disk from outside, as other programs would, leaving a few MiB.
    const filler = Math.floor(freeMiB(disk) - LEFT_FREE_MIB);
    if (filler > 0) writeFileSync(join(disk, 'filler.bin'), Buffer.alloc(filler * 1024 * 1024, 1));
    const estimate = await page.evaluate<string>(
      'navigator.storage.estimate().then((e) => `quota ${e.quota}, usage ${e.usage}`)',
    );
    test.info().annotations.push({
      type: 'disk',
      description: `${DISK_MIB} MiB tmpfs, ${freeMiB(disk).toFixed(1)} MiB free before the import; estimate(): ${estimate}`,
    });

    const names = Array.from({ length: BIG_IMPORT_ROWS }, (_, i) => `대량기업${i}`);
    await importCsv(page, '대량.csv', names);
    await expect(page.getByTestId('import-count-new')).toHaveText(
      `${BIG_IMPORT_ROWS.toLocaleString('en-US')}건`,
      { timeout: 60_000 },
    );
    const clicked = Date.now();
    await page.getByTestId('import-commit').click();
    const message = page.getByTestId('import-message');
    const vanished = page.getByTestId('database-vanished');
    // Silence (the old stall) fails here: a message, or the vanished-database screen, must come.
    await expect(message.or(vanished).first()).toBeVisible({ timeout: 90_000 });
    const seconds = ((Date.now() - clicked) / 1000).toFixed(1);

    if (await vanished.isVisible()) {
      // Chromium deleted the database itself (issue 12): the app says so in Korean and, on the
      // next start too, offers a backup instead of a first run pretending nothing was there.
      test.info().annotations.push({ type: 'outcome', description: `lost after ${seconds} s` });
      await expect(vanished).toContainText('데이터베이스가 사라졌습니다');
      await page.reload(); // (no status strip on that screen, so not shell.reload())
      await expect(vanished).toBeVisible();
      await expect(shell.firstRun).toHaveCount(0);
      await expect(page.getByTestId('vanished-restore-file')).toBeVisible();
      return;
    }
    // "Could not tell" fails here; each honest outcome passes.
    await expect(message).toContainText(new RegExp(Object.values(OUTCOMES).join('|')));
    const text = (await message.textContent()) ?? '';
    const outcome = (Object.keys(OUTCOMES) as Outcome[]).find((k) => text.includes(OUTCOMES[k]));
    test.info().annotations.push({
      type: 'outcome',
      description: `${outcome} after ${seconds} s: ${text}`,
    });
    expect(text).toMatch(/^(저장 공간이 부족해 가져오기|가져오기에 실패했습니다: )/);

    // Nothing of the import is visible: exactly the one company from before.
    await expectOnlyTheOneCompany(page);

    // The database survives a reload on the full disk: no first-run screen, the company is there.
    await shell.reload();
    await expect(shell.firstRun).toHaveCount(0);
    await expectOnlyTheOneCompany(page);
  } finally {
    await context?.close();
    execFileSync('umount', [disk]);
    rmSync(disk, { recursive: true, force: true });
  }
});
