/**
 * The demo talent's application followed through every review step with the demo accounts (issue 10): the talent's
 * 重点产业链工程技术人才津贴 application, loaded by the demo without its 劳动合同, waits for 经济发展局 (`economy`). The
 * reviewer opens it from the inbox, sees the applicant's record link (the record masked as usual), the facts the
 * eligibility check used in words and the warning naming the missing file, and returns it (退回补正); the talent
 * resubmits with the contract; 经济发展局 approves; 财政金融局 (`finance`) approves in English; the talent sees it approved
 * and on the 兑现台账. The list's column settings are tried on the way. Screenshots at each step (review-chain-*).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { pageProblems } from './pages';
import type { E2EHelpers } from './policies';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const policyTitle = '重点产业链工程技术人才津贴';
const wide = { width: 1440, height: 900 };

/** Waits for the answer of a request the click sends. */
async function clickFor(page: Page, click: () => Promise<void>, matches: (url: string, method: string) => boolean) {
  const [response] = await Promise.all([page.waitForResponse((candidate) => matches(candidate.url(), candidate.request().method())), click()]);
  return response;
}

/** Opens the talent's application from the reviewer's inbox (待我审核); returns its path. */
async function openFromInbox(page: Page, subject: string) {
  await page.goto('/applications');
  const row = page.locator('[data-testid=applications-table] .ant-table-row').filter({ hasText: policyTitle }).filter({ hasText: subject });
  await row.waitFor();
  await row.locator('[data-testid=application-link]').click();
  await page.waitForURL((url) => url.pathname.startsWith('/applications/'));
  await page.locator('[data-testid=review-form]').waitFor();
  return new URL(page.url()).pathname;
}

async function review(page: Page, decision: string, comment: string) {
  await page.locator('[data-testid=review-decision]').getByText(decision, { exact: true }).click();
  await page.locator('[data-testid=review-comment]').fill(comment);
  const answer = await clickFor(page, () => page.locator('[data-testid=review-submit]').click(), (url, method) => url.endsWith('/review') && method === 'POST');
  assert.equal(answer.status(), 200, `the review answered ${answer.status()}: ${await answer.text()}`);
  await page.locator('[data-testid=application-history]').filter({ hasText: comment }).waitFor();
}

async function assertClean(page: Page, where: string) {
  const problems = await pageProblems(page, where);
  assert.deepEqual(problems, [], `${where}: no axe violation, nothing wider than the screen`);
}

export async function reviewChainWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage(wide);

  // ——— the talent: the application waits for 经济发展局 ———
  await login(page, 'talent');
  const me = (await (await page.request.get('/api/home')).json()) as { talent: { name: string } };
  const subject = me.talent.name;
  await page.goto('/applications');
  await page.locator('[data-testid=applications-table] .ant-table-row').filter({ hasText: policyTitle }).locator('[data-testid=application-link]').click();
  await page.waitForURL((url) => url.pathname.startsWith('/applications/'));
  const applicationPath = new URL(page.url()).pathname;
  await page.locator('[data-testid=application-status]').filter({ hasText: '审核中' }).waitFor();
  await page.locator('[data-testid=current-step]').waitFor();
  // the applicant is told what is missing too
  await page.locator('[data-testid=application-missing-attachments]').filter({ hasText: '劳动合同' }).waitFor();
  await shot(page, 'review-chain-1-talent-waiting');
  await logout(page);

  // ——— 经济发展局: the inbox with its column settings, the case with link, facts and the missing file; 退回补正 ———
  await login(page, 'economy');
  await page.goto('/applications');
  await page.locator('[data-testid=applications-table] .ant-table-row').filter({ hasText: policyTitle }).waitFor();
  const headers = () => page.locator('[data-testid=applications-table] thead th').allInnerTexts();
  assert.ok((await headers()).some((text) => text.includes('每期金额')), 'the amount column shows by default');
  // column settings: keyboard-opened, focus inside, a column hidden and remembered, Escape back to the button
  await page.locator('[data-testid=column-settings]').focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=column-settings-menu]').waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid=column-settings-menu]') !== null);
  await settle(page);
  await assertClean(page, 'inbox with the column settings open');
  await shot(page, 'review-chain-2-column-settings');
  await page.locator('[data-testid=column-settings-menu] [data-column=amount]').click();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'column-settings');
  assert.ok(!(await headers()).some((text) => text.includes('每期金额')), 'the amount column is hidden');
  await page.reload();
  await page.locator('[data-testid=applications-table] .ant-table-row').first().waitFor();
  assert.ok(!(await headers()).some((text) => text.includes('每期金额')), 'the choice is remembered after a reload');
  await page.locator('[data-testid=column-settings]').click();
  await page.locator('[data-testid=column-settings-reset]').click();
  await page.keyboard.press('Escape');
  assert.ok((await headers()).some((text) => text.includes('每期金额')), 'reset brings the default back');

  assert.equal(await openFromInbox(page, subject), applicationPath);
  await page.locator('[data-testid=application-missing-attachments]').filter({ hasText: '缺少必需材料：劳动合同' }).waitFor();
  const facts = page.locator('[data-testid=application-facts]');
  await facts.locator('[data-fact=industry]').waitFor();
  const factText = await facts.innerText();
  for (const label of ['在区状态', '学历', '所在产业']) assert.ok(factText.includes(label), `the facts name ${label}`);
  assert.ok(!/\b(inZone|pumpsValves|bachelor|master)\b/.test(factText), `no codes among the facts: ${factText}`);
  // approving without the file asks first; cancelled here
  await page.locator('[data-testid=review-submit]').click();
  const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '缺少必需材料' });
  await confirm.waitFor();
  await shot(page, 'review-chain-3-approve-without-file');
  await confirm.getByRole('button', { name: '取消' }).click();
  await confirm.waitFor({ state: 'detached' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await assertClean(page, 'the review page (经济发展局)');
  await shot(page, 'review-chain-4-economy-case');
  // the applicant's record, masked as usual
  const link = page.locator('[data-testid=application-subject-link]');
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await page.waitForURL((url) => url.pathname.startsWith('/talents/'));
  assert.equal(await page.locator('[data-testid=talent-detail-name]').innerText(), subject);
  assert.match(await page.locator('[data-testid=talent-id-number]').innerText(), /\*{8}/, 'the ID number is masked');
  await shot(page, 'review-chain-5-applicant-record');
  await page.goBack();
  await page.locator('[data-testid=review-form]').waitFor();
  await review(page, '退回补正', '请补充上传劳动合同扫描件。');
  await page.locator('[data-testid=application-status]').filter({ hasText: '退回补正' }).waitFor();
  await logout(page);

  // ——— the talent corrects: the missing file is asked for in the resubmission ———
  await login(page, 'talent');
  await page.goto(applicationPath);
  await page.locator('[data-testid=application-returned]').filter({ hasText: '劳动合同' }).waitFor();
  await page.locator('[data-testid=application-resubmit]').click();
  await page.locator('[data-testid=attachment-contract] input[type=file]').setInputFiles({ name: '劳动合同.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.locator('[data-testid=attachment-uploaded]').waitFor();
  await page.locator('[data-testid=apply-note]').fill('已补充劳动合同。');
  await shot(page, 'review-chain-6-talent-resubmits');
  const resubmitted = await clickFor(page, () => page.locator('[data-testid=apply-submit]').click(), (url, method) => url.endsWith('/resubmit') && method === 'POST');
  assert.equal(resubmitted.status(), 200, `the resubmission answered ${resubmitted.status()}: ${await resubmitted.text()}`);
  await page.locator('[data-testid=application-status]').filter({ hasText: '审核中' }).waitFor();
  assert.equal(await page.locator('[data-testid=application-missing-attachments]').count(), 0, 'nothing is missing any more');
  await logout(page);

  // ——— 经济发展局 approves: the contract is there, no warning ———
  await login(page, 'economy');
  await openFromInbox(page, subject);
  await page.getByText('劳动合同.pdf').waitFor();
  assert.equal(await page.locator('[data-testid=application-missing-attachments]').count(), 0);
  await review(page, '同意', '岗位属泵阀产业链，劳动合同已核对，符合条件。');
  await page.locator('[data-testid=current-step]').filter({ hasText: '财政金融局' }).waitFor().catch(() => undefined);
  await shot(page, 'review-chain-7-economy-approved');
  await logout(page);

  // ——— 财政金融局, in English: the same case, facts in English; approve ———
  const english = await newPage(wide);
  const finance = english.page;
  await finance.goto('/login');
  await finance.locator('[data-testid=language-switch]').getByText('English').click();
  await finance.locator('form#login button[type=submit]').getByText('Sign in').waitFor();
  await login(finance, 'finance');
  await finance.goto('/applications');
  const row = finance.locator('[data-testid=applications-table] .ant-table-row').filter({ hasText: policyTitle }).filter({ hasText: subject });
  await row.waitFor();
  await row.locator('[data-testid=application-link]').click();
  await finance.waitForURL((url) => url.pathname === applicationPath);
  await finance.locator('[data-testid=review-form]').waitFor();
  const englishFacts = await finance.locator('[data-testid=application-facts]').innerText();
  for (const label of ['Status', 'Education', 'Industry', 'in the zone']) assert.ok(englishFacts.includes(label), `the English facts say ${label}: ${englishFacts}`);
  assert.ok(!/[\u4e00-\u9fff]/.test(await finance.locator('[data-testid=application-facts] .ant-descriptions').innerText()), 'the facts are all in English');
  await assertClean(finance, 'the review page in English (财政金融局)');
  await shot(finance, 'review-chain-8-finance-english');
  await finance.locator('[data-testid=review-decision]').getByText('Approve', { exact: true }).click();
  await finance.locator('[data-testid=review-comment]').fill('Budget checked; approved.');
  const approved = await clickFor(finance, () => finance.locator('[data-testid=review-submit]').click(), (url, method) => url.endsWith('/review') && method === 'POST');
  assert.equal(approved.status(), 200);
  await finance.locator('[data-testid=application-status]').filter({ hasText: 'Approved' }).waitFor();
  await finance.locator('[data-testid=application-entitlements] .ant-table-row').first().waitFor();
  await shot(finance, 'review-chain-9-finance-approved');

  // ——— the talent: approved, and on the ledger ———
  await login(page, 'talent');
  await page.goto(applicationPath);
  await page.locator('[data-testid=application-status]').filter({ hasText: '已通过' }).waitFor();
  await page.locator('[data-testid=application-entitlements] .ant-table-row').first().waitFor();
  await shot(page, 'review-chain-10-talent-approved');
  await page.goto('/ledger');
  await page.locator('[data-testid=ledger-table] .ant-table-row').filter({ hasText: policyTitle }).first().waitFor();
  await assertClean(page, 'the talent’s ledger');
  await shot(page, 'review-chain-11-talent-ledger');
}
