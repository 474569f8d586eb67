/**
 * Browser walkthrough of talent demand and recruitment (issue 13): the enterprise account posts a demand and finds it
 * under 岗位需求; the office makes a campaign post for it, takes an applicant through the stages and hires them; the
 * hire is one talent of the registry (no duplicate) and the demand shows filled with the campaign's dated fill; the
 * office sees the demand's suggested candidates with reasons; the page reads in English. The campaign steps go through
 * the API as the signed-in office (the campaign screens are not built yet); what the page shows is read in the browser.
 */
import assert from 'node:assert/strict';
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

export async function demandsWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  await login(page, 'enterprise');
  const hr = await apiAs(page);
  const post = `钠电正极材料工程师 ${Date.now() % 10000}`;
  const demand = await hr.post<{ id: string }>('/api/demands', { post, industry: 'newEnergyBattery', chainSegment: 'midstream', discipline: 'newEnergy', education: 'master', skills: ['电池材料', '钠离子电池'], headcount: 1, urgency: 'urgent' });
  await page.locator('[data-testid=side-menu]').getByText('岗位需求').click();
  await page.locator('[data-testid=demands-table] .ant-table-row', { hasText: post }).waitFor();
  assert.ok((await page.locator('[data-testid=demands-table] .ant-table-row', { hasText: post }).innerText()).includes('待满足'));
  await shot(page, 'demands-enterprise');
  await logout(page);

  await login(page, 'office');
  const office = await apiAs(page);
  const campaign = await office.post<{ id: string }>('/api/campaigns', { type: 'urgentTalent', name: '浏览器测试急需紧缺人才引进', year: 2026, stages: ['registration', 'qualification', 'interview', 'offer'], plan: [{ discipline: 'newEnergy', planned: 1 }] });
  const withPost = await office.post<{ posts: { id: string }[] }>(`/api/campaigns/${campaign.id}/posts`, { title: post, discipline: 'newEnergy', headcount: 1, demandId: demand.id });
  const name = `浏览器应聘${Date.now() % 100000}`;
  const applicant = await office.post<{ id: string; version: number }>(`/api/campaigns/${campaign.id}/applicants`, {
    postId: withPost.posts[0].id, name, idNumber: freshIdNumber(), education: 'master', degree: 'master', school: '中国科学院大学', major: '新能源材料与器件', graduationYear: 2024,
  });
  let version = applicant.version;
  for (const stage of ['registration', 'qualification', 'interview']) {
    version = (await office.post<{ version: number }>(`/api/campaigns/${campaign.id}/applicants/${applicant.id}/results`, { stage, passed: true, score: stage === 'interview' ? 88 : null, version })).version;
  }
  const hired = await office.post<{ talentId: string; talentCreated: boolean }>(`/api/campaigns/${campaign.id}/applicants/${applicant.id}/hire`, { hiredOn: new Date().toISOString().slice(0, 10), version });
  assert.equal(hired.talentCreated, true);
  // in the registry, once
  const found = await office.get<{ items: { id: string; arrivalRoute: string }[]; total: number }>(`/api/talents?q=${encodeURIComponent(name)}`);
  assert.deepEqual(found.items.map((item) => [item.id, item.arrivalRoute]), [[hired.talentId, 'civilService']]);

  // the office's 岗位需求: the demand filled by the campaign, with suggested candidates and their reasons
  await page.locator('[data-testid=side-menu]').getByText('岗位需求').click();
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
