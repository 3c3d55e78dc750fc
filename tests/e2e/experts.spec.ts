import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { EntityPage } from './pages/EntityPage';
import { validBrn } from './testData';

test('an expert is created, edited, deleted, undone and deleted for good across reloads', async ({
  page,
}) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.completeFirstRun('gumi', 'empty');

  // The expert's organisation must exist first (organizationId is a reference).
  const companies = new EntityPage(page, 'organizations');
  await companies.open();
  await companies.startNew();
  await companies.fill({ name: '금오공과대학교', kind: '대학', brn: validBrn('513820001') });
  await companies.saveAndClose();
  await expect(companies.rowTitled('금오공과대학교')).toBeVisible();

  const experts = new EntityPage(page, 'experts');
  await experts.open();
  await experts.expectCount(0);
  await experts.startNew();
  await experts.fill({ name: '김정밀', expertise: '정밀연삭, 자동화설비' });
  await experts.chooseReference('organizationId', '금오공과대학교');
  await experts.saveAndClose();
  await expect(experts.rowTitled('김정밀')).toBeVisible();
  await expect(await experts.cell('김정밀', 'expertise')).toContainText('정밀연삭');
  await expect(await experts.cell('김정밀', 'expertise')).toContainText('자동화설비');
  await expect(await experts.cell('김정밀', 'organizationId')).toHaveText('금오공과대학교');
  await experts.expectCount(1);

  await experts.openRecord('김정밀');
  await experts.fill({ name: '김정밀 교수', expertise: '정밀연삭, 자동화설비, 광학' });
  await experts.saveAndClose();
  await expect(experts.rowTitled('김정밀 교수')).toBeVisible();
  await expect(experts.rowTitled('김정밀')).toHaveCount(0);

  await shell.reload();
  await expect(experts.rowTitled('김정밀 교수')).toBeVisible();
  await expect(await experts.cell('김정밀 교수', 'expertise')).toContainText('광학');
  await expect(await experts.cell('김정밀 교수', 'organizationId')).toHaveText('금오공과대학교');

  await experts.openRecord('김정밀 교수');
  await experts.deleteOpenRecord();
  await expect(experts.rowTitled('김정밀 교수')).toHaveCount(0);
  await experts.expectCount(0);
  await shell.undoLastDelete();
  await expect(experts.rowTitled('김정밀 교수')).toBeVisible();
  await experts.expectCount(1);

  await experts.openRecord('김정밀 교수');
  await experts.deleteOpenRecord();
  await expect(experts.rowTitled('김정밀 교수')).toHaveCount(0);
  await shell.reload();
  await expect(experts.grid).toBeVisible();
  await experts.expectCount(0);
});
