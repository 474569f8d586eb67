/**
 * Browser walkthrough of a service request (诉求) on the case engine: the demo talent raises a housing request with a
 * file; 规划建设局 (housing) hands a 联办 sub-task to 经济发展局 (economy), which ends it; housing then closes the request;
 * the talent rates it 不满意 and reopens it; housing closes it again; the office's performance table shows 规划建设局 and
 * its handled figure opens the list with the request in it; the rated request reads in English. Called by e2e/run.ts.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2EHelpers } from './policies';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function pick(page: Page, select: string, option: string, settle: (page: Page) => Promise<void>) {
  await page.locator(select).click();
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) });
  await item.first().waitFor();
  await settle(page);
  await item.first().click();
}

export async function serviceRequestWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  const title = `公寓热水器维修 ${Date.now() % 100000}`;

  // the talent raises it online, with a file
  await login(page, 'talent');
  await page.goto('/service-requests');
  await page.locator('[data-testid=raise-request]').click();
  await pick(page, '[data-testid=raise-category]', '住房安居', settle);
  await page.locator('[data-testid=raise-title]').fill(title);
  await page.locator('[data-testid=raise-text]').fill('人才公寓 3 号楼热水器不出热水，请安排维修。');
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '报修照片说明.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.locator('[data-testid=raise-files]').getByText('报修照片说明.pdf').waitFor();
  await shot(page, 'request-raise');
  await page.locator('[data-testid=raise-submit]').click();
  await page.waitForURL(/\/service-requests\/[0-9a-f-]{36}$/);
  const path = new URL(page.url()).pathname;
  await page.locator('[data-testid=request-attachments]').getByText('报修照片说明.pdf').waitFor();
  await logout(page);

  // 规划建设局 hands a 联办 sub-task to 经济发展局; it cannot close the request before that is done
  await login(page, 'housing');
  await page.goto(path);
  await page.locator('[data-testid=split-form]').waitFor();
  await pick(page, '[data-testid=split-unit]', '经济发展局', settle);
  await page.locator('[data-testid=split-task]').fill('核实该楼宇维修资金安排');
  await page.locator('[data-testid=split-submit]').click();
  await page.locator('[data-testid=subtasks] .ant-table-row', { hasText: '经济发展局' }).waitFor();
  await shot(page, 'request-split');
  await logout(page);

  await login(page, 'economy');
  await page.goto(path);
  await page.locator('[data-testid=subtask-end]').click();
  await page.locator('[data-testid=subtask-note]').fill('维修资金已列入本月计划');
  await page.locator('[data-testid=subtask-submit]').click();
  await page.locator('[data-testid=subtasks] .ant-table-row', { hasText: '已办结' }).waitFor();
  assert.equal(await page.locator('[data-testid=handle-form]').count(), 0, 'the 联办 unit does not handle the request itself');
  await logout(page);

  const close = async (comment: string) => {
    await login(page, 'housing');
    await page.goto(path);
    await page.locator('[data-testid=handle-comment]').fill(comment);
    await page.locator('[data-testid=handle-submit]').click();
    await page.locator('.ant-descriptions').getByText('已办结').waitFor();
    await logout(page);
  };
  await close('已安排物业更换热水器。');

  // the talent rates it 不满意 and reopens it (once)
  await login(page, 'talent');
  await page.goto(path);
  await page.locator('[data-testid=rate-score]').getByText('不满意', { exact: true }).click();
  await page.locator('[data-testid=rate-comment]').fill('维修后仍然没有热水。');
  await page.locator('[data-testid=rate-submit]').click();
  await page.locator('[data-testid=rating-score]').getByText('不满意').waitFor();
  await page.locator('[data-testid=reopen-comment]').fill('热水器仍不能使用，请重新处理。');
  await page.locator('[data-testid=reopen-submit]').click();
  await page.locator('.ant-descriptions').getByText('办理中').waitFor();
  assert.equal(await page.locator('[data-testid=reopen-form]').count(), 0, 'a request is reopened once');
  await shot(page, 'request-reopened');
  const timeline = await page.locator('[data-testid=request-history]').innerText();
  for (const entry of ['联办分派', '联办办结', '评价', '不满意重新办理']) assert.ok(timeline.includes(entry), `the timeline shows ${entry}`);
  await logout(page);

  // closed again (close() waits for 已办结)
  await close('已更换新热水器并回访确认。');

  // the office's performance table: 规划建设局's handled figure opens the list holding the request
  await login(page, 'office');
  await page.goto('/service-requests');
  await page.locator('[data-testid=performance-page]').click();
  const row = page.locator('[data-testid=performance-table] .ant-table-row', { hasText: '规划建设局' });
  await row.waitFor();
  await shot(page, 'request-performance');
  await row.locator('[data-testid=performance-link]').first().click();
  await page.waitForURL(/unitCode=U10/);
  await page.locator('[data-testid=requests-filters]').waitFor();
  await page.locator('[data-testid=requests-table]').getByText(title).waitFor();
  await shot(page, 'request-performance-list');
  await logout(page);

  // English: the rated request
  const english = await newPage({ width: 1440, height: 900 });
  await english.page.addInitScript(() => window.localStorage.setItem('talentzone.language', 'en-US'));
  await english.page.goto('/login');
  await login(english.page, 'talent');
  await english.page.goto(path);
  await english.page.locator('[data-testid=rating-score]').getByText('Dissatisfied').waitFor();
  await english.page.getByText('This request has been reopened once.').waitFor();
  await shot(english.page, 'request-en');
}
