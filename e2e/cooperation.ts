/**
 * Browser walkthrough of flexible talent and university cooperation: the office puts a retired expert on a resident
 * team (the expert takes the team's investment project); the enterprise account (泵阀集团) records an intern on its
 * base and, once hired, links the intern to a staff member of its own in the registry; the office reads the platforms
 * and a platform's tenants; the platforms page reads in English. Called by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { E2EHelpers } from './policies';

type Named = { id: string; name: string };

export async function cooperationWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });

  // the office adds an expert to a team of a project
  await login(page, 'office');
  await page.goto('/flexible-talent?tab=experts&kind=retiredExpert');
  const table = page.locator('[data-testid=experts-table]');
  await table.locator('[data-testid=expert-assign]').first().waitFor();
  const expertName = (await table.locator('tbody tr').first().locator('td').first().innerText()).trim();
  await table.locator('[data-testid=expert-assign]').first().click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('[data-testid=expert-team]').click();
  await page.keyboard.type('中国电子系统');
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: '加入团队' }).click();
  await page.getByText('已保存').first().waitFor();
  const experts = (await (await page.request.get(`/api/experts?q=${encodeURIComponent(expertName)}`)).json()) as { items: { name: string; team: Named | null; project: Named | null }[] };
  const moved = experts.items.find((item) => item.name === expertName);
  assert.equal(moved?.team?.name, '中国电子系统', 'the expert is on the team');
  assert.equal(moved?.project?.name, '中国电子系统阳泉数字经济产业园', 'and on the team\'s investment project');
  await settle(page);
  await shot(page, 'cooperation-expert-on-team');

  // the office reads the platforms and one platform's tenants
  await page.locator('[data-testid=side-menu]').getByText('平台载体').click();
  const platforms = page.locator('[data-testid=platforms-table]');
  await platforms.getByText('科技部领军人才创新驱动中心').waitFor();
  assert.ok((await platforms.locator('tbody tr').count()) >= 4, 'the source\'s platforms are listed');
  await platforms.getByText('山西智创城7号').click();
  await page.locator('.ant-drawer').getByText('入驻企业').waitFor();
  await shot(page, 'cooperation-platform');
  await page.locator('.ant-drawer-close').click();
  await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
  await logout(page);

  // the enterprise records an intern on its base, then the intern is hired and linked to the registry
  await login(page, 'enterprise');
  await page.locator('[data-testid=side-menu]').getByText('省校合作').click();
  await page.getByRole('tab', { name: '实习实训' }).click();
  await page.locator('[data-testid=internship-record]').click();
  const record = page.getByRole('dialog');
  await record.locator('[data-testid=internship-base]').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
  const student = `实习生${Date.now() % 100000}`;
  await record.locator('[data-testid=internship-student]').fill(student);
  await record.locator('[data-testid=internship-major]').fill('机械设计制造及其自动化');
  const range = record.locator('.ant-picker-range input');
  await range.nth(0).click();
  await range.nth(0).fill('2026-07-01');
  await range.nth(1).click();
  await range.nth(1).fill('2026-08-31');
  await page.keyboard.press('Enter');
  await record.locator('[data-testid=internship-mentor]').fill('王工');
  await record.getByRole('button', { name: '登记实习生' }).click();
  await page.getByText('已保存').first().waitFor();

  // a staff member not yet linked to a placement
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { organisationId: string } };
  const staff = (await (await page.request.get(`/api/talents?employer=${me.user.organisationId}&pageSize=200`)).json()) as { items: Named[] };
  const hired = (await (await page.request.get('/api/internships?converted=true&pageSize=200')).json()) as { items: { hired: { talentId: string } }[] };
  const taken = new Set(hired.items.map((item) => item.hired.talentId));
  const hire = staff.items.find((talent) => !taken.has(talent.id));
  assert.ok(hire, 'the enterprise has a staff member to link');
  await page.locator('[data-testid=internships-search]').locator('input').fill(student);
  await page.keyboard.press('Enter');
  const rows = page.locator('[data-testid=internships-table] tbody tr');
  await rows.filter({ hasText: student }).first().waitFor();
  await rows.filter({ hasText: student }).first().locator('[data-testid=internship-convert]').click();
  const convert = page.getByRole('dialog');
  await convert.locator('[data-testid=conversion-talent]').click();
  await page.keyboard.type(hire.name);
  await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: hire.name }).first().click();
  await convert.getByRole('button', { name: '转为录用' }).click();
  await page.getByText('已保存').first().waitFor();
  const after = (await (await page.request.get(`/api/internships?q=${encodeURIComponent(student)}`)).json()) as { items: { hired: { talentId: string } | null }[] };
  assert.equal(after.items[0]?.hired?.talentId, hire.id, 'the intern is linked to the hire in the registry');
  await rows.filter({ hasText: hire.name }).first().waitFor();
  await shot(page, 'cooperation-intern-hired');
  await logout(page);

  // one screen in English
  const english = await newPage({ width: 1440, height: 900 });
  await english.page.addInitScript(() => window.localStorage.setItem('talentzone.language', 'en-US'));
  await english.page.goto('/login');
  await login(english.page, 'office');
  await english.page.goto('/platforms');
  await english.page.getByRole('heading', { name: 'Innovation platforms' }).waitFor();
  await english.page.locator('[data-testid=platforms-table]').getByText('Leading-talent innovation centre').first().waitFor();
  await shot(english.page, 'cooperation-platforms-en');
}
