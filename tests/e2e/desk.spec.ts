import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { DeskPage } from './pages/DeskPage';
import { EntityPage } from './pages/EntityPage';
import { validBrn } from './testData';

test('a difficulty is taken in, matched, resolved with outcomes, and its timeline names the user', async ({
  page,
  context,
}) => {
  // One user story from first run to the record form (about 20 s alone): room for a loaded machine.
  test.setTimeout(120_000);
  const shell = new AppShell(page);
  await shell.open();
  // The profile is asked at first run: every change after it records this name.
  await expect(shell.firstRun).toBeVisible();
  await shell.firstRun.getByTestId('firstrun-profile-name').fill('김수석');
  await shell.firstRun
    .getByTestId('firstrun-profile-role')
    .selectOption({ label: '수석코디네이터' });
  await shell.completeFirstRun('gumi', 'empty');

  // What a match needs: a company, a mini-cluster and an expert.
  const companies = new EntityPage(page, 'organizations');
  await companies.open();
  await companies.startNew();
  await companies.fill({ name: '금오정밀', kind: '기업', brn: validBrn('513810001') });
  await companies.saveAndClose();
  const miniClusters = new EntityPage(page, 'mini-clusters');
  await miniClusters.open();
  await miniClusters.startNew();
  await miniClusters.fill({ name: '정밀가공 MC', status: '운영중' });
  await miniClusters.saveAndClose();
  const experts = new EntityPage(page, 'experts');
  await experts.open();
  await experts.startNew();
  await experts.fill({ name: '김정밀', expertise: '정밀연삭' });
  await experts.saveAndClose();

  const desk = new DeskPage(page);
  await desk.open();
  await expect(page.getByTestId('desk-no-profile')).toHaveCount(0);

  // Intake: searchable company, the assignee from the staff list (the profile joined it).
  await page.getByTestId('desk-intake').click();
  await desk.chooseReference(desk.intakeDialog, 'companyId', '금오정밀');
  await desk.fill(desk.intakeDialog, {
    title: '도금층 박리 불량',
    description: '열처리 후 도금층이 벗겨짐',
    area: '기술',
    priority: '높음',
    dueOn: '2099-12-31',
    assignee: '김수석 (수석코디네이터)',
  });
  await desk.submit(desk.intakeDialog);
  await expect(desk.intakeDialog).toBeHidden();
  await desk.expectCount('received', 1);

  // The rest works offline: nothing here needs the network.
  await context.setOffline(true);
  await desk.openCard('도금층 박리 불량');
  await desk.detail.getByTestId('move-reviewing').click();
  await desk.expectCount('reviewing', 1);

  // A skipped step is explained, not silently refused.
  await desk.detail.getByTestId('move-resolved').click();
  await expect(desk.detail.getByTestId('move-refused')).toContainText(
    '검토에서 해결(으)로 바로 옮길 수 없습니다',
  );

  // 매칭 asks for the mini-cluster and an expert.
  await desk.detail.getByTestId('move-matched').click();
  await expect(desk.moveDialog).toBeVisible();
  await desk.submit(desk.moveDialog);
  await expect(desk.moveDialog.getByTestId('error-miniClusterId')).toHaveText(
    '매칭 상태에는 담당 미니클러스터을(를) 입력해야 합니다',
  );
  await desk.chooseReference(desk.moveDialog, 'miniClusterId', '정밀가공 MC');
  await desk.chooseReference(desk.moveDialog, 'expertIds', '김정밀');
  await desk.submit(desk.moveDialog);
  await expect(desk.moveDialog).toBeHidden();
  await desk.expectCount('matched', 1);

  await desk.detail.getByTestId('move-inSupport').click();
  await desk.expectCount('inSupport', 1);

  // 해결 without 해결일 is refused with the Korean error next to the field.
  await desk.detail.getByTestId('move-resolved').click();
  await desk.fill(desk.moveDialog, {
    solution: '전처리 공정 조건 변경',
    outcomeRevenueKrw: '1.2억',
    satisfaction: '매우만족',
  });
  await desk.moveDialog.getByTestId('field-outcomeTypes-revenueUp').check();
  await desk.submit(desk.moveDialog);
  await expect(desk.moveDialog.getByTestId('error-resolvedOn')).toHaveText(
    '해결 상태에는 해결일을(를) 입력해야 합니다',
  );
  await desk.expectCount('inSupport', 1);
  await desk.fill(desk.moveDialog, { resolvedOn: '2026.3.2' });
  await desk.submit(desk.moveDialog);
  await expect(desk.moveDialog).toBeHidden();
  await desk.expectCount('resolved', 1);
  await desk.expectCount('inSupport', 0);

  // The timeline: each change as from → to, with who.
  const timeline = desk.timelineItems();
  await expect(timeline.filter({ hasText: '처리상태: 지원중 → 해결' })).toContainText(
    '김수석 (수석코디네이터)',
  );
  await expect(timeline.filter({ hasText: '담당 미니클러스터: (없음) → 정밀가공 MC' })).toHaveCount(
    1,
  );
  await expect(timeline.filter({ hasText: '매칭 전문가: (없음) → 김정밀' })).toHaveCount(1);
  await expect(timeline.first()).toContainText('접수');
  await page.keyboard.press('Escape');
  await expect(desk.detail).toBeHidden();
  await context.setOffline(false);

  // A back-dated due date shows overdue; the overdue filter keeps only it.
  await page.getByTestId('desk-intake').click();
  await desk.chooseReference(desk.intakeDialog, 'companyId', '금오정밀');
  await desk.fill(desk.intakeDialog, {
    title: '수출 인증 지연',
    area: '인증·규제',
    dueOn: '2020-01-31',
  });
  await desk.submit(desk.intakeDialog);
  await expect(desk.intakeDialog).toBeHidden();
  await expect(desk.card('수출 인증 지연').getByTestId('card-overdue')).toHaveText('기한 경과');
  await page.getByTestId('desk-filter-overdue').check();
  await expect(desk.board.getByTestId('desk-card')).toHaveCount(1);
  await page.getByTestId('desk-filter-overdue').uncheck();

  // Keyboard: M moves the focused card to its next status.
  await desk.card('수출 인증 지연').focus();
  await page.keyboard.press('m');
  await desk.expectCount('received', 0);
  await desk.expectCount('reviewing', 1);
  // arrow keys move between cards across columns
  await page.keyboard.press('ArrowRight');
  await expect(desk.card('도금층 박리 불량')).toBeFocused();

  // The profile is edited in 설정; the next change records the new name.
  await shell.goTo('settings');
  const profile = page.getByTestId('settings-profile');
  await expect(profile.getByTestId('profile-name')).toHaveValue('김수석');
  await profile.getByTestId('profile-name').fill('박단장');
  await profile.getByTestId('profile-role').selectOption({ label: '추진단장' });
  await profile.getByTestId('profile-save').click();
  await expect(page.getByTestId('settings-staff')).toContainText('박단장 · 추진단장');
  await desk.open();
  await desk.openCard('수출 인증 지연');
  await desk.detail.getByTestId('move-onHold').click();
  await expect(desk.timelineItems().filter({ hasText: '처리상태: 검토 → 보류' })).toContainText(
    '박단장 (추진단장)',
  );
  await page.keyboard.press('Escape');

  // The record form applies the same rule: 해결 without 해결일 is refused next to the field.
  const difficulties = new EntityPage(page, 'difficulties', 'title');
  await difficulties.open();
  await difficulties.startNew();
  await difficulties.chooseReference('companyId', '금오정밀');
  await difficulties.fill({
    title: '금형 수명 단축',
    area: '기술',
    status: '해결',
    receivedOn: '2026-03-02',
  });
  await difficulties.save();
  await expect(difficulties.error('resolvedOn')).toHaveText(
    '해결 상태에는 해결일을(를) 입력해야 합니다',
  );
  await difficulties.fill({ resolvedOn: '2026-03-20' });
  await difficulties.saveAndClose();
  await expect(difficulties.rowTitled('금형 수명 단축')).toBeVisible();

  // A plan's 담당자 is picked from the same staff list (the report's 결재란 reads it too).
  const plans = new EntityPage(page, 'plans', 'title');
  await plans.open();
  await plans.startNew();
  const owner = plans.field('owner');
  await expect(owner.locator('option')).toHaveText([
    '— 선택 안 함 —',
    '김수석 (수석코디네이터)',
    '박단장 (추진단장)',
  ]);
  await plans.fill({
    title: '정밀가공 공정개선 계획',
    scope: '클러스터',
    status: '추진중',
    owner: '박단장 (추진단장)',
  });
  await plans.saveAndClose();
  await expect(await plans.cell('정밀가공 공정개선 계획', 'owner')).toHaveText('박단장');
});
