import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, factoryPassword, uniqueSuffix } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';
import type { LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { addressCaptchaAfter, captchaAnswerHash, delaySeconds, maxDelaySeconds, pairCaptchaAfter, pairDelayAfter } from './throttle';
import { insertCaptcha } from './throttle.repo';
import { totpCode } from './second-factor';
import { demoPassword, demoTotpSecret } from '../../db/demo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const sessionCookieOf = (response: LightMyRequestResponse) =>
  [response.headers['set-cookie'] ?? []].flat().find((cookie) => cookie.startsWith('tz_session=')) ?? '';

/** A captcha whose answer the test knows (the image is not machine-readable on purpose). */
async function knownCaptcha() {
  const id = randomUUID();
  await insertCaptcha(t.db, { id, answerHash: captchaAnswerHash(id, 'k7m2'), expiresAt: new Date(Date.now() + 60_000) });
  return { captchaId: id, captchaAnswer: 'K7M2' };
}

const auditRows = (userId: string) =>
  t.rows<{ action: string; result: string; detail: string | null; ip: string | null }>(
    sql`select action, result, detail, ip from audit_log where target_id = ${userId} order by id`,
  );

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie (not Secure on http) and returns the user and a CSRF token', async () => {
    const user = await buildUser(t.db, { roles: ['office'] });
    const response = await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password });
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatch(/^tz_session=[\w-]{40,};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const body = response.json();
    expect(body.user).toMatchObject({ id: user.id, username: user.username, roles: ['office'] });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    // the session table keeps only the token's hash
    const token = /^tz_session=([^;]+)/.exec(cookie)![1];
    const stored = await t.rows<{ token_hash: string }>(sql`select token_hash from sessions where user_id = ${user.id}`);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toBe(token);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('usernames are case-insensitive', async () => {
    const user = await buildUser(t.db);
    const response = await t.anonymous().post('/api/auth/login', { username: user.username.toUpperCase(), password: user.password });
    expect(response.statusCode).toBe(200);
  });

  it('marks the cookie Secure behind a trusted https proxy, not when the proxy is not trusted', async () => {
    const user = await buildUser(t.db);
    const trusting = await t.withConfig({ env: { TZ_TRUST_PROXY: '1' } });
    const viaProxy = await trusting.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
      payload: { username: user.username, password: user.password },
    });
    expect(viaProxy.statusCode).toBe(200);
    expect(sessionCookieOf(viaProxy)).toMatch(/; Secure/);
    // the address recorded is the client's, from X-Forwarded-For
    expect((await auditRows(user.id)).at(-1)).toMatchObject({ action: 'auth.login', result: 'success', ip: '203.0.113.7' });

    const untrusted = await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password }, { headers: { 'x-forwarded-proto': 'https' } });
    expect(untrusted.statusCode).toBe(200);
    expect(sessionCookieOf(untrusted)).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure on plain http when TZ_SECURE_COOKIES is on', async () => {
    const user = await buildUser(t.db);
    const secure = await t.withConfig({ env: { TZ_SECURE_COOKIES: 'true' } });
    const response = await secure.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
    expect(response.statusCode).toBe(200);
    expect(sessionCookieOf(response)).toMatch(/; Secure/);
  });

  it('answers a wrong password with 401 in Chinese by default and in English on request, and sets no cookie', async () => {
    const user = await buildUser(t.db);
    const agent = t.anonymous();
    const chinese = await agent.post('/api/auth/login', { username: user.username, password: 'Wrong#Password1' });
    expect(chinese.statusCode).toBe(401);
    expect(chinese.json()).toEqual({ error: { code: 'invalidCredentials', message: '用户名或密码错误', fields: {} } });
    expect(sessionCookieOf(chinese)).toBe('');
    const english = await agent.post('/api/auth/login', { username: user.username, password: 'Wrong#Password1' }, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(english.statusCode).toBe(401);
    expect(english.json().error.message).toBe('Wrong username or password');
    // an unknown user gets the very same answer
    const unknown = await agent.post('/api/auth/login', { username: 'nobody_here', password: 'Wrong#Password1' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(chinese.json());
  });

  it('throttles a (username, address) pair after 3 failures with growing delays (429, Retry-After), the same for unknown usernames', async () => {
    const user = await buildUser(t.db);
    for (const username of [user.username, `ghost_${uniqueSuffix()}`]) {
      const agent = t.anonymous();
      for (let attempt = 1; attempt <= pairDelayAfter; attempt += 1) {
        const response = await agent.post('/api/auth/login', { username, password: `Wrong#${attempt}abc` });
        expect(response.statusCode, `${username} ${attempt}`).toBe(401);
        expect(response.json().error.code).toBe('invalidCredentials');
      }
      // at once: the pair waits 1 s after its third failure, even with the right password; never a 423
      const waiting = await agent.post('/api/auth/login', { username, password: user.password }, { headers: { 'accept-language': 'en' } });
      expect(waiting.statusCode).toBe(429);
      expect(waiting.headers['retry-after']).toBe('1');
      expect(waiting.json().error).toEqual({ code: 'tooManyAttempts', message: 'Too many sign-in attempts; try again in 1 s', fields: {} });
      // the delay doubles with each further failure, up to the cap
      expect(delaySeconds(pairDelayAfter + 1, new Date(0), 0)).toBe(2);
      expect(delaySeconds(pairDelayAfter + 3, new Date(0), 0)).toBe(8);
      expect(delaySeconds(pairDelayAfter + 30, new Date(0), 0)).toBe(maxDelaySeconds);
    }
    // another address is not slowed down
    expect((await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password })).statusCode).toBe(200);
    // accounts have nothing to lock them with any more
    const columns = await t.rows(sql`select column_name from information_schema.columns where table_name = 'users' and column_name in ('locked_until', 'failed_login_count')`);
    expect(columns).toEqual([]);
  });

  it('asks for an image captcha after 3 failures of a pair; the right user at that address gets in with it, the sysadmin too: no lock', async () => {
    const agent = t.anonymous();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await t.db.execute(sql`update login_failures set last_at = now() - interval '2 minutes' where key like ${`%sysadmin@${agent.ip}`}`);
      const body = { username: 'sysadmin', password: `Wrong#${attempt}abc` };
      const response = await agent.post('/api/auth/login', attempt > pairCaptchaAfter ? { ...body, ...(await knownCaptcha()) } : body);
      expect(response.statusCode, `attempt ${attempt}`).toBe(401);
      expect(response.json().error.code).toBe('invalidCredentials');
    }
    await t.db.execute(sql`update login_failures set last_at = now() - interval '2 minutes' where key like ${`%sysadmin@${agent.ip}`}`);
    const without = await agent.post('/api/auth/login', { username: 'sysadmin', password: demoPassword });
    expect(without.statusCode).toBe(401);
    expect(without.json().error).toMatchObject({ code: 'captchaRequired', fields: { captchaAnswer: '图形验证码：请填写图形验证码' } });
    const captcha = await knownCaptcha();
    const wrong = await agent.post('/api/auth/login', { username: 'sysadmin', password: demoPassword, captchaId: captcha.captchaId, captchaAnswer: 'nope' });
    expect(wrong.json().error.code).toBe('captchaRequired');
    // a captcha is single-use: the one just tried does not work again, even with its right answer
    const reused = await agent.post('/api/auth/login', { username: 'sysadmin', password: demoPassword, ...captcha });
    expect(reused.json().error.code).toBe('captchaRequired');
    const right = await agent.post('/api/auth/login', { username: 'sysadmin', password: demoPassword, ...(await knownCaptcha()) });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ secondFactorRequired: true });
    // the image itself is served as an SVG data URL, with nothing of the answer in the response
    const served = await t.anonymous().get('/api/auth/captcha');
    expect(served.json().image).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Object.keys(served.json()).sort()).toEqual(['id', 'image']);
  });

  it(`asks every username from an address for a captcha after ${addressCaptchaAfter} failures there, but never blocks it; other addresses go on`, async () => {
    const user = await buildUser(t.db);
    const agent = t.anonymous();
    for (let attempt = 1; attempt <= addressCaptchaAfter; attempt += 1) {
      expect((await agent.post('/api/auth/login', { username: `unknown_${uniqueSuffix()}`, password: 'Wrong#abc123' })).statusCode).toBe(401);
    }
    const asked = await agent.post('/api/auth/login', { username: user.username, password: user.password });
    expect(asked.json().error.code).toBe('captchaRequired');
    expect((await agent.post('/api/auth/login', { username: user.username, password: user.password, ...(await knownCaptcha()) })).statusCode).toBe(200);
    expect((await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password })).statusCode).toBe(200);
  });

  it('refuses a disabled account, with the right password too', async () => {
    const user = await buildUser(t.db, { disabled: true });
    const response = await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('accountDisabled');
    expect(sessionCookieOf(response)).toBe('');
  });

  it('audits every success, failure and sign-out', async () => {
    const user = await buildUser(t.db);
    const agent = t.anonymous();
    await agent.post('/api/auth/login', { username: user.username, password: 'Wrong#abc123' });
    await agent.post('/api/auth/login', { username: user.username, password: user.password });
    await agent.post('/api/auth/logout');
    const rows = await auditRows(user.id);
    expect(rows.map(({ action, result, detail }) => ({ action, result, detail }))).toEqual([
      { action: 'auth.login', result: 'failure', detail: 'wrongPassword' },
      { action: 'auth.login', result: 'success', detail: null },
      { action: 'auth.logout', result: 'success', detail: null },
    ]);
    expect(rows.every((row) => row.ip === agent.ip)).toBe(true);
    // an unknown username is audited under the name tried
    const unknown = `ghost_${Date.now()}`;
    await agent.post('/api/auth/login', { username: unknown, password: 'Wrong#abc123' });
    const [ghost] = await t.rows<{ result: string; detail: string }>(sql`select result, detail from audit_log where action = 'auth.login' and actor_username = ${unknown}`);
    expect(ghost).toEqual({ result: 'failure', detail: 'unknownUser' });
  });
});

describe('sessions', () => {
  it('sign-out ends the session on the server: the old cookie then gets 401', async () => {
    const user = await buildUser(t.db);
    const agent = await t.login(user.username, user.password);
    const oldCookie = agent.cookie!;
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    const logout = await agent.post('/api/auth/logout');
    expect(logout.statusCode).toBe(204);
    expect(sessionCookieOf(logout)).toMatch(/^tz_session=;/);
    const replay = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `tz_session=${oldCookie}` } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('unauthenticated');
    expect(await t.rows(sql`select 1 from sessions where user_id = ${user.id}`)).toHaveLength(0);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const user = await buildUser(t.db);
    const agent = await t.login(user.username, user.password);
    await t.db.execute(sql`update sessions set last_seen_at = now() - interval '29 minutes' where user_id = ${user.id}`);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    await t.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${user.id}`);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session at its absolute end however active it is', async () => {
    const user = await buildUser(t.db);
    const agent = await t.login(user.username, user.password);
    const [session] = await t.rows<{ hours: number }>(sql`select round(extract(epoch from expires_at - created_at) / 3600) as hours from sessions where user_id = ${user.id}`);
    expect(Number(session.hours)).toBe(12);
    await t.db.execute(sql`update sessions set expires_at = now() - interval '1 second', last_seen_at = now() where user_id = ${user.id}`);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('a disabled user has no live session', async () => {
    const user = await buildUser(t.db);
    const agent = await t.login(user.username, user.password);
    await t.db.execute(sql`update users set disabled = true where id = ${user.id}`);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('GET /api/auth/me returns the user and the session’s CSRF token', async () => {
    const user = await buildUser(t.db, { roles: ['office', 'leader'] });
    const agent = await t.login(user.username, user.password);
    const token = agent.csrfToken;
    const response = await agent.get('/api/auth/me');
    expect(response.json()).toEqual({
      user: { id: user.id, username: user.username, displayName: user.displayName, roles: ['office', 'leader'], talentId: null, organisationId: null, unitId: null },
      csrfToken: token,
      restriction: null,
      secondFactor: false,
    });
  });
});

describe('password change', () => {
  it('refuses a wrong current password with a field error and audits the failure', async () => {
    const user = await buildUser(t.db);
    const agent = await t.login(user.username, user.password);
    const response = await agent.post('/api/auth/password', { currentPassword: 'Not#theRight1', newPassword: 'Brand#New2026' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('wrongPassword');
    expect(response.json().error.fields.currentPassword).toContain('当前密码');
    const [row] = await t.rows<{ result: string }>(sql`select result from audit_log where action = 'auth.changePassword' and target_id = ${user.id}`);
    expect(row.result).toBe('failure');
  });

  it('refuses a weak new password with a field error naming 新密码', async () => {
    const user = await buildUser(t.db);
    const agent = await t.login(user.username, user.password);
    for (const weak of ['short1A', 'alllowercase1', 'Password123', factoryPassword]) {
      const response = await agent.post('/api/auth/password', { currentPassword: user.password, newPassword: weak });
      expect(response.statusCode, weak).toBe(400);
      expect(response.json().error.code).toBe('validation');
      expect(Object.keys(response.json().error.fields)).toEqual(['newPassword']);
      expect(response.json().error.fields.newPassword).toMatch(/^新密码：/);
      expect(response.json().error.message).toContain('新密码');
    }
    // nothing changed: the old password still signs in
    await t.login(user.username, user.password);
  });

  it('changes the password, ends every other session and keeps the caller signed in with a new session', async () => {
    const user = await buildUser(t.db);
    const other = await t.login(user.username, user.password);
    const agent = await t.login(user.username, user.password);
    const oldCookie = agent.cookie;
    const response = await agent.post('/api/auth/password', { currentPassword: user.password, newPassword: 'Brand#New2026' });
    expect(response.statusCode).toBe(200);
    expect(agent.cookie).not.toBe(oldCookie);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: `tz_session=${oldCookie}` } })).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password })).statusCode).toBe(401);
    await t.login(user.username, 'Brand#New2026');
    const [audit] = await t.rows<{ changes: unknown }>(sql`select changes from audit_log where action = 'auth.changePassword' and target_id = ${user.id} and result = 'success'`);
    expect(audit.changes).toEqual({ password: '***' });
  });
});

describe('password rule', () => {
  it('refuses repeated, keyboard and common patterns and the username (also reversed), naming 新密码; accepts a good passphrase', async () => {
    const office = await t.login('office');
    const cases = [
      ['Aaaaaaa1', '新密码：不能包含重复的字符或片段（如 aaaa、ababab）'],
      ['Qwerty@2026', '新密码：过于常见，请换一个'],
      ['office2026!', '新密码：不能包含用户名（含倒序）'],
      ['Eciffo#2026x', '新密码：不能包含用户名（含倒序）'],
      ['Zx!asdf9Lm', '新密码：不能包含键盘上连续的按键（如 qwer、asdf、1qaz）'],
      ['Mq#1qaz8Yv', '新密码：不能包含键盘上连续的按键（如 qwer、asdf、1qaz）'],
      ['Lw#bcde4Tr!', '新密码：不能包含连续的数字或字母（如 1234、abcd）'],
      ['Summer#2026', '新密码：强度不足，容易被猜到：请用更长的、不常见的词组'],
    ] as const;
    for (const [password, message] of cases) {
      const response = await office.post('/api/auth/password', { currentPassword: demoPassword, newPassword: password });
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error.fields, password).toEqual({ newPassword: message });
    }
    const user = await buildUser(t.db);
    const agent = await t.login(user.username, user.password);
    expect((await agent.post('/api/auth/password', { currentPassword: user.password, newPassword: 'Lantern-Orchid-Gravel-91' })).statusCode).toBe(200);
  });
});

describe('one-time passwords', () => {
  it('a session with a password set by someone else may only read me, change the password and sign out (403 passwordChangeRequired)', async () => {
    const user = await buildUser(t.db, { roles: ['office'], mustChangePassword: true });
    const agent = await t.login(user.username, user.password);
    expect(agent.user).toMatchObject({ id: user.id });
    expect((await agent.get('/api/auth/me')).json()).toMatchObject({ restriction: 'passwordChangeRequired' });
    for (const [method, url] of [['GET', '/api/talents'], ['GET', '/api/home'], ['POST', '/api/auth/second-factor/enrolment']] as const) {
      const refused = await agent.request(method, url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error).toEqual({ code: 'passwordChangeRequired', message: '请先修改密码：当前密码由他人设置，只能使用一次', fields: {} });
    }
    const changed = await agent.post('/api/auth/password', { currentPassword: user.password, newPassword: 'Lantern-Orchid-Gravel-91' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().restriction).toBeNull();
    expect((await agent.get('/api/talents')).statusCode).toBe(200);
    const [audit] = await t.rows<{ detail: string }>(sql`select detail from audit_log where action = 'auth.changePassword' and target_id = ${user.id}`);
    expect(audit.detail).toBe('oneTimePasswordReplaced');
  });
});

describe('TOTP second factor', () => {
  it('an administrator without TOTP must enrol before anything else; enrolment shows a QR code and 10 recovery codes once', async () => {
    const admin = await buildUser(t.db, { roles: ['auditor'], totpSecret: null, totpEnabledAt: null });
    const agent = await t.login(admin.username, admin.password);
    expect((await agent.get('/api/auth/me')).json()).toMatchObject({ restriction: 'secondFactorRequired', secondFactor: false });
    const refused = await agent.get('/api/audit');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('secondFactorRequired');

    const enrolment = await agent.post('/api/auth/second-factor/enrolment');
    expect(enrolment.statusCode).toBe(200);
    const { secret, uri, qrCode } = enrolment.json();
    expect(uri).toBe(`otpauth://totp/TalentZone:${admin.username}?secret=${secret}&issuer=TalentZone`);
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    // kept encrypted, never in clear
    const [stored] = await t.rows<{ totp_pending_secret: string }>(sql`select totp_pending_secret from users where id = ${admin.id}`);
    expect(stored.totp_pending_secret).not.toContain(secret);

    const wrong = await agent.post('/api/auth/second-factor/confirmation', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ code: '动态口令：不正确' });
    const confirmed = await agent.post('/api/auth/second-factor/confirmation', { code: await totpCode(secret) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(confirmed.json().session.restriction).toBeNull();
    expect((await agent.get('/api/audit')).statusCode).toBe(200);
    // administrators cannot turn it off
    expect((await agent.delete('/api/auth/second-factor', { password: admin.password })).statusCode).toBe(409);

    // sign-in is now two steps: a challenge, then a code or a recovery code (each usable once)
    const first = await t.anonymous().post('/api/auth/login', { username: admin.username, password: admin.password });
    expect(first.statusCode).toBe(200);
    expect(Object.keys(first.json()).sort()).toEqual(['challengeToken', 'secondFactorRequired']);
    expect(sessionCookieOf(first)).toBe('');
    const second = t.anonymous();
    const badCode = await second.post('/api/auth/login/second-factor', { challengeToken: first.json().challengeToken, code: '123456' });
    expect(badCode.statusCode).toBe(401);
    expect(badCode.json().error.code).toBe('invalidSecondFactor');
    const recovered = await second.post('/api/auth/login/second-factor', { challengeToken: first.json().challengeToken, recoveryCode: recoveryCodes[0].toUpperCase() });
    expect(recovered.statusCode).toBe(200);
    expect(sessionCookieOf(recovered)).toMatch(/^tz_session=/);
    // the challenge is spent, and so is the recovery code
    expect((await second.post('/api/auth/login/second-factor', { challengeToken: first.json().challengeToken, recoveryCode: recoveryCodes[1] })).statusCode).toBe(400);
    const again = await t.anonymous().post('/api/auth/login', { username: admin.username, password: admin.password });
    const reused = await t.anonymous().post('/api/auth/login/second-factor', { challengeToken: again.json().challengeToken, recoveryCode: recoveryCodes[0] });
    expect(reused.statusCode).toBe(401);
    const byCode = await t.anonymous().post('/api/auth/login/second-factor', { challengeToken: again.json().challengeToken, code: await totpCode(secret) });
    expect(byCode.statusCode).toBe(200);
    expect((await auditRows(admin.id)).map((row) => row.action)).toContain('auth.totpEnable');
  });

  it('a challenge allows 5 tries, then is gone', async () => {
    const agent = t.anonymous();
    const first = await agent.post('/api/auth/login', { username: 'auditor', password: demoPassword });
    const { challengeToken } = first.json();
    for (let attempt = 1; attempt <= 4; attempt += 1) expect((await agent.post('/api/auth/login/second-factor', { challengeToken, code: '000000' })).statusCode).toBe(401);
    const last = await agent.post('/api/auth/login/second-factor', { challengeToken, code: '000000' });
    expect(last.json().error.code).toBe('challengeExpired');
    expect((await agent.post('/api/auth/login/second-factor', { challengeToken, code: await totpCode(demoTotpSecret) })).statusCode).toBe(400);
  });

  it('staff may turn it on and off (with the password)', async () => {
    const user = await buildUser(t.db);
    const agent = await t.login(user.username, user.password);
    const { secret } = (await agent.post('/api/auth/second-factor/enrolment')).json();
    expect((await agent.post('/api/auth/second-factor/confirmation', { code: await totpCode(secret) })).statusCode).toBe(200);
    expect((await agent.get('/api/auth/second-factor')).json()).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect((await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password })).json().secondFactorRequired).toBe(true);
    expect((await agent.delete('/api/auth/second-factor', { password: 'Wrong#abc123' })).statusCode).toBe(400);
    expect((await agent.delete('/api/auth/second-factor', { password: user.password })).statusCode).toBe(204);
    expect((await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password })).json().csrfToken).toBeDefined();
  });
});

describe('request protection', () => {
  it('demands the session’s CSRF token on state-changing requests', async () => {
    const user = await buildUser(t.db);
    const agent = await t.login(user.username, user.password);
    const token = agent.csrfToken!;
    agent.csrfToken = null;
    const missing = await agent.post('/api/auth/logout');
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf');
    agent.csrfToken = token.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(403);
    // another session's token does not do either
    agent.csrfToken = (await t.login(user.username, user.password)).csrfToken;
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(403);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    agent.csrfToken = token;
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
  });

  it('refuses a state-changing request from a foreign Origin, even with the right token', async () => {
    const user = await buildUser(t.db);
    const agent = await t.login(user.username, user.password);
    const foreign = await agent.post('/api/auth/logout', undefined, { headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('crossOrigin');
    const login = await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password }, { headers: { origin: 'http://evil.example' } });
    expect(login.statusCode).toBe(403);
    const same = await agent.post('/api/auth/logout', undefined, { headers: { host: 'talentzone.test:3000', origin: 'http://talentzone.test:3000' } });
    expect(same.statusCode).toBe(204);
  });

  it('accepts JSON bodies only (415 for text/plain and forms)', async () => {
    const user = await buildUser(t.db);
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': contentType },
        payload: contentType === 'text/plain' ? JSON.stringify({ username: user.username, password: user.password }) : `username=${user.username}&password=${user.password}`,
      });
      expect(response.statusCode, contentType).toBe(415);
      expect(response.json().error.code).toBe('unsupportedMediaType');
    }
    const agent = await t.login(user.username, user.password);
    const signedIn = await agent.post('/api/auth/password', JSON.stringify({ currentPassword: user.password, newPassword: 'Brand#New2026' }), { headers: { 'content-type': 'text/plain' } });
    expect(signedIn.statusCode).toBe(415);
  });

  it('sends the security headers', async () => {
    const response = await t.anonymous().get('/api/health');
    const policy = String(response.headers['content-security-policy']);
    const directives = Object.fromEntries(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('errors and discovery', () => {
  it('GET /api/health names the database in use', async () => {
    const response = await t.anonymous().get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('answers an unknown /api route with 404 in the error shape', async () => {
    for (const [method, url] of [['GET', '/api/nothing-here'], ['POST', '/api/users/1/teleport'], ['DELETE', '/api/audit']] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'routeNotFound', message: '接口不存在', fields: {} } });
    }
  });

  it('never sends a stack trace', async () => {
    const office = await t.login('office');
    const sysadmin = await t.login('sysadmin');
    const responses = [
      await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' }),
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } }),
      await t.app.inject({ method: 'GET', url: '/api/users?page=zero' }),
      await office.get('/api/users'),
      await sysadmin.patch('/api/users/not-a-uuid', { displayName: 'x' }),
      await t.app.inject({ method: 'GET', url: '/api/%E0%A4%A' }),
      await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: 'x'.repeat(1024 * 1024 + 10) }),
    ];
    expect(responses.map((response) => response.statusCode)).toEqual([400, 400, 401, 403, 400, 400, 413]);
    for (const response of responses) {
      const body = response.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(Object.keys(body.error).sort()).toEqual(['code', 'fields', 'message']);
      expect(response.body).not.toMatch(/stack|\bat [\w.<>]+ \(|node_modules|\/src\/|\.ts:\d+/);
      expect(response.headers['x-content-type-options'], response.body).toBe('nosniff');
    }
    expect(responses[1].json().error.fields).toEqual({ password: '密码：必填' });
  });

  it('/api/openapi.json is OpenAPI 3 and documents every route', async () => {
    const response = await t.anonymous().get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    const documented = new Set(Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`)));
    const routes = t.routes
      // HEAD twins of GET routes, Swagger UI and the document itself are not API operations.
      .filter((route) => route.method !== 'HEAD' && route.url.startsWith('/api') && !route.url.startsWith('/api/docs') && route.url !== '/api/openapi.json')
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((operation) => !routes.includes(operation))).toEqual([]);
    expect(Object.keys((document as { components?: { securitySchemes?: object } }).components?.securitySchemes ?? {})).toEqual(['cookieAuth', 'csrfToken']);
  });

  it('serves Swagger UI at /api/docs', async () => {
    const response = await t.anonymous().get('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('first-run set-up', () => {
  const setupToken = 'test-setup-token-1234567890';
  const accounts = {
    sysadmin: { username: 'root_sys', displayName: '系统管理员', password: 'Sys#Admin2026' },
    secadmin: { username: 'root_sec', displayName: '安全管理员', password: 'Sec#Admin2026' },
    auditor: { username: 'root_audit', displayName: '审计管理员', password: 'Aud#Admin2026' },
  };
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await createTestApp({ template: 'empty', env: { TZ_DEMO: 'false' }, setupToken });
  });
  afterAll(async () => fresh?.close());

  it('is required on an empty database without demo data, and demo mode never asks for it', async () => {
    expect(await fresh.rows(sql`select 1 from users`)).toHaveLength(0);
    expect((await fresh.anonymous().get('/api/setup')).json()).toEqual({ required: true, demo: false });
    expect((await t.anonymous().get('/api/setup')).json()).toEqual({
      required: false,
      demo: true,
      demoPassword: 'Demo@2026',
      demoTotpSecret,
      demoAccounts: expect.arrayContaining([{ username: 'office', roles: ['office'] }, { username: 'auditor', roles: ['auditor'] }]),
    });
  });

  it('refuses a wrong token with 403, and a weak password with a field error, creating nothing', async () => {
    const wrong = await fresh.anonymous().post('/api/setup', { setupToken: 'wrong-token', ...accounts });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('setupToken');
    const weak = await fresh.anonymous().post('/api/setup', { setupToken, ...accounts, auditor: { ...accounts.auditor, password: 'weakweak' } });
    expect(weak.statusCode).toBe(400);
    expect(Object.keys(weak.json().error.fields)).toEqual(['auditor.password']);
    expect(weak.json().error.fields['auditor.password']).toMatch(/^审计管理员 › 密码：/);
    expect(await fresh.rows(sql`select 1 from users`)).toHaveLength(0);
    // without a set-up token configured nobody can run set-up
    const tokenless = await fresh.withConfig({ env: { TZ_DEMO: 'false' } });
    expect((await tokenless.inject({ method: 'POST', url: '/api/setup', payload: { setupToken: 'anything', ...accounts } })).statusCode).toBe(403);
  });

  it('creates the three separated admin accounts once; a second set-up answers 409', async () => {
    const response = await fresh.anonymous().post('/api/setup', { setupToken, ...accounts });
    expect(response.statusCode).toBe(204);
    const users = await fresh.rows<{ username: string; roles: string[] }>(sql`select username, roles from users order by username`);
    expect(users).toEqual([
      { username: 'root_audit', roles: ['auditor'] },
      { username: 'root_sec', roles: ['secadmin'] },
      { username: 'root_sys', roles: ['sysadmin'] },
    ]);
    for (const account of Object.values(accounts)) await fresh.login(account.username, account.password);
    const audit = await fresh.rows<{ action: string }>(sql`select action from audit_log where action = 'setup.createAdmin'`);
    expect(audit).toHaveLength(3);
    expect((await fresh.anonymous().get('/api/setup')).json()).toEqual({ required: false, demo: false });
    const again = await fresh.anonymous().post('/api/setup', { setupToken, ...accounts });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setupDone');
  });
});
