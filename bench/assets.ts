/**
 * Web assets benchmark: the real server (fresh PGlite database with the demo data, the built bundle in dist/web,
 * rebuilt when stale) and Debian Chromium, each round in a fresh browser context (cold cache):
 *
 * - /login: the JS+CSS transferred (compressed, as on the wire) until the sign-in form is visible and the network is
 *   idle, and the time from navigation to the visible form;
 * - the signed-in home (office, signed in through the API first): the JS+CSS transferred until its figures show;
 * - baselines in the same run: the same two pages with `Accept-Encoding: identity` (what the server sent before the
 *   bundle was precompressed), and a static hello page with one form field (the floor of navigation and rendering).
 *
 * Medians of the rounds; the targets of issue 11: login JS+CSS ≤ 150 KB compressed, signed-in home ≤ 300 KB, /login to
 * form visible < 1 s on loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { ensureWebBuild } from '../src/cli/web-build';
import { loadConfig } from '../src/server/config';
import { demoPassword } from '../src/server/db/demo';
import { startServer } from '../src/server/main';

const root = resolve(import.meta.dirname, '..');
const kb = (bytes: number) => bytes / 1024;

export type AssetsBenchOptions = { runs: number };

/** `encodings`: the content codings of files over 1 KB (smaller ones may go plain: the build writes no copy that is not smaller). */
type Transfer = { bytes: number; requests: number; encodings: Set<string> };
type Round = { transfer: Transfer; formVisibleMs?: number };

/** Counts what the page fetched of scripts and style sheets, as transferred (the encoded body plus headers). */
function countTransfers(page: Page): { done: () => Promise<Transfer> } {
  const responses: Response[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') responses.push(response);
  });
  return {
    done: async () => {
      const transfer: Transfer = { bytes: 0, requests: 0, encodings: new Set() };
      for (const response of responses) {
        await response.finished();
        const sizes = await response.request().sizes();
        transfer.bytes += sizes.responseBodySize + sizes.responseHeadersSize;
        transfer.requests += 1;
        if (sizes.responseBodySize >= 1024) transfer.encodings.add((await response.headerValue('content-encoding')) ?? 'identity');
      }
      return transfer;
    },
  };
}

async function freshContext(browser: Browser, baseUrl: string, uncompressed: boolean): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    // the baseline: the same files as the server sent them before (no content coding)
    extraHTTPHeaders: uncompressed ? { 'Accept-Encoding': 'identity' } : undefined,
  });
}

async function loginRound(browser: Browser, baseUrl: string, uncompressed: boolean): Promise<Round> {
  const context = await freshContext(browser, baseUrl, uncompressed);
  try {
    const page = await context.newPage();
    const transfers = countTransfers(page);
    const started = performance.now();
    await page.goto('/login', { waitUntil: 'commit' });
    await page.locator('#login_username').waitFor({ state: 'visible', timeout: 30_000 });
    const formVisibleMs = performance.now() - started;
    await page.waitForLoadState('networkidle');
    return { transfer: await transfers.done(), formVisibleMs };
  } finally {
    await context.close();
  }
}

async function homeRound(browser: Browser, baseUrl: string, uncompressed: boolean): Promise<Round> {
  const context = await freshContext(browser, baseUrl, uncompressed);
  try {
    const signIn = await context.request.post('/api/auth/login', { data: { username: 'office', password: demoPassword }, headers: { origin: baseUrl } });
    if (!signIn.ok()) throw new Error(`sign-in for the home page: ${signIn.status()} ${await signIn.text()}`);
    const page = await context.newPage();
    const transfers = countTransfers(page);
    await page.goto('/', { waitUntil: 'commit' });
    await page.locator('[data-testid=zone-talents]').waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return { transfer: await transfers.done() };
  } finally {
    await context.close();
  }
}

/** The floor: a static page with one form field, served by the browser's request interception. */
async function helloRound(browser: Browser, baseUrl: string): Promise<Round> {
  const context = await freshContext(browser, baseUrl, false);
  try {
    const page = await context.newPage();
    await page.route('**/bench-hello', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><html><body><form><input id="hello" name="hello"></form></body></html>' }),
    );
    const started = performance.now();
    await page.goto('/bench-hello', { waitUntil: 'commit' });
    await page.locator('#hello').waitFor({ state: 'visible' });
    return { transfer: { bytes: 0, requests: 0, encodings: new Set() }, formVisibleMs: performance.now() - started };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

type Summary = { kb: number; requests: number; encodings: string; formVisibleMs?: number };
function summarize(rounds: Round[]): Summary {
  const times = rounds.flatMap((round) => (round.formVisibleMs === undefined ? [] : [round.formVisibleMs]));
  return {
    kb: median(rounds.map((round) => kb(round.transfer.bytes))),
    requests: median(rounds.map((round) => round.transfer.requests)),
    encodings: [...new Set(rounds.flatMap((round) => [...round.transfer.encodings]))].sort().join('+') || '—',
    formVisibleMs: times.length ? median(times) : undefined,
  };
}

export async function runAssetsBenchmark(options: AssetsBenchOptions): Promise<{ held: boolean }> {
  const webDir = join(root, 'dist', 'web');
  const building = performance.now();
  if (ensureWebBuild(webDir)) console.log(`web bundle built in ${((performance.now() - building) / 1000).toFixed(1)} s`);
  const dataDir = mkdtempSync(join(tmpdir(), 'tz-bench-assets-'));
  const server = await startServer(loadConfig({ TZ_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', TZ_WEB_DIR: webDir }));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const rounds = { login: [] as Round[], loginPlain: [] as Round[], home: [] as Round[], homePlain: [] as Round[], hello: [] as Round[] };
    // one warm-up of each (the server's first requests, Chromium's first context), then the rounds interleaved
    await loginRound(browser, server.url, false);
    await homeRound(browser, server.url, false);
    for (let round = 0; round < options.runs; round += 1) {
      rounds.hello.push(await helloRound(browser, server.url));
      rounds.login.push(await loginRound(browser, server.url, false));
      rounds.loginPlain.push(await loginRound(browser, server.url, true));
      rounds.home.push(await homeRound(browser, server.url, false));
      rounds.homePlain.push(await homeRound(browser, server.url, true));
    }
    const login = summarize(rounds.login);
    const loginPlain = summarize(rounds.loginPlain);
    const home = summarize(rounds.home);
    const homePlain = summarize(rounds.homePlain);
    const hello = summarize(rounds.hello);
    const ms = (value?: number) => (value === undefined ? '—' : `${value.toFixed(0)} ms`);
    const lines = [
      ['page', 'JS+CSS transferred', 'files', 'encoding (files > 1 KB)', 'form visible'],
      ['/login', `${login.kb.toFixed(1)} KB`, String(login.requests), login.encodings, ms(login.formVisibleMs)],
      ['/login uncompressed (baseline)', `${loginPlain.kb.toFixed(1)} KB`, String(loginPlain.requests), loginPlain.encodings, ms(loginPlain.formVisibleMs)],
      ['static hello page (baseline)', '—', '—', '—', ms(hello.formVisibleMs)],
      ['signed-in home', `${home.kb.toFixed(1)} KB`, String(home.requests), home.encodings, '—'],
      ['signed-in home uncompressed (baseline)', `${homePlain.kb.toFixed(1)} KB`, String(homePlain.requests), homePlain.encodings, '—'],
    ];
    const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
    console.log(`\nweb assets (${options.runs} rounds, cold cache each, medians; Chromium on loopback)`);
    for (const line of lines) console.log(`  ${line.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`);
    const targets = [
      { name: 'login JS+CSS ≤ 150 KB compressed', figure: `${login.kb.toFixed(1)} KB, ${(login.kb / loginPlain.kb).toFixed(2)}× of uncompressed`, held: login.kb <= 150 },
      { name: 'signed-in home JS+CSS ≤ 300 KB compressed', figure: `${home.kb.toFixed(1)} KB, ${(home.kb / homePlain.kb).toFixed(2)}× of uncompressed`, held: home.kb <= 300 },
      {
        name: '/login to form visible < 1 s',
        figure: `${ms(login.formVisibleMs)}, ${((login.formVisibleMs ?? 0) / (hello.formVisibleMs ?? 1)).toFixed(1)}× the hello page, ${((login.formVisibleMs ?? 0) / (loginPlain.formVisibleMs ?? 1)).toFixed(2)}× uncompressed`,
        held: (login.formVisibleMs ?? Infinity) < 1000,
      },
      { name: 'assets arrive compressed (br)', figure: `${login.encodings} / ${home.encodings}`, held: login.encodings === 'br' && home.encodings === 'br' },
    ];
    console.log('  targets:');
    for (const target of targets) console.log(`    ${target.held ? 'held  ' : 'MISSED'} ${target.name}: ${target.figure}`);
    return { held: targets.every((target) => target.held) };
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop().catch((error: unknown) => console.error(error));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
