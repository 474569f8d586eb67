/**
 * Browser walkthrough of title evaluation (职称评聘): the office opens a round of the 会计 series with two experts; the
 * enterprise account declares one of its staff; the office accepts the materials, starts the review, records both
 * experts' scores and the group's pass, and starts the 公示 (its end on the working-day calendar). A 公示 runs days on
 * the real clock, so the final step is shown on the demo's economics round, whose notice has ended: the office records
 * the final results and the passed candidate's profile carries the new title. The round page read in English. Called
 * by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2EHelpers } from './policies';

const pick = async (page: Page, option: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}( · |$)`) }).first().click();
const confirmModal = async (page: Page) => page.locator('.ant-modal-confirm .ant-btn-primary').click();

export async function titleEvaluationWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  const roundName = `会计系列职称评审（浏览器测试 ${Date.now() % 100000}）`;

  // the office opens a round
  await login(page, 'office');
  await page.locator('[data-testid=side-menu]').getByText('职称评聘').click();
  await page.getByRole('heading', { name: '职称评聘' }).waitFor();
  await shot(page, 'titles-office');
  await page.locator('[data-testid=title-round-new]').click();
  await page.locator('[data-testid=title-round-series]').click();
  await pick(page, '会计');
  await page.locator('[data-testid=title-round-name]').fill(roundName);
  await page.locator('[data-testid=title-expert-name]').first().fill('孙玉兰');
  await page.locator('[data-testid=title-expert-add]').click();
  await page.locator('[data-testid=title-expert-name]').nth(1).fill('马俊峰');
  await page.locator('[data-testid=title-round-submit]').click();
  await page.getByRole('heading', { name: roundName }).waitFor();
  const roundPath = new URL(page.url()).pathname;
  assert.equal((await page.locator('[data-testid=title-round-status]').innerText()).trim(), '申报中');
  await logout(page);

  // the enterprise declares one of its staff
  await login(page, 'enterprise');
  const staff = (await (await page.request.get('/api/talents?pageSize=1')).json()) as { items: { name: string }[] };
  const candidate = staff.items[0].name;
  await page.goto(roundPath);
  await page.locator('[data-testid=title-declare]').click();
  await page.locator('[data-testid=title-talent]').click();
  await page.keyboard.type(candidate);
  await pick(page, candidate);
  await page.locator('[data-testid=title-materials]').fill('职称申报表.pdf\n会计师资格证书.pdf');
  await page.locator('[data-testid=title-declare-submit]').click();
  await page.locator('.ant-table-row', { hasText: candidate }).getByText('待审核').waitFor();
  await shot(page, 'titles-declared');
  await logout(page);

  // the office checks, starts the review, records the experts' scores and the result, starts the 公示
  await login(page, 'office');
  await page.goto(roundPath);
  const openDeclaration = async () => {
    await page.locator('.ant-table-row', { hasText: candidate }).locator('[data-testid=title-declaration-open]').click();
    await page.locator('.ant-drawer').waitFor();
  };
  const closeDrawer = async () => {
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer').waitFor({ state: 'hidden' });
  };
  await openDeclaration();
  await page.locator('[data-testid=title-check-submit]').click();
  await page.locator('[data-testid=title-declaration-status]').getByText('待评审').waitFor();
  await closeDrawer();
  await page.locator('[data-testid=title-round-advance]').click();
  await confirmModal(page);
  await page.locator('[data-testid=title-round-status]').getByText('评审中').waitFor();
  await openDeclaration();
  for (const [expert, score] of [['孙玉兰', 86], ['马俊峰', 81]] as const) {
    await page.locator('[data-testid=title-score-expert]').click();
    await pick(page, expert);
    await page.locator('.ant-drawer #title-score_score').fill(String(score));
    await page.locator('[data-testid=title-score-opinion]').fill('业绩突出，同意通过');
    await page.locator('[data-testid=title-score-submit]').click();
    await page.locator('.ant-drawer .ant-table-row', { hasText: expert }).getByText(String(score)).waitFor();
  }
  await shot(page, 'titles-scored');
  await page.locator('[data-testid=title-result-submit]').click();
  await page.locator('[data-testid=title-declaration-status]').getByText('通过').waitFor();
  await closeDrawer();
  await page.locator('[data-testid=title-round-advance]').click();
  await confirmModal(page);
  await page.locator('[data-testid=title-round-status]').getByText('公示中').waitFor();
  await page.getByText(/公示期满（5 个工作日/).waitFor();
  await shot(page, 'titles-publicizing');

  // the demo's economics round: its 公示 has ended; the final results go into the profiles
  const rounds = (await (await page.request.get('/api/title-evaluations/rounds?status=publicizing&pageSize=50')).json()) as { items: { id: string; series: string; name: string }[] };
  const economics = rounds.items.find((round) => round.series === 'economics')!;
  const passed = (await (await page.request.get(`/api/title-evaluations/declarations?roundId=${economics.id}&status=passed&pageSize=1`)).json()) as { items: { talentId: string; talentName: string }[] };
  const winner = passed.items[0];
  await page.goto(`/title-evaluations/${economics.id}`);
  await page.locator('[data-testid=title-round-advance]').click();
  await confirmModal(page);
  await page.locator('[data-testid=title-round-status]').getByText('已完成').waitFor();
  await page.locator('.ant-table-row', { hasText: winner.talentName }).first().locator('[data-testid=title-declaration-open]').click();
  await page.locator('.ant-drawer').getByText(/已写入人才档案/).waitFor();
  await shot(page, 'titles-recorded');
  await page.goto(`/talents/${winner.talentId}`);
  const profile = (await (await page.request.get(`/api/talents/${winner.talentId}`)).json()) as { titles: { series: string; name: string }[] };
  assert.ok(profile.titles.some((title) => title.series === '经济'), 'the profile carries the economics title');
  await page.getByRole('tab', { name: '职称与证书' }).click();
  await page.getByText(profile.titles.find((title) => title.series === '经济')!.name).first().waitFor();
  await settle(page);
  await shot(page, 'titles-profile');
  await logout(page);

  // English
  const english = await newPage({ width: 1440, height: 900 });
  await english.page.addInitScript(() => window.localStorage.setItem('talentzone.language', 'en-US'));
  await english.page.goto('/login');
  await login(english.page, 'office');
  await english.page.goto(roundPath);
  await english.page.locator('[data-testid=title-round-status]').getByText('Public notice').waitFor();
  await english.page.getByText('Expert group').first().waitFor();
  await shot(english.page, 'titles-round-en');
}
