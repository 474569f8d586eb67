/**
 * Browser walkthrough of 协同用才: the office raises a joint task owned by 人社局 (the department account) with
 * 规划建设局 (the housing account) as a helper; the helper notes progress and finishes its part; the owner closes it;
 * enterprise HR (泵阀集团) opens 政企对接 and sees an open challenge with the reason, and its 人才流动 page. Called by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2EHelpers } from './policies';

async function pick(page: Page, input: string, search: string, option: string) {
  await page.locator(input).fill(search);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

export async function coordinationWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  const title = `引进人才配偶随迁安置 ${Date.now() % 100_000}`;

  // the office raises the task for two units
  await login(page, 'office');
  await page.locator('[data-testid=side-menu]').getByText('协同任务').click();
  await page.locator('[data-testid=joint-task-raise]').click();
  await page.locator('[data-testid=joint-task-title]').fill(title);
  await page.locator('[data-testid=joint-task-description]').fill('配偶就业与住房一并安排');
  await pick(page, '#joint-task_ownerUnitId', '人力资源', '人力资源和社会保障局');
  await pick(page, '#joint-task_helpers_0_unitId', '规划建设', '规划建设局');
  await page.locator('[data-testid=joint-task-part-0]').fill('人才公寓周转房安排');
  await page.locator('[data-testid=joint-task-save]').click();
  await page.locator('[data-testid=joint-task-status]').getByText('待办').waitFor();
  const taskUrl = page.url();
  assert.match(taskUrl, /\/joint-tasks\/[0-9a-f-]{36}$/);
  await settle(page);
  await shot(page, 'joint-task-raised');
  await logout(page);

  // the helper unit notes progress and finishes its part
  await login(page, 'housing');
  await page.locator('[data-testid=side-menu]').getByText('协同任务').click();
  await page.locator('.ant-table-row').filter({ hasText: title }).getByRole('link', { name: title }).click();
  await page.locator('[data-testid=joint-task-note]').fill('已预留人才公寓一套，本周内可入住');
  await page.locator('[data-testid=joint-task-note-save]').click();
  await page.locator('[data-testid=joint-task-notes]').getByText('已预留人才公寓一套').waitFor();
  await page.locator('[data-testid=joint-task-status]').getByText('进行中').waitFor();
  assert.equal(await page.locator('[data-testid=joint-task-close-form]').count(), 0, 'a helper may not close the task');
  await page.locator('[data-testid=joint-task-helpers] [data-testid^=joint-task-part-]').click();
  await page.locator('[data-testid=joint-task-helpers]').getByText('撤回完成').waitFor();
  await settle(page);
  await shot(page, 'joint-task-helper');
  await logout(page);

  // the owner unit closes it
  await login(page, 'department');
  await page.goto(taskUrl);
  await page.locator('[data-testid=joint-task-close-form]').waitFor();
  await page.locator('[data-testid=joint-task-close]').click();
  await page.locator('[data-testid=joint-task-status]').getByText('已完成').waitFor();
  assert.ok((await page.locator('[data-testid=joint-task-helpers]').innerText()).includes('已完成'), 'the helper’s part shows done');
  await logout(page);

  // enterprise HR: the board with an open challenge and why; its staff departures
  await login(page, 'enterprise');
  await page.locator('[data-testid=side-menu]').getByText('政企对接').click();
  const challenge = page.locator('[data-testid=board-item-challenge]').first();
  await challenge.waitFor();
  const reason = await challenge.locator('[data-testid=board-reason]').first().innerText();
  assert.ok(reason.length > 4 && /[\u4e00-\u9fff]/.test(reason), `the challenge says why it is on the board (${reason})`);
  assert.ok((await page.locator('[data-testid=board-enterprise-name]').innerText()).includes('泵阀集团'));
  await settle(page);
  await shot(page, 'board-enterprise');
  await page.locator('[data-testid=side-menu]').getByText('人才流动').click();
  await page.locator('[data-testid=staff-departures]').waitFor();
  await settle(page);
  await shot(page, 'staff-departures');
  await logout(page);
}
