import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TalentInput } from '../../../domain/talent';
import { buildOrganisation, buildTalent, buildUser, uniqueIdNumber, uniqueSuffix, type BuiltUser } from '../../test/factories';
import { secretsFor } from '../../config';
import { searchQuery } from '../../search/segment';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import type { SearchListLimits } from './talents.repo';
import { listTalentSummaries, type TalentListInput } from './talents.service';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

type Json = Record<string, unknown>;
type Detail = {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
  gender: string;
  birthYear: number;
  employer: { id: string; name: string } | null;
  employerName: string | null;
  status: string;
  statusSince: string | null;
  statusHistory: { status: string; since: string; note: string; recordedBy: string | null }[];
  version: number;
  verification: { verifiedAt: string | null; fields: string[] };
  permissions: { edit: boolean; reveal: boolean; verify: boolean; lockedFields: string[] };
} & Json;

/** A mobile number no demo talent has (the demo uses 135–139). */
const phoneNumber = () => `199${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
const english = { headers: { 'accept-language': 'en-US' } };

const talentBody = (overrides: Json = {}) => ({
  name: `测试人才${uniqueSuffix()}`,
  idNumber: uniqueIdNumber(),
  arrivalRoute: 'marketHire',
  arrivedOn: '2024-05-01',
  ...overrides,
});

/** Registers a talent through the API (201 or the test fails) and returns its detail. */
async function register(agent: Agent, body: Json): Promise<Detail> {
  const response = await agent.post('/api/talents', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function detailOf(agent: Agent, id: string): Promise<Detail> {
  const response = await agent.get(`/api/talents/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The PUT body that saves a detail unchanged (the ID number and phone are sent in clear: the detail only has them masked). */
function unchanged(detail: Detail, idNumber: string, phone: string | null = null) {
  return {
    name: detail.name,
    idNumber,
    phone,
    ethnicity: detail.ethnicity,
    nativePlace: detail.nativePlace,
    politicalStatus: detail.politicalStatus,
    email: detail.email,
    educations: detail.educations,
    titles: detail.titles,
    certificates: detail.certificates,
    employerId: detail.employer?.id ?? null,
    employerName: detail.employerName,
    post: detail.post,
    industry: detail.industry,
    salaryBand: detail.salaryBand,
    arrivalRoute: detail.arrivalRoute,
    arrivedOn: detail.arrivedOn,
    tier: detail.tier,
    tags: detail.tags,
    status: detail.status,
    version: detail.version,
  };
}

const loginAs = (user: BuiltUser) => t.login(user.username, user.password);

/** An enterprise with an HR account, signed in. */
async function enterpriseHr() {
  const organisation = await buildOrganisation(t.db);
  const user = await buildUser(t.db, { roles: ['enterprise'], organisationId: organisation.id });
  return { organisation, user, agent: await loginAs(user) };
}

/** A talent with a known ID number and an account bound to it, signed in. */
async function talentAccount(overrides: Partial<TalentInput> = {}) {
  const idNumber = uniqueIdNumber();
  const talent = await buildTalent(t.db, { idNumber, ...overrides });
  const user = await buildUser(t.db, { roles: ['talent'], talentId: talent.id });
  return { talent, idNumber, user, agent: await loginAs(user) };
}

const list = async (agent: Agent, query: Record<string, string>) => {
  const response = await agent.get('/api/talents', { query: { pageSize: '200', ...query } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: (Json & { id: string; name: string })[]; total: number; totalCapped: boolean };
};
const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

const auditFor = (targetId: string) =>
  t.rows<{ action: string; result: string; actor_username: string; changes: Record<string, unknown> | null; detail: string | null }>(
    sql`select action, result, actor_username, changes, detail from audit_log where target_id = ${targetId} order by id`,
  );

describe('validation through the API', () => {
  it('accepts the GB 11643 example, stores a lower-case x upper-case and derives gender and birth date', async () => {
    const created = await register(office, talentBody({ idNumber: '11010519491231002x' }));
    expect(created).toMatchObject({ idNumber: '110105************', gender: 'female', birthYear: 1949 });
    expect(created).not.toHaveProperty('birthDate');
    const revealed = await office.post(`/api/talents/${created.id}/reveal`, { reason: '核对身份证号码' });
    expect(revealed.json()).toEqual({ idNumber: '11010519491231002X', phone: null, birthDate: '1949-12-31' });
    const [row] = await t.rows<{ id_number_hash: string }>(sql`select id_number_hash from talents where id = ${created.id}`);
    expect(row.id_number_hash).toBe(t.app.secrets.lookupHash('11010519491231002X'));
    // a male number: odd sequence digit
    const male = await register(office, talentBody({ idNumber: uniqueIdNumber('male') }));
    expect(male.gender).toBe('male');
    expect(male.birthYear).toBe(1960);
  });

  it('refuses a wrong check character, naming the field in Chinese and in English', async () => {
    const body = talentBody({ idNumber: '110105194912310021' });
    const chinese = await office.post('/api/talents', body);
    expect(chinese.statusCode).toBe(400);
    expect(chinese.json().error).toMatchObject({ code: 'validation', message: '提交的内容有误，请检查：身份证号码' });
    expect(chinese.json().error.fields).toEqual({ idNumber: '身份证号码：校验码（最后一位）不正确，请核对号码' });
    const inEnglish = await office.post('/api/talents', body, english);
    expect(inEnglish.statusCode).toBe(400);
    expect(inEnglish.json().error.message).toBe('Please check: ID number');
    expect(inEnglish.json().error.fields).toEqual({ idNumber: 'ID number the check character (last one) is wrong; check the number' });
    expect(await t.rows(sql`select 1 from talents where name = ${body.name}`)).toHaveLength(0);
  });

  it('refuses an old 15-digit number and an impossible birth date, each with its own message', async () => {
    const fifteen = await office.post('/api/talents', talentBody({ idNumber: '110105491231002' }));
    expect(fifteen.statusCode).toBe(400);
    expect(fifteen.json().error.fields).toEqual({ idNumber: '身份证号码：不再受理 15 位旧号码，请填写 18 位身份证号码' });
    const february = await office.post('/api/talents', talentBody({ idNumber: '110105194902300024' }));
    expect(february.statusCode).toBe(400);
    expect(february.json().error.fields).toEqual({ idNumber: '身份证号码：出生日期（第 7–14 位）不是有效日期' });
    const letters = await office.post('/api/talents', talentBody({ idNumber: '11010519491231002Y' }), english);
    expect(letters.json().error.fields).toEqual({ idNumber: 'ID number must be 17 digits followed by a digit or X' });
  });

  it('an entered gender or birth date that disagrees with the ID number names both fields; agreeing ones are accepted', async () => {
    const idNumber = uniqueIdNumber('female');
    const gender = await office.post('/api/talents', talentBody({ idNumber, gender: 'male' }));
    expect(gender.statusCode).toBe(400);
    expect(gender.json().error.fields).toEqual({ gender: '性别：性别与身份证号码不一致', idNumber: '身份证号码：性别与身份证号码不一致' });
    const birthDate = await office.post('/api/talents', talentBody({ idNumber, birthDate: '1961-01-01' }));
    expect(birthDate.statusCode).toBe(400);
    expect(birthDate.json().error.fields).toEqual({ birthDate: '出生日期：出生日期与身份证号码不一致', idNumber: '身份证号码：出生日期与身份证号码不一致' });
    const derived = `1960-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
    const agreeing = await register(office, talentBody({ idNumber, gender: 'female', birthDate: derived }));
    expect(agreeing).toMatchObject({ gender: 'female', birthYear: 1960 });
  });

  it('accepts phones with +86, 0086, spaces and hyphens and stores the 11 digits; refuses others', async () => {
    for (const format of [(n: string) => n, (n: string) => `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`, (n: string) => `0086-${n}`]) {
      const phone = phoneNumber();
      const created = await register(office, talentBody({ phone: format(phone) }));
      expect(created.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      const revealed = await office.post(`/api/talents/${created.id}/reveal`, { reason: '核对手机号码' });
      expect(revealed.json().phone).toBe(phone);
    }
    for (const phone of ['12812345678', '1991234567', '199123456789', '+852 19912345678', '电话号码']) {
      const response = await office.post('/api/talents', talentBody({ phone }));
      expect(response.statusCode, phone).toBe(400);
      expect(response.json().error.fields).toEqual({ phone: '手机号码：应为 11 位大陆手机号码（可带 +86）' });
    }
  });

  it('refuses an unknown industry, tier or native place as reference.unknown; known ones are named', async () => {
    const unknown = await office.post('/api/talents', talentBody({ industry: 'spaceMining', tier: 'Z', nativePlace: '999999' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({
      industry: '产业：不在可选范围内',
      tier: '人才类别：不在可选范围内',
      nativePlace: '籍贯：不在可选范围内',
    });
    const inEnglish = await office.post('/api/talents', talentBody({ industry: 'spaceMining' }), english);
    expect(inEnglish.json().error.fields).toEqual({ industry: 'Industry is not one of the allowed values' });
    const ghostEmployer = await office.post('/api/talents', talentBody({ employerId: randomUUID() }));
    expect(ghostEmployer.json().error.fields).toEqual({ employerId: '工作单位：不在可选范围内' });
    const known = await register(office, talentBody({ industry: 'newMaterials', tier: 'C', nativePlace: '140300' }));
    expect(known).toMatchObject({ industry: 'newMaterials', tier: 'C', nativePlace: '140300', nativePlaceName: '山西省 阳泉市' });
  });
});

describe('personal data protection', () => {
  it('answers masked values only; the table and the audit log never hold the ID number or phone in clear', async () => {
    const idNumber = uniqueIdNumber();
    const phone = phoneNumber();
    const created = await register(office, talentBody({ idNumber, phone }));
    const masked = { idNumber: '140302************', phone: `${phone.slice(0, 3)}****${phone.slice(7)}` };
    expect(created).toMatchObject(masked);
    expect(await detailOf(office, created.id)).toMatchObject(masked);
    const listed = await list(office, { q: idNumber, lookupReason: '核对身份' });
    expect(listed.items).toEqual([expect.objectContaining({ id: created.id, ...masked })]);
    for (const response of [JSON.stringify(created), JSON.stringify(listed)]) {
      expect(response).not.toContain(idNumber);
      expect(response).not.toContain(phone);
    }

    const [row] = await t.rows<Record<string, string>>(
      sql`select id_number_cipher, id_number_hash, phone_cipher, phone_hash, phone_masked, t::text as whole from talents t where id = ${created.id}`,
    );
    expect(row.id_number_cipher).not.toBe(idNumber);
    expect(row.id_number_cipher).toMatch(/^v1\./);
    expect(t.app.secrets.decrypt(row.id_number_cipher)).toBe(idNumber);
    expect(row.id_number_hash).toBe(t.app.secrets.lookupHash(idNumber));
    expect(row.phone_cipher).not.toBe(phone);
    expect(t.app.secrets.decrypt(row.phone_cipher)).toBe(phone);
    expect(row.phone_hash).toBe(t.app.secrets.lookupHash(phone));
    expect(row.phone_masked).toEqual(masked.phone);
    expect(row.whole).not.toContain(idNumber);
    // no digit of the ID number past the area code in clear: not its sequence and check character either
    expect(row.whole).not.toContain(idNumber.slice(14));
    expect(row.whole).not.toContain(phone);

    // an update and a reveal write audit rows too: none of them holds the clear values
    const detail = await detailOf(office, created.id);
    const newPhone = phoneNumber();
    expect((await office.put(`/api/talents/${created.id}`, { ...unchanged(detail, idNumber, newPhone), post: '总工程师' })).statusCode).toBe(200);
    expect((await office.post(`/api/talents/${created.id}/reveal`, { reason: '办理落户手续' })).statusCode).toBe(200);
    const audit = await auditFor(created.id);
    expect(audit.map((entry) => entry.action)).toEqual(['talent.create', 'talent.update', 'talent.reveal']);
    expect(audit[0].changes).toMatchObject({ idNumber: '***', phone: '***', name: created.name });
    const leaks = await t.rows(
      sql`select id from audit_log a where a::text like ${`%${idNumber}%`} or a::text like ${`%${phone}%`} or a::text like ${`%${newPhone}%`}`,
    );
    expect(leaks).toEqual([]);
  });

  it('the office reveals the clear values with a reason, audited as talent.reveal with the reason', async () => {
    const idNumber = uniqueIdNumber();
    const phone = phoneNumber();
    const created = await register(office, talentBody({ idNumber, phone }));
    const response = await office.post(`/api/talents/${created.id}/reveal`, { reason: '办理人才公寓入住' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ idNumber, phone, birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}` });
    const reveal = (await auditFor(created.id)).find((entry) => entry.action === 'talent.reveal');
    expect(reveal).toMatchObject({ result: 'success', actor_username: 'office', detail: '办理人才公寓入住', changes: { fields: ['idNumber', 'phone', 'birthDate'] } });
    // a talent without a phone: null, not an error
    const noPhone = await register(office, talentBody());
    expect((await office.post(`/api/talents/${noPhone.id}/reveal`, { reason: '核对身份' })).json().phone).toBeNull();
    expect((await office.post(`/api/talents/${randomUUID()}/reveal`, { reason: '核对身份' })).statusCode).toBe(404);
  });

  it('refuses a reveal without a reason (400), writing no audit row', async () => {
    const created = await register(office, talentBody({ phone: phoneNumber() }));
    for (const body of [{}, { reason: '' }, { reason: '  ' }]) {
      const response = await office.post(`/api/talents/${created.id}/reveal`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().error.fields)).toEqual(['reason']);
      expect(response.json().error.fields.reason).toMatch(/^查看理由：/);
    }
    expect((await auditFor(created.id)).map((entry) => entry.action)).toEqual(['talent.create']);
  });

  it('every other role is refused a reveal (403), audited as permission.denied', async () => {
    const { talent, agent: self } = await talentAccount({ phone: phoneNumber() });
    const hr = await enterpriseHr();
    const staff = await buildTalent(t.db, { employerId: hr.organisation.id, phone: phoneNumber() });
    const department = await loginAs(await buildUser(t.db, { roles: ['department'] }));
    const leader = await loginAs(await buildUser(t.db, { roles: ['leader'] }));
    const attempts: [Agent, string][] = [[self, talent.id], [hr.agent, staff.id], [department, staff.id], [leader, staff.id]];
    for (const [agent, id] of attempts) {
      const response = await agent.post(`/api/talents/${id}/reveal`, { reason: '想看一下' });
      expect(response.statusCode, agent.user?.roles.join()).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
      expect(response.body).not.toContain('"phone"');
      const denied = await t.rows(
        sql`select 1 from audit_log where action = 'permission.denied' and result = 'denied' and actor_id = ${agent.user!.id} and target_id = 'POST /api/talents/:id/reveal'`,
      );
      expect(denied, agent.user?.roles.join()).toHaveLength(1);
    }
    expect(await t.rows(sql`select 1 from audit_log where action = 'talent.reveal' and target_id in (${talent.id}, ${staff.id})`)).toEqual([]);
  });
});

describe('one ID number, one talent', () => {
  it('registering an ID number again is a field error naming the existing record, whatever the case of the x', async () => {
    const idNumber = uniqueIdNumber();
    const existing = await register(office, talentBody({ idNumber }));
    const again = await office.post('/api/talents', talentBody({ idNumber }));
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toEqual({ idNumber: `身份证号码：该身份证号码已登记（${existing.name}）` });

    const xId = xNumber();
    const withX = await register(office, talentBody({ idNumber: xId }));
    const lower = await office.post('/api/talents', talentBody({ idNumber: xId.toLowerCase() }), english);
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.fields).toEqual({ idNumber: `ID number this ID number is already registered (${withX.name})` });
    expect(await t.rows(sql`select 1 from talents where id_number_hash = ${t.app.secrets.lookupHash(idNumber)}`)).toHaveLength(1);
  });

  it('enterprise HR learns a number is registered but not whose it is when that person works elsewhere', async () => {
    const hr = await enterpriseHr();
    const elsewhereId = uniqueIdNumber();
    const elsewhere = await buildTalent(t.db, { idNumber: elsewhereId });
    const hidden = await hr.agent.post('/api/talents', talentBody({ idNumber: elsewhereId }));
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.fields).toEqual({ idNumber: '身份证号码：该身份证号码已登记' });
    expect(hidden.body).not.toContain(elsewhere.name);

    const ownId = uniqueIdNumber();
    const own = await buildTalent(t.db, { idNumber: ownId, employerId: hr.organisation.id });
    const named = await hr.agent.post('/api/talents', talentBody({ idNumber: ownId }));
    expect(named.statusCode).toBe(400);
    expect(named.json().error.fields).toEqual({ idNumber: `身份证号码：该身份证号码已登记（${own.name}）` });
  });

  it('the same name and phone is a possible duplicate (409) unless confirmed', async () => {
    const name = `同名${uniqueSuffix()}`;
    const phone = phoneNumber();
    await register(office, talentBody({ name, phone }));
    const duplicate = await office.post('/api/talents', talentBody({ name, phone: `+86${phone}` }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'possibleDuplicate', fields: { phone: '手机号码：与已登记的同名人才手机号码相同' } });
    expect(duplicate.json().error.message).toContain(name);
    expect(await t.rows(sql`select 1 from talents where name = ${name}`)).toHaveLength(1);
    // another phone, or the same phone under another name, is no duplicate
    await register(office, talentBody({ name, phone: phoneNumber() }));
    await register(office, talentBody({ name: `${name}乙`, phone }));
    const confirmed = await register(office, talentBody({ name, phone, confirmPossibleDuplicate: true }));
    expect(confirmed.name).toBe(name);
    expect(await t.rows(sql`select 1 from talents where name = ${name}`)).toHaveLength(3);
  });
});

/** A valid ID number ending in X (the check character of the first 17 digits is X for some sequences). */
function xNumber(): string {
  for (;;) {
    const candidate = uniqueIdNumber();
    if (candidate.endsWith('X')) return candidate;
  }
}


/** A complete education record (the factory takes the parsed form). */
const education = (school: string, major: string, level: TalentInput['educations'][number]['level'] = 'master') =>
  ({ level, degree: 'none', school, major, graduationYear: 2015, fullTime: true, overseas: false }) as const;

/** Six Han characters no demo record uses together: a made-up school name that only this test knows. */
const hanWord = () => Array.from({ length: 6 }, () => '甲乙丙丁戊己庚辛壬癸鹿鸣松竹梅兰'[randomInt(0, 16)]).join('');

describe('record scoping', () => {
  it('enterprise HR lists and opens only its own staff; another enterprise’s talent answers 404', async () => {
    const hr = await enterpriseHr();
    const staff = [await buildTalent(t.db, { employerId: hr.organisation.id }), await buildTalent(t.db, { employerId: hr.organisation.id })];
    const otherId = uniqueIdNumber();
    const other = await buildTalent(t.db, { idNumber: otherId });
    const page = await list(hr.agent, {});
    expect(page.total).toBe(2);
    expect(idsOf(page).sort()).toEqual(staff.map((row) => row.id).sort());
    expect((await detailOf(hr.agent, staff[0].id)).permissions).toEqual({ edit: true, reveal: false, verify: false, lockedFields: [] });
    const hidden = await hr.agent.get(`/api/talents/${other.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('notFound');
    // nor found by its name or an employer filter naming the other enterprise; an exact ID number is the office's look-up
    const exact = await hr.agent.get('/api/talents', { query: { q: otherId, lookupReason: '核对身份' } });
    expect(exact.statusCode).toBe(403);
    expect(exact.json().error.code).toBe('lookupForbidden');
    expect((await list(hr.agent, { q: other.name })).total).toBe(0);
    expect((await list(hr.agent, { employer: other.employerId! })).total).toBe(0);
    const put = await hr.agent.put(`/api/talents/${other.id}`, { ...talentBody({ idNumber: otherId }), version: 1 });
    expect(put.statusCode).toBe(404);
    expect((await hr.agent.post(`/api/talents/${other.id}/verify`, { fields: ['name'] })).statusCode).toBe(403);
    const [row] = await t.rows(sql`select version, name, employer_id from talents where id = ${other.id}`);
    expect(row).toEqual({ version: 1, name: other.name, employer_id: other.employerId });
  });

  it('enterprise HR registers and edits talents of its own enterprise only, whatever employer the request names', async () => {
    const hr = await enterpriseHr();
    const elsewhere = await buildOrganisation(t.db);
    const body = talentBody({ employerId: elsewhere.id });
    const created = await register(hr.agent, body);
    expect(created.employer).toEqual({ id: hr.organisation.id, name: hr.organisation.name });
    const outside = await register(hr.agent, talentBody({ employerName: '区外某公司' }));
    expect(outside).toMatchObject({ employer: { id: hr.organisation.id }, employerName: null });
    expect(idsOf(await list(hr.agent, {})).sort()).toEqual([created.id, outside.id].sort());
    expect(await list(office, { employer: elsewhere.id })).toEqual({ items: [], total: 0, totalCapped: false });
    // an edit cannot hand the talent to another enterprise either
    const moved = await hr.agent.put(`/api/talents/${created.id}`, { ...unchanged(created, body.idNumber), employerId: elsewhere.id, post: '人事专员' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ employer: { id: hr.organisation.id }, post: '人事专员' });
  });

  it('a talent sees only their own record and edits their profile, but cannot register talents', async () => {
    const me = await talentAccount({ phone: phoneNumber() });
    const other = await buildTalent(t.db);
    const page = await list(me.agent, {});
    expect(page.total).toBe(1);
    expect(idsOf(page)).toEqual([me.talent.id]);
    expect((await list(me.agent, { q: other.name })).total).toBe(0);
    expect((await me.agent.get(`/api/talents/${other.id}`)).statusCode).toBe(404);
    expect((await me.agent.put(`/api/talents/${other.id}`, { ...talentBody(), version: 1 })).statusCode).toBe(404);

    const detail = await detailOf(me.agent, me.talent.id);
    expect(detail.permissions).toEqual({ edit: true, reveal: false, verify: false, lockedFields: [] });
    const phone = phoneNumber();
    const response = await me.agent.put(`/api/talents/${me.talent.id}`, {
      ...unchanged(detail, me.idNumber, `+86 ${phone}`),
      email: 'me@example.com',
      post: '高级工程师',
      politicalStatus: 'cpcMember',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ email: 'me@example.com', post: '高级工程师', politicalStatus: 'cpcMember', version: detail.version + 1, phone: `${phone.slice(0, 3)}****${phone.slice(7)}` });
    const [update] = (await auditFor(me.talent.id)).filter((entry) => entry.action === 'talent.update');
    expect(update).toMatchObject({ actor_username: me.user.username, changes: { post: { from: null, to: '高级工程师' } } });
    expect((await me.agent.post('/api/talents', talentBody())).statusCode).toBe(403);
  });

  it('a talent cannot set what the office decides (employer, status, tier, tags): a field error each, nothing saved; sending them unchanged is fine', async () => {
    const me = await talentAccount({ tier: 'C', tags: ['骨干'] });
    const elsewhere = await enterpriseHr();
    const detail = await detailOf(me.agent, me.talent.id);
    const url = `/api/talents/${me.talent.id}`;
    const response = await me.agent.put(url, {
      ...unchanged(detail, me.idNumber),
      employerId: elsewhere.organisation.id,
      status: 'left',
      statusSince: '2020-01-01',
      tier: 'A',
      tags: ['领军人才'],
      post: '自由职业',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      employerId: '工作单位：由人才办认定，不能自行修改',
      status: '状态：由人才办认定，不能自行修改',
      tier: '人才类别：由人才办认定，不能自行修改',
      tags: '标签：由人才办认定，不能自行修改',
    });
    for (const field of ['tier', 'tags', 'status'] as const) {
      const one = await me.agent.put(url, { [field]: field === 'tags' ? [] : field === 'tier' ? null : 'flexibleService', version: detail.version });
      expect(Object.keys(one.json().error.fields), field).toEqual([field]);
    }
    expect(await detailOf(office, me.talent.id)).toMatchObject({ tier: 'C', tags: ['骨干'], status: 'inZone', post: null, version: detail.version });

    // the form sends them unchanged: the rest saves
    const saved = await me.agent.put(url, { ...unchanged(detail, me.idNumber), post: '自由职业' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ employer: { id: me.talent.employerId }, status: 'inZone', tier: 'C', tags: ['骨干'], post: '自由职业' });
    expect(saved.json().statusHistory).toHaveLength(1);
    expect((await list(elsewhere.agent, {})).total).toBe(0);
    // the office sets them
    const byOffice = await office.put(url, { tier: 'B', tags: ['骨干', '领军人才'], version: saved.json().version });
    expect(byOffice.statusCode, byOffice.body).toBe(200);
    expect(byOffice.json()).toMatchObject({ tier: 'B', tags: ['骨干', '领军人才'] });
  });

  it('the update entry names every field that changed; the ID number and phone as changed without their values', async () => {
    const phone = phoneNumber();
    const body = talentBody({ phone, employerName: '某设计院', email: 'a@example.com' });
    const created = await register(office, body);
    const newPhone = phoneNumber();
    const newId = uniqueIdNumber();
    const response = await office.put(`/api/talents/${created.id}`, {
      version: created.version,
      idNumber: newId,
      phone: newPhone,
      email: 'b@example.com',
      ethnicity: '回族',
      nativePlace: '140300',
      politicalStatus: 'cpcMember',
      employerName: '某研究院',
      salaryBand: '12kTo20k',
    });
    expect(response.statusCode, response.body).toBe(200);
    const [update] = (await auditFor(created.id)).filter((entry) => entry.action === 'talent.update');
    expect(update.changes).toEqual({
      idNumber: '***',
      phone: '***',
      email: { from: 'a@example.com', to: 'b@example.com' },
      ethnicity: { from: null, to: '回族' },
      nativePlace: { from: null, to: '140300' },
      politicalStatus: { from: null, to: 'cpcMember' },
      employerName: { from: '某设计院', to: '某研究院' },
      salaryBand: { from: null, to: '12kTo20k' },
    });
    const text = JSON.stringify(update.changes);
    for (const secret of [phone, newPhone, body.idNumber, newId]) expect(text).not.toContain(secret);
  });

  it('after the office verifies fields the talent cannot change them, while other fields still change', async () => {
    const me = await talentAccount({ post: '工程师', educations: [education('中北大学', '机械工程')] });
    const url = `/api/talents/${me.talent.id}`;
    const verified = await office.post(`${url}/verify`, { fields: ['name', 'educations', 'post'] });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().verification.fields).toEqual(['name', 'educations', 'post']);
    expect(verified.json().verification.verifiedAt).not.toBeNull();
    expect(verified.json().verified).toBe(true);

    const detail = await detailOf(me.agent, me.talent.id);
    expect(detail.permissions.lockedFields).toEqual(['name', 'educations', 'post']);
    expect((await detailOf(office, me.talent.id)).permissions.lockedFields).toEqual([]);
    const post = await me.agent.put(url, { ...unchanged(detail, me.idNumber), post: '总经理' });
    expect(post.statusCode).toBe(400);
    expect(post.json().error.fields).toEqual({ post: '岗位：已由人才办核验，不能自行修改' });
    const inEnglish = await me.agent.put(url, { ...unchanged(detail, me.idNumber), name: '改个名字' }, english);
    expect(inEnglish.json().error.fields).toEqual({ name: 'Name was verified by the talent office and cannot be changed by you' });
    const school = await me.agent.put(url, { ...unchanged(detail, me.idNumber), educations: [{ ...(detail.educations as Json[])[0], school: '清华大学' }] });
    expect(school.json().error.fields).toEqual({ educations: '学历：已由人才办核验，不能自行修改' });

    // the same education as a form sends it (no start year) is no change; the e-mail is not verified and changes
    const { startYear: _startYear, ...sameEducation } = (detail.educations as Json[])[0];
    const email = await me.agent.put(url, { ...unchanged(detail, me.idNumber), educations: [sameEducation], email: 'checked@example.com' });
    expect(email.statusCode, email.body).toBe(200);
    expect(email.json()).toMatchObject({ email: 'checked@example.com', post: '工程师', educations: [expect.objectContaining({ school: '中北大学' })] });

    // the office still changes verified fields
    const officeView = await detailOf(office, me.talent.id);
    const byOffice = await office.put(url, { ...unchanged(officeView, me.idNumber), post: '总经理' });
    expect(byOffice.statusCode, byOffice.body).toBe(200);
    expect(byOffice.json().post).toBe('总经理');
    expect((await office.post(`${url}/verify`, { fields: ['salary'] })).statusCode).toBe(400);
    expect((await office.post(`/api/talents/${randomUUID()}/verify`, { fields: ['name'] })).statusCode).toBe(404);
  });

  it('department and leader staff read every record but change none (403)', async () => {
    const idNumber = uniqueIdNumber();
    const talent = await buildTalent(t.db, { idNumber });
    for (const role of ['department', 'leader'] as const) {
      const agent = await loginAs(await buildUser(t.db, { roles: [role] }));
      const detail = await detailOf(agent, talent.id);
      expect(detail.permissions, role).toEqual({ edit: false, reveal: false, verify: false, lockedFields: [] });
      // exact look-ups by full number are the office's only
      expect((await agent.get('/api/talents', { query: { q: idNumber, lookupReason: '核对身份' } })).statusCode).toBe(403);
      const attempts = [
        await agent.put(`/api/talents/${talent.id}`, { ...unchanged(detail, idNumber), post: '改一下' }),
        await agent.post('/api/talents', talentBody()),
        await agent.post(`/api/talents/${talent.id}/verify`, { fields: ['name'] }),
      ];
      expect(attempts.map((response) => response.statusCode), role).toEqual([403, 403, 403]);
      expect(attempts.every((response) => response.json().error.code === 'forbidden')).toBe(true);
    }
    const [row] = await t.rows(sql`select version, post from talents where id = ${talent.id}`);
    expect(row).toEqual({ version: 1, post: null });
  });

  it('the office writes every record and may move a talent to another employer', async () => {
    const hr = await enterpriseHr();
    const idNumber = uniqueIdNumber();
    const talent = await buildTalent(t.db, { idNumber, employerId: hr.organisation.id });
    const other = await buildOrganisation(t.db);
    const detail = await detailOf(office, talent.id);
    expect(detail.permissions).toEqual({ edit: true, reveal: true, verify: true, lockedFields: [] });
    const response = await office.put(`/api/talents/${talent.id}`, { ...unchanged(detail, idNumber), employerId: other.id, post: '调任技术总监' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ employer: { id: other.id, name: other.name }, post: '调任技术总监' });
    expect((await hr.agent.get(`/api/talents/${talent.id}`)).statusCode).toBe(404);
    expect(idsOf(await list(office, { employer: other.id }))).toEqual([talent.id]);
  });
});

describe('updates leave out what they keep', () => {
  /** The edit form's body: every field but the ID number and phone, which the client only has masked. */
  const withoutIdentity = (detail: Detail) => {
    const { idNumber: _idNumber, phone: _phone, ...rest } = unchanged(detail, '');
    return rest;
  };
  const storedPhone = async (id: string) => {
    const [row] = await t.rows<{ phone_cipher: string | null; phone_masked: string | null; id_number_cipher: string }>(sql`select phone_cipher, phone_masked, id_number_cipher from talents where id = ${id}`);
    return { phone: row.phone_cipher ? t.app.secrets.decrypt(row.phone_cipher) : null, masked: row.phone_masked, idNumber: t.app.secrets.decrypt(row.id_number_cipher) };
  };

  it('an ID number and phone left out stay as stored; a new value replaces them; null or an empty text clears the phone', async () => {
    const phone = phoneNumber();
    const body = talentBody({ phone, tags: ['骨干'], educations: [education('山西大学', '化学')] });
    const created = await register(office, body);
    const url = `/api/talents/${created.id}`;

    const kept = await office.put(url, { ...withoutIdentity(created), post: '研究员' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ idNumber: created.idNumber, phone: created.phone, post: '研究员' });
    expect(await storedPhone(created.id)).toMatchObject({ phone, idNumber: body.idNumber });
    // a save that changes nothing else records the post only: the numbers did not change
    const [update] = (await auditFor(created.id)).filter((entry) => entry.action === 'talent.update');
    expect(update.changes).toEqual({ post: { from: null, to: '研究员' } });

    // a body with only the version changes nothing: every field left out keeps its value
    const minimal = await office.put(url, { version: kept.json().version });
    expect(minimal.statusCode, minimal.body).toBe(200);
    expect(minimal.json()).toMatchObject({ post: '研究员', tags: ['骨干'], educations: [expect.objectContaining({ school: '山西大学' })], phone: created.phone });

    const newPhone = phoneNumber();
    const replaced = await office.put(url, { phone: newPhone, version: minimal.json().version });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().phone).toBe(`${newPhone.slice(0, 3)}****${newPhone.slice(7)}`);
    expect((await storedPhone(created.id)).phone).toBe(newPhone);

    const cleared = await office.put(url, { phone: '', version: replaced.json().version });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().phone).toBeNull();
    expect(await storedPhone(created.id)).toMatchObject({ phone: null, masked: null });
    await office.put(url, { phone: newPhone, version: cleared.json().version });
    const nulled = await office.put(url, { phone: null, version: cleared.json().version + 1 });
    expect(nulled.statusCode, nulled.body).toBe(200);
    expect(nulled.json().phone).toBeNull();

    // a wrong number is still refused
    const wrong = await office.put(url, { phone: '12345', version: nulled.json().version });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ phone: '手机号码：应为 11 位大陆手机号码（可带 +86）' });
  });

  it('a new ID number replaces the stored one and is checked as on registration; without one, gender and birth date are checked against the stored number', async () => {
    const body = talentBody();
    const created = await register(office, body);
    const url = `/api/talents/${created.id}`;
    const other = await buildTalent(t.db, { idNumber: uniqueIdNumber() });
    const otherNumber = (await storedPhone(other.id)).idNumber;
    const taken = await office.put(url, { idNumber: otherNumber, version: created.version });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields.idNumber).toBe(`身份证号码：该身份证号码已登记（${other.name}）`);

    const wrongGender = created.gender === 'male' ? 'female' : 'male';
    const mismatch = await office.put(url, { gender: wrongGender, version: created.version });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields).toMatchObject({ gender: '性别：性别与身份证号码不一致' });
    expect((await office.put(url, { gender: created.gender, version: created.version })).statusCode).toBe(200);

    const fresh = uniqueIdNumber();
    const replaced = await office.put(url, { idNumber: fresh, version: created.version + 1 });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().idNumber).toBe(`${fresh.slice(0, 6)}************`);
    expect((await storedPhone(created.id)).idNumber).toBe(fresh);
    const [update] = (await auditFor(created.id)).filter((entry) => entry.action === 'talent.update').slice(-1);
    expect(update.changes).toMatchObject({ idNumber: '***' });
    expect(JSON.stringify(update.changes)).not.toContain(fresh);
  });

  it('the employer is one choice: naming an outside employer clears the registered one', async () => {
    const hr = await enterpriseHr();
    const created = await register(office, talentBody({ employerId: hr.organisation.id }));
    const response = await office.put(`/api/talents/${created.id}`, { employerName: '北京某研究院', version: created.version });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ employer: null, employerName: '北京某研究院' });
  });
});

describe('optimistic concurrency', () => {
  it('of two saves of the same version one wins and the other gets 409', async () => {
    const body = talentBody();
    const created = await register(office, body);
    const url = `/api/talents/${created.id}`;
    const responses = await Promise.all(['甲岗位', '乙岗位'].map((post) => office.put(url, { ...unchanged(created, body.idNumber), post })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const winner = responses.find((response) => response.statusCode === 200)!.json();
    const loser = responses.find((response) => response.statusCode === 409)!.json();
    expect(loser.error.code).toBe('conflict');
    expect(await detailOf(office, created.id)).toMatchObject({ version: created.version + 1, post: winner.post });
    expect((await auditFor(created.id)).filter((entry) => entry.action === 'talent.update')).toHaveLength(1);
    // the current version saves
    const next = await office.put(url, { ...unchanged(winner, body.idNumber), post: '丙岗位' });
    expect(next.statusCode).toBe(200);
    expect(next.json().version).toBe(created.version + 2);
  });
});

describe('status history', () => {
  it('a status change records a dated entry, shown in the detail; a save that keeps the status adds none', async () => {
    const body = talentBody({ arrivedOn: '2023-03-01' });
    const created = await register(office, body);
    const recordedBy = office.user!.displayName;
    expect(created.statusHistory).toEqual([{ status: 'inZone', since: '2023-03-01', note: '', recordedBy }]);
    const url = `/api/talents/${created.id}`;

    const left = await office.put(url, { ...unchanged(created, body.idNumber), status: 'left', statusSince: '2025-06-30', statusNote: '合同期满离开' });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({ status: 'left', statusSince: '2025-06-30' });
    expect(left.json().statusHistory).toEqual([
      { status: 'left', since: '2025-06-30', note: '合同期满离开', recordedBy },
      { status: 'inZone', since: '2023-03-01', note: '', recordedBy },
    ]);
    const update = (await auditFor(created.id)).find((entry) => entry.action === 'talent.update');
    expect(update?.changes).toMatchObject({ status: { from: 'inZone', to: 'left' } });

    const kept = await office.put(url, { ...unchanged(left.json(), body.idNumber), post: '顾问' });
    expect(kept.json().statusHistory).toHaveLength(2);

    const today = new Date().toISOString().slice(0, 10);
    const back = await office.put(url, { ...unchanged(kept.json(), body.idNumber), status: 'flexibleService' });
    expect(back.json()).toMatchObject({ status: 'flexibleService', statusSince: today });
    expect(back.json().statusHistory[0]).toEqual({ status: 'flexibleService', since: today, note: '', recordedBy });
    expect((await detailOf(office, created.id)).statusHistory.map((entry) => entry.status)).toEqual(['flexibleService', 'left', 'inZone']);
    expect(idsOf(await list(office, { q: created.name, status: 'flexibleService' }))).toEqual([created.id]);
    expect(idsOf(await list(office, { q: created.name, status: 'left' }))).toEqual([]);
  });
});

describe('search', () => {
  it('finds by Chinese full text: every word of the query must match', async () => {
    const tag = `检索${uniqueSuffix()}`;
    const match = await buildTalent(t.db, { tags: [tag], educations: [education('太原理工大学', '材料科学与工程')] });
    const sameSchool = await buildTalent(t.db, { tags: [tag], educations: [education('太原理工大学', '计算机科学与技术')] });
    const sameMajor = await buildTalent(t.db, { tags: [tag], educations: [education('山西大学', '材料科学与工程')] });
    const byPost = await buildTalent(t.db, { tags: [tag], post: '电池研发工程师' });
    expect(idsOf(await list(office, { q: '太原理工 材料', tag }))).toEqual([match.id]);
    expect(idsOf(await list(office, { q: '太原理工', tag })).sort()).toEqual([match.id, sameSchool.id].sort());
    expect(idsOf(await list(office, { q: '材料科学', tag })).sort()).toEqual([match.id, sameMajor.id].sort());
    expect(idsOf(await list(office, { q: '电池 工程师', tag }))).toEqual([byPost.id]);
    expect(idsOf(await list(office, { q: '北京大学 材料', tag }))).toEqual([]);
  });

  it('answers a search\'s total exactly below the cap (totalCapped false), as a list without a search', async () => {
    const tag = `计数${uniqueSuffix()}`;
    for (let index = 0; index < 3; index += 1) await buildTalent(t.db, { tags: [tag], post: '泵阀工程师' });
    const page = await list(office, { q: '泵阀 工程师', tag, pageSize: '2' });
    expect(page).toMatchObject({ total: 3, totalCapped: false });
    expect(page.items).toHaveLength(2);
    expect(await list(office, { tag })).toMatchObject({ total: 3, totalCapped: false });
  });

  describe('a broad search (the limits lowered to a handful of matches)', () => {
    const search = (input: Omit<TalentListInput, 'page' | 'pageSize'> & { page?: number; pageSize?: number }, limits: SearchListLimits) =>
      listTalentSummaries(t.db, secretsFor(t.config), office.user!, { page: 1, pageSize: 20, ...input }, limits);

    it('ranks by relevance when the matches are few enough, else lists the most recently updated first', async () => {
      const tag = `排序${uniqueSuffix()}`;
      const q = '泵阀 工程师';
      // the most relevant talent (both words side by side) is the least recently updated
      const near = await buildTalent(t.db, { name: '王一', tags: [tag], post: '泵阀工程师' });
      const far = [];
      for (const name of ['李二', '张三']) {
        far.push(await buildTalent(t.db, { name, tags: [tag, '泵阀'], post: '工程师', educations: [education('太原理工大学', '材料科学与工程')] }));
      }
      const ranks = await t.rows<{ id: string; rank: number }>(
        sql`select id, ts_rank(search_vector, to_tsquery('simple', ${searchQuery(q)})) as rank from talents where ${tag} = any(tags)`,
      );
      const rankOf = (id: string) => Number(ranks.find((row) => row.id === id)!.rank);
      for (const other of far) expect(rankOf(near.id)).toBeGreaterThan(rankOf(other.id));

      const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
      // as many matches as the limit: all read, counted and ranked, page by page
      const ranked = await search({ q, tag }, { matchLimit: 3 });
      expect(ranked).toMatchObject({ total: 3, totalCapped: false });
      expect(ranked.items[0].id).toBe(near.id);
      expect([...ids(await search({ q, tag, pageSize: 2 }, { matchLimit: 3 })), ...ids(await search({ q, tag, page: 2, pageSize: 2 }, { matchLimit: 3 }))]).toEqual(ids(ranked));
      expect(await search({ q, tag, page: 3, pageSize: 2 }, { matchLimit: 3 })).toEqual({ items: [], total: 3, totalCapped: false });
      // one match more than the limit: the order of the list without a search, page by page
      const recent = await search({ q, tag }, { matchLimit: 2 });
      expect(recent).toMatchObject({ total: 2, totalCapped: true });
      expect(recent.items.map((item) => item.id)).toEqual([far[1].id, far[0].id, near.id]);
      expect((await search({ q, tag, page: 2, pageSize: 2 }, { matchLimit: 2 })).items.map((item) => item.id)).toEqual([near.id]);
      // an order the user chose is kept whatever the count
      expect((await search({ q, tag, sort: 'name' }, { matchLimit: 2 })).items.map((item) => item.name)).toEqual(['李二', '王一', '张三']);
    });

    it('counts up to the limit and says when there are more', async () => {
      const tag = `封顶${uniqueSuffix()}`;
      const made = [];
      for (let index = 0; index < 5; index += 1) made.push(await buildTalent(t.db, { tags: [tag], post: '化工安全工程师' }));
      const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
      const newestFirst = made.map((talent) => talent.id).reverse();

      const capped = await search({ q: '化工 安全', tag }, { matchLimit: 3 });
      expect(capped).toMatchObject({ total: 3, totalCapped: true });
      // the count stops, the list does not: every match can still be reached, a page past the limit included
      expect(ids(capped)).toEqual(newestFirst);
      expect(ids(await search({ q: '化工 安全', tag, page: 3, pageSize: 2 }, { matchLimit: 3 }))).toEqual(newestFirst.slice(4));
      expect(await search({ q: '化工 安全', tag }, { matchLimit: 5 })).toMatchObject({ total: 5, totalCapped: false });
      expect(ids(await search({ q: '化工 安全', tag, page: 4, pageSize: 2 }, { matchLimit: 5 }))).toEqual([]);
      // no match: nothing to count or to page
      expect(await search({ q: '化工 安全 北京大学', tag }, { matchLimit: 3 })).toEqual({ items: [], total: 0, totalCapped: false });
      // a list without a search but with a filter the tallies do not count stops at the limit too; within it, exact
      expect(await search({ tag }, { matchLimit: 3 })).toMatchObject({ total: 3, totalCapped: true });
      expect(await search({ tag }, { matchLimit: 5 })).toMatchObject({ total: 5, totalCapped: false });
    });
  });

  it('finds a school by its name without any filter', async () => {
    const school = `${hanWord()}理工学院`;
    const talent = await buildTalent(t.db, { educations: [education(school, '化学工程')] });
    await buildTalent(t.db, { educations: [education(`${hanWord()}理工学院`, '化学工程')] });
    expect(idsOf(await list(office, { q: school }))).toEqual([talent.id]);
    expect(idsOf(await list(office, { q: `${school} 化学` }))).toEqual([talent.id]);
  });

  it('finds names by their pinyin initials and by their beginning', async () => {
    const tag = `拼音${uniqueSuffix()}`;
    const zhangSan = await buildTalent(t.db, { name: '张三', tags: [tag] });
    const zhangShanFeng = await buildTalent(t.db, { name: '张山丰', tags: [tag] });
    const liSi = await buildTalent(t.db, { name: '李四', tags: [tag] });
    expect(idsOf(await list(office, { q: 'zs', tag })).sort()).toEqual([zhangSan.id, zhangShanFeng.id].sort());
    expect(idsOf(await list(office, { q: 'ZSF', tag }))).toEqual([zhangShanFeng.id]);
    expect(idsOf(await list(office, { q: 'ls', tag }))).toEqual([liSi.id]);
    expect(idsOf(await list(office, { q: '张', tag })).sort()).toEqual([zhangSan.id, zhangShanFeng.id].sort());
    // without a filter the initials still find the talent among everyone
    expect(idsOf(await list(office, { q: 'zsf', pageSize: '200' }))).toContain(zhangShanFeng.id);
  });

  it('finds one talent exactly by the full ID number or by the phone, in any format', async () => {
    const idNumber = xNumber();
    const phone = phoneNumber();
    const talent = await buildTalent(t.db, { idNumber, phone });
    const lookupReason = '核对身份';
    for (const q of [idNumber, idNumber.toLowerCase(), ` ${idNumber} `]) expect(idsOf(await list(office, { q, lookupReason })), q).toEqual([talent.id]);
    for (const q of [phone, `+86 ${phone}`, `0086-${phone}`, `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`]) {
      expect(idsOf(await list(office, { q, lookupReason })), q).toEqual([talent.id]);
    }
    // the identity is not searchable in parts
    expect(idsOf(await list(office, { q: idNumber.slice(0, 17) }))).not.toContain(talent.id);
    expect(idsOf(await list(office, { q: phone.slice(0, 7) }))).not.toContain(talent.id);
  });

  it('filters by industry, education, title, tier, status, employer, arrival route and tag', async () => {
    const employer = await buildOrganisation(t.db);
    const tag = `筛选${uniqueSuffix()}`;
    const first = await buildTalent(t.db, {
      employerId: employer.id,
      industry: 'newMaterials',
      educations: [education('中北大学', '材料物理', 'doctorate'), education('中北大学', '材料物理', 'bachelor')],
      titles: [{ level: 'senior', series: '工程技术', name: '正高级工程师', year: 2021 }],
      tier: 'B',
      status: 'left',
      arrivalRoute: 'flexible',
      tags: [tag],
    });
    const second = await buildTalent(t.db, {
      employerId: employer.id,
      industry: 'chemicals',
      educations: [education('山西大学', '化学', 'bachelor')],
      titles: [{ level: 'intermediate', series: '工程技术', name: '工程师', year: 2018 }],
      tier: 'E',
      arrivalRoute: 'localTraining',
    });
    const third = await buildTalent(t.db, { employerId: employer.id });
    expect(idsOf(await list(office, { employer: employer.id })).sort()).toEqual([first.id, second.id, third.id].sort());
    const cases: [Record<string, string>, string[]][] = [
      [{ industry: 'newMaterials' }, [first.id]],
      [{ industry: 'chemicals' }, [second.id]],
      [{ education: 'doctorate' }, [first.id]],
      [{ education: 'bachelor' }, [second.id]],
      [{ title: 'senior' }, [first.id]],
      [{ title: 'intermediate' }, [second.id]],
      [{ tier: 'B' }, [first.id]],
      [{ tier: 'E' }, [second.id]],
      [{ status: 'left' }, [first.id]],
      [{ status: 'inZone' }, [second.id, third.id]],
      [{ arrivalRoute: 'flexible' }, [first.id]],
      [{ arrivalRoute: 'localTraining' }, [second.id]],
      [{ tag }, [first.id]],
      [{ industry: 'newMaterials', tier: 'E' }, []],
    ];
    for (const [filter, expected] of cases) {
      expect(idsOf(await list(office, { employer: employer.id, ...filter })).sort(), JSON.stringify(filter)).toEqual([...expected].sort());
    }
    // alone, a filter keeps only matching records
    const senior = await list(office, { title: 'senior', sort: '-updatedAt' });
    expect(senior.items.every((item) => item.highestTitle === 'senior')).toBe(true);
    expect(idsOf(senior)).toContain(first.id);
    expect(idsOf(await list(office, { tag }))).toEqual([first.id]);
    const wrong = await office.get('/api/talents', { query: { education: 'phd', status: 'gone' } });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().error.fields).sort()).toEqual(['education', 'status']);
  });

  it('sorts by name in pinyin order and pages with the total', async () => {
    const employer = await buildOrganisation(t.db);
    for (const name of ['赵六', '阿七', '王五', '李四', '陈二']) await buildTalent(t.db, { name, employerId: employer.id });
    const page = async (query: Record<string, string>) => {
      const result = await list(office, { employer: employer.id, pageSize: '2', ...query });
      return { names: result.items.map((item) => item.name), total: result.total };
    };
    expect(await page({ sort: 'name', page: '1' })).toEqual({ names: ['阿七', '陈二'], total: 5 });
    expect(await page({ sort: 'name', page: '2' })).toEqual({ names: ['李四', '王五'], total: 5 });
    expect(await page({ sort: 'name', page: '3' })).toEqual({ names: ['赵六'], total: 5 });
    expect(await page({ sort: 'name', page: '4' })).toEqual({ names: [], total: 5 });
    expect(await page({ sort: '-name', page: '1' })).toEqual({ names: ['赵六', '王五'], total: 5 });
    expect((await office.get('/api/talents', { query: { pageSize: '201' } })).statusCode).toBe(400);
  });
});

describe('audit trail of a talent', () => {
  it('the office sees the talent’s create, update, verify and reveal entries; everyone else is refused', async () => {
    const hr = await enterpriseHr();
    const phone = phoneNumber();
    const body = talentBody({ phone, employerId: hr.organisation.id });
    const created = await register(office, body);
    const url = `/api/talents/${created.id}`;
    expect((await office.put(url, { ...unchanged(created, body.idNumber, phone), post: '主任' })).statusCode).toBe(200);
    expect((await office.post(`${url}/verify`, { fields: ['name'] })).statusCode).toBe(200);
    expect((await office.post(`${url}/reveal`, { reason: '人才认定复核' })).statusCode).toBe(200);
    // another talent's entries stay out
    await register(office, talentBody());

    const response = await office.get(`${url}/audit`);
    expect(response.statusCode).toBe(200);
    const trail = response.json() as { items: { action: string; actorUsername: string; detail: string | null; changes: Json | null }[]; total: number };
    expect(trail.total).toBe(4);
    expect(trail.items.map((entry) => entry.action)).toEqual(['talent.reveal', 'talent.verify', 'talent.update', 'talent.create']);
    expect(trail.items.every((entry) => entry.actorUsername === 'office')).toBe(true);
    expect(trail.items[0].detail).toBe('人才认定复核');
    expect(trail.items[2].changes).toEqual({ post: { from: null, to: '主任' } });
    expect(trail.items[3].changes).toMatchObject({ name: created.name, idNumber: '***', phone: '***' });
    expect(response.body).not.toContain(body.idNumber);
    expect(response.body).not.toContain(phone);
    const paged = await office.get(`${url}/audit`, { query: { pageSize: '2', page: '2' } });
    expect(paged.json().items.map((entry: { action: string }) => entry.action)).toEqual(['talent.update', 'talent.create']);
    expect((await office.get(`/api/talents/${randomUUID()}/audit`)).statusCode).toBe(404);

    const self = await buildUser(t.db, { roles: ['talent'], talentId: created.id });
    const others = [hr.user, self, ...(await Promise.all((['department', 'leader', 'sysadmin', 'auditor'] as const).map((role) => buildUser(t.db, { roles: [role] }))))];
    for (const user of others) {
      const refused = await (await loginAs(user)).get(`${url}/audit`);
      expect(refused.statusCode, user.roles.join()).toBe(403);
    }
  });
});
