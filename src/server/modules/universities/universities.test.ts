import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTalent, buildUser, factoryPassword, uniqueSuffix } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { workbookBytes } from '../imports/imports.fixtures';
import { xlsxMediaType } from '../flexible-talent/sheet';
import { internColumns } from './interns.sheet';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

const auditFor = (targetId: string) =>
  t.rows<{ action: string; changes: Record<string, unknown> }>(sql`select action, changes from audit_log where target_id = ${targetId} order by seq`);

async function enterpriseHr(organisationId: string) {
  const user = await buildUser(t.db, { roles: ['enterprise'], organisationId });
  return t.login(user.username, factoryPassword);
}

/** An enterprise with its HR account and a base with a fresh university. */
async function baseOfNewEnterprise() {
  const enterprise = await buildOrganisation(t.db);
  const university = await buildOrganisation(t.db, { kind: 'university', name: `测试大学 ${uniqueSuffix()}`, industry: null });
  const response = await office.post('/api/internships/bases', { enterpriseId: enterprise.id, universityId: university.id, establishedOn: '2024-03-01', capacity: 30 });
  expect(response.statusCode, response.body).toBe(201);
  return { enterprise, university, base: response.json(), hr: await enterpriseHr(enterprise.id) };
}

const internBody = (baseId: string, overrides: Record<string, unknown> = {}) => ({
  baseId, studentName: `实习生${uniqueSuffix()}`, major: '材料科学与工程', periodFrom: '2025-07-01', periodTo: '2025-09-30', mentor: '张工', ...overrides,
});

describe('universities and agreements (省校合作)', () => {
  it('records a framework agreement (version 0, then the version read) and cooperation items; audited', async () => {
    const university = await buildOrganisation(t.db, { kind: 'university', name: `协议大学 ${uniqueSuffix()}`, industry: null });
    const url = `/api/universities/${university.id}`;
    expect((await office.get(url)).json()).toMatchObject({ agreement: null, itemList: [] });
    const first = await office.put(`${url}/agreement`, { signedOn: '2023-05-18', scope: '实习实训、成果转化', contacts: '科技处 王老师', version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().agreement).toMatchObject({ signedOn: '2023-05-18', version: 1 });
    expect((await office.put(`${url}/agreement`, { signedOn: '2023-05-18', scope: '再签', version: 0 })).statusCode).toBe(409);
    const second = await office.put(`${url}/agreement`, { signedOn: '2024-05-18', scope: '续签', version: 1 });
    expect(second.json().agreement).toMatchObject({ scope: '续签', version: 2 });
    const item = await office.post(`${url}/items`, { kind: 'jointResearch', title: '泵阀数字孪生联合研发', status: 'active', startedOn: '2024-09-01' });
    expect(item.statusCode, item.body).toBe(201);
    expect(item.json().itemList).toMatchObject([{ kind: 'jointResearch', status: 'active', enterprise: null }]);
    expect((await office.post(`${url}/items`, { kind: 'study', title: '', status: 'active' })).json().error.fields).toEqual({
      kind: '类型：取值无效', title: '名称：必填',
    });
    expect((await auditFor(university.id)).map((entry) => entry.action)).toEqual(['university.agreement', 'university.agreement']);
    const enterprise = await buildOrganisation(t.db);
    expect((await office.get(`/api/universities/${enterprise.id}`)).statusCode).toBe(404);
  });

  it('the demo holds the 19 partner universities, each with its agreement', async () => {
    const page = (await office.get('/api/universities', { query: { pageSize: '100' } })).json();
    // the demo's, not those this file's tests add (named 协议大学 / 测试大学 with a suffix)
    const demo = page.items.filter((item: { name: string }) => !/ [0-9a-f]{8}$/.test(item.name));
    expect(demo.length).toBe(19);
    expect(demo.every((item: { agreement: unknown; items: number }) => item.agreement && item.items >= 2)).toBe(true);
    expect(demo.reduce((sum: number, item: { interns: number }) => sum + item.interns, 0)).toBeGreaterThanOrEqual(400);
  });
});

describe('internships', () => {
  it('an enterprise records an intern on its own base, and sees only its own bases and interns (another\'s: 404)', async () => {
    const mine = await baseOfNewEnterprise();
    const theirs = await baseOfNewEnterprise();
    const created = await mine.hr.post('/api/internships', internBody(mine.base.id));
    expect(created.statusCode, created.body).toBe(201);
    const other = (await theirs.hr.post('/api/internships', internBody(theirs.base.id))).json();
    // on another's base: the base is not one it may choose
    const elsewhere = await mine.hr.post('/api/internships', internBody(theirs.base.id));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields).toEqual({ baseId: '实习基地：不在可选范围内' });
    expect((await mine.hr.get(`/api/internships/${other.id}`)).statusCode).toBe(404);
    expect((await mine.hr.get(`/api/internships/${created.json().id}`)).statusCode).toBe(200);
    const list = (await mine.hr.get('/api/internships', { query: { pageSize: '200' } })).json();
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([created.json().id]);
    const bases = (await mine.hr.get('/api/internships/bases')).json();
    expect(bases.items.map((item: { id: string }) => item.id)).toEqual([mine.base.id]);
    // the office sees both
    expect((await office.get(`/api/internships/${other.id}`)).statusCode).toBe(200);
    expect((await mine.hr.post(`/api/internships/${other.id}/conversion`, { talentId: crypto.randomUUID(), hiredOn: '2025-10-01', version: 1 })).statusCode).toBe(404);
  });

  it('validates a placement: the period in order, the evaluation from its list', async () => {
    const { base, hr } = await baseOfNewEnterprise();
    const bad = await hr.post('/api/internships', internBody(base.id, { evaluation: 'great', mentor: '' }));
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['evaluation', 'mentor']);
    const reversed = await hr.post('/api/internships', internBody(base.id, { periodTo: '2025-06-01' }));
    expect(reversed.json().error.fields).toEqual({ periodTo: '实习结束：开始时间不能晚于结束时间' });
    expect((await hr.get('/api/internships')).json().total).toBe(0);
  });

  it('a hired intern is linked to their record in the registry: employed by the base\'s enterprise, once', async () => {
    const { enterprise, base, hr } = await baseOfNewEnterprise();
    const intern = (await hr.post('/api/internships', internBody(base.id, { evaluation: 'excellent' }))).json();
    const url = `/api/internships/${intern.id}/conversion`;
    const outsider = await buildTalent(t.db);
    const notStaff = await hr.post(url, { talentId: outsider.id, hiredOn: '2025-10-01', version: 1 });
    expect(notStaff.statusCode).toBe(400);
    expect(notStaff.json().error.fields).toEqual({ talentId: expect.stringContaining('该人才的工作单位不是实习基地所在企业') });
    const hire = await buildTalent(t.db, { employerId: enterprise.id, name: intern.studentName });
    const early = await hr.post(url, { talentId: hire.id, hiredOn: '2025-01-01', version: 1 });
    expect(early.json().error.fields).toEqual({ hiredOn: '录用日期：录用日期不能早于实习开始日期' });
    const converted = await hr.post(url, { talentId: hire.id, hiredOn: '2025-10-08', version: 1 });
    expect(converted.statusCode, converted.body).toBe(200);
    expect(converted.json()).toMatchObject({ hired: { talentId: hire.id, name: hire.name, hiredOn: '2025-10-08' }, version: 2 });
    const [stored] = await t.rows<{ hired_talent_id: string }>(sql`select hired_talent_id from internships where id = ${intern.id}`);
    expect(stored.hired_talent_id).toBe(hire.id);
    expect((await hr.post(url, { talentId: hire.id, hiredOn: '2025-10-08', version: 2 })).json().error.code).toBe('internshipConverted');
    // the same talent cannot be the hire of a second placement
    const second = (await hr.post('/api/internships', internBody(base.id))).json();
    const taken = await hr.post(`/api/internships/${second.id}/conversion`, { talentId: hire.id, hiredOn: '2025-10-08', version: 1 });
    expect(taken.json().error.fields).toEqual({ talentId: expect.stringContaining('已关联其他实习记录') });
    expect((await hr.get('/api/internships', { query: { converted: 'true' } })).json().total).toBe(1);
    expect((await auditFor(intern.id)).map((entry) => entry.action)).toEqual(['internship.create', 'internship.convert']);
  });

  it('imports interns all or nothing: a base outside the importer\'s own is a cell error; exports them back', async () => {
    const mine = await baseOfNewEnterprise();
    const theirs = await baseOfNewEnterprise();
    const headers = internColumns.map((column) => column.header);
    const row = (enterprise: string, university: string, extra: Partial<Record<string, string>> = {}) =>
      [extra.name ?? `导入实习生${uniqueSuffix()}`, university, enterprise, '化学工程', '2025-07-01', extra.to ?? '2025-08-31', '李工', extra.evaluation ?? '良好', '', ''];
    const bad = await mine.hr.post('/api/internships/import', await workbookBytes(headers, [
      row(mine.enterprise.name, mine.university.name),
      row(theirs.enterprise.name, theirs.university.name, { evaluation: '很好', to: '2025-06-01' }),
    ]), { headers: { 'content-type': xlsxMediaType } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['rows.2.baseId', 'rows.2.evaluation', 'rows.2.periodTo']);
    expect((await mine.hr.get('/api/internships')).json().total).toBe(0);
    const good = await mine.hr.post('/api/internships/import', await workbookBytes(headers, [row(mine.enterprise.name, mine.university.name, { name: '孙同学' })]), {
      headers: { 'content-type': xlsxMediaType },
    });
    expect(good.statusCode, good.body).toBe(201);
    const listed = (await mine.hr.get('/api/internships')).json();
    expect(listed.items).toMatchObject([{ studentName: '孙同学', evaluation: 'good', university: { id: mine.university.id } }]);
    const exported = await mine.hr.get('/api/internships/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('interns.xlsx');
  });
});

describe('tech transfers (成果转化)', () => {
  it('the office records one; the receiving enterprise sees it, another enterprise gets 404', async () => {
    const { enterprise, hr } = await baseOfNewEnterprise();
    const stranger = await enterpriseHr((await buildOrganisation(t.db)).id);
    const [institute] = await t.rows<{ id: string }>(sql`select id from organisations where name = '中国科学院物理研究所'`);
    const created = await office.post('/api/tech-transfers', { technology: '钠离子电池正极材料', sourceId: institute.id, enterpriseId: enterprise.id, stage: 'pilot', investment: 12_000, startedOn: '2024-04-01' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await hr.get(`/api/tech-transfers/${id}`)).json()).toMatchObject({ stage: 'pilot', source: { name: '中国科学院物理研究所' } });
    expect((await stranger.get(`/api/tech-transfers/${id}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/tech-transfers')).json().total).toBe(0);
    const bad = await office.post('/api/tech-transfers', { technology: '超净滤材', sourceId: enterprise.id, enterpriseId: institute.id, stage: 'mass', investment: 1, startedOn: '2024-04-01' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['stage']);
    const badReferences = await office.post('/api/tech-transfers', { technology: '超净滤材', sourceId: enterprise.id, enterpriseId: institute.id, stage: 'pilot', investment: 1, startedOn: '2024-04-01' });
    expect(badReferences.json().error.fields).toEqual({ sourceId: '成果来源单位：应为高校或科研院所', enterpriseId: '企业：不是已登记的企业' });
    expect((await hr.post('/api/tech-transfers', { technology: 'x', sourceId: institute.id, enterpriseId: enterprise.id, stage: 'pilot', investment: 1, startedOn: '2024-04-01' })).statusCode).toBe(403);
  });
});
