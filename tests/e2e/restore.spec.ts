/**
 * 설정 › 백업·복원 with a forged backup (issue 12) and the outbox across a restore (issue 9): a
 * backup rebuilt with the project's own builder after editing a record (so its checksums are
 * right) is refused with the table and row named, and changes nothing; the real backup's
 * confirmation lists the unsent change the restore drops, before it runs.
 */
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { buildBackup, type BackupManifest } from '../../shared/backup';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { validBrn } from './testData';

const COMPANIES = [
  { name: '금오정밀', brn: validBrn('513811234') },
  { name: '창원기계', brn: validBrn('609811236') },
];

/** The backup with one edit to its first organization, rebuilt (and checksummed) by buildBackup. */
async function forge(bytes: Uint8Array, edit: (org: Record<string, unknown>) => void) {
  const files = unzipSync(bytes);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as BackupManifest;
  const tables: Record<string, unknown[]> = {};
  for (const t of manifest.tables) tables[t.name] = JSON.parse(strFromU8(files[t.file]!));
  edit(tables['organizations']![0] as Record<string, unknown>);
  return Buffer.from(await buildBackup({ ...manifest, tables }));
}

async function chooseBackup(page: Page, name: string, buffer: Buffer): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByTestId('backup-restore').click();
  await (await choosing).setFiles({ name, mimeType: 'application/zip', buffer });
}

test('a forged backup is refused row by row; the real one lists the unsent change it drops', async ({
  page,
}) => {
  const shell = new AppShell(page);
  const companies = new EntityPage(page, 'organizations');
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');
  await companies.open();
  for (const c of COMPANIES) {
    await companies.startNew();
    await companies.fill({ name: c.name, kind: '기업', brn: c.brn.replaceAll('-', '') });
    await companies.saveAndClose();
    await expect(companies.rowTitled(c.name)).toBeVisible();
  }

  await shell.goTo('settings');
  const panel = page.getByTestId('backup-panel');
  const downloading = page.waitForEvent('download');
  await panel.getByTestId('backup-now').click();
  const backup = await readFile(await (await downloading).path());

  await companies.open();
  await companies.openRecord('창원기계');
  await companies.deleteOpenRecord();
  await companies.expectCount(1);

  await shell.goTo('settings');
  const forged = await forge(backup, (org) => (org['employees'] = -5));
  await chooseBackup(page, 'forged.pumasi.zip', forged);
  const error = panel.getByTestId('backup-error');
  await expect(error).toContainText('백업 파일의 내용에 문제가 1건 있어 복원하지 않습니다');
  await expect(error).toContainText('기업·기관(organizations) 1번째 행');
  await expect(error).toContainText('0 이상이어야 합니다');
  await expect(page.getByTestId('backup-confirm')).toHaveCount(0);
  await companies.open();
  await companies.expectCount(1);

  await shell.goTo('settings');
  await chooseBackup(page, 'real.pumasi.zip', backup);
  const confirm = page.getByTestId('backup-confirm');
  const unsent = confirm.getByTestId('backup-unsent');
  await expect(unsent).toContainText(
    '아직 보내지 않은 변경 1건(항목 1개)은 복원하면 보내지 않습니다',
  );
  await expect(unsent.locator('li')).toHaveText(['기업·기관 · 창원기계 · 1건']);
  await expect(confirm.getByTestId('backup-new-device')).toContainText('새 기기 ID');
  await confirm.getByTestId('backup-confirm-restore').click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByText(/백업에서 복원했습니다/)).toBeVisible();
  await expect(panel.getByTestId('backup-error')).toHaveCount(0);

  await companies.open();
  await companies.expectCount(2);
});
