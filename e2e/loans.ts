/**
 * Browser walkthrough of start-up guaranteed loans (创业担保贷款): the demo talent applies in the dialog; a demo loan
 * waiting for 受理 is accepted by 人社局 (the department account), then 财政金融局 (the finance account) records the bank's
 * approval (an amount over the one applied for is refused on its field first), the disbursement and 贴息 — the subsidy
 * appears with its basis in words and on the ledger as LOAN entitlements linked to the loan; the office reads 贷款统计
 * (the tile equals the API's total); the loan page in English. Called by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2EHelpers } from './policies';

const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function choose(page: Page, select: string, option: string, settle: (page: Page) => Promise<void>) {
  await page.locator(select).click();
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  await item.waitFor();
  await settle(page);
  await item.click();
}

/** Submits the stage form of the loan page (approve by default) and waits for the answer. */
async function submitStage(page: Page, id: string) {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith(`/api/loans/${id}/stage`) && candidate.request().method() === 'POST'),
    page.locator('[data-testid=stage-submit]').click(),
  ]);
  return response;
}

export async function loansWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });

  // the demo talent applies
  await login(page, 'talent');
  await page.locator('[data-testid=side-menu]').getByText('创业担保贷款').click();
  await page.locator('[data-testid=loan-apply]').click();
  await choose(page, '#apply-loan_bankCode', '山西银行阳泉分行', settle);
  await choose(page, '#apply-loan_guarantorCode', '阳泉市融资担保有限责任公司', settle);
  await page.locator('#apply-loan_loanAmount').fill('150000');
  await page.locator('#apply-loan_purpose').fill('创办工业设计工作室，购置三维打印设备');
  await shot(page, 'loan-apply');
  await page.locator('[data-testid=loan-apply-submit]').click();
  await page.waitForURL(/\/loans\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid=loan-stages]').waitFor();
  assert.ok((await page.locator('[data-testid=loan-stages] .ant-steps-item-process').innerText()).includes('受理'), 'a new loan waits for 受理');
  await shot(page, 'loan-applied');
  await logout(page);

  // 人社局 accepts a demo loan waiting for 受理 (the oldest: the talent's own is the newest)
  await login(page, 'department');
  const waiting = (await (await page.request.get('/api/loans?stage=accept&applicantKind=talent&pageSize=50')).json()) as { items: { id: string; applicant: { name: string }; loanAmount: number }[] };
  const loan = waiting.items.at(-1)!;
  await page.goto(`/loans/${loan.id}`);
  await page.locator('[data-testid=loan-stage-form]').waitFor();
  await page.locator('[data-testid=stage-comment]').fill('材料齐全，予以受理');
  assert.equal((await submitStage(page, loan.id)).status(), 200);
  await page.locator('[data-testid=loan-stage-form]').waitFor({ state: 'detached' });
  await logout(page);

  // 财政金融局: the bank's approval (a field error first), the disbursement, 贴息
  await login(page, 'finance');
  await page.goto(`/loans/${loan.id}`);
  await page.locator('[data-testid=loan-stage-form]').getByText('银行审批').first().waitFor();
  await page.locator('#loan-stage_data_approvedAmount').fill(String(loan.loanAmount + 100_000));
  await page.locator('#loan-stage_data_bankReference').fill('SXB-2026-0815');
  assert.equal((await submitStage(page, loan.id)).status(), 400);
  const fieldError = page.locator('.ant-form-item-explain-error', { hasText: '不能超过申请金额' });
  await fieldError.waitFor();
  await shot(page, 'loan-stage-field-error');
  await page.locator('#loan-stage_data_approvedAmount').fill(String(loan.loanAmount));
  assert.equal((await submitStage(page, loan.id)).status(), 200);
  await page.locator('[data-testid=loan-stage-form]').getByText('放款').first().waitFor();
  await page.locator('#loan-stage_data_disbursedAmount').fill(String(loan.loanAmount));
  await page.locator('#loan-stage_data_disbursedOn').click();
  await page.locator('#loan-stage_data_disbursedOn').fill(beijingToday());
  await page.locator('#loan-stage_data_disbursedOn').press('Tab');
  assert.equal((await submitStage(page, loan.id)).status(), 200);
  await page.locator('[data-testid=loan-stage-form]').getByText('贴息').first().waitFor();
  assert.equal((await submitStage(page, loan.id)).status(), 200);
  const basis = page.locator('[data-testid=loan-subsidy-basis]');
  await basis.waitFor();
  assert.match(await basis.innerText(), /贷款余额 [\d,]+ 元 × 贴息利率 [\d.]+% = [\d,]+ 元\/年/);
  await shot(page, 'loan-subsidy');

  // the subsidy on the ledger: LOAN entitlements of this year, the row naming the loan
  const policies = (await (await page.request.get('/api/policies?pageSize=100')).json()) as { items: { id: string; code: string }[] };
  const loanPolicy = policies.items.find((policy) => policy.code === 'LOAN')!;
  await page.goto(`/ledger?policyId=${loanPolicy.id}&period=${beijingToday().slice(0, 4)}&status=scheduled&pageSize=100`);
  const ledgerLink = page.locator(`[data-testid=ledger-loan][href="/loans/${loan.id}"]`);
  await ledgerLink.waitFor();
  assert.ok((await ledgerLink.innerText()).includes('山西银行') || (await ledgerLink.innerText()).includes('银行'), 'the ledger row names the loan’s bank');
  await ledgerLink.scrollIntoViewIfNeeded();
  await shot(page, 'loan-ledger');
  await logout(page);

  // the office: 贷款统计 agrees with the API
  await login(page, 'office');
  await page.locator('[data-testid=side-menu]').getByText('贷款统计').click();
  await page.locator('[data-testid=totals-by-bank] .ant-table-row').first().waitFor();
  const totals = (await (await page.request.get('/api/loans/totals')).json()) as { total: { amount: number; count: number }; byYear: unknown[] };
  await settle(page);
  const tile = (await page.locator('[data-testid=totals-amount] .ant-statistic-content-value').innerText()).replace(/,/g, '').trim();
  assert.equal(tile, String(totals.total.amount));
  assert.equal(await page.locator('[data-testid=totals-by-year] .ant-table-row').count(), totals.byYear.length);
  await shot(page, 'loan-totals');
  await logout(page);

  // the loan page in English
  const english = await newPage({ width: 1440, height: 900 });
  await english.page.addInitScript(() => window.localStorage.setItem('talentzone.language', 'en-US'));
  await english.page.goto('/login');
  await login(english.page, 'finance');
  await english.page.goto(`/loans/${loan.id}`);
  await english.page.locator('[data-testid=loan-subsidy-basis]').waitFor();
  assert.match(await english.page.locator('[data-testid=loan-subsidy-basis]').innerText(), /Balance ¥[\d,]+ × subsidy rate/);
  await english.page.getByText('Interest subsidy').first().waitFor();
  await shot(english.page, 'loan-english');
}
