/**
 * Browser walk of every page: for every demo account and both languages, at 1440 × 900, signs in and opens each page
 * of its side menu (read from the page, so new pages are covered), one record of each list and a drawer or two. On
 * each it runs axe-core (no critical or serious violation), checks that nothing is wider than the screen (the page, a
 * table) and that no menu label is cut, and takes a screenshot (e2e/screenshots/pages-…). Called by e2e/run.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { E2EHelpers } from './policies';

/** axe-core's script, evaluated in the page (the page's Content-Security-Policy refuses an added script tag). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const wide = { width: 1440, height: 900 };
/** Every demo account (E2E_ACCOUNTS=office,auditor walks only those, for working on a page). */
const accounts = process.env.E2E_ACCOUNTS?.split(',') ?? ['office', 'talent', 'enterprise', 'department', 'finance', 'leader', 'sysadmin', 'secadmin', 'auditor'];
const languages = ['zh-CN', 'en-US'] as const;

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };

/** Waits until the page has loaded what it shows: no spinner, no skeleton, no antd motion. */
async function quiet(page: Page, settle: E2EHelpers['settle']) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, { timeout: 10_000 }).catch(() => undefined);
  await settle(page);
}

/**
 * The problems of the page on screen: axe-core's critical and serious violations (with the experimental rule that a
 * control's name contains its visible text), sideways overflow, cut menu labels.
 */
export async function pageProblems(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = (await page.evaluate(() => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } }))) as AxeResult;
  const problems = result.violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map((violation) => `${where}: axe ${violation.impact} ${violation.id} (${violation.help}) at ${violation.nodes.slice(0, 4).map((node) => JSON.stringify(node.target)).join(', ')}${violation.nodes.length > 4 ? ` and ${violation.nodes.length - 4} more` : ''}`);
  const layout = await page.evaluate(() => {
    const found: string[] = [];
    const viewport = window.innerWidth;
    const pageWidth = document.documentElement.scrollWidth;
    if (pageWidth > viewport) found.push(`the page is ${pageWidth} px wide`);
    for (const table of document.querySelectorAll<HTMLElement>('.ant-table, table')) {
      if (table.closest('.ant-drawer, .ant-modal, .ant-select-dropdown, .ant-picker-dropdown')) continue;
      const right = table.getBoundingClientRect().right;
      if (right > viewport) found.push(`a table reaches ${Math.round(right)} px`);
    }
    // A table that scrolls sideways inside its box hides columns just as well.
    for (const box of document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
      if (box.scrollWidth > box.clientWidth + 1) found.push(`a table is ${box.scrollWidth} px wide in ${box.clientWidth} px`);
    }
    for (const title of document.querySelectorAll<HTMLElement>('[data-testid=side-menu] .ant-menu-title-content')) {
      if (title.scrollWidth > title.clientWidth + 1) found.push(`the menu label "${title.innerText}" is cut`);
    }
    return found;
  });
  return [...problems, ...layout.map((problem) => `${where}: ${problem}`)];
}

export async function pagesWalkthrough({ newPage, login, shot, settle }: E2EHelpers) {
  const problems: string[] = [];
  let visited = 0;
  for (const language of languages) {
    for (const account of accounts) {
      const { context, page } = await newPage(wide);
      await context.addInitScript((value) => window.localStorage.setItem('talentzone.language', value), language);
      await page.goto('/login');
      await login(page, account);
      const check = async (name: string) => {
        await quiet(page, settle);
        const where = `${account} ${language} ${new URL(page.url()).pathname}`;
        const found = await pageProblems(page, where);
        for (const problem of found) console.log(`  ${problem}`);
        problems.push(...found);
        await shot(page, `pages-${language}-${account}-${name}`);
        visited += 1;
      };
      const items = page.locator('[data-testid=side-menu] .ant-menu-item');
      const count = await items.count();
      assert.ok(count > 0, `${account} has a menu`);
      for (let index = 0; index < count; index += 1) {
        const label = (await items.nth(index).innerText()).trim();
        await items.nth(index).click();
        // The page is there when the breadcrumb names it (the router keeps the old page while the new one loads).
        if (index > 0) await page.locator('.ant-layout-content .ant-breadcrumb li').last().filter({ hasText: label }).waitFor();
        const path = new URL(page.url()).pathname;
        const name = path === '/' ? 'home' : path.slice(1).replace(/\//g, '-');
        await check(name);
        // One record of the list: the first row's link, when it leads to a page of its own.
        const link = page.locator('.ant-table-row a[href^="/"]').first();
        // Records and drawers in the first language only: their texts come from the same locale files as the pages'.
        const thorough = language === languages[0];
        if (thorough && path !== '/' && (await link.count())) {
          const crumbs = page.locator('.ant-layout-content .ant-breadcrumb');
          const listCrumbs = await crumbs.innerHTML();
          await link.click();
          await page.waitForURL((url) => url.pathname !== path).catch(() => undefined);
          if (new URL(page.url()).pathname !== path) {
            // The record's page is there when the breadcrumb changed (its page's crumb becomes a link).
            await page.waitForFunction((before) => document.querySelector('.ant-layout-content .ant-breadcrumb')?.innerHTML !== before, listCrumbs);
            await check(`${name}-record`);
            await page.goBack();
            await page.waitForURL((url) => url.pathname === path);
          }
        }
        // A drawer: a row's details (the audit log), or the create form of the list.
        const opener = page.locator('[data-testid=audit-details], [data-testid=create-talent], [data-testid=create-user]').first();
        if (thorough && (await opener.count())) {
          await opener.click();
          await page.locator('.ant-drawer-content-wrapper:visible, .ant-modal:visible').first().waitFor();
          await check(`${name}-drawer`);
          await page.keyboard.press('Escape');
          await settle(page);
        }
      }
      await context.close();
    }
  }
  console.log(`  pages: ${visited} pages checked with axe-core at ${wide.width} px`);
  assert.deepEqual(problems, [], `${problems.length} problems:\n${problems.join('\n')}`);
}
