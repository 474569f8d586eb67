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
import * as dictionaries from '../src/domain/dictionaries';
import * as policyDictionaries from '../src/domain/policies/policy';
import { schoolCategories } from '../src/domain/policies/facts';
import { allRoles } from '../src/domain/roles';
import { demoPolicies } from '../src/server/db/demo/policies';

/** axe-core's script, evaluated in the page (the page's Content-Security-Policy refuses an added script tag). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const wide = { width: 1440, height: 900 };
/** Every demo account (E2E_ACCOUNTS=office,auditor walks only those, for working on a page). */
const accounts = process.env.E2E_ACCOUNTS?.split(',') ?? ['office', 'talent', 'enterprise', 'department', 'finance', 'leader', 'sysadmin', 'secadmin', 'auditor'];
const languages = ['zh-CN', 'en-US'] as const;

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };

/**
 * Codes that must never be read on screen alone: every value of the domain's enumerations (statuses, kinds, periods,
 * roles …), the rounds' `once`, the demo policies' codes and their attachment kinds' codes. A leaf element whose whole
 * text is one of them, or a policy code anywhere in a text, is a code shown raw.
 */
const enumerations = [...Object.values(dictionaries), ...Object.values(policyDictionaries)].filter((value): value is readonly string[] => Array.isArray(value) && value.every((item) => typeof item === 'string'));
const bareCodes = [...new Set([...enumerations.flat(), ...schoolCategories, ...allRoles, 'once', ...demoPolicies.flatMap((demo) => demo.version.attachments.map((attachment) => attachment.code))])].filter((code) => /^[A-Za-z][A-Za-z0-9]*$/.test(code));
const policyCodes = demoPolicies.map((demo) => demo.policy.code);
/**
 * What may look like a code but is a word a reader knows. Kept tiny: the product's name, its sign-in method and
 * file formats, and the role abbreviation HR (人力资源) that the zone's staff use in Chinese too.
 */
const allowedWords = new Set(['TalentZone', 'TOTP', 'HR', 'PDF', 'JPG', 'PNG', 'Excel', 'OpenAPI']);

/**
 * Raw codes in what the page shows: its visible text and the tooltips (`title`), accessible names (`aria-label`) and
 * placeholders a reader meets. Flags camelCase and dotted identifiers (`financeEconomics`, `params.doctorMonthly`,
 * `auth.login`), uuids (and so `user · <uuid>`), policy codes (`INTERN`) anywhere, and an enumeration's value or a
 * lone tier letter as the whole text of a cell or tag. File names (`diploma.pdf`) and masks (`140302************`,
 * `138****5678`) are words a reader knows; what a person typed, shown as typed under its label (a username, the
 * policy's own code), is marked `data-verbatim` by the page and not read.
 */
async function rawCodes(page: Page, where: string): Promise<string[]> {
  const found = await page.evaluate(
    ({ bare, policies, allowed }) => {
      const hits: string[] = [];
      // (no named helper functions in here: the test runner's transpiler would wrap them in a helper the page lacks)
      // `data-verbatim` marks what a person typed and the page shows as typed, under its label: a username, the code
      // the office gave a policy (政策代码). Everything else must be a label.
      const hidden = '.visually-hidden, [aria-hidden=true], [data-verbatim]';
      const texts: { text: string; leaf: boolean; cell: boolean }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent?.trim() || parent.closest('script, style, noscript') || !parent.checkVisibility({ visibilityProperty: true }) || parent.closest(hidden)) continue;
        texts.push({ text: node.textContent.trim(), leaf: parent.childElementCount === 0 && parent.textContent?.trim() === node.textContent.trim(), cell: !!parent.closest('td, .ant-tag, .ant-descriptions-item-content') });
      }
      for (const element of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
        if (!element.checkVisibility({ visibilityProperty: true }) || element.closest(hidden)) continue;
        for (const name of ['title', 'aria-label', 'placeholder']) {
          const value = element.getAttribute(name)?.trim();
          if (value) texts.push({ text: value, leaf: true, cell: false });
        }
      }
      const words = /[A-Za-z][\w.-]*[A-Za-z0-9]|[A-Za-z]/g;
      const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
      for (const { text, leaf, cell } of texts) {
        if (uuid.test(text)) hits.push(`uuid in "${text.slice(0, 80)}"`);
        if (leaf && cell && (bare.includes(text) || /^[A-E]$/.test(text))) hits.push(`bare code "${text}"`);
        for (const word of text.match(words) ?? []) {
          if (allowed.includes(word)) continue;
          if (policies.includes(word)) hits.push(`policy code ${word} in "${text.slice(0, 80)}"`);
          else if (/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(word)) hits.push(`camelCase ${word} in "${text.slice(0, 80)}"`);
          else if (/^[A-Za-z]+(\.[A-Za-z]+)+$/.test(word) && !/\.(pdf|jpe?g|png|xlsx|csv)$/i.test(word) && !/^[a-z]\.[a-z]$/i.test(word)) hits.push(`dotted ${word} in "${text.slice(0, 80)}"`);
        }
      }
      return [...new Set(hits)];
    },
    { bare: bareCodes, policies: policyCodes, allowed: [...allowedWords] },
  );
  return found.map((hit) => `${where}: raw code: ${hit}`);
}

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

/** JSON requests as the signed-in user of the page (with the session's CSRF token). */
async function api(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': me.csrfToken };
  const answer = async <T>(response: Awaited<ReturnType<Page['request']['get']>>, what: string) => {
    assert.ok(response.ok(), `${what} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    get: async <T>(path: string) => answer<T>(await page.request.get(path, { headers }), `GET ${path}`),
    post: async <T>(path: string, data: unknown) => answer<T>(await page.request.post(path, { headers, data }), `POST ${path}`),
    upload: async <T>(path: string, bytes: Buffer, mediaType: string) => answer<T>(await page.request.post(path, { headers: { ...headers, 'Content-Type': mediaType }, data: bytes }), `POST ${path}`),
  };
}

type Listed = { items: { id: string; code?: string; attachments?: unknown[] }[] };
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Pages the menu walk does not reach, for the raw-code scan: every policy's detail (parameters, exclusions, rules),
 * as the office; an application with attachments, as the talent (the office publishes a policy with a required file
 * for it first, once); the talent's calculator results are a menu page already.
 */
async function extraPages(page: Page, account: string, run: string): Promise<string[]> {
  const client = await api(page);
  if (account === 'office') {
    const policies = await client.get<Listed>('/api/policies?pageSize=100');
    if (!policies.items.some((policy) => policy.code === `E2E-P-${run}`)) {
      const created = await client.post<{ id: string }>('/api/policies', {
        policy: { code: `E2E-P-${run}`, title: `泵阀产业人才交通补贴${run}`, documentNo: `阳高管发〔2026〕${run}号`, summary: '端到端测试：带附件的申请', category: 'livingSubsidy', target: 'talent', unit: 'U07', mode: 'apply', budgetTotal: 100_000, effectiveFrom: '2026-01-01' },
        version: { eligibility: { '==': [{ var: 'industry' }, 'pumpsValves'] }, amount: 800, periodKind: 'oneOff', periods: 1, attachments: [{ code: 'diploma', name: '学历学位证书', required: true }, { code: 'contract', name: '劳动合同', required: false }], steps: [{ name: '人社局审核', units: ['U07'], mode: 'any', workingDays: 5 }] },
        parameters: [],
      });
      await client.post(`/api/policies/${created.id}/publish`, {});
    }
    return (await client.get<Listed>('/api/policies?pageSize=100')).items.map((policy) => `/policies/${policy.id}`);
  }
  if (account === 'talent') {
    const policy = (await client.get<Listed>('/api/policies?pageSize=100')).items.find((item) => item.code === `E2E-P-${run}`);
    if (!policy) return [];
    const applications = await client.get<{ items: { id: string; policy: { id: string } }[] }>('/api/applications?pageSize=100');
    let application = applications.items.find((item) => item.policy.id === policy.id);
    if (!application) {
      const diploma = await client.upload<{ id: string }>(`/api/attachments?requirement=diploma&fileName=${encodeURIComponent('学历证书.pdf')}`, pdf, 'application/pdf');
      const contract = await client.upload<{ id: string }>(`/api/attachments?requirement=contract&fileName=${encodeURIComponent('劳动合同.pdf')}`, pdf, 'application/pdf');
      const created = await client.post<{ id: string; policy: { id: string } }>('/api/applications', { policyId: policy.id, form: {}, attachmentIds: [diploma.id, contract.id] });
      application = created;
    }
    return [`/applications/${application.id}`];
  }
  return [];
}

export async function pagesWalkthrough({ newPage, login, shot, settle }: E2EHelpers) {
  const problems: string[] = [];
  const run = Math.random().toString(36).slice(2, 7).toUpperCase();
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
        const found = [...(await pageProblems(page, where)), ...(await rawCodes(page, where))];
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
      // Detail pages the menu does not lead to (in both languages: the raw-code scan reads their data's labels).
      for (const path of await extraPages(page, account, run)) {
        await page.goto(path);
        await page.locator('.ant-layout-content .ant-breadcrumb').waitFor();
        await check(path.slice(1).replace(/\//g, '-'));
      }
      await context.close();
    }
  }
  console.log(`  pages: ${visited} pages checked with axe-core at ${wide.width} px`);
  assert.deepEqual(problems, [], `${problems.length} problems:\n${problems.join('\n')}`);
}
