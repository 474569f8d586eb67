/**
 * Browser walkthrough of selections (评选): 泵阀集团's HR nominates one of its staff for this year's 科技创新企业家评选; the
 * office checks eligibility by the policy's rule (the reasons shown) and starts the review; the 科技创新局 account, on
 * the panel, scores the nominee; the office records the named experts' paper scores and starts the 公示 (ranked, the
 * places selected, the end on the working-day calendar). A 公示 runs seven working days, so the last step is read on
 * last year's finished call: a selected talent's profile shows the honour (zh-CN and en-US). The completion itself
 * (honour written, event, notices) is covered with a clock by selections.test.ts. Called by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2EHelpers } from './policies';

const confirmModal = async (page: Page) => page.locator('.ant-modal-confirm .ant-btn-primary').click();

async function api(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': me.csrfToken };
  return {
    get: async <T>(path: string) => {
      const response = await page.request.get(path, { headers });
      assert.ok(response.ok(), `GET ${path}: ${response.status()}`);
      return (await response.json()) as T;
    },
    post: async <T>(path: string, data: unknown) => {
      const response = await page.request.post(path, { headers, data });
      assert.ok(response.ok(), `POST ${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

type Detail = {
  id: string; title: string; status: string; version: number; experts: { id: string; userId: string | null }[];
  nominations: { id: string; talent: { id: string; name: string }; status: string; abstaining: string[] }[];
};

export async function selectionsWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  await login(page, 'enterprise');
  let calls = await (await api(page)).get<{ items: { id: string; title: string; status: string }[] }>('/api/selections?status=nominating');
  const open = calls.items[0];
  assert.ok(open, 'this year’s call takes nominations');
  // a staff member the TITLE rule finds eligible (副高级 and over, two years in the zone), with a name that finds only them
  const staff = await (await api(page)).get<{ items: { id: string; name: string }[] }>('/api/talents?status=inZone&pageSize=100&sort=name');
  const names = staff.items.map((talent) => talent.name);
  let chosen: { id: string; name: string } | undefined;
  for (const talent of staff.items.filter((item) => names.filter((name) => name === item.name).length === 1)) {
    const answer = await (await api(page)).get<{ items: { policy: { code: string }; status: string }[] }>(`/api/calculator?target=talent&subjectId=${talent.id}`);
    if (answer.items.find((item) => item.policy.code === 'TITLE')?.status === 'eligible') { chosen = talent; break; }
  }
  assert.ok(chosen, 'an eligible staff member of 泵阀集团');

  await page.locator('[data-testid=side-menu]').getByText('评选表彰').click();
  await page.getByRole('link', { name: open.title }).click();
  await page.locator('[data-testid=selection-nominate]').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('#selection-nominate_talentId').fill(chosen.name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: chosen.name }).first().click();
  await dialog.locator('[data-testid=selection-reason]').fill('主持研发新型节能泵阀，成果转化年产值过亿元');
  await page.locator('[data-testid=selection-nominate-submit]').click();
  await page.getByText('已提交推荐').waitFor();
  const own = page.locator('.ant-table-row').filter({ hasText: chosen.name });
  await own.getByText('待核验').waitFor();
  // the enterprise sees only its own nominations: the units' demo nominations are not listed
  assert.equal(await page.locator('.ant-table-row').count(), 1, 'only the enterprise’s own nomination');
  await settle(page);
  await shot(page, 'selection-enterprise');
  await logout(page);

  // the office checks eligibility by the rule and starts the review
  await login(page, 'office');
  await page.goto(`/selections/${open.id}`);
  await page.locator('[data-testid=selection-check]').click();
  await page.getByText('资格已核验').waitFor();
  const row = page.locator('.ant-table-row').filter({ hasText: chosen.name });
  await row.getByText('符合条件').waitFor();
  await row.locator('[data-testid=nomination-status]').hover();
  await page.locator('.ant-popover').getByText('符合').first().waitFor();
  await settle(page);
  await shot(page, 'selection-eligibility');
  await page.locator('[data-testid=selection-advance]').click();
  await confirmModal(page);
  await page.locator('[data-testid=selection-status]').getByText('评审中').waitFor();
  await logout(page);

  // the expert on the panel (科技创新局) scores the nominee
  await login(page, 'science');
  await page.goto(`/selections/${open.id}`);
  await page.locator('.ant-table-row').filter({ hasText: chosen.name }).locator('[data-testid=nomination-score]').click();
  await page.locator('#selection-score_score').fill('95');
  await page.locator('[data-testid=selection-score-opinion]').fill('创新成果突出，示范带动作用强');
  await page.locator('[data-testid=selection-score-submit]').click();
  await page.getByText('评分已记录').waitFor();
  await page.locator('.ant-table-row').filter({ hasText: chosen.name }).getByText('我的评分 95').waitFor();
  await logout(page);

  // the office records one paper score on screen, the rest of the panel's through the API, and starts the 公示
  await login(page, 'office');
  await page.goto(`/selections/${open.id}`);
  let detail = await (await api(page)).get<Detail>(`/api/selections/${open.id}`);
  const named = detail.experts.filter((expert) => !expert.userId);
  const mineRow = detail.nominations.find((nomination) => nomination.talent.id === chosen!.id)!;
  const first = named.find((expert) => !mineRow.abstaining.includes(expert.id))!;
  await page.locator('.ant-table-row').filter({ hasText: chosen.name }).locator('[data-testid=nomination-score]').click();
  // the expert picked from the list (again if a click landed while the list was still opening)
  const expertSelect = page.locator('[data-testid=selection-score-expert]');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await expertSelect.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    const expertName = (await option.getAttribute('title')) ?? (await option.innerText());
    await option.click();
    const picked = await expertSelect.filter({ hasText: expertName }).waitFor({ timeout: 3_000 }).then(() => true, () => false);
    if (picked) break;
  }
  await page.locator('#selection-score_score').fill('92');
  await page.locator('[data-testid=selection-score-opinion]').fill('符合评选条件，业绩突出');
  await page.locator('[data-testid=selection-score-submit]').click();
  await page.getByText('评分已记录').waitFor();
  const client = await api(page);
  for (const nomination of detail.nominations.filter((item) => item.status === 'eligible')) {
    for (const expert of detail.experts.filter((item) => !nomination.abstaining.includes(item.id))) {
      // the panel's user expert scores as itself (below); the first named expert's score of the nominee was entered on screen
      if (expert.userId || (nomination.id === mineRow.id && expert.id === first.id)) continue;
      await client.post(`/api/selections/nominations/${nomination.id}/scores`, { expertId: expert.id, score: nomination.id === mineRow.id ? 93 : 80, opinion: '符合评选条件' });
    }
  }
  detail = await client.get<Detail>(`/api/selections/${open.id}`);
  const unscored = detail.nominations.filter((item) => item.status === 'eligible' && item.id !== mineRow.id && !item.abstaining.includes(detail.experts.find((expert) => expert.userId)!.id));
  if (unscored.length) {
    // the demo's other eligible nominees still wait for the 科技创新局 expert: it scores them
    await logout(page);
    await login(page, 'science');
    const expert = await api(page);
    for (const nomination of unscored) await expert.post(`/api/selections/nominations/${nomination.id}/scores`, { score: 78, opinion: '符合条件' });
    await logout(page);
    await login(page, 'office');
    await page.goto(`/selections/${open.id}`);
  } else {
    await page.reload();
  }
  await page.locator('[data-testid=selection-advance]').click();
  await confirmModal(page);
  await page.locator('[data-testid=selection-status]').getByText('公示中').waitFor();
  await page.locator('.ant-table-row').filter({ hasText: chosen.name }).getByText('入选').waitFor();
  assert.match(await page.locator('.ant-descriptions').first().innerText(), /公示期满/);
  await settle(page);
  await shot(page, 'selection-publicity');

  // last year's call finished: a selected talent's profile shows the honour, in Chinese and in English
  calls = await (await api(page)).get<{ items: { id: string; title: string; status: string }[] }>('/api/selections?status=completed');
  const finished = await (await api(page)).get<Detail>(`/api/selections/${calls.items[0].id}`);
  const honoured = finished.nominations.find((item) => item.status === 'selected')!;
  await page.goto(`/talents/${honoured.talent.id}?tab=honours`);
  await page.locator('[data-testid=talent-tabs]').getByRole('tab', { name: '荣誉' }).click();
  await page.locator('[data-testid=talent-honours]').getByText('科技创新企业家').first().waitFor();
  await settle(page);
  await shot(page, 'selection-honour-profile');
  await page.locator('header [data-testid=language-switch]').getByText('English').click();
  await page.locator('[data-testid=talent-tabs]').getByRole('tab', { name: 'Honours' }).waitFor();
  await page.locator('[data-testid=talent-honours]').getByText('Zone innovation entrepreneur').first().waitFor();
  await shot(page, 'selection-honour-profile-en');
  await page.locator('header [data-testid=language-switch]').getByText('中文').click();
  await logout(page);
}
