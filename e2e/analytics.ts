/**
 * Browser walkthrough of the maps (issue 15): the office opens 产业地图 — the shortage index with its method, the chains,
 * the history line; posts a demand in a post type and fills it (through the API), and the index on the page changes;
 * opens 人才地图 — the distribution, the flows and the China map draw (screenshots, Chinese text); asks
 * 近一年离开的博士 and sees the chips 时间, 状态：已离开, 学历：博士研究生; then the English menu names. Called by e2e/run.ts.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2EHelpers } from './policies';

async function apiAs(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': me.csrfToken, 'Accept-Language': 'zh-CN' };
  return {
    get: async <T>(path: string) => (await (await page.request.get(path, { headers })).json()) as T,
    post: async <T>(path: string, data: unknown) => {
      const response = await page.request.post(path, { headers, data });
      assert.ok([200, 201].includes(response.status()), `POST ${path} answered ${response.status()}: ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

/** A canvas has drawn something: some pixel is not blank. */
const drawn = (page: Page, testId: string) =>
  page.waitForFunction((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"] canvas`);
    if (!canvas || !canvas.width) return false;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!data) return false;
    for (let at = 3; at < data.length; at += 4 * 13) if (data[at] > 0) return true;
    return false;
  }, testId, { timeout: 60_000 });

export async function analyticsWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  await login(page, 'office');
  const office = await apiAs(page);
  await page.locator('[data-testid=side-menu]').getByText('产业地图').click();
  await page.locator('[data-testid=shortage-method]').waitFor();
  await drawn(page, 'shortage-chart-canvas');
  await page.locator('[data-testid=chain-card]').first().waitFor();
  await settle(page);
  await shot(page, 'analytics-industry-map');

  // a demand posted and filled: the index of its post type moves on the page
  const enterprises = await office.get<{ items: { id: string }[] }>('/api/enterprises?pageSize=1');
  const tag = page.locator('[data-testid=shortage-management]');
  const before = await tag.innerText();
  const demand = await office.post<{ id: string }>('/api/demands', {
    enterpriseId: enterprises.items[0].id, post: '企业管理专员', industry: 'modernServices', chainSegment: null, discipline: 'management', education: 'bachelor', title: null, minYears: 0,
    skills: [], headcount: 40, salaryBand: null, urgency: 'urgent', deadline: '2027-06-30',
  });
  await page.reload();
  await tag.waitFor();
  const posted = await tag.innerText();
  assert.notEqual(posted, before, `posting 40 open posts moves the index (${before} → ${posted})`);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await office.post(`/api/demands/${demand.id}/fills`, { channel: 'ownHiring', count: 40, filledOn: today });
  await page.reload();
  await tag.waitFor();
  await page.waitForFunction(([selector, previous]) => document.querySelector(selector)?.textContent !== previous, ['[data-testid=shortage-management]', posted] as const);
  await shot(page, 'analytics-shortage-after-fill');

  // the talent map
  await page.locator('[data-testid=side-menu]').getByText('人才地图').click();
  await drawn(page, 'distribution-chart-canvas');
  await drawn(page, 'flows-chart-canvas');
  await drawn(page, 'china-map-canvas');
  await settle(page);
  await shot(page, 'analytics-talent-map');
  await page.locator('[data-testid=china-map]').getByRole('button', { name: '查看数据表' }).click();
  await page.locator('[data-testid=china-map] table').waitFor();

  // ask in words
  await page.locator('[data-testid=ask-input] input').fill('近一年离开的博士');
  await page.locator('[data-testid=ask-input] input').press('Enter');
  const chips = page.locator('[data-testid=ask-chip]');
  await chips.nth(2).waitFor();
  const texts = await chips.allInnerTexts();
  assert.equal(texts.length, 3, `three chips: ${texts.join(' | ')}`);
  assert.ok(texts[0].includes('时间') && texts[0].includes('12'), texts[0]);
  assert.ok(texts[1].includes('已离开'), texts[1]);
  assert.ok(texts[2].includes('博士研究生'), texts[2]);
  await page.locator('[data-testid=ask-total]').waitFor();
  await shot(page, 'analytics-ask');
  await logout(page);
}
