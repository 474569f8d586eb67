import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTalent, buildUser, factoryPassword, uniqueIdNumber } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { exactLookupLimit } from './talents.service';

/** Exact look-ups by a full ID number or phone: office only, with a reason, audited with the number masked, 20 an hour. */
let t: TestApp;
const idNumber = uniqueIdNumber('male');
const phone = '13957246813';
let talentId: string;

beforeAll(async () => {
  t = await createTestApp();
  talentId = (await buildTalent(t.db, { idNumber, phone })).id;
});
afterAll(async () => t?.close());

const newOffice = async (): Promise<Agent> => t.login((await buildUser(t.db, { roles: ['office'] })).username, factoryPassword);
const lookups = (userId: string) =>
  t.rows<{ detail: string; changes: Record<string, unknown>; target_type: string }>(
    sql`select detail, changes, target_type from audit_log where action = 'talent.lookup' and actor_id = ${userId} order by id`,
  );

describe('exact look-up by full number', () => {
  it('the office finds the talent with a reason; the look-up is audited with the number masked', async () => {
    const office = await newOffice();
    const byId = await office.get('/api/talents', { query: { q: idNumber, lookupReason: '办理落户' } });
    expect(byId.statusCode, byId.body).toBe(200);
    expect(byId.json().items.map((item: { id: string }) => item.id)).toEqual([talentId]);
    const byPhone = await office.get('/api/talents', { query: { q: `+86 ${phone}`, lookupReason: '回访电话' } });
    expect(byPhone.json().items.map((item: { id: string }) => item.id)).toEqual([talentId]);
    const audit = await lookups(office.user!.id);
    expect(audit).toEqual([
      { detail: '办理落户', changes: { kind: 'idNumber', query: `${idNumber.slice(0, 6)}************` }, target_type: 'talent' },
      { detail: '回访电话', changes: { kind: 'phone', query: '139****6813' }, target_type: 'talent' },
    ]);
    expect(JSON.stringify(audit)).not.toContain(idNumber);
    expect(JSON.stringify(audit)).not.toContain(phone);
    // a search that is not a full number is no look-up: no reason needed, nothing audited
    expect((await office.get('/api/talents', { query: { q: idNumber.slice(0, 10) } })).statusCode).toBe(200);
    expect((await lookups(office.user!.id)).length).toBe(2);
  });

  it('needs a reason (400 naming lookupReason), and writes nothing without one', async () => {
    const office = await newOffice();
    const response = await office.get('/api/talents', { query: { q: idNumber } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ lookupReason: '查找理由：必填' });
    const english = await office.get('/api/talents/export', { query: { q: phone }, headers: { 'accept-language': 'en-US' } });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.fields).toEqual({ lookupReason: 'Reason for the look-up is required' });
    expect(await lookups(office.user!.id)).toEqual([]);
  });

  it('is the office’s only: department, leader and enterprise HR get a clear 403, in the list and the export', async () => {
    for (const roles of [['department'], ['leader'], ['enterprise']] as const) {
      const user = await buildUser(t.db, { roles: [...roles] });
      const agent = await t.login(user.username, factoryPassword);
      for (const url of ['/api/talents', '/api/talents/export']) {
        const response = await agent.get(url, { query: { q: phone, lookupReason: '核对' } });
        expect(response.statusCode, `${roles[0]} ${url}`).toBe(403);
        expect(response.json().error).toMatchObject({ code: 'lookupForbidden', message: '只有人才办可按完整身份证号码或手机号码查找，请改用姓名等条件搜索' });
      }
      expect(await lookups(user.id)).toEqual([]);
    }
  });

  it(`allows ${exactLookupLimit.count} an hour per user, then answers 429 with Retry-After; another user is not held back`, async () => {
    const office = await newOffice();
    for (let index = 0; index < exactLookupLimit.count; index += 1) {
      const response = await office.get(index % 2 ? '/api/talents/export' : '/api/talents', { query: { q: index % 3 ? idNumber : phone, lookupReason: `批量核对 ${index}` } });
      expect(response.statusCode, `look-up ${index + 1}`).toBe(200);
    }
    const refused = await office.get('/api/talents', { query: { q: idNumber, lookupReason: '再查一次' } });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('lookupLimit');
    expect(refused.json().error.message).toMatch(/^按完整号码查找每小时最多 20 次，请 (60|59) 分钟后再试$/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await lookups(office.user!.id)).length).toBe(exactLookupLimit.count);
    // other searches go on; another office user has a count of their own
    expect((await office.get('/api/talents', { query: { q: '工程师' } })).statusCode).toBe(200);
    expect((await (await newOffice()).get('/api/talents', { query: { q: idNumber, lookupReason: '核对' } })).statusCode).toBe(200);
    // look-ups older than the window no longer count (the audit log is append-only: the window is moved, not the rows)
    const { windowMs } = exactLookupLimit;
    exactLookupLimit.windowMs = 0;
    try {
      expect((await office.get('/api/talents', { query: { q: idNumber, lookupReason: '新的一小时' } })).statusCode).toBe(200);
    } finally {
      exactLookupLimit.windowMs = windowMs;
    }
  });
});
