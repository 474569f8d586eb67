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

describe('the duplicate check as a look-up', () => {
  const body = (number: string) => ({ name: '查重测试', idNumber: number, arrivalRoute: 'marketHire', arrivedOn: '2024-05-01' });

  it(`counts an answer that a number is registered as a look-up for enterprise HR: audited, and 429 after ${exactLookupLimit.count}`, async () => {
    const existing = await Promise.all(Array.from({ length: exactLookupLimit.count + 1 }, async () => (await buildTalent(t.db, { idNumber: uniqueIdNumber() })).id));
    const numbers = await t.rows<{ id: string; id_number_cipher: string }>(sql`select id, id_number_cipher from talents where id in ${existing}`);
    const registered = numbers.map((row) => t.app.secrets.decrypt(row.id_number_cipher));
    const user = await buildUser(t.db, { roles: ['enterprise'] });
    const hr = await t.login(user.username, factoryPassword);
    // an update of its own staff member to another talent's number is refused and counted too
    const staff = await buildTalent(t.db, { employerId: user.organisationId });
    const detail = (await hr.get(`/api/talents/${staff.id}`)).json();
    const update = await hr.put(`/api/talents/${staff.id}`, { idNumber: registered[0], version: detail.version });
    expect(update.statusCode, update.body).toBe(400);
    expect(update.json().error.fields).toHaveProperty('idNumber');
    for (let index = 1; index < exactLookupLimit.count; index += 1) {
      const response = await hr.post('/api/talents', body(registered[index]));
      expect(response.statusCode, `attempt ${index + 1}`).toBe(400);
      expect(Object.keys(response.json().error.fields)).toEqual(['idNumber']);
    }
    const refused = await hr.post('/api/talents', body(registered[exactLookupLimit.count]));
    expect(refused.statusCode, refused.body).toBe(429);
    expect(refused.json().error.code).toBe('lookupLimit');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const audit = await lookups(user.id);
    expect(audit).toHaveLength(exactLookupLimit.count);
    expect(audit[0]).toEqual({ detail: 'duplicateCheck', changes: { kind: 'idNumber', query: `${registered[0].slice(0, 6)}************` }, target_type: 'talent' });
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(registered.join('|')));
    // nothing was saved: the staff member keeps their number, no talent of the name was registered
    expect((await t.rows(sql`select id from talents where name = '查重测试'`)).length).toBe(0);
    const [kept] = await t.rows<{ id_number_hash: string }>(sql`select id_number_hash from talents where id = ${staff.id}`);
    expect(kept.id_number_hash).toBe(staff.idNumberHash);
    // a fresh number still registers: the limit holds back guesses of existing numbers only
    expect((await hr.post('/api/talents', body(uniqueIdNumber()))).statusCode).toBe(201);
  }, 120_000);

  it('the office, who may look numbers up, is not counted for a duplicate answer', async () => {
    const office = await newOffice();
    const response = await office.post('/api/talents', body(idNumber));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.idNumber).toBeTruthy();
    expect(await lookups(office.user!.id)).toEqual([]);
  });
});
