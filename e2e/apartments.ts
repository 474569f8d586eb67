/**
 * Browser walkthrough of talent apartments (人才公寓): the demo talent sees the conditions and the waiting-list rule and
 * applies; 规划建设局 (the `housing` account) finds it in 待办 and approves it onto the waiting list, allocates a vacant
 * apartment and records the move-in; the talent sees the lease, in English too. Called by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2EHelpers } from './policies';

/** Types a date into an antd DatePicker and takes it with Enter (which, in a one-field dialog, may submit it too). */
async function pickDate(page: Page, testId: string, day: string) {
  const input = page.locator(`[data-testid=${testId}] input, input[data-testid=${testId}]`).first();
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

export async function apartmentsWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  await login(page, 'talent');
  await page.locator('[data-testid=side-menu]').getByText('人才公寓').click();
  await page.locator('[data-testid=apartment-eligibility]').waitFor();
  assert.ok((await page.locator('[data-testid=waiting-rule]').innerText()).includes('人才层次'), 'the waiting-list rule is shown');
  assert.ok((await page.locator('[data-testid=apartment-eligibility] [data-testid=explain-node]').count()) > 0, 'the conditions are listed as the calculator lists them');
  await shot(page, 'apartments-talent-apply');
  await page.locator('[data-testid=apply-submit]').click();
  await page.waitForURL(/\/apartments\/applications\/[0-9a-f-]{36}$/);
  const applicationPath = new URL(page.url()).pathname;
  await page.locator('[data-testid=application-status]').getByText('办理中').waitFor();
  await logout(page);

  // 规划建设局: 待办 → approve → allocate a vacant apartment → move-in
  await login(page, 'housing');
  await page.locator('[data-testid=side-menu]').getByText('待办事项').click();
  await page.locator(`[data-testid=inbox-table] a[href="${applicationPath}"]`).click();
  await page.locator('[data-testid=decide-form]').waitFor();
  await page.locator('[data-testid=decide-submit]').click();
  await page.locator('[data-testid=application-position]').waitFor();
  await page.locator('[data-testid=allocate-open]').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '分配房源' });
  await dialog.locator('[data-testid=allocate-unit]').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
  await pickDate(page, 'allocate-start', '2026-12-10');
  await pickDate(page, 'allocate-end', '2027-12-09');
  await dialog.getByRole('button', { name: '确认分配' }).click();
  await page.locator('[data-testid=lease-status]').getByText('待入住').waitFor();
  await page.locator('[data-testid=lease-move-in]').click();
  await pickDate(page, 'lease-date', '2026-12-10');
  // Enter submitted the one-field move-in dialog in the runs seen; if it is still open, confirm it
  const moveInOk = page.locator('.ant-modal').filter({ hasText: '办理入住' }).locator('.ant-modal-footer .ant-btn-primary');
  if (await moveInOk.isVisible()) await moveInOk.click().catch(() => undefined);
  await page.locator('[data-testid=lease-status]').getByText('在租').waitFor();
  await settle(page);
  await shot(page, 'apartments-application-housed');
  await page.locator('[data-testid=side-menu]').getByText('人才公寓').click();
  await page.locator('[data-testid=units-table]').waitFor();
  await shot(page, 'apartments-inventory');
  await logout(page);

  // the talent sees the lease, in English too
  const english = await newPage({ width: 1440, height: 900 });
  await english.page.addInitScript(() => window.localStorage.setItem('talentzone.language', 'en-US'));
  await english.page.goto('/login');
  await login(english.page, 'talent');
  await english.page.goto('/apartments');
  await english.page.locator('[data-testid=my-lease-status]').getByText('Active').waitFor();
  await english.page.getByText('My leases').waitFor();
  await shot(english.page, 'apartments-talent-lease-en');
}
