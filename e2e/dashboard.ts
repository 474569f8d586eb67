/**
 * Browser walkthrough of the zone dashboard: the office opens 数据看板 for a year, clicks three figures (硕士, 博士,
 * 离开人才) and each list's total — read from the list's own API answer — equals the figure; the same page in English;
 * the 数据大屏 at 1920×1080 fits without scrolling; the report downloads. Called by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { E2EHelpers } from './policies';

export async function dashboardWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  await login(page, 'office');
  await page.locator('[data-testid=side-menu]').getByText('数据看板').click();
  const period = '2025';
  await page.goto(`/dashboard?period=${period}`);
  for (const code of ['masters', 'doctorates', 'departures']) {
    const card = page.locator(`[data-testid=figure-${code}]`);
    await card.waitFor();
    const shown = Number((await card.locator('[data-testid=figure-value]').innerText()).replace(/[^\d-]/g, ''));
    const answer = page.waitForResponse((response) => response.url().includes('/api/talents?') && response.request().method() === 'GET');
    await card.locator('[data-testid=figure-link]').click();
    const list = (await (await answer).json()) as { total: number };
    assert.equal(list.total, shown, `${code}: the list holds the figure's records`);
    await shot(page, `dashboard-list-${code}`);
    await page.goBack();
  }
  // the definition opens from the keyboard
  await page.locator('[data-testid=figure-masters] button').first().focus();
  await page.keyboard.press('Enter');
  await page.locator('.ant-popover:visible').getByText('最高学历为硕士').waitFor();
  await page.keyboard.press('Escape');
  await settle(page);
  await shot(page, 'dashboard-zh');
  // the report downloads
  const download = page.waitForEvent('download');
  await page.locator('[data-testid=report-download]').click();
  assert.match((await download).suggestedFilename(), /\.xlsx$/);
  // English
  await page.locator('header [data-testid=language-switch]').getByText('English').click();
  await page.locator('[data-testid=figure-masters]').getByText("Master's graduates brought in").waitFor();
  await shot(page, 'dashboard-en');
  await page.locator('header [data-testid=language-switch]').getByText('中文').click();
  await logout(page);

  // the 数据大屏: 1920×1080, no scrolling
  const screen = await newPage({ width: 1920, height: 1080 });
  await login(screen.page, 'leader');
  await screen.page.goto('/dashboard/screen');
  await screen.page.locator('[data-testid=dashboard-screen] svg').first().waitFor();
  await settle(screen.page);
  const overflow = await screen.page.evaluate(() => {
    const frame = document.querySelector('[data-testid=dashboard-screen]') as HTMLElement;
    return { page: document.documentElement.scrollHeight - window.innerHeight, frame: frame.scrollHeight - frame.clientHeight };
  });
  assert.ok(overflow.page <= 0 && overflow.frame <= 0, `the screen fits 1920×1080 (${JSON.stringify(overflow)})`);
  await shot(screen.page, 'dashboard-screen');
  // the screen covers the frame: 退出大屏 leads back to the dashboard, whose header has the user menu
  await screen.page.getByRole('link', { name: '退出大屏' }).click();
  await screen.page.locator('[data-testid=figure-masters]').waitFor();
  await logout(screen.page);
}
