/**
 * Browser walkthrough of the policy screens (人才政策): the office publishes a policy in the draft editor; a talent sees
 * it in the 政策计算器 with reasons and applies with an attachment; two units review (退回补正, 补正后重新提交, 会签);
 * the entitlement appears in the 兑现台账; a 拨付批次 is created and paid; the budget follows; a 免申即享 scan grants a
 * policy; a 政策模拟 shows the effect of lowering an education threshold. Called by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';

export type E2EHelpers = {
  newPage: (viewport?: { width: number; height: number }) => Promise<{ context: BrowserContext; page: Page }>;
  login: (page: Page, username: string, password?: string) => Promise<void>;
  logout: (page: Page) => Promise<void>;
  shot: (page: Page, name: string) => Promise<void>;
  settle: (page: Page) => Promise<void>;
};

const phone = { width: 390, height: 844 };
const reviewerPassword = 'Review#U03-2026';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** JSON requests as the signed-in user of the page (with the session's CSRF token). */
async function apiAs(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': me.csrfToken, 'Accept-Language': 'zh-CN' };
  return {
    get: async <T>(path: string) => {
      const response = await page.request.get(path, { headers });
      assert.equal(response.status(), 200, `GET ${path} answered ${response.status()}: ${await response.text()}`);
      return (await response.json()) as T;
    },
    post: async <T>(path: string, data?: unknown, expected = [200, 201]) => {
      const response = await page.request.post(path, { headers, data: data ?? {} });
      assert.ok(expected.includes(response.status()), `POST ${path} answered ${response.status()}: ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Waits for the answer of a request the click sends. */
async function clickFor(page: Page, click: () => Promise<void>, matches: (url: string, method: string) => boolean) {
  const [response] = await Promise.all([page.waitForResponse((candidate) => matches(candidate.url(), candidate.request().method())), click()]);
  return response;
}

type Policy = { id: string; code: string; title: string };
type Unit = { id: string; code: string; name: string };

export async function policiesWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const run = Math.random().toString(36).slice(2, 7).toUpperCase();
  const today = new Date().toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const { page } = await newPage();

  // ——— set-up through the API: a second reviewing unit's account (U03), three policies as drafts ———
  await login(page, 'sysadmin');
  const units = await (await apiAs(page)).get<Unit[]>('/api/units');
  const u03 = units.find((unit) => unit.code === 'U03')!;
  const reviewer = `e2e.u03.${run.toLowerCase()}`;
  // the server chooses a one-time password; the reviewer signs in with it and sets its own (before anything else)
  const { oneTimePassword } = await (await apiAs(page)).post<{ oneTimePassword: string }>('/api/users', { username: reviewer, displayName: `组织人事部审核员${run}`, roles: ['department'], unitId: u03.id });
  await logout(page);
  const firstSignIn = await page.request.post('/api/auth/login', { data: { username: reviewer, password: oneTimePassword } });
  assert.equal(firstSignIn.status(), 200, `first sign-in of ${reviewer}: ${await firstSignIn.text()}`);
  await (await apiAs(page)).post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: reviewerPassword });
  await page.request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken } });

  await login(page, 'office');
  const office = await apiAs(page);
  const parameters = (minEducation: number) => [
    { name: 'minEducation', label: '最低学历', kind: 'rank', fact: 'education', value: minEducation, effectiveFrom: '2026-01-01', legalReference: `阳高管发〔2026〕${run}号 第三条` },
    { name: 'monthlyAmount', label: '月补贴标准', kind: 'yuan', value: 1500, effectiveFrom: '2026-01-01', legalReference: `阳高管发〔2026〕${run}号 第四条` },
  ];
  const catalogue = (code: string, title: string, mode: 'apply' | 'automatic') => ({
    code, title, documentNo: `阳高管发〔2026〕${run}号`, summary: `${title}（端到端测试）`, category: 'livingSubsidy', target: 'talent', unit: 'U07', mode,
    budgetTotal: 2_000_000, effectiveFrom: '2026-01-01',
  });
  const pumpsRule = { and: [{ '>=': [{ var: 'education' }, { var: 'params.minEducation' }] }, { '==': [{ var: 'industry' }, 'pumpsValves'] }, { '==': [{ var: 'status' }, 'inZone'] }] };
  // A: 申请制, bachelor and above in the pump-valve industry: the demo talent (本科, 泵阀) is eligible.
  const applyPolicy = await office.post<Policy>('/api/policies', {
    policy: catalogue(`E2E-A-${run}`, `泵阀产业人才生活补贴${run}`, 'apply'),
    version: {
      eligibility: pumpsRule, amount: { var: 'params.monthlyAmount' }, periodKind: 'monthly', periods: 12,
      attachments: [{ code: 'diploma', name: '学历证书', required: true }],
      steps: [
        { name: '人社局初审', units: ['U07'], mode: 'any', workingDays: 5 },
        { name: '联合审核', units: ['U03', 'U07'], mode: 'all', workingDays: 5 },
      ],
      note: '端到端测试',
    },
    parameters: parameters(5),
  });
  // B: 免申即享, recent arrivals with a degree in the pump-valve industry (a few dozen talents, the demo talent among them).
  const automaticPolicy = await office.post<Policy>('/api/policies', {
    policy: catalogue(`E2E-B-${run}`, `泵阀新引进人才安家补贴${run}`, 'automatic'),
    version: {
      eligibility: { and: [{ '>=': [{ var: 'education' }, 5] }, { '==': [{ var: 'industry' }, 'pumpsValves'] }, { '>=': [{ var: 'arrivedOn' }, '2024-01-01'] }] },
      amount: 5000, periodKind: 'oneOff', periods: 1, attachments: [], steps: [{ name: '人社局审核', units: ['U07'], mode: 'any', workingDays: 5 }],
    },
    parameters: [],
  });
  // D: master's and above: the demo talent is not eligible (the calculator says why); simulated with a lower threshold.
  const masterPolicy = await office.post<Policy>('/api/policies', {
    policy: catalogue(`E2E-D-${run}`, `泵阀硕士人才生活补贴${run}`, 'apply'),
    version: { eligibility: pumpsRule, amount: { var: 'params.monthlyAmount' }, periodKind: 'monthly', periods: 12, attachments: [], steps: [{ name: '人社局审核', units: ['U07'], mode: 'any', workingDays: 5 }] },
    parameters: parameters(6),
  });
  await office.post(`/api/policies/${automaticPolicy.id}/publish`);
  await office.post(`/api/policies/${masterPolicy.id}/publish`);

  // ——— office: the catalogue, the draft editor (builder, live count, JSON), publish from the editor ———
  await page.goto(`/policies?q=${encodeURIComponent(run)}`);
  await page.locator('[data-testid=policies-table] .ant-table-row').filter({ hasText: applyPolicy.title }).waitFor();
  assert.equal(await page.locator('[data-testid=policies-table] .ant-table-row').count(), 3, 'the search finds the three policies of this run');
  await page.waitForLoadState('networkidle');
  await shot(page, 'policies-catalogue');
  await page.locator('[data-testid=policies-table] .ant-table-row').filter({ hasText: applyPolicy.title }).locator('[data-testid=policy-link]').click();
  await page.waitForURL((url) => url.pathname === `/policies/${applyPolicy.id}`);
  await page.locator('[data-testid=policy-draft]').waitFor();
  assert.match(await page.locator('[data-testid=draft-eligibility-text]').innerText(), /学历 不低于 参数“最低学历”（现为 本科）/);
  await page.locator('[data-testid=policy-edit-draft]').click();
  await page.waitForURL((url) => url.pathname === `/policies/${applyPolicy.id}/draft`);
  await page.locator('[data-testid=rule-builder] .rule').first().waitFor();
  assert.equal(await page.locator('[data-testid=rule-builder] .rule').count(), 3, 'the builder shows the three conditions');
  const count = page.locator('[data-testid=match-count] .ant-statistic-content-value');
  await count.waitFor();
  const matched = Number((await count.innerText()).replace(/,/g, ''));
  assert.ok(matched > 0, `the live count shows who matches (${matched})`);
  // Narrow the rule in the builder: the count follows (debounced), the JSON beside it too.
  const rules = page.locator('[data-testid=rule-builder] .rule');
  await page.locator('[data-testid=rule-builder] .ruleGroup-addRule').first().click();
  await rules.nth(3).waitFor();
  await rules.nth(3).locator('.rule-fields').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^在区年限$/ }).click();
  await settle(page);
  await rules.nth(3).locator('.rule-operators').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^大于等于$/ }).click();
  const [counted] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/policies/match-count') && JSON.stringify(response.request().postDataJSON()).includes('yearsInZone')),
    rules.nth(3).locator('.rule-value input').fill('1'),
  ]);
  assert.equal(counted.status(), 200);
  await page.locator('[data-testid=match-count]').filter({ hasText: /\d/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'policy-draft-editor');
  // A wrong JSON rule is refused by the server, named on the eligibility field.
  await page.locator('[data-testid=eligibility-mode]').getByText('JSON').click();
  const jsonField = page.locator('[data-testid=eligibility-json]');
  await jsonField.waitFor();
  const builderJson = await jsonField.inputValue();
  assert.match(builderJson, /"yearsInZone"/);
  // A malformed node is named at once, in the editor; a fact the model does not have is refused by the server, on the field.
  await jsonField.fill('{"and":[{">=":[{"var":"education"},5]},{"<":[1]}]}');
  assert.match(await page.locator('[data-testid=eligibility-json-error]').innerText(), /规则有误（and\.1\.<）/);
  await jsonField.fill('{"and":[{">=":[{"var":"education"},5]},{">=":[{"var":"monthlySalary"},8000]}]}');
  const refused = await clickFor(page, () => page.locator('[data-testid=draft-save]').click(), (url, method) => url.endsWith(`/api/policies/${applyPolicy.id}/draft`) && method === 'PUT');
  assert.equal(refused.status(), 400);
  const ruleError = page.locator('[data-testid=eligibility-error]');
  await ruleError.waitFor();
  assert.match(await ruleError.innerText(), /未定义的信息项“monthlySalary”/);
  await shot(page, 'policy-draft-rule-error');
  // Back to the builder's rule (without the extra condition: the talent must stay eligible), saved and published.
  await jsonField.fill(JSON.stringify(pumpsRule));
  await page.locator('[data-testid=draft-save-publish]').click();
  const publishButton = page.locator('.ant-modal-confirm').getByRole('button', { name: '发布' });
  await publishButton.waitFor();
  await settle(page);
  const published = await clickFor(page, () => publishButton.click(), (url, method) => url.endsWith(`/api/policies/${applyPolicy.id}/publish`) && method === 'POST');
  assert.equal(published.status(), 200);
  await page.waitForURL((url) => url.pathname === `/policies/${applyPolicy.id}`);
  await page.locator('[data-testid=policy-published]').filter({ hasText: '第 1 版' }).waitFor();
  await page.locator('[data-testid=policy-parameters]').waitFor();
  await page.waitForLoadState('networkidle');
  await shot(page, 'policy-detail-published');
  await logout(page);

  // ——— talent: the calculator with reasons; apply with the required attachment ———
  await login(page, 'talent');
  await page.locator('[data-testid=side-menu]').getByText('政策计算器').click();
  await page.waitForURL((url) => url.pathname === '/calculator');
  const eligible = page.locator(`[data-testid=calculator-item][data-policy="${applyPolicy.code}"]`);
  await eligible.waitFor();
  assert.equal(await eligible.getAttribute('data-status'), 'eligible');
  assert.match(await eligible.locator('[data-testid=calculator-amount]').innerText(), /每期 1,500 元 × 12 个月/);
  const notEligible = page.locator(`[data-testid=calculator-item][data-policy="${masterPolicy.code}"]`);
  assert.equal(await notEligible.getAttribute('data-status'), 'notEligible');
  assert.match(await notEligible.locator('[data-testid=calculator-unmet]').innerText(), /学历为本科，须为硕士研究生及以上/);
  await page.waitForLoadState('networkidle');
  await shot(page, 'calculator-talent');
  await eligible.locator('[data-testid=calculator-apply]').click();
  await page.locator('[data-testid=apply-note]').fill('本人本科毕业，在泵阀集团从事研发工作。');
  await page.locator('[data-testid=attachment-diploma] input[type=file]').setInputFiles({ name: '学历证书.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.locator('[data-testid=attachment-uploaded]').waitFor();
  await shot(page, 'calculator-apply');
  const submitted = await clickFor(page, () => page.locator('[data-testid=apply-submit]').click(), (url, method) => url.endsWith('/api/applications') && method === 'POST');
  assert.equal(submitted.status(), 201);
  await page.waitForURL((url) => url.pathname.startsWith('/applications/'));
  const applicationPath = new URL(page.url()).pathname;
  await page.locator('[data-testid=application-status]').filter({ hasText: '审核中' }).waitFor();
  await page.locator('[data-testid=current-step]').waitFor();
  await logout(page);

  // The calculator on a phone: one column, nothing wider than the screen.
  {
    const { page: small } = await newPage(phone);
    await login(small, 'talent');
    await small.goto('/calculator');
    await small.locator(`[data-testid=calculator-item][data-policy="${masterPolicy.code}"]`).waitFor();
    await small.waitForLoadState('networkidle');
    assert.ok((await pageWidth(small)) <= phone.width, `the calculator is ${await pageWidth(small)} px wide on a phone`);
    await shot(small, 'phone-calculator');
  }

  // ——— U07 returns it for correction; the talent corrects and resubmits; U07 approves; U03 and U07 co-sign (会签) ———
  const review = async (username: string, password: string | undefined, decision: '同意' | '退回补正', comment: string) => {
    await login(page, username, password);
    await page.locator('[data-testid=side-menu]').getByText('政策申请').click();
    await page.waitForURL((url) => url.pathname === '/applications');
    const row = page.locator('[data-testid=applications-table] .ant-table-row').filter({ hasText: applyPolicy.title });
    await row.waitFor();
    await row.locator('[data-testid=application-link]').click();
    await page.waitForURL((url) => url.pathname === applicationPath);
    await page.locator('[data-testid=review-form]').waitFor();
    await page.locator('[data-testid=review-decision]').getByText(decision, { exact: true }).click();
    await page.locator('[data-testid=review-comment]').fill(comment);
    await page.locator('[data-testid=review-internal-note]').fill(`内部：${username} 已核对`);
    const answer = await clickFor(page, () => page.locator('[data-testid=review-submit]').click(), (url, method) => url.endsWith('/review') && method === 'POST');
    assert.equal(answer.status(), 200, `${username}'s review answered ${answer.status()}`);
    await page.locator('[data-testid=application-history]').filter({ hasText: comment }).waitFor();
  };

  await review('department', undefined, '退回补正', '学历证书不清晰，请重新上传清晰的扫描件。');
  await page.locator('[data-testid=application-status]').filter({ hasText: '退回补正' }).waitFor();
  await page.locator('[data-testid=application-history]').filter({ hasText: '内部：department 已核对' }).waitFor();
  await shot(page, 'application-returned-reviewer');
  await logout(page);

  await login(page, 'talent');
  // the bell says so, and leads to the application
  await page.locator('[data-testid=notification-count] .ant-badge-count').waitFor();
  await page.locator('[data-testid=notification-bell]').click();
  await page.locator('[data-testid=notification-list]').waitFor();
  const notice = page.locator('[data-testid=notification-item]').filter({ hasText: '申请被退回补正' }).filter({ hasText: applyPolicy.title });
  await notice.waitFor();
  await settle(page);
  await shot(page, 'notifications-talent');
  await notice.click();
  await page.waitForURL((url) => url.pathname === applicationPath);
  await page.locator('[data-testid=application-returned]').filter({ hasText: '学历证书不清晰' }).waitFor();
  assert.equal(await page.locator('[data-testid=application-history]').filter({ hasText: '内部：' }).count(), 0, 'the applicant does not see internal notes');
  await page.locator('[data-testid=application-resubmit]').click();
  await page.locator('[data-testid=apply-note]').fill('已重新上传清晰的学历证书扫描件。');
  const resubmitted = await clickFor(page, () => page.locator('[data-testid=apply-submit]').click(), (url, method) => url.endsWith('/resubmit') && method === 'POST');
  assert.equal(resubmitted.status(), 200);
  await page.locator('[data-testid=application-status]').filter({ hasText: '审核中' }).waitFor();
  await logout(page);

  await review('department', undefined, '同意', '初审通过。');
  await logout(page);
  await review(reviewer, reviewerPassword, '同意', '联合审核：同意。');
  // 会签: one unit's approval is not enough; the step waits for U07
  await page.locator('[data-testid=current-step]').filter({ hasText: '已同意' }).waitFor();
  await logout(page);
  await review('department', undefined, '同意', '联合审核：同意。');
  await page.locator('[data-testid=application-status]').filter({ hasText: '已通过' }).waitFor();
  const entitlementRows = page.locator('[data-testid=application-entitlements] .ant-table-row');
  await entitlementRows.first().waitFor();
  assert.equal(await entitlementRows.count(), 12, 'twelve monthly entitlements');
  await page.waitForLoadState('networkidle');
  await shot(page, 'application-approved');
  await logout(page);

  // ——— office: the ledger, a batch for this month, paid; the budget follows ———
  await login(page, 'office');
  await page.goto(`/ledger?policyId=${applyPolicy.id}`);
  await page.locator('[data-testid=ledger-table] .ant-table-row').first().waitFor();
  assert.match(await page.locator('[data-testid=ledger-sums]').innerText(), /合计 18,000 元，已拨付 0 元/);
  await page.goto(`/policies/${applyPolicy.id}`);
  const committedBefore = await page.locator('[data-testid=policy-budget-committed] .ant-statistic-content-value').innerText();
  assert.equal(committedBefore.replace(/,/g, ''), '18000');
  await page.locator('[data-testid=policy-create-batch]').click();
  const periodField = page.locator('#batch-form_period');
  await periodField.waitFor();
  assert.equal(await periodField.inputValue(), month);
  const created = await clickFor(page, () => page.locator('[data-testid=batch-create-submit]').click(), (url, method) => url.endsWith(`/api/policies/${applyPolicy.id}/batches`) && method === 'POST');
  assert.equal(created.status(), 200);
  assert.ok((created.request().headers()['idempotency-key'] ?? '').length >= 8, 'the batch request carries an Idempotency-Key');
  await page.waitForURL((url) => url.pathname.startsWith('/batches/'));
  assert.match(await page.locator('[data-testid=batch-control]').innerText(), /1 笔 \/ 1,500 元/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=batch-export]').click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  await page.locator('[data-testid=batch-payments] .ant-table-thead .ant-checkbox-input').check();
  const paid = await clickFor(page, () => page.locator('[data-testid=batch-mark-paid]').click(), (url, method) => url.endsWith('/payments') && method === 'POST');
  assert.equal(paid.status(), 200);
  await page.locator('[data-testid=batch-payments] [data-status=paid]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await shot(page, 'batch-paid');
  await page.goto(`/ledger?policyId=${applyPolicy.id}&status=paid`);
  await page.locator('[data-testid=ledger-table] .ant-table-row').first().waitFor();
  assert.match(await page.locator('[data-testid=ledger-sums]').innerText(), /合计 1,500 元，已拨付 1,500 元/);
  await page.goto(`/policies/${applyPolicy.id}`);
  await page.locator('[data-testid=policy-budget-paid] .ant-statistic-content-value').filter({ hasText: '1,500' }).waitFor();
  assert.equal((await page.locator('[data-testid=policy-budget-remaining] .ant-statistic-content-value').innerText()).replace(/,/g, ''), String(2_000_000 - 18_000));

  // ——— 免申即享: the office scans the automatic policy; entitlements pending its confirmation ———
  await page.goto(`/policies/${automaticPolicy.id}`);
  await page.locator('[data-testid=policy-scan]').click();
  const scanned = await clickFor(page, () => page.locator('[data-testid=scan-submit]').click(), (url, method) => url.endsWith(`/api/policies/${automaticPolicy.id}/scan`) && method === 'POST');
  assert.equal(scanned.status(), 200);
  const scan = (await scanned.json()) as { eligible: number; granted: number };
  assert.ok(scan.granted > 0, `the scan granted the policy to ${scan.granted} talents`);
  await page.locator('[data-testid=scan-result]').waitFor();
  await shot(page, 'policy-scan');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=policy-scans] .ant-table-row').first().waitFor();
  await page.goto(`/ledger?policyId=${automaticPolicy.id}&status=pending`);
  await page.locator('[data-testid=ledger-table] .ant-table-row').first().waitFor();
  await page.locator('[data-testid=ledger-table] .ant-table-thead .ant-checkbox-input').check();
  const confirmed = await clickFor(page, () => page.locator('[data-testid=ledger-confirm]').click(), (url, method) => url.endsWith('/api/entitlements/confirm') && method === 'POST');
  assert.equal(confirmed.status(), 200);
  await page.waitForLoadState('networkidle');
  await shot(page, 'ledger-office');
  await logout(page);

  // The talent sees 已为您免申兑现 and may decline it.
  await login(page, 'talent');
  await page.locator('[data-testid=side-menu]').getByText('兑现台账').click();
  await page.waitForURL((url) => url.pathname === '/ledger');
  const granted = page.locator('[data-testid=ledger-table] .ant-table-row').filter({ hasText: automaticPolicy.title });
  await granted.filter({ hasText: '已为您免申兑现' }).waitFor();
  await page.waitForLoadState('networkidle');
  await shot(page, 'ledger-talent');
  await granted.locator('[data-testid=entitlement-decline]').click();
  const declineButton = page.locator('.ant-modal-confirm').getByRole('button', { name: '放弃' });
  await declineButton.waitFor();
  await settle(page);
  const declined = await clickFor(page, () => declineButton.click(), (url, method) => url.endsWith('/decline') && method === 'POST');
  assert.equal(declined.status(), 200);
  await granted.filter({ hasText: '已放弃' }).waitFor();
  await logout(page);

  // ——— 政策模拟: lowering the education threshold of the master's policy to 本科 ———
  await login(page, 'office');
  await page.goto(`/policies/${masterPolicy.id}`);
  await page.locator('[data-testid=policy-simulate]').click();
  await page.waitForURL((url) => url.pathname === `/policies/${masterPolicy.id}/simulate`);
  const simulate = async (name: string, education: string | null) => {
    await page.locator('[data-testid=simulation-name]').fill(name);
    if (education) {
      await page.locator('[data-testid=simulation-param-minEducation]').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${education}$`) }).click();
    }
    const answer = await clickFor(page, () => page.locator('[data-testid=simulation-run]').click(), (url, method) => url.endsWith('/simulations') && method === 'POST');
    assert.equal(answer.status(), 201);
    return (await answer.json()) as { result: { baseline: { eligible: number }; variant: { eligible: number }; newlyEligible: { count: number } } };
  };
  const lowered = await simulate('学历门槛降至本科', '本科');
  assert.ok(lowered.result.variant.eligible > lowered.result.baseline.eligible, 'lowering the threshold makes more talents eligible');
  assert.equal(lowered.result.newlyEligible.count, lowered.result.variant.eligible - lowered.result.baseline.eligible);
  await page.locator('[data-testid=simulation-newly] .ant-statistic-content-value').filter({ hasText: String(lowered.result.newlyEligible.count) }).waitFor();
  await page.locator('[data-testid=simulation-result]').getByRole('tab', { name: '按学历' }).click();
  assert.match(await page.locator('[data-testid=simulation-breakdown-education]').innerText(), /本科/);
  await page.waitForLoadState('networkidle');
  await shot(page, 'simulation-result');
  await simulate('学历门槛降至大专', '大专');
  await page.locator('[data-testid=simulation-runs] .ant-table-row').nth(1).waitFor();
  for (const index of [0, 1]) await page.locator('[data-testid=simulation-runs] .ant-table-row').nth(index).locator('.ant-checkbox-input').check();
  await page.locator('[data-testid=simulation-compare]').waitFor();
  await page.locator('[data-testid=simulation-compare]').scrollIntoViewIfNeeded();
  await shot(page, 'simulation-compare');
}
