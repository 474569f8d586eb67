import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeText, httpUrl } from '../../domain/text';
import { policyInput } from '../../domain/policies/policy';
import { uniqueIdNumber, uniqueSuffix } from '../test/factories';
import { createTestApp, type Agent, type TestApp } from '../test/harness';
import { headersOf, rowOf, uploadImport, workbookBytes } from '../modules/imports/imports.fixtures';
import { maximumInputDepth } from './input';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

const english = { headers: { 'accept-language': 'en-US' } };
const talentBody = (name: string) => ({ name, idNumber: uniqueIdNumber(), arrivalRoute: 'marketHire', arrivedOn: '2024-05-01' });

describe('text rule (domain/text.ts)', () => {
  it('refuses NUL, control characters, unpaired surrogates and bidi controls; keeps tabs, line breaks, Chinese and emoji', () => {
    const schema = safeText(z.string().max(60));
    for (const bad of ['a\u0000b', '\u0007', '\u009b', '\ud800', 'x\udfff', 'a\u202eb', '\u2066x\u2069']) {
      const result = schema.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'text.unsafe' } });
    }
    for (const good of ['张三', 'line\nbreak\tand\r\n', '😀 emoji', 'Zoë']) expect(schema.safeParse(good).success, good).toBe(true);
    // the field's own checks still apply
    expect(schema.safeParse('x'.repeat(61)).error?.issues[0]).toMatchObject({ code: 'too_big' });
  });

  it('normalises to NFC and strips zero-width characters', () => {
    expect(safeText().parse('Zoe\u0308\u200b\ufeff')).toBe('Zoë');
  });

  it('accepts http and https addresses only', () => {
    const url = httpUrl();
    expect(url.safeParse('https://example.cn/policy.pdf').success).toBe(true);
    expect(url.safeParse('http://example.cn').success).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'ftp://example.cn', 'example.cn', `https://example.cn/${'a'.repeat(500)}`]) {
      expect(url.safeParse(bad).success, bad).toBe(false);
    }
    expect(policyInput.shape.documentUrl.safeParse('javascript:alert(1)').success).toBe(false);
  });
});

describe('every route refuses unsafe text before its schema runs (plugins/input.ts)', () => {
  it('a NUL in a talent name is a 400 naming 姓名, nothing saved (PostgreSQL refuses NUL in text: it was a 500)', async () => {
    const name = `测试${uniqueSuffix()}`;
    const response = await office.post('/api/talents', talentBody(`${name}\u0000`));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation', fields: { name: expect.stringMatching(/^姓名：含有不允许的字符/) } });
    const inEnglish = await office.post('/api/talents', talentBody(`${name}\u0000`), english);
    expect(inEnglish.json().error.fields.name).toMatch(/contains characters that are not allowed/);
    expect(await t.rows(sql`select 1 from talents where name like ${`${name}%`}`)).toHaveLength(0);
  });

  it('an unpaired surrogate or a NUL in a search is a 400, not a 500', async () => {
    for (const url of ['/api/talents?q=%00', '/api/talents?q=a%00b', '/api/users?q=%00', '/api/audit?actor=%00', '/api/policies?q=%00']) {
      const agent = url.startsWith('/api/users') ? await t.login('sysadmin') : url.startsWith('/api/audit') ? await t.login('auditor') : office;
      const response = await agent.get(url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(response.json().error.code).toBe('validation');
    }
    const surrogate = await office.request('POST', '/api/policies/match-count', '{"target":"talent","eligibility":{"==":[{"var":"talent.name"},"\\ud800"]}}', {
      headers: { 'content-type': 'application/json' },
    });
    expect(surrogate.statusCode, surrogate.body).toBe(400);
    expect(Object.keys(surrogate.json().error.fields)).toEqual(['eligibility.==.1']);
  });

  it('bidi overrides in a reason and in a login are refused; an object key with NUL names its object', async () => {
    const [talent] = await t.rows<{ id: string }>(sql`select id from talents limit 1`);
    const reveal = await office.post(`/api/talents/${talent.id}/reveal`, { reason: '核对\u202e身份' });
    expect(reveal.statusCode).toBe(400);
    expect(Object.keys(reveal.json().error.fields)).toEqual(['reason']);
    const login = await t.anonymous().post('/api/auth/login', { username: 'office\u0000', password: 'x' });
    expect(login.statusCode).toBe(400);
    const key = await office.request('POST', '/api/policies/match-count', '{"target":"talent","eligibility":true,"params":{"\\u0000":1}}', { headers: { 'content-type': 'application/json' } });
    expect(key.statusCode).toBe(400);
    expect(Object.keys(key.json().error.fields)).toEqual(['params']);
  });

  it('stores names in NFC without zero-width characters', async () => {
    const suffix = uniqueSuffix();
    const response = await office.post('/api/talents', talentBody(`Zoe\u0308\u200b${suffix}`));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().name).toBe(`Zoë${suffix}`);
  });

  it('passwords are checked but not rewritten: one with a zero-width character still signs in', async () => {
    const sysadmin = await t.login('sysadmin');
    const username = `zw${uniqueSuffix()}`;
    const password = 'Zero\u200bWidth#Lantern-2026';
    const created = await sysadmin.post('/api/users', { username, displayName: '零宽', roles: ['leader'] });
    expect(created.statusCode, created.body).toBe(201);
    const { oneTimePassword } = created.json();
    const user = await t.login(username, oneTimePassword);
    const changed = await user.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: password });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await t.anonymous().post('/api/auth/login', { username, password })).statusCode).toBe(200);
    expect((await t.anonymous().post('/api/auth/login', { username, password: 'ZeroWidth#Lantern-2026' })).statusCode).toBe(401);
  });

  it('a spreadsheet import refuses the same characters per cell, naming the column; zero-width characters are stripped', async () => {
    const arrival = { arrivalRoute: '市场化选聘', arrivedOn: '2024-05-01' };
    const bytes = await workbookBytes(headersOf('talents'), [
      rowOf('talents', { name: '导入\u202e甲', idNumber: uniqueIdNumber(), ...arrival }),
      rowOf('talents', { name: '导入乙', idNumber: uniqueIdNumber(), post: '工程师\u009b', ...arrival }),
      rowOf('talents', { name: '导入\u200b丙', idNumber: uniqueIdNumber(), ...arrival }),
    ]);
    const response = await uploadImport(office, 'talents', bytes);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ total: 3, valid: 1, invalid: 2 });
    expect(response.json().problems).toEqual([
      { row: 2, column: '姓名', message: expect.stringMatching(/^含有不允许的字符/) },
      { row: 3, column: '岗位', message: expect.stringMatching(/^含有不允许的字符/) },
    ]);
  });

  it(`a body nested deeper than ${maximumInputDepth} levels is a 400 (10,000 levels overflowed the stack)`, async () => {
    const deep = `{"target":"talent","eligibility":${'{"!":['.repeat(10_000)}true${']}'.repeat(10_000)}}`;
    const response = await office.request('POST', '/api/policies/match-count', deep, { headers: { 'content-type': 'application/json' } });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(400);
    expect(response.json().error.code).toBe('inputTooDeep');
  });
});
