/**
 * Browser walkthrough of skills training and 揭榜挂帅: the enterprise account files a skill order; the office matches
 * 阳泉职业技术学院, opens the class, enrols a new trainee (registered in the talent registry), records the assessment,
 * issues the certificate and places the trainee; the order's fulfilment rate follows; the certificate and the training
 * record are on the trainee's profile, the employer is the ordering enterprise. Then a challenge: the enterprise posts
 * it, a talent's team proposes from the board, the office appoints a reviewer who scores, the office awards and adds a
 * milestone; the challenge page reads in English. Called by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2EHelpers } from './policies';

const save = (page: Page) => page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
const confirm = (page: Page) => page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function pickDate(page: Page, selector: string, value: string) {
  const input = page.locator(selector);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function choose(page: Page, selector: string, search: string, option: string) {
  await page.locator(selector).click();
  await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

export async function growthWalkthrough({ newPage, login, logout, shot }: E2EHelpers, idNumber: string) {
  const { page } = await newPage({ width: 1440, height: 900 });
  const skill = `焊接机器人操作${Date.now() % 100000}`;

  // the enterprise files a skill order
  await login(page, 'enterprise');
  await page.locator('[data-testid=side-menu]').getByText('技能培训').click();
  await page.locator('[data-testid=training-new-order]').click();
  await page.locator('#training-order_skill').fill(skill);
  await page.locator('#training-order_headcount').fill('2');
  await pickDate(page, '#training-order_deadline', day(90));
  await save(page);
  await page.waitForURL(/\/training\/orders\//);
  const orderPath = new URL(page.url()).pathname;
  await page.getByText('待匹配').first().waitFor();
  await logout(page);

  // the office matches a provider and opens the class
  await login(page, 'office');
  await page.goto(orderPath);
  await choose(page, '[data-testid=order-provider]', '阳泉职业', '阳泉职业技术学院');
  await page.locator('[data-testid=order-match]').click();
  await page.getByText('已匹配').first().waitFor();
  await page.locator('[data-testid=order-open-class]').click();
  await page.locator('#training-class_className').waitFor();
  const range = page.locator('.ant-modal:visible .ant-picker-range input');
  await range.first().click();
  await range.first().fill(day(-20));
  await range.nth(1).click();
  await range.nth(1).fill(day(-1));
  await range.nth(1).press('Enter');
  await save(page);
  await page.waitForURL(/\/training\/classes\//);
  const classPath = new URL(page.url()).pathname;

  // a new trainee, registered in the registry on the way
  const trainee = `培训学员${String(Date.now() % 1000).padStart(3, '0')}`;
  await page.locator('[data-testid=class-enrol]').click();
  await page.locator('.ant-modal:visible').getByText('新学员（登记入人才库）').click();
  await page.locator('#training-enrol_name').fill(trainee);
  await page.locator('#training-enrol_idNumber').fill(idNumber);
  await save(page);
  await page.locator('.ant-table-row').filter({ hasText: trainee }).waitFor();
  await page.locator('[data-testid=trainee-assess]').first().click();
  await page.locator('#training-assessment_score').fill('88');
  await save(page);
  await page.locator('.ant-table-row').filter({ hasText: '88 · 通过' }).waitFor();
  await page.locator('[data-testid=trainee-certify]').first().click();
  await confirm(page);
  await page.locator('.ant-table-row').filter({ hasText: /PX\d{9}/ }).waitFor();
  await page.locator('[data-testid=trainee-place]').first().click();
  await confirm(page);
  await page.locator('.ant-table-row').filter({ hasText: '泵阀集团' }).waitFor();
  await shot(page, 'growth-class');

  // the order's fulfilment: 1 placed of 2 ordered
  await page.goto(orderPath);
  await page.getByText('1 / 2').first().waitFor();
  assert.match(await page.locator('[data-testid=order-fulfilment]').innerText(), /50\s*%/);
  await shot(page, 'growth-order');

  // the trainee's profile: the certificate, the dated training record, the employer
  await page.goto(classPath);
  await page.locator('.ant-table-row').filter({ hasText: trainee }).getByRole('link', { name: trainee }).click();
  await page.locator('[data-testid=talent-tabs]').getByRole('tab', { name: '职称与证书' }).click();
  await page.locator('[data-testid=talent-training-records] .ant-table-row').filter({ hasText: /PX\d{9}/ }).waitFor();
  assert.ok((await page.getByText(skill).count()) > 0, 'the certificate shows on the profile');
  await shot(page, 'growth-profile');
  await page.locator('[data-testid=talent-tabs]').getByRole('tab', { name: '工作与在区' }).click();
  await page.getByRole('link', { name: '泵阀集团' }).first().waitFor();
  await logout(page);

  // 揭榜挂帅: the enterprise posts a challenge
  const title = `钠离子电池负极材料攻关${Date.now() % 100000}`;
  await login(page, 'enterprise');
  await page.locator('[data-testid=side-menu]').getByText('揭榜挂帅').click();
  await page.locator('[data-testid=challenge-post]').click();
  await page.locator('#challenge_title').fill(title);
  await page.locator('#challenge_problem').fill('硬碳负极首效偏低');
  await page.locator('#challenge_budget').fill('800000');
  await pickDate(page, '#challenge_deadline', day(60));
  await save(page);
  await page.waitForURL(/\/challenges\/[0-9a-f-]{36}$/);
  const challengePath = new URL(page.url()).pathname;
  await logout(page);

  // a talent's team proposes from the board
  await login(page, 'talent');
  await page.goto('/challenges?tab=board');
  await page.locator('.ant-list-item').filter({ hasText: title }).locator('[data-testid=board-propose]').click();
  await page.locator('#proposal_teamName').fill('硬碳负极攻关组');
  await page.locator('#proposal_organisationName').fill('山西大学');
  await page.locator('[data-testid=proposal-member-name]').first().fill('王研究');
  await page.locator('#proposal_plan').fill('生物质前驱体硬碳，12 个月');
  await page.locator('#proposal_budget').fill('750000');
  await save(page);
  await page.locator('.ant-table-row').filter({ hasText: title }).waitFor();
  await logout(page);

  // the office appoints a reviewer (科技创新局), who scores
  await login(page, 'office');
  await page.goto(challengePath);
  await page.locator('[data-testid=challenge-appoint]').click();
  await page.locator('#challenge-reviewer_username').fill('science');
  await save(page);
  await page.getByText('科技创新局 林晓').waitFor();
  await logout(page);
  await login(page, 'science');
  await page.goto(challengePath);
  await page.locator('[data-testid=proposal-score]').first().click();
  await page.locator('#proposal-score_score').fill('91');
  await save(page);
  await page.locator('[data-testid=proposal-average]').filter({ hasText: '91' }).waitFor();
  await logout(page);

  // the office awards it and tracks a milestone
  await login(page, 'office');
  await page.goto(challengePath);
  await page.locator('[data-testid=proposal-award]').first().click();
  await confirm(page);
  await page.getByText('揭榜成功').first().waitFor();
  await page.locator('[data-testid=milestone-add]').click();
  await page.locator('#challenge-milestone_title').fill('小试样品交付');
  await pickDate(page, '#challenge-milestone_dueOn', day(120));
  await save(page);
  await page.locator('.ant-table-row').filter({ hasText: '小试样品交付' }).waitFor();
  await shot(page, 'growth-challenge');

  // the same page in English
  await page.locator('header [data-testid=language-switch]').getByText('English').click();
  await page.getByText('Milestones').waitFor();
  await page.getByText('Awarded', { exact: true }).first().waitFor();
  await shot(page, 'growth-challenge-english');
  await page.locator('header [data-testid=language-switch]').getByText('中文').click();
  await page.getByText('里程碑').first().waitFor();
  await logout(page);
}
