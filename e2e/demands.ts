/**
 * Browser walkthrough of talent demand and recruitment (issue 13), on the screens: the enterprise account posts a
 * demand with the form and finds it under 岗位需求; the office creates a campaign (急需紧缺人才引进) under 招聘引才, adds
 * a post tied to the demand, registers an applicant, records the first stages, uploads the interview scores from the
 * campaign's Excel sheet (a wrong sheet is refused cell by cell first, then the right one checked and written), records
 * the last stages and hires: a new talent of the registry. The same ID number hired in a second campaign updates that
 * talent (the page says so) — still one record. The demand shows filled with the campaign's dated fill, the office sees
 * its suggested candidates with reasons; the page reads in English.
 */
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { idNumberCheckCharacter } from '../src/domain/validators/id-number';
import type { E2EHelpers } from './policies';

async function apiAs(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': me.csrfToken, 'Accept-Language': 'zh-CN' };
  return {
    get: async <T>(path: string) => {
      const response = await page.request.get(path, { headers });
      assert.equal(response.status(), 200, `GET ${path} answered ${response.status()}: ${await response.text()}`);
      return (await response.json()) as T;
    },
    post: async <T>(path: string, data?: unknown) => {
      const response = await page.request.post(path, { headers, data: data ?? {} });
      assert.ok([200, 201].includes(response.status()), `POST ${path} answered ${response.status()}: ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

/** A fictitious ID number born in 1961 (the demo's talents are born 1970–2000, the tests' in 1960). */
function freshIdNumber() {
  const first17 = `1403021961${String(1 + (Date.now() % 12)).padStart(2, '0')}${String(1 + (Date.now() % 28)).padStart(2, '0')}${String(((Date.now() >> 5) % 500) * 2 + 1).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}


const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function choose(page: Page, select: string, option: string, search?: string) {
  await page.locator(select).click();
  if (search) await page.keyboard.type(search);
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  await item.first().waitFor();
  await item.first().click();
}

/** Saves the open dialog and waits for the write it makes. */
async function saveDialog(page: Page, testId: string, path: RegExp) {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => path.test(new URL(candidate.url()).pathname) && candidate.request().method() === 'POST'),
    page.locator(`[data-testid=${testId}]`).click(),
  ]);
  assert.ok(response.ok(), `${path} answered ${response.status()}: ${await response.text()}`);
  await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
}

/** Records "passed" for the applicant's current stage in the applicants table. */
async function passStage(page: Page, name: string, score?: number) {
  await page.locator('[data-testid=applicants-table] .ant-table-row', { hasText: name }).locator('[data-testid=applicant-result]').click();
  if (score !== undefined) await page.locator('[data-testid=result-score] input').fill(String(score));
  await saveDialog(page, 'result-save', /\/results$/);
}

/** The campaign's score sheet for a stage, with the row of `name` filled in. */
async function scoreSheet(page: Page, campaignId: string, name: string, score: number, passed: string) {
  const template = await page.request.get(`/api/campaigns/${campaignId}/scores/template?stage=interview`);
  assert.equal(template.status(), 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await template.body()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('成绩录入')!;
  let found = false;
  sheet.eachRow((row, number) => {
    if (number > 1 && row.getCell(2).value === name) {
      row.getCell(5).value = score;
      row.getCell(6).value = passed;
      found = true;
    }
  });
  assert.ok(found, `${name} is on the score sheet`);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function demandsWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  await login(page, 'enterprise');
  const post = `钠电正极材料工程师 ${Date.now() % 10000}`;
  // the enterprise posts its demand with the form
  await page.locator('[data-testid=side-menu]').getByText('岗位需求').click();
  await page.locator('[data-testid=demand-create]').click();
  await page.locator('#demand-form_post').fill(post);
  await choose(page, '#demand-form_industry', '新能源电池', '新能源电池');
  await choose(page, '#demand-form_discipline', '新能源', '新能源');
  await page.locator('#demand-form_headcount').fill('1');
  await choose(page, '#demand-form_education', '硕士研究生');
  for (const skill of ['电池材料', '钠离子电池']) {
    await page.locator('#demand-form_skills').click();
    await page.keyboard.type(skill);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
  await choose(page, '#demand-form_urgency', '紧急');
  await shot(page, 'demand-form');
  const [created] = await Promise.all([
    page.waitForResponse((response) => new URL(response.url()).pathname === '/api/demands' && response.request().method() === 'POST'),
    page.locator('[data-testid=demand-form-submit]').click(),
  ]);
  assert.equal(created.status(), 201, await created.text());
  const demand = (await created.json()) as { id: string; skills: string[] };
  assert.deepEqual(demand.skills, ['电池材料', '钠离子电池']);
  await page.locator('[data-testid=demand-drawer]').getByText('待满足').first().waitFor();
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=demands-table] .ant-table-row', { hasText: post }).waitFor();
  assert.ok((await page.locator('[data-testid=demands-table] .ant-table-row', { hasText: post }).innerText()).includes('待满足'));
  await shot(page, 'demands-enterprise');
  await logout(page);

  // the office: a campaign with a post for the demand
  await login(page, 'office');
  const office = await apiAs(page);
  await page.locator('[data-testid=side-menu]').getByText('招聘引才').click();
  await page.locator('[data-testid=campaigns-table]').waitFor();
  await page.locator('[data-testid=campaign-create]').click();
  await choose(page, '#campaign_type', '急需紧缺人才引进');
  const campaignName = `浏览器测试急需紧缺人才引进 ${Date.now() % 10000}`;
  await page.locator('#campaign_name').fill(campaignName);
  await choose(page, '#campaign_plan_0_discipline', '新能源', '新能源');
  await page.locator('#campaign_plan_0_planned').fill('1');
  await page.locator('[data-testid=campaign-save]').click();
  await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
  const campaignId = new URL(page.url()).pathname.split('/').pop()!;
  await page.locator('[data-testid=campaign-add-post]').click();
  await page.locator('#campaign-post_demandId').click();
  await page.keyboard.type(post.slice(-4));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: post }).first().click();
  assert.equal(await page.locator('#campaign-post_title').inputValue(), post, 'the demand’s post fills the title');
  await saveDialog(page, 'post-save', /\/posts$/);
  await page.locator('[data-testid=campaign-posts] .ant-table-row', { hasText: post }).waitFor();

  // an applicant through the stages
  const name = `浏览器应聘${Date.now() % 100000}`;
  const idNumber = freshIdNumber();
  await page.locator('[data-testid=applicant-add]').click();
  await page.locator('#campaign-applicant_name').fill(name);
  await page.locator('#campaign-applicant_idNumber').fill(idNumber);
  await choose(page, '#campaign-applicant_education', '硕士研究生');
  await page.locator('#campaign-applicant_graduationYear').fill('2024');
  await page.locator('#campaign-applicant_school').fill('中国科学院大学');
  await page.locator('#campaign-applicant_major').fill('新能源材料与器件');
  await saveDialog(page, 'applicant-save', /\/applicants$/);
  const row = page.locator('[data-testid=applicants-table] .ant-table-row', { hasText: name });
  await row.waitFor();
  await passStage(page, name);
  await row.getByText('资格审查').first().waitFor();
  await passStage(page, name);
  await row.getByText('面试').first().waitFor();

  // the interview scores by Excel: a wrong sheet refused by cell, nothing written; the right one checked, then written
  await page.locator('[data-testid=campaign-scores]').click();
  const upload = page.locator('[data-testid=scores-upload] input[type=file]');
  await upload.setInputFiles({ name: '成绩录入.xlsx', mimeType: xlsx, buffer: await scoreSheet(page, campaignId, name, 130, '通过') });
  await page.locator('[data-testid=scores-problems]').getByText('应为 0–100 的成绩').first().waitFor();
  assert.ok(await page.locator('[data-testid=scores-write]').isDisabled(), 'a sheet with problems cannot be written');
  await upload.setInputFiles({ name: '成绩录入.xlsx', mimeType: xlsx, buffer: await scoreSheet(page, campaignId, name, 88, '通过') });
  await page.locator('[data-testid=scores-preview]').waitFor();
  await shot(page, 'campaign-scores-preview');
  await saveDialog(page, 'scores-write', /\/scores$/);
  await row.getByText('面试 88').waitFor();
  await passStage(page, name);
  await passStage(page, name);
  await row.locator('[data-testid=applicant-hire]').click();
  await saveDialog(page, 'hire-save', /\/hire$/);
  const hireResult = page.locator('[data-testid=hire-result]');
  await hireResult.waitFor();
  assert.ok((await hireResult.innerText()).includes('新建档案'), 'the first hire registers a new talent');
  await row.getByText('已录用').waitFor();
  const planRow = page.locator('[data-testid=campaign-plan] .ant-table-row', { hasText: '新能源' });
  await planRow.locator('.ant-progress-status-success').waitFor();
  assert.deepEqual((await planRow.locator('td').allInnerTexts()).slice(0, 3), ['新能源', '1', '1'], 'plan against hires by discipline');
  await settle(page);
  await shot(page, 'campaign-hired');
  const found = await office.get<{ items: { id: string; arrivalRoute: string }[] }>(`/api/talents?q=${encodeURIComponent(name)}`);
  assert.equal(found.items.length, 1);
  assert.equal(found.items[0].arrivalRoute, 'civilService');
  const talentId = found.items[0].id;

  // the same ID number hired by a second campaign (公开招聘): the talent is updated, never a second record
  const second = await office.post<{ id: string }>('/api/campaigns', { type: 'openRecruitment', name: `${campaignName} 二`, year: 2026, stages: ['registration', 'offer'], plan: [] });
  const secondPost = await office.post<{ posts: { id: string }[] }>(`/api/campaigns/${second.id}/posts`, { title: '储能系统工程师', discipline: 'newEnergy', headcount: 1 });
  const again = await office.post<{ id: string; version: number }>(`/api/campaigns/${second.id}/applicants`, {
    postId: secondPost.posts[0].id, name, idNumber, education: 'master', degree: 'master', school: '中国科学院大学', major: '新能源材料与器件', graduationYear: 2024,
  });
  await office.post(`/api/campaigns/${second.id}/applicants/${again.id}/results`, { stage: 'registration', passed: true, version: again.version });
  await page.goto(`/campaigns/${second.id}`);
  await page.locator('[data-testid=applicants-table] .ant-table-row', { hasText: name }).locator('[data-testid=applicant-hire]').click();
  await saveDialog(page, 'hire-save', /\/hire$/);
  await page.locator('[data-testid=hire-result]').waitFor();
  assert.ok((await page.locator('[data-testid=hire-result]').innerText()).includes('未重复建档'), 'the second hire says the record was updated');
  assert.equal(await page.locator('[data-testid=hire-talent-link]').getAttribute('href'), `/talents/${talentId}`);
  const once = await office.get<{ items: { id: string; arrivalRoute: string }[] }>(`/api/talents?q=${encodeURIComponent(name)}`);
  assert.deepEqual(once.items.map((item) => [item.id, item.arrivalRoute]), [[talentId, 'marketHire']]);

  // the office's 岗位需求: the demand filled by the campaign, with suggested candidates and their reasons
  await page.goto(`/demands?demand=${demand.id}`);
  const drawer = page.locator('[data-testid=demand-drawer]');
  await drawer.locator('[data-testid=demand-fill]').first().waitFor();
  assert.ok((await drawer.innerText()).includes('已满足'), 'the demand shows filled');
  assert.ok((await drawer.locator('[data-testid=demand-fill]').first().innerText()).includes('招聘引才'));
  await drawer.locator('[data-testid=candidate]').first().waitFor();
  const reasons = await drawer.locator('[data-testid=candidate-reason]').allInnerTexts();
  assert.ok(reasons.some((text) => /^学科: 新能源 ✓$/.test(text)), `reasons name the discipline (${reasons.slice(0, 6).join(', ')})`);
  assert.ok(reasons.some((text) => text.startsWith('技能: ')), 'reasons name the skills');
  await settle(page);
  await shot(page, 'demand-candidates');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  await logout(page);

  // English
  const english = await newPage({ width: 1440, height: 900 });
  await english.page.addInitScript(() => window.localStorage.setItem('talentzone.language', 'en-US'));
  await english.page.goto('/login');
  await login(english.page, 'office');
  await english.page.goto(`/demands?demand=${demand.id}`);
  const englishDrawer = english.page.locator('[data-testid=demand-drawer]');
  await englishDrawer.locator('[data-testid=candidate]').first().waitFor();
  await english.page.getByRole('heading', { name: 'Suggested candidates' }).waitFor();
  const englishReasons = await englishDrawer.locator('[data-testid=candidate-reason]').allInnerTexts();
  assert.ok(englishReasons.some((text) => text === 'Discipline: New energy ✓'), `English reasons (${englishReasons.slice(0, 4).join(', ')})`);
  await shot(english.page, 'demand-candidates-en');
}
