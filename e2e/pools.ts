/**
 * Browser walkthrough of the reserve talent pools (后备人才库): a unit's staff (人社局, the department account) nominates
 * a talent into 优秀年轻干部库 with a talent search; the office finds the nomination, admits it with a score, and the
 * member page shows it in the pool with its history, in English too; the leader sees the member; the pools' tiles open
 * their lists. Called by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { E2EHelpers } from './policies';

export async function poolsWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  await login(page, 'department');
  // a talent in the zone whose name finds only them
  const talents = (await (await page.request.get('/api/talents?status=inZone&pageSize=100&sort=name')).json()) as { items: { id: string; name: string }[] };
  const names = talents.items.map((talent) => talent.name);
  const chosen = talents.items.find((talent, index) => index > 40 && names.filter((name) => name === talent.name).length === 1)!;
  assert.ok(chosen, 'a talent to nominate');

  await page.locator('[data-testid=side-menu]').getByText('后备人才库').click();
  await page.locator('[data-testid=pool-tile-youngCadres]').waitFor();
  await settle(page);
  await shot(page, 'pools-department');
  await page.locator('[data-testid=pool-nominate]').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('[data-testid=pool-nominate-pool]').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="优秀年轻干部库"]').click();
  // the chosen pool shows in the field (the dropdown itself is outside the dialog)
  await dialog.locator('text="优秀年轻干部库" >> visible=true').first().waitFor();
  await dialog.locator('#pool-nominate_talentId').fill(chosen.name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: chosen.name }).first().click();
  // a reason too short is named on its field before anything is sent
  await dialog.locator('[data-testid=pool-nominate-reason]').fill('年度考核优秀，牵头完成园区重点项目');
  await dialog.getByRole('button', { name: '推荐入库' }).click();
  await page.getByText('已推荐，等待人才办考察').waitFor();
  await page.locator('[data-testid=pool-members-search]').locator('input').fill(chosen.name);
  await page.locator('[data-testid=pool-members-search]').locator('input').press('Enter');
  const row = page.locator('.ant-table-row').filter({ hasText: chosen.name }).first();
  await row.waitFor();
  assert.ok((await row.innerText()).includes('待审核'), 'the nomination waits for the office');
  await logout(page);

  // the office admits it with a score
  await login(page, 'office');
  await page.locator('[data-testid=side-menu]').getByText('后备人才库').click();
  await page.locator('[data-testid=pool-members-search]').locator('input').fill(chosen.name);
  await page.locator('[data-testid=pool-members-search]').locator('input').press('Enter');
  await page.locator('.ant-table-row').filter({ hasText: '优秀年轻干部库' }).filter({ hasText: chosen.name }).getByRole('link', { name: chosen.name }).click();
  await page.locator('[data-testid=pool-decision-form]').waitFor();
  assert.equal((await page.locator('[data-testid=pool-member-status]').innerText()).trim(), '待审核');
  await page.locator('#pool-decision_score').fill('86');
  await page.locator('[data-testid=pool-decision-opinion]').fill('考察合格，同意入库');
  await page.locator('[data-testid=pool-decision-submit]').click();
  await page.locator('[data-testid=pool-member-status]').getByText('在库').waitFor();
  const history = await page.locator('[data-testid=pool-member-history]').innerText();
  assert.ok(history.includes('推荐') && history.includes('考察入库') && history.includes('86'), `the history shows the nomination and the admission (${history})`);
  await settle(page);
  await shot(page, 'pool-member-office');
  const memberUrl = page.url();

  // English
  await page.locator('header [data-testid=language-switch]').getByText('English').click();
  await page.locator('[data-testid=pool-member-status]').getByText('In the pool').waitFor();
  await page.getByText('Next yearly review').waitFor();
  // the form offers what may follow, the first chosen
  assert.equal((await page.locator('[data-testid=pool-decision-form] .ant-radio-button-wrapper-checked').innerText()).trim(), 'Use');
  await shot(page, 'pool-member-english');
  await page.locator('header [data-testid=language-switch]').getByText('中文').click();
  await page.locator('[data-testid=pool-member-status]').getByText('在库').waitFor();

  // a tile opens its list: the office's 人才库设置 tab is there too
  await page.locator('[data-testid=side-menu]').getByText('后备人才库').click();
  await page.getByRole('tab', { name: '人才库设置' }).waitFor();
  await page.locator('[data-testid=pool-tile-villageReserve]').getByRole('link', { name: /在库/ }).click();
  await page.waitForURL(/status=inPool/);
  await page.locator('.ant-table-row').first().waitFor();
  // the list keeps the previous page's rows until the filtered answer arrives
  const inPool = (texts: string[]) => texts.length > 0 && texts.every((text) => text.includes('村(社区)后备人才库') && text.includes('在库'));
  for (let tries = 0; tries < 30 && !inPool(await page.locator('.ant-table-row').allInnerTexts()); tries += 1) await page.waitForTimeout(500);
  const rows = await page.locator('.ant-table-row').allInnerTexts();
  assert.ok(rows.length > 0 && rows.every((text) => text.includes('村(社区)后备人才库') && text.includes('在库')), 'the tile opens that pool’s members in the pool');
  await logout(page);

  // the leader sees the member
  await login(page, 'leader');
  await page.goto(memberUrl);
  await page.locator('[data-testid=pool-member-status]').getByText('在库').waitFor();
  assert.equal(await page.locator('[data-testid=pool-decision-form]').count(), 0, 'the leader reads, the office decides');
  await logout(page);
}
