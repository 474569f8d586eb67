/**
 * Browser tests: the real server (in-process, fresh database with demo data) and Debian Chromium.
 * Run with `npx tsx e2e/run.ts` (or `npm run test:e2e`). With TEST_DATABASE_URL set, the server runs on that
 * (empty, freshly created) PostgreSQL database instead of PGlite. Screenshots go to e2e/screenshots/.
 * E2E_ONLY=3,5 runs only those flows (numbered from 1).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { idNumberCheckCharacter } from '../src/domain/validators/id-number';
import { ensureWebBuild } from '../src/cli/web-build';
import { loadConfig } from '../src/server/config';
import { startServer } from '../src/server/main';
import { assetsWalkthrough } from './assets';
import { pagesWalkthrough } from './pages';
import { policiesWalkthrough } from './policies';
import { talentCardWalkthrough } from './talent-card';
import { poolsWalkthrough } from './pools';
import { selectionsWalkthrough } from './selections';
import { serviceRequestWalkthrough } from './service-requests';
import { apartmentsWalkthrough } from './apartments';
import { titleEvaluationWalkthrough } from './title-evaluations';
import { retentionWalkthrough } from './retention';
import { dashboardWalkthrough } from './dashboard';
import { analyticsWalkthrough } from './analytics';
import { reviewChainWalkthrough } from './review-chain';
import { loansWalkthrough } from './loans';
import { demandsWalkthrough } from './demands';
import { growthWalkthrough } from './growth';
import { cooperationWalkthrough } from './cooperation';
import { coordinationWalkthrough } from './coordination';
import { generate } from 'otplib';
import { demoTotpSecret } from '../src/server/db/demo';

const root = resolve(import.meta.dirname, '..');
const screenshots = join(root, 'e2e', 'screenshots');
const demoPassword = 'Demo@2026';
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

type Flow = { name: string; run: () => Promise<void> };
type HomeData = {
  zone?: { talents: number };
  glance?: { talents: number };
  talent?: { name: string };
  enterprise?: { name: string; staff: number };
  unit?: { name: string };
  accounts?: { users: number };
  audit?: { events: number };
};

let baseUrl = '';
let browser: Browser;
/** The contexts of the running flow: closed after it, photographed first when it failed. */
const openContexts: BrowserContext[] = [];
/** Script errors and Content-Security-Policy violations seen by the running flow's pages: any fails the flow. */
const pageProblems: string[] = [];

const officeMenu = ['工作台', '待办事项', '数据看板', '协同任务', '人才库', '企业库', '导入', '人才地图', '产业地图', '机构名录', '责任单位', '人才政策', '政策申请', '兑现台账', '拨付批次', '诉求办理', '人才公寓', '创业担保贷款', '贷款统计', '职称评聘', '人才卡管理', '人才卡核验', '岗位需求', '招聘引才', '市场化选聘', '技能培训', '揭榜挂帅', '柔性引才', '省校合作', '平台载体', '政企对接', '留才与外流', '后备人才库', '评选表彰', '工作日历'];
const hrMenu = ['工作台', '数据看板', '我的办件', '人才库', '企业库', '人才地图', '产业地图', '机构名录', '责任单位', '人才政策', '政策计算器', '政策申请', '兑现台账', '诉求办理', '创业担保贷款', '职称评聘', '岗位需求', '市场化选聘', '技能培训', '揭榜挂帅', '省校合作', '平台载体', '政企对接', '后备人才库', '人才流动', '评选表彰'];

/** What each demo account must see: its menu (exactly), a figure read from /api/home, and a page it may not open. */
const roleExpectations: { username: string; menu: string[]; figure: (home: HomeData) => { testId: string; value: string }; forbidden: string }[] = [
  { username: 'office', menu: officeMenu, figure: (home) => ({ testId: 'zone-talents', value: String(home.zone!.talents) }), forbidden: '/users' },
  { username: 'leader', menu: ['工作台', '数据看板', '协同任务', '人才库', '企业库', '人才地图', '产业地图', '机构名录', '责任单位', '人才政策', '政策申请', '兑现台账', '诉求办理', '人才公寓', '创业担保贷款', '贷款统计', '职称评聘', '人才卡管理', '岗位需求', '招聘引才', '市场化选聘', '技能培训', '揭榜挂帅', '柔性引才', '省校合作', '平台载体', '我联系的人才', '后备人才库', '评选表彰'], figure: (home) => ({ testId: 'glance-talents', value: String(home.glance!.talents) }), forbidden: '/audit' },
  { username: 'talent', menu: ['工作台', '我的办件', '我的档案', '人才政策', '政策计算器', '政策申请', '兑现台账', '诉求办理', '人才公寓', '创业担保贷款', '我的人才卡', '揭榜挂帅'], figure: (home) => ({ testId: 'talent-name', value: home.talent!.name }), forbidden: '/organisations' },
  { username: 'enterprise', menu: hrMenu, figure: (home) => ({ testId: 'enterprise-staff', value: String(home.enterprise!.staff) }), forbidden: '/users' },
  { username: 'department', menu: ['工作台', '待办事项', '协同任务', '人才库', '企业库', '机构名录', '责任单位', '人才政策', '政策申请', '兑现台账', '诉求办理', '人才公寓', '创业担保贷款', '职称评聘', '人才卡核验', '岗位需求', '招聘引才', '技能培训', '揭榜挂帅', '柔性引才', '省校合作', '平台载体', '后备人才库', '评选表彰'], figure: (home) => ({ testId: 'unit-name', value: home.unit!.name }), forbidden: '/audit' },
  { username: 'sysadmin', menu: ['工作台', '用户管理', '管理员变更审批'], figure: (home) => ({ testId: 'accounts-users', value: String(home.accounts!.users) }), forbidden: '/audit' },
  { username: 'secadmin', menu: ['工作台', '用户管理', '管理员变更审批'], figure: (home) => ({ testId: 'accounts-users', value: String(home.accounts!.users) }), forbidden: '/organisations' },
  { username: 'auditor', menu: ['工作台', '管理员变更审批', '审计日志'], figure: (home) => ({ testId: 'audit-events', value: String(home.audit!.events) }), forbidden: '/users' },
];

async function newPage(viewport = desktop): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', baseURL: baseUrl });
  openContexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageProblems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) pageProblems.push(`CSP: ${message.text()}`);
  });
  return { context, page };
}

async function shot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: false });
}

/** Fills the sign-in form and submits it; returns the sign-in response's status. */
async function submitLogin(page: Page, username: string, password: string): Promise<number> {
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith('/api/auth/login') && candidate.request().method() === 'POST'),
    page.locator('form#login button[type=submit]').click(),
  ]);
  return response.status();
}

/** The demo administrators sign in with TOTP: the second step takes the current code of the demo secret. */
const totpAccounts = new Set(['sysadmin', 'secadmin', 'auditor']);

async function login(page: Page, username: string, password = demoPassword) {
  if (!page.url().endsWith('/login')) await page.goto('/login');
  const status = await submitLogin(page, username, password);
  assert.equal(status, 200, `sign-in of ${username} answered ${status}`);
  if (totpAccounts.has(username)) {
    await page.locator('#second-factor_code').fill(await generate({ secret: demoTotpSecret }));
    const [second] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/api/auth/login/second-factor')),
      page.locator('form#second-factor button[type=submit]').click(),
    ]);
    assert.equal(second.status(), 200, `second step of ${username} answered ${second.status()}`);
  }
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('[data-testid=user-menu]').waitFor();
}

/** Waits (up to 3 s) until no antd motion (drop-down, drawer, modal opening or closing) runs, so clicks land where aimed. */
async function settle(page: Page) {
  const moving = '[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]';
  await page.waitForFunction((selector) => !document.querySelector(selector), moving, { timeout: 3_000 }).catch(async () => {
    const classes = await page.locator(moving).evaluateAll((elements) => elements.map((element) => element.className));
    console.error(`  still moving after 3 s: ${classes.join(' | ')}`);
  });
}

async function logout(page: Page, label = '退出登录') {
  await page.locator('[data-testid=user-menu]').click();
  const item = page.getByRole('menuitem', { name: label });
  await item.waitFor();
  await settle(page);
  await item.click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.locator('form#login').waitFor();
}

const menuLabels = async (page: Page) => (await page.locator('[data-testid=side-menu] .ant-menu-item').allInnerTexts()).map((text) => text.trim());

async function homeData(page: Page): Promise<HomeData> {
  const response = await page.request.get('/api/home', { headers: { 'Accept-Language': 'zh-CN' } });
  assert.equal(response.status(), 200);
  return (await response.json()) as HomeData;
}

/** The text of a figure: a Statistic's value (without group separators) or the element's text. */
async function figureText(page: Page, testId: string) {
  const element = page.locator(`[data-testid=${testId}]`);
  await element.waitFor();
  const statistic = element.locator('.ant-statistic-content-value');
  const text = (await statistic.count()) ? await statistic.innerText() : await element.innerText();
  return text.replace(/,/g, '').trim();
}

async function pickOption(page: Page, select: string, option: string) {
  await page.locator(select).click();
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  await item.waitFor();
  await settle(page);
  await item.click();
}


/** Rare characters for names and words unique to one run (the registry's search cuts Chinese into bigrams). */
const rareCharacters = '璟瑄珩琮瑭琬玥珂琤璠瑨璩琰瑗琨珣瑀璘';
const randomOf = (pool: string, length: number) => Array.from({ length }, () => pool[Math.floor(Math.random() * pool.length)]).join('');

/** A valid ID number (GB 11643) born in 1985–1999, unique enough per run; `wrongCheck` spoils the check character. */
function makeIdNumber(wrongCheck = false): string {
  const birth = `${1985 + Math.floor(Math.random() * 15)}${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
  const first17 = `140302${birth}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const check = idNumberCheckCharacter(first17);
  if (!wrongCheck) return first17 + check;
  const wrong = '0123456789X'.split('').find((character) => character !== check)!;
  return first17 + wrong;
}

/** Reads the header row of a downloaded import template. */
async function templateHeaders(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const headers: string[] = [];
  workbook.worksheets[0].getRow(1).eachCell({ includeEmpty: false }, (cell, column) => {
    headers[column - 1] = cell.text.trim();
  });
  return headers;
}

/** A roster .xlsx with the template's headers and the given rows (values by header). */
async function rosterWorkbook(headers: string[], rows: Record<string, string>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人才');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? ''));
  // every cell as text, as an office keeps long numbers
  sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function uploadRoster(page: Page, name: string, bytes: Buffer) {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().includes('/api/imports/talents') && candidate.request().method() === 'POST'),
    page.locator('[data-testid=import-upload] input[type=file]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes }),
  ]);
  assert.equal(response.status(), 201, `the check of ${name} answered ${response.status()}`);
  await page.locator('[data-testid=import-preview]').filter({ hasText: name }).waitFor();
}

/** The width of the page's content: more than the viewport means the page scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

const flows: Flow[] = [
  {
    name: 'each demo role: menu, home figure from the database, 403 page, sign-out',
    run: async () => {
      const { page } = await newPage();
      for (const expectation of roleExpectations) {
        await page.goto('/login');
        await login(page, expectation.username);
        assert.deepEqual(await menuLabels(page), expectation.menu, `menu of ${expectation.username}`);
        const { testId, value } = expectation.figure(await homeData(page));
        assert.equal(await figureText(page, testId), value, `home figure ${testId} of ${expectation.username}`);
        await page.waitForLoadState('networkidle');
        await shot(page, `home-${expectation.username}`);
        await page.goto(expectation.forbidden);
        await page.getByText('没有访问权限', { exact: true }).waitFor();
        await page.goto('/no-such-page');
        await page.getByText('页面不存在', { exact: true }).waitFor();
        await page.goto('/');
        await logout(page);
      }
    },
  },
  {
    name: 'language: English on the sign-in page, kept after reload, back to Chinese',
    run: async () => {
      const { page } = await newPage();
      await page.goto('/login');
      await page.locator('form#login button[type=submit]').getByText('登录').waitFor();
      await page.locator('[data-testid=language-switch]').getByText('English').click();
      await page.locator('form#login button[type=submit]').getByText('Sign in').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-US');
      await shot(page, 'login-english');
      await login(page, 'office');
      const englishMenu = ['Home', 'To do', 'Dashboard', 'Joint tasks', 'Talent registry', 'Enterprises', 'Import', 'Talent map', 'Industry map', 'Organisations', 'Responsible units', 'Talent policies', 'Applications', 'Entitlement ledger', 'Disbursement batches', 'Service requests', 'Talent apartments', 'Start-up loans', 'Loan totals', 'Title evaluation', 'Talent cards', 'Check a card', 'Talent demand', 'Recruitment campaigns', 'Market-hired executives', 'Skills training', 'Open challenges', 'Flexible talent', 'University cooperation', 'Platforms', 'Open calls', 'Retention', 'Reserve pools', 'Selections and honours', 'Working days'];
      assert.deepEqual(await menuLabels(page), englishMenu);
      await page.reload();
      await page.locator('[data-testid=side-menu]').waitFor();
      assert.deepEqual(await menuLabels(page), englishMenu);
      await page.getByText('Talent work in the zone').waitFor();
      await shot(page, 'home-office-english');
      await page.locator('header [data-testid=language-switch]').getByText('中文').click();
      await page.getByText('全区人才工作概况').waitFor();
      assert.deepEqual(await menuLabels(page), officeMenu);
      assert.equal(await page.evaluate(() => window.localStorage.getItem('talentzone.language')), 'zh-CN');
      await logout(page);
    },
  },
  { name: 'every menu page of every demo role in both languages at 1440 px: axe-core, nothing wider than the screen, no cut menu label', run: () => pagesWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  {
    name: 'no lock-out: after 3 wrong passwords a (username, address) pair must wait (429), known or unknown username alike',
    run: async () => {
      const { page } = await newPage();
      await page.goto('/login');
      const error = page.locator('[data-testid=login-error]');
      // no lock: three wrong passwords, then the pair (username, this address) must wait (429), the same for any username
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const status = await submitLogin(page, 'e2e.intruder', `Wrong#Password${attempt}`);
        assert.equal(status, attempt <= 3 ? 401 : 429, `attempt ${attempt}`);
        await error.waitFor();
        const text = await error.innerText();
        if (attempt <= 3) assert.match(text, /用户名或密码错误/);
        else assert.match(text, /登录尝试过于频繁.*秒后再试/);
      }
      assert.equal(new URL(page.url()).pathname, '/login');
      await shot(page, 'login-throttled');
    },
  },
  {
    name: 'sysadmin creates an enterprise account with a one-time password; it must choose its own, then signs in',
    run: async () => {
      const { page } = await newPage();
      await login(page, 'sysadmin');
      await page.locator('[data-testid=side-menu]').getByText('用户管理').click();
      await page.waitForURL((url) => url.pathname === '/users');
      await page.locator('.ant-table-row').first().waitFor();
      await page.locator('[data-testid=create-user]').click();
      await page.locator('#user-form_username').fill('e2e.hr');
      await page.locator('#user-form_displayName').fill('测试企业人力资源');
      await pickOption(page, '#user-form_roles', '企业');
      await page.keyboard.press('Escape');
      await page.locator('#user-form_organisationId').waitFor();
      await page.locator('.ant-form-item').filter({ has: page.locator('#user-form_organisationId') }).locator('.ant-select').click();
      await page.keyboard.type('泵阀');
      const pumpGroup = page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="泵阀集团"]');
      await pumpGroup.waitFor();
      await settle(page);
      await pumpGroup.click();

      const submit = async () => {
        const [response] = await Promise.all([
          page.waitForResponse((candidate) => candidate.url().endsWith('/api/users') && candidate.request().method() === 'POST'),
          page.locator('[data-testid=user-form-submit]').click(),
        ]);
        return response;
      };
      const created = await submit();
      assert.equal(created.status(), 201);
      // the server chose a one-time password, shown once to the administrator
      const oneTime = page.locator('[data-testid=one-time-password]');
      await oneTime.waitFor();
      const oneTimePassword = (await created.json()).oneTimePassword as string;
      assert.equal((await oneTime.innerText()).trim(), oneTimePassword);
      await shot(page, 'users-one-time-password');
      await page.locator('.ant-modal-confirm .ant-btn-primary').click();
      await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
      await page.locator('.ant-table-row').filter({ hasText: 'e2e.hr' }).waitFor();
      const row = page.locator('.ant-table-row').filter({ hasText: 'e2e.hr' });
      assert.match(await row.innerText(), /泵阀集团/);
      await shot(page, 'users-created');
      await logout(page);

      // the new account must choose its own password before anything else
      await page.goto('/login');
      assert.equal(await submitLogin(page, 'e2e.hr', oneTimePassword), 200);
      await page.locator('[data-testid=restricted-session]').waitFor();
      await page.locator('#change-password_currentPassword').fill(oneTimePassword);
      await page.locator('#change-password_newPassword').fill('Hr#Strong2026');
      await page.locator('#change-password_confirmPassword').fill('Hr#Strong2026');
      await shot(page, 'one-time-password-change');
      await page.locator('[data-testid=change-password-submit]').click();
      await page.locator('[data-testid=user-menu]').waitFor();
      await logout(page);

      await login(page, 'e2e.hr', 'Hr#Strong2026');
      assert.equal(await figureText(page, 'enterprise-name'), '泵阀集团');
      assert.deepEqual(await menuLabels(page), hrMenu);
      await logout(page);
    },
  },
  {
    name: 'auditor sees the throttled sign-in failures (result = failure)',
    run: async () => {
      const { page } = await newPage();
      await login(page, 'auditor');
      await page.locator('[data-testid=side-menu]').getByText('审计日志').click();
      await page.waitForURL((url) => url.pathname === '/audit');
      await page.locator('.ant-table-row').first().waitFor();
      await pickOption(page, '[data-testid=audit-result-filter]', '失败');
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().includes('/api/audit?') && candidate.url().includes('result=failure')),
        page.locator('[data-testid=audit-search]').click(),
      ]);
      const body = (await response.json()) as { items: { actorUsername: string | null; action: string; result: string }[]; total: number };
      const lockOut = body.items.filter((item) => item.actorUsername === 'e2e.intruder' && item.action === 'auth.login');
      assert.ok(lockOut.length >= 4, `expected ≥ 4 failed sign-ins of e2e.intruder, got ${lockOut.length}`);
      await page.locator('.ant-table-row').first().waitFor();
      const rows = page.locator('.ant-table-row');
      const rowCount = await rows.count();
      assert.equal(rowCount, Math.min(body.total, 20));
      assert.equal(await page.locator('.ant-table-row [data-result=success]').count(), 0);
      const leaderRows = rows.filter({ hasText: 'e2e.intruder' }).filter({ has: page.locator('[data-action="auth.login"]') });
      assert.ok((await leaderRows.count()) >= 4, 'the table shows the failed sign-ins of e2e.intruder');
      assert.match(await leaderRows.first().innerText(), /登录[\s\S]*失败/);
      await shot(page, 'audit-failures');
      // A row's details open in a drawer: where from, and the reason of the failure.
      await leaderRows.first().locator('[data-testid=audit-details]').click();
      const details = page.locator('.ant-drawer-content-wrapper:visible');
      await details.locator('[data-action="auth.login"]').waitFor();
      assert.match(await details.innerText(), /失败[\s\S]*(密码错误|失败过多，须稍候再试)/);
      await settle(page);
      await shot(page, 'audit-failure-details');
    },
  },
  {
    name: 'phone (390 × 844): sign-in and office home fit the width; the menu is a drawer',
    run: async () => {
      const { page } = await newPage(phone);
      const width = () => page.evaluate(() => document.documentElement.scrollWidth);
      await page.goto('/login');
      await page.locator('form#login').waitFor();
      await page.waitForLoadState('networkidle');
      assert.ok((await width()) <= phone.width, `sign-in page is ${await width()} px wide`);
      await shot(page, 'phone-login');
      await login(page, 'office');
      await page.locator('[data-testid=zone-talents]').waitFor();
      await page.waitForLoadState('networkidle');
      assert.ok((await width()) <= phone.width, `home page is ${await width()} px wide`);
      await shot(page, 'phone-home-office');
      await page.locator('[data-testid=menu-button]').click();
      await page.locator('.ant-drawer [data-testid=side-menu]').waitFor();
      assert.deepEqual(await menuLabels(page), officeMenu);
      await shot(page, 'phone-menu');
      await page.locator('.ant-drawer [data-testid=side-menu]').getByText('机构名录').click();
      await page.waitForURL((url) => url.pathname === '/organisations');
      await page.locator('.ant-table-row').first().waitFor();
      assert.ok((await width()) <= phone.width, `organisations page is ${await width()} px wide`);
      await shot(page, 'phone-organisations');
    },
  },
  {
    name: 'three separated admins: secadmin cannot touch business accounts; its reset of the auditor is a request the sysadmin sees and turns down',
    run: async () => {
      const { page } = await newPage();
      const leaderRow = page.locator('.ant-table-row').filter({ has: page.getByText('leader', { exact: true }) });
      await login(page, 'secadmin');
      await page.goto('/users');
      await leaderRow.waitFor();
      assert.equal(await page.locator('[data-testid=user-more-leader]').count(), 0, 'secadmin gets no actions on a business account');
      await page.locator('[data-testid=user-more-auditor]').click();
      const reset = page.getByRole('menuitem', { name: '重置密码' });
      await reset.waitFor();
      await settle(page);
      await reset.click();
      const [filed] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith('/password') && candidate.request().method() === 'POST'),
        page.locator('.ant-modal:visible .ant-btn-primary').click(),
      ]);
      assert.equal(filed.status(), 202, 'a reset of an admin account is a request');
      const requestId = (await filed.json()).request.id as string;
      await shot(page, 'users-secadmin');
      await logout(page);

      await login(page, 'sysadmin');
      await page.goto('/users');
      await leaderRow.waitFor();
      assert.equal(await page.locator('[data-testid=user-more-auditor]').count(), 0, 'sysadmin gets no actions on an admin account');
      await page.locator('[data-testid=side-menu]').getByText('管理员变更审批').click();
      await page.waitForURL((url) => url.pathname === '/admin-requests');
      await page.locator(`[data-testid=approve-${requestId}]`).waitFor();
      await shot(page, 'admin-requests');
      const row = page.locator(`.ant-table-row[data-row-key="${requestId}"]`);
      const [rejected] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(`/api/admin-requests/${requestId}/rejection`)),
        row.getByRole('button', { name: /驳\s?回/ }).click(),
      ]);
      assert.equal(rejected.status(), 200);
      await row.filter({ hasText: '已驳回' }).waitFor();
      await logout(page);

      await login(page, 'auditor');
      await page.locator('[data-testid=user-menu]').waitFor();
      await logout(page);
    },
  },
  {
    name: 'office imports a roster: template, check names the wrong ID check character, fixed file imported all-or-nothing, found by a Chinese word, audit trail',
    run: async () => {
      const { page } = await newPage();
      await login(page, 'office');
      await page.locator('[data-testid=side-menu]').getByText('导入').click();
      await page.waitForURL((url) => url.pathname === '/imports');

      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=import-template]').click()]);
      assert.match(download.suggestedFilename(), /\.xlsx$/, `template file name ${download.suggestedFilename()}`);
      const headers = await templateHeaders(await download.path());
      for (const header of ['姓名', '身份证号码', '毕业院校', '岗位', '引进方式']) assert.ok(headers.includes(header), `the template has the column ${header}`);

      // Three people, unique to this run; the second one's ID number has a wrong check character.
      const word = randomOf(rareCharacters, 3);
      const names = [0, 1, 2].map((index) => `${'温柯邵'[index]}${randomOf(rareCharacters, 2)}`);
      const idNumbers = [makeIdNumber(), makeIdNumber(true), makeIdNumber()];
      const rows = (ids: string[]) =>
        names.map((name, index) => ({
          姓名: name,
          身份证号码: ids[index],
          学历: '硕士研究生',
          毕业院校: index === 0 ? `${word}理工学院` : '太原理工大学',
          专业: '材料科学与工程',
          毕业年份: '2015',
          岗位: index === 0 ? `${word}电池研发工程师` : '研发工程师',
          引进方式: '市场化选聘',
          状态: '在区',
        }));

      await uploadRoster(page, 'roster-wrong.xlsx', await rosterWorkbook(headers, rows(idNumbers)));
      assert.equal(await figureText(page, 'import-total'), '3');
      assert.equal(await figureText(page, 'import-invalid'), '1');
      const problem = page.locator('[data-testid=import-problems] .ant-table-row').filter({ hasText: '身份证号码' });
      await problem.waitFor();
      const problemText = await problem.innerText();
      assert.match(problemText, /^\s*3\s/, `the problem names row 3: ${problemText}`);
      assert.match(problemText, /校验码/);
      assert.ok(await page.locator('[data-testid=import-start]').isDisabled(), 'all-or-nothing cannot start with a wrong row');
      await shot(page, 'import-preview-problem');

      const fixed = [...idNumbers];
      fixed[1] = fixed[1].slice(0, 17) + idNumberCheckCharacter(fixed[1].slice(0, 17));
      await uploadRoster(page, 'roster-fixed.xlsx', await rosterWorkbook(headers, rows(fixed)));
      assert.equal(await figureText(page, 'import-invalid'), '0');
      assert.ok(await page.locator('[data-testid=import-mode] input[value=allOrNothing]').isChecked(), 'all-or-nothing is the default');
      const [commit] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith('/commit') && candidate.request().method() === 'POST'),
        page.locator('[data-testid=import-start]').click(),
      ]);
      assert.equal(commit.status(), 202);
      assert.deepEqual(await commit.request().postDataJSON(), { mode: 'allOrNothing' });
      await page.locator('[data-testid=import-done]').waitFor({ timeout: 60_000 });
      assert.match(await page.locator('[data-testid=import-run]').innerText(), /导入 3 条/);
      await shot(page, 'import-done');

      await page.locator('[data-testid=side-menu]').getByText('人才库', { exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/talents');
      await page.locator('[data-testid=talents-search] input').fill(word);
      await Promise.all([
        page.waitForResponse((candidate) => candidate.url().includes('/api/talents?') && decodeURIComponent(candidate.url()).includes(`q=${word}`)),
        page.locator('[data-testid=talents-search] input').press('Enter'),
      ]);
      const found = page.locator('[data-testid=talent-table] .ant-table-row').filter({ hasText: names[0] });
      await found.waitFor();
      await found.locator('[data-testid=talent-link]').click();
      await page.waitForURL((url) => url.pathname.startsWith('/talents/'));
      assert.equal(await page.locator('[data-testid=talent-detail-name]').innerText(), names[0]);
      await page.locator('[data-testid=talent-tabs]').getByRole('tab', { name: '操作记录' }).click();
      await page.locator('[data-testid=talent-audit] .ant-table').waitFor();
      // the import wrote the talent's creation into its own trail, marked as imported
      const created = page.locator('[data-testid=talent-audit] .ant-table-row').filter({ has: page.locator('[data-action="talent.create"]') });
      await created.waitFor();
      assert.match(await created.innerText(), /office[\s\S]*新增人才[\s\S]*成功[\s\S]*批量导入/);
      await shot(page, 'talent-audit-import');
    },
  },
  {
    name: 'talent registry: home figure opens the filtered list; new talent form checks the ID check character at once; duplicate ID named; reveal and verify',
    run: async () => {
      const { page } = await newPage();
      await login(page, 'office');
      // Every figure leads to its records: 柔性服务中 → the list filtered by that status.
      await page.locator('[data-testid=zone-status-flexibleService]').click();
      await page.waitForURL((url) => url.pathname === '/talents' && url.searchParams.get('status') === 'flexibleService');
      await page.locator('[data-testid=talent-table] .ant-table-row').first().waitFor();
      const statuses = await page.locator('[data-testid=talent-table] .ant-table-row .ant-tag').allInnerTexts();
      assert.ok(statuses.length > 0 && statuses.filter((text) => text === '柔性服务中').length >= (await page.locator('[data-testid=talent-table] .ant-table-row').count()), 'every row is 柔性服务中');
      await page.goto('/talents');
      await page.locator('[data-testid=talent-table] .ant-table-row').first().waitFor();
      await page.waitForLoadState('networkidle');
      await shot(page, 'talents-list');

      // Saved filter: name the current filter set, clear, re-apply it from the drop-down.
      await page.goto('/talents?status=inZone&education=doctorate');
      await page.locator('[data-testid=talent-table] .ant-table-row').first().waitFor();
      await page.locator('[data-testid=saved-filters]').click();
      await page.getByRole('menuitem', { name: '保存当前筛选…' }).click();
      await page.locator('#save-filter_name').fill('在区博士');
      await page.locator('.ant-modal').getByRole('button', { name: '保存' }).click();
      await page.locator('[data-testid=clear-filters]').click();
      await page.waitForURL((url) => !url.searchParams.get('status'));
      await page.locator('[data-testid=saved-filters]').click();
      await page.getByRole('menuitem', { name: /在区博士/ }).click();
      await page.waitForURL((url) => url.searchParams.get('status') === 'inZone' && url.searchParams.get('education') === 'doctorate');

      // A new talent: the wrong check character is named as soon as the number is complete.
      await page.locator('[data-testid=create-talent]').click();
      const idField = page.locator('#talent-form_idNumber');
      await idField.waitFor();
      const name = `柯${randomOf(rareCharacters, 2)}`;
      const idNumber = makeIdNumber();
      await page.locator('#talent-form_name').fill(name);
      await idField.fill(makeIdNumber(true));
      const idError = page.locator('.ant-form-item').filter({ has: idField }).locator('.ant-form-item-explain-error');
      await idError.waitFor();
      assert.match(await idError.innerText(), /校验码（最后一位）不正确/);
      await idField.fill(idNumber);
      await idError.waitFor({ state: 'detached' });
      await page.locator('[data-testid=id-number-facts]').waitFor();
      await page.locator('#talent-form_phone').fill('13912345678');
      await pickOption(page, '#talent-form_arrivalRoute', '柔性引进');
      await page.locator('[data-testid=add-education]').click();
      await pickOption(page, '#talent-form_educations_0_level', '博士研究生');
      await page.locator('#talent-form_educations_0_school').fill('太原理工大学');
      await page.locator('#talent-form_educations_0_graduationYear').fill('2016');
      await page.locator('#talent-form_post').fill('首席科学家');
      await page.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, 0));
      await settle(page);
      await shot(page, 'talent-form');

      // A number already registered: the server names the person on the field.
      const existing = (await (await page.request.get('/api/talents?pageSize=1')).json()) as { items: { id: string; name: string }[] };
      const revealed = (await (
        await page.request.post(`/api/talents/${existing.items[0].id}/reveal`, {
          data: { reason: '端到端测试：重复号码' },
          headers: { 'X-CSRF-Token': await page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { csrfToken: string }).csrfToken) },
        })
      ).json()) as { idNumber: string };
      await idField.fill(revealed.idNumber);
      const submit = async () => {
        const [response] = await Promise.all([
          page.waitForResponse((candidate) => candidate.url().endsWith('/api/talents') && candidate.request().method() === 'POST'),
          page.locator('[data-testid=talent-form-submit]').click(),
        ]);
        return response;
      };
      const duplicate = await submit();
      assert.equal(duplicate.status(), 400);
      await idError.waitFor();
      assert.match(await idError.innerText(), new RegExp(`已登记（${existing.items[0].name}）`));

      await idField.fill(idNumber);
      const created = await submit();
      assert.equal(created.status(), 201);
      await page.waitForURL((url) => url.pathname.startsWith('/talents/'));
      assert.equal(await page.locator('[data-testid=talent-detail-name]').innerText(), name);
      assert.match(await page.locator('[data-testid=talent-id-number]').innerText(), /\*{8}/);

      // Reveal with a reason: the full number shows on this page.
      await page.locator('[data-testid=talent-reveal]').click();
      await page.locator('#reveal_reason').fill('办理人才公寓入住手续');
      await page.locator('.ant-modal').getByRole('button', { name: '查看' }).click();
      await page.locator('[data-testid=talent-revealed]').waitFor();
      assert.equal(await page.locator('[data-testid=talent-id-number]').innerText(), idNumber);

      // Verify every field; the detail says so.
      await page.locator('[data-testid=talent-verify]').click();
      await page.locator('[data-testid=verify-all]').click();
      const [verify] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith('/verify')),
        page.locator('.ant-modal').getByRole('button', { name: '确认核验' }).click(),
      ]);
      assert.equal(verify.status(), 200);
      await page.locator('.ant-tag').filter({ hasText: '已核验' }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await shot(page, 'talent-detail');
      await page.locator('[data-testid=talent-tabs]').getByRole('tab', { name: '操作记录' }).click();
      for (const action of ['talent.create', 'talent.reveal', 'talent.verify']) await page.locator(`[data-testid=talent-audit] [data-action="${action}"]`).waitFor();
    },
  },
  {
    name: 'phone (390 px): the talent list scrolls its table, not the page; the talent sees 我的档案',
    run: async () => {
      const { page } = await newPage(phone);
      await login(page, 'office');
      await page.goto('/talents');
      await page.locator('[data-testid=talent-table] .ant-table-row').first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.ok((await pageWidth(page)) <= phone.width, `talent list is ${await pageWidth(page)} px wide`);
      await shot(page, 'phone-talents');
      await logout(page);

      await login(page, 'talent');
      const home = await homeData(page);
      await page.locator('[data-testid=menu-button]').click();
      await page.locator('.ant-drawer [data-testid=side-menu]').getByText('我的档案').click();
      await page.waitForURL((url) => url.pathname === '/profile');
      await page.locator('[data-testid=talent-tabs]').waitFor();
      assert.equal(await page.locator('[data-testid=talent-tabs]').getByRole('tab', { name: '操作记录' }).count(), 0, 'no audit trail for the talent');
      assert.match(await page.locator('.ant-descriptions').first().innerText(), new RegExp(home.talent!.name));
      await page.locator('[data-testid=talent-edit]').click();
      await page.locator('#talent-form_name').waitFor();
      assert.ok(await page.locator('#talent-form_status').isDisabled(), 'a talent does not set their own status');
      assert.ok((await pageWidth(page)) <= phone.width, `the profile form is ${await pageWidth(page)} px wide`);
      await shot(page, 'phone-profile-form');
    },
  },
  { name: 'policies: publish in the draft editor, calculator and 申请, 退回补正 and 会签, ledger, batch paid, 免申即享 scan, 政策模拟', run: () => policiesWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'talent card: the QR code shown, checked at a service point (typed and scanned), an altered code refused, the office’s list and privileges, English', run: () => talentCardWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'the demo talent’s application through every review step with the demo accounts (经济发展局 退回补正, resubmitted, approved; 财政金融局 in English), on the ledger', run: () => reviewChainWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'web assets: compressed (br/gzip), hashed files immutable, index.html revalidated, the sign-in page within its budget', run: () => assetsWalkthrough({ newPage }) },
  { name: 'reserve pools (后备人才库): a unit nominates, the office admits with a score, the member page in English, a tile opens its list, the leader reads', run: () => poolsWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'service request: raised with a file, 联办 sub-task by a second unit, closed, rated 不满意, reopened, closed again, the office’s performance table and its list, English', run: () => serviceRequestWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'talent apartments: the demo talent applies, 规划建设局 approves in 待办, allocates and records the move-in, the talent sees the lease (English)', run: () => apartmentsWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'start-up loans: applied for, a demo loan through 受理, 银行审批 (a field error), 放款 and 贴息 to its subsidy on the ledger, 贷款统计, English', run: () => loansWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'title evaluation: a round opened, a candidate declared, checked, scored, passed, 公示; the demo round’s final results into the profile; English', run: () => titleEvaluationWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'talent demand on the screens: an enterprise posts a demand, a campaign post for it, an applicant through the stages with the interview scores from Excel, hired into the registry; the same ID number hired again updates it (one record); the demand filled; candidates with reasons; English', run: () => demandsWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'growth: a training order → class → certificate on the profile → placement (fulfilment); a challenge posted → proposal → scored → awarded with a milestone; English', run: () => growthWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }, makeIdNumber()) },
  { name: 'cooperation: the office adds an expert to a team of a project, the platforms; an enterprise records an intern and links the hire to the registry; English', run: () => cooperationWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'retention: a leader’s 我联系的人才 with a risky talent’s reasons, a visit raising a problem (→ service request), a departure moving the outflow, the back-test against the baseline', run: () => retentionWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'coordination: the office raises a joint task for two units; the helper notes and finishes its part; the owner closes it; an enterprise’s board shows an open challenge with why', run: () => coordinationWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'selections (评选): an enterprise nominates its staff, the office checks eligibility by the rule, the panel’s expert scores, 公示 ranked; last year’s honour on a profile (zh-CN, en-US)', run: () => selectionsWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'dashboard: the office’s figures for a year open lists with the same totals (three figures), a definition by keyboard, the report downloads, English; the 数据大屏 at 1920×1080 without scrolling', run: () => dashboardWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
  { name: 'maps: the industry map with the shortage index moving when a demand is posted and filled, the talent map with the China map, a question in words giving its chips', run: () => analyticsWalkthrough({ newPage, login, logout: (page) => logout(page), shot, settle }) },
];

async function main() {
  mkdirSync(screenshots, { recursive: true });
  ensureWebBuild(join(root, 'dist', 'web'));
  const dataDir = mkdtempSync(join(tmpdir(), 'tz-e2e-'));
  const env: NodeJS.ProcessEnv = { TZ_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', TZ_WEB_DIR: join(root, 'dist', 'web') };
  if (process.env.TEST_DATABASE_URL) env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let passed = 0;
  let failed = 0;
  // A hung browser or server must not hang CI: give up after 45 minutes (the whole walk takes about 20 on this machine).
  const watchdog = setTimeout(() => {
    console.log('✗ e2e: gave up after 45 minutes');
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }, 45 * 60 * 1000);
  watchdog.unref();
  try {
    server = await startServer(loadConfig(env));
    baseUrl = server.url;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // E2E_ONLY=3,5 runs those flows alone (numbered from 1), for working on one of them.
    const only = process.env.E2E_ONLY?.split(',').map(Number);
    for (const flow of flows.filter((_, index) => !only || only.includes(index + 1))) {
      const started = performance.now();
      try {
        pageProblems.splice(0);
        await flow.run();
        assert.deepEqual(pageProblems, [], 'the pages raised no script error and broke no CSP rule');
        passed += 1;
        console.log(`✓ ${flow.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed += 1;
        const message = error instanceof Error ? error.message : String(error);
        console.log(`✗ ${flow.name}: ${message.replace(/\s*\n\s*/g, ' ').slice(0, 500)}`);
        if (error instanceof Error && error.stack) console.error(error.stack);
        for (const [index, page] of openContexts.flatMap((context) => context.pages()).entries()) {
          await shot(page, `failure-${flows.indexOf(flow) + 1}-${index + 1}`).catch(() => undefined);
        }
      } finally {
        for (const context of openContexts.splice(0)) await context.close().catch(() => undefined);
      }
    }
  } catch (error) {
    failed += 1;
    console.log(`✗ start-up: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch((error: unknown) => console.error(error));
    rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
