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
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureWebBuild } from '../src/cli/web-build';
import { loadConfig } from '../src/server/config';
import { startServer } from '../src/server/main';

const root = resolve(import.meta.dirname, '..');
const screenshots = join(root, 'e2e', 'screenshots');
const demoPassword = 'Demo@2026';
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

type Flow = { name: string; run: () => Promise<void> };
type HomeData = {
  zone?: { talents: number };
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

/** What each demo account must see: its menu (exactly), a figure read from /api/home, and a page it may not open. */
const roleExpectations: { username: string; menu: string[]; figure: (home: HomeData) => { testId: string; value: string }; forbidden: string }[] = [
  { username: 'office', menu: ['工作台', '机构名录', '责任单位'], figure: (home) => ({ testId: 'zone-talents', value: String(home.zone!.talents) }), forbidden: '/users' },
  { username: 'leader', menu: ['工作台', '机构名录', '责任单位'], figure: (home) => ({ testId: 'zone-talents', value: String(home.zone!.talents) }), forbidden: '/audit' },
  { username: 'talent', menu: ['工作台'], figure: (home) => ({ testId: 'talent-name', value: home.talent!.name }), forbidden: '/organisations' },
  { username: 'enterprise', menu: ['工作台', '机构名录', '责任单位'], figure: (home) => ({ testId: 'enterprise-staff', value: String(home.enterprise!.staff) }), forbidden: '/users' },
  { username: 'department', menu: ['工作台', '机构名录', '责任单位'], figure: (home) => ({ testId: 'unit-name', value: home.unit!.name }), forbidden: '/audit' },
  { username: 'sysadmin', menu: ['工作台', '用户管理'], figure: (home) => ({ testId: 'accounts-users', value: String(home.accounts!.users) }), forbidden: '/audit' },
  { username: 'secadmin', menu: ['工作台', '用户管理'], figure: (home) => ({ testId: 'accounts-users', value: String(home.accounts!.users) }), forbidden: '/organisations' },
  { username: 'auditor', menu: ['工作台', '审计日志'], figure: (home) => ({ testId: 'audit-events', value: String(home.audit!.events) }), forbidden: '/users' },
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

async function login(page: Page, username: string, password = demoPassword) {
  if (!page.url().endsWith('/login')) await page.goto('/login');
  const status = await submitLogin(page, username, password);
  assert.equal(status, 200, `sign-in of ${username} answered ${status}`);
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
      assert.deepEqual(await menuLabels(page), ['Home', 'Organisations', 'Responsible units']);
      await page.reload();
      await page.locator('[data-testid=side-menu]').waitFor();
      assert.deepEqual(await menuLabels(page), ['Home', 'Organisations', 'Responsible units']);
      await page.getByText('Talent work in the zone').waitFor();
      await shot(page, 'home-office-english');
      await page.locator('header [data-testid=language-switch]').getByText('中文').click();
      await page.getByText('全区人才工作概况').waitFor();
      assert.deepEqual(await menuLabels(page), ['工作台', '机构名录', '责任单位']);
      assert.equal(await page.evaluate(() => window.localStorage.getItem('talentzone.language')), 'zh-CN');
      await logout(page);
    },
  },
  {
    name: 'lock-out: 5 wrong passwords lock the account; the right one is refused too',
    run: async () => {
      const { page } = await newPage();
      await page.goto('/login');
      const error = page.locator('[data-testid=login-error]');
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const status = await submitLogin(page, 'leader', `Wrong#Password${attempt}`);
        assert.equal(status, attempt < 5 ? 401 : 423, `attempt ${attempt}`);
        await error.waitFor();
        const text = await error.innerText();
        if (attempt < 5) assert.match(text, /用户名或密码错误/);
        else assert.match(text, /账户已锁定.*分钟后再试/);
      }
      const status = await submitLogin(page, 'leader', demoPassword);
      assert.equal(status, 423);
      await error.waitFor();
      assert.match(await error.innerText(), /账户已锁定.*分钟后再试/);
      assert.equal(new URL(page.url()).pathname, '/login');
      await shot(page, 'login-locked');
    },
  },
  {
    name: 'sysadmin creates an enterprise account (weak password refused first); it can sign in',
    run: async () => {
      const { page } = await newPage();
      await login(page, 'sysadmin');
      await page.locator('[data-testid=side-menu]').getByText('用户管理').click();
      await page.waitForURL((url) => url.pathname === '/users');
      await page.locator('.ant-table-row').first().waitFor();
      await page.locator('[data-testid=create-user]').click();
      await page.locator('#user-form_username').fill('e2e.hr');
      await page.locator('#user-form_displayName').fill('测试企业人力资源');
      await page.locator('#user-form_password').fill('abcdefgh');
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
      const weak = await submit();
      assert.equal(weak.status(), 400);
      const passwordError = page.locator('.ant-form-item').filter({ has: page.locator('#user-form_password') }).locator('.ant-form-item-explain-error');
      await passwordError.waitFor();
      assert.match(await passwordError.innerText(), /密码：需包含/);
      await shot(page, 'users-create-weak-password');

      await page.locator('#user-form_password').fill('Hr#Strong2026');
      const created = await submit();
      assert.equal(created.status(), 201);
      await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
      await page.locator('.ant-table-row').filter({ hasText: 'e2e.hr' }).waitFor();
      const row = page.locator('.ant-table-row').filter({ hasText: 'e2e.hr' });
      assert.match(await row.innerText(), /泵阀集团/);
      await shot(page, 'users-created');
      await logout(page);

      await login(page, 'e2e.hr', 'Hr#Strong2026');
      assert.equal(await figureText(page, 'enterprise-name'), '泵阀集团');
      assert.deepEqual(await menuLabels(page), ['工作台', '机构名录', '责任单位']);
      await logout(page);
    },
  },
  {
    name: 'auditor sees the sign-in failures of the lock-out (result = failure)',
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
      const lockOut = body.items.filter((item) => item.actorUsername === 'leader' && item.action === 'auth.login');
      assert.ok(lockOut.length >= 6, `expected ≥ 6 failed sign-ins of leader, got ${lockOut.length}`);
      await page.locator('.ant-table-row').first().waitFor();
      const rows = page.locator('.ant-table-row');
      const rowCount = await rows.count();
      assert.equal(rowCount, Math.min(body.total, 20));
      assert.equal(await page.locator('.ant-table-row [data-result=success]').count(), 0);
      const leaderRows = rows.filter({ hasText: 'leader' }).filter({ has: page.locator('[data-action="auth.login"]') });
      assert.ok((await leaderRows.count()) >= 6, 'the table shows the failed sign-ins of leader');
      assert.match(await leaderRows.first().innerText(), /登录[\s\S]*失败/);
      await leaderRows.first().locator('.ant-table-row-expand-icon').click();
      await page.locator('.ant-table-expanded-row').first().waitFor();
      await shot(page, 'audit-failures');
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
      assert.deepEqual(await menuLabels(page), ['工作台', '机构名录', '责任单位']);
      await shot(page, 'phone-menu');
      await page.locator('.ant-drawer [data-testid=side-menu]').getByText('机构名录').click();
      await page.waitForURL((url) => url.pathname === '/organisations');
      await page.locator('.ant-table-row').first().waitFor();
      assert.ok((await width()) <= phone.width, `organisations page is ${await width()} px wide`);
      await shot(page, 'phone-organisations');
    },
  },
  {
    name: 'three separated admins: secadmin cannot touch business accounts; sysadmin unlocks the locked one',
    run: async () => {
      const { page } = await newPage();
      const leaderRow = page.locator('.ant-table-row').filter({ has: page.getByText('leader', { exact: true }) });
      await login(page, 'secadmin');
      await page.goto('/users');
      await leaderRow.waitFor();
      assert.equal(await page.locator('[data-testid=user-more-leader]').count(), 0, 'secadmin gets no actions on a business account');
      await page.locator('[data-testid=user-more-auditor]').waitFor();
      await shot(page, 'users-secadmin');
      await logout(page);

      await login(page, 'sysadmin');
      await page.goto('/users');
      await leaderRow.waitFor();
      assert.match(await leaderRow.innerText(), /已锁定/);
      assert.equal(await page.locator('[data-testid=user-more-auditor]').count(), 0, 'sysadmin gets no actions on an admin account');
      await page.locator('[data-testid=user-more-leader]').click();
      const unlock = page.getByRole('menuitem', { name: '解锁' });
      await unlock.waitFor();
      await settle(page);
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith('/unlock') && candidate.request().method() === 'POST'),
        unlock.click(),
      ]);
      assert.equal(response.status(), 200);
      await leaderRow.filter({ hasText: '正常' }).waitFor();
      await logout(page);

      await login(page, 'leader');
      await page.locator('[data-testid=zone-talents]').waitFor();
      await logout(page);
    },
  },
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
  // A hung browser or server must not hang CI: give up after 15 minutes.
  const watchdog = setTimeout(() => {
    console.log('✗ e2e: gave up after 15 minutes');
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }, 15 * 60 * 1000);
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
