/**
 * Browser walkthrough of the talent card (人才卡): the demo talent shows the card's QR code; a service point's staff
 * (the department account) checks the code typed in and the scanned link, and sees valid with the name and tier; an
 * altered code is refused with no name; the office finds the card in 人才卡管理 and the tiers' privileges; the card page
 * reads in English. Called by e2e/run.ts with its helpers.
 */
import assert from 'node:assert/strict';
import type { E2EHelpers } from './policies';

export async function talentCardWalkthrough({ newPage, login, logout, shot, settle }: E2EHelpers) {
  const { page } = await newPage({ width: 1440, height: 900 });
  await login(page, 'talent');
  await page.locator('[data-testid=side-menu]').getByText('我的人才卡').click();
  await page.locator('[data-testid=card-qr]').waitFor();
  assert.equal((await page.locator('[data-testid=card-status]').innerText()).trim(), '有效');
  assert.ok((await page.locator('[data-testid=card-privileges] .ant-list-item').count()) > 0, 'the card lists its privileges');
  assert.ok((await page.locator('[data-testid=card-checks] .ant-list-item').count()) > 0, 'the demo card has been used');
  const holder = (await page.locator('[data-testid=my-card] h4').innerText()).trim();
  const code = (await page.locator('[data-testid=card-code]').innerText()).trim();
  assert.match(code, /^TZC1\./);
  const alt = await page.locator('[data-testid=card-qr]').getAttribute('alt');
  assert.ok(alt?.startsWith('人才卡二维码'), `the QR image is named (${alt})`);
  await shot(page, 'card-talent');
  const me = (await (await page.request.get('/api/talent-card')).json()) as { code: { url: string } };
  const scannedPath = new URL(me.code.url).pathname + new URL(me.code.url).search;
  await logout(page);

  // a service point: the code typed in, then the scanned link, then an altered code
  await login(page, 'department');
  await page.locator('[data-testid=side-menu]').getByText('人才卡核验').click();
  await page.locator('[data-testid=card-check-code]').fill(code);
  await page.locator('[data-testid=card-check-point]').fill('阳泉市第一人民医院');
  await page.locator('[data-testid=card-check-submit]').click();
  const valid = page.locator('[data-testid=card-check-valid]');
  await valid.waitFor();
  const validText = await valid.innerText();
  assert.ok(validText.includes(holder), `a valid check names the holder (${validText})`);
  await shot(page, 'card-check-valid');
  await page.locator('[data-testid=card-check-next]').click();

  await page.goto(scannedPath);
  await page.locator('[data-testid=card-check-valid]').waitFor();
  assert.ok(!page.url().includes('code='), 'the scanned code leaves the address once checked');
  await page.locator('[data-testid=card-check-next]').click();

  const parts = code.split('.');
  const altered = [...parts.slice(0, 3), (parts[3].startsWith('A') ? 'B' : 'A') + parts[3].slice(1)].join('.');
  await page.locator('[data-testid=card-check-code]').fill(altered);
  await page.locator('[data-testid=card-check-submit]').click();
  const refused = page.locator('[data-testid=card-check-invalid]');
  await refused.waitFor();
  assert.ok(!(await refused.innerText()).includes(holder), 'a refused check shows no name');
  await shot(page, 'card-check-invalid');
  await logout(page);

  // the office: the card in the list, the tiers' privileges
  await login(page, 'office');
  await page.locator('[data-testid=side-menu]').getByText('人才卡管理').click();
  await page.locator('[data-testid=cards-search] input').fill(holder);
  await page.locator('[data-testid=cards-search] input').press('Enter');
  await page.locator('.ant-table-row', { hasText: holder }).first().waitFor();
  await shot(page, 'cards-office');
  await page.getByRole('tab', { name: '各类别权益' }).click();
  await settle(page);
  await page.getByRole('tabpanel').getByText('D 类 骨干人才').waitFor();
  await shot(page, 'cards-privileges');
  await logout(page);

  // English
  const english = await newPage({ width: 1440, height: 900 });
  await english.page.addInitScript(() => window.localStorage.setItem('talentzone.language', 'en-US'));
  await english.page.goto('/login');
  await login(english.page, 'talent');
  await english.page.goto('/card');
  await english.page.locator('[data-testid=card-qr]').waitFor();
  assert.equal((await english.page.locator('[data-testid=card-status]').innerText()).trim(), 'Valid');
  await english.page.getByText('My green-channel privileges').waitFor();
  await shot(english.page, 'card-talent-en');
}
