/**
 * Browser walkthrough of retention (留才): the demo leader opens 我联系的人才, finds a high-risk talent with its reasons
 * in words, logs a visit that raises a problem (it becomes a service request, shown on the pair with its status); the
 * office records a departure and the month's outflow goes up; the back-test tab shows the model's capture rates against
 * the baseline. Called by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { E2EHelpers } from './policies';

export async function retentionWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  await login(page, 'leader');
  await page.locator('[data-testid=side-menu]').getByText('我联系的人才').click();
  const pairs = (await (await page.request.get('/api/liaison/pairs')).json()) as { id: string; talent: { name: string }; risk: { score: number; highRisk: boolean } }[];
  assert.ok(pairs.length > 0, 'the demo leader has paired talents');
  const riskiest = [...pairs].sort((a, b) => b.risk.score - a.risk.score)[0];
  assert.ok(riskiest.risk.score > 0, `a paired talent carries risk (${riskiest.risk.score})`);
  await page.locator(`[data-testid="open-pair-${riskiest.talent.name}"]`).first().click();
  const drawer = page.locator('[data-testid=pair-drawer]');
  await drawer.locator('[data-testid=risk-reasons] li').first().waitFor();
  await shot(page, 'retention-pair');
  // a visit that raises a problem
  await drawer.locator('[data-testid=visit-category]').click();
  await page.locator('.ant-select-dropdown:visible').getByText('配偶安置', { exact: true }).click();
  await drawer.locator('[data-testid=visit-problem]').fill('配偶工作安置');
  await drawer.locator('[data-testid=visit-save]').click();
  await drawer.locator('[data-testid=visit-problem-row]').filter({ hasText: '配偶工作安置' }).first().waitFor();
  assert.ok((await drawer.locator('[data-testid=visit-problem-row]').filter({ hasText: '办理中' }).count()) > 0, 'the problem is a service request in progress');
  await shot(page, 'retention-visit');
  // the drawer covers the account menu: closed first
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  await logout(page);

  // the office records a departure; the month's outflow goes up
  await login(page, 'office');
  await page.locator('[data-testid=side-menu]').getByText('留才与外流').click();
  await page.getByRole('tab', { name: '人才外流' }).click();
  const outflow = page.locator('[data-testid=outflow-current]');
  await outflow.waitFor();
  await settle(page);
  const before = Number((await outflow.locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''));
  const talents = (await (await page.request.get('/api/talents', { params: { status: 'inZone', pageSize: 1 } })).json()) as { items: { name: string }[] };
  const name = talents.items[0].name;
  await page.locator('[data-testid=departure-talent]').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await page.locator('[data-testid=departure-reasons]').getByText('薪酬待遇').click();
  await page.locator('[data-testid=departure-save]').click();
  await page.getByText('已登记，人才状态已改为已离区').waitFor();
  await page.waitForFunction(
    ([selector, previous]) => Number((document.querySelector(selector)?.textContent ?? '').replace(/\D/g, '')) === Number(previous) + 1,
    ['[data-testid=outflow-current] .ant-statistic-content-value', String(before)] as const,
  );
  await shot(page, 'retention-departures');

  // the back-test
  await page.getByRole('tab', { name: '历史回测' }).click();
  await page.locator('[data-testid=backtest-model-capture]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=backtest-baseline-capture]').waitFor();
  await shot(page, 'retention-backtest');
  await logout(page);
}
