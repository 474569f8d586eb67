import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTalent, uniqueSuffix } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { workbookBytes } from '../imports/imports.fixtures';
import { expertColumns } from './experts.sheet';
import { xlsxMediaType } from './sheet';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

const auditFor = (targetId: string) =>
  t.rows<{ action: string; changes: Record<string, unknown> }>(sql`select action, changes from audit_log where target_id = ${targetId} order by seq`);

const projectBody = (overrides: Record<string, unknown> = {}) => ({
  name: `钠离子电池正极材料项目 ${uniqueSuffix()}`, investor: '测试投资集团', industry: 'newEnergyBattery', amount: 50_000, status: 'signed', signedOn: '2025-06-01', ...overrides,
});
const expertBody = (overrides: Record<string, unknown> = {}) => ({
  name: `专家${uniqueSuffix()}`, kind: 'industryAdviser', field: '电池材料', affiliation: '中国科学院物理研究所', engagedFrom: '2025-01-01', engagementTerms: '每月驻区 5 天', ...overrides,
});

async function teamWithProject() {
  const project = (await office.post('/api/projects', projectBody())).json();
  const organisation = await buildOrganisation(t.db, { kind: 'team', name: `测试团队 ${uniqueSuffix()}` });
  const leader = await buildTalent(t.db, { employerId: organisation.id });
  const response = await office.post('/api/teams', { organisationId: organisation.id, leaderTalentId: leader.id, projectId: project.id, serviceFrom: '2025-03-01' });
  expect(response.statusCode, response.body).toBe(201);
  return { project, team: response.json(), leader };
}

describe('investment projects and teams (项目+人才)', () => {
  it('records a project and a team bringing it; the leader is the first member; both audited', async () => {
    const { project, team, leader } = await teamWithProject();
    expect(team).toMatchObject({ project: { id: project.id, name: project.name }, leader: { id: leader.id }, members: 1, experts: 0, serviceTo: null });
    expect(team.memberList).toEqual([{ talentId: leader.id, name: leader.name, memberRole: '负责人', post: null }]);
    expect((await auditFor(team.id)).map((entry) => entry.action)).toEqual(['team.create']);
    expect((await auditFor(project.id)).map((entry) => entry.action)).toEqual(['project.create']);
    const listed = (await office.get('/api/projects', { query: { q: project.name } })).json();
    expect(listed).toMatchObject({ total: 1, items: [{ id: project.id, teams: 1, experts: 0 }] });
  });

  it('refuses what does not fit, naming the field: not a team, an unknown project, a service end before its start, a project name twice', async () => {
    const enterprise = await buildOrganisation(t.db);
    const bad = await office.post('/api/teams', { organisationId: enterprise.id, serviceFrom: '2025-03-01', serviceTo: '2025-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ serviceTo: '服务结束日期：开始时间不能晚于结束时间' });
    const notTeam = await office.post('/api/teams', { organisationId: enterprise.id, projectId: crypto.randomUUID(), serviceFrom: '2025-03-01' });
    expect(notTeam.json().error.fields).toEqual({ organisationId: expect.stringContaining('不是已登记的人才团队'), projectId: '招商引资项目：不在可选范围内' });
    const project = (await office.post('/api/projects', projectBody())).json();
    const twice = await office.post('/api/projects', projectBody({ name: project.name, amount: -1 }));
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields.amount).toMatch(/^投资额（万元）：/);
    const again = await office.post('/api/projects', projectBody({ name: project.name }));
    expect(again.json().error.fields).toEqual({ name: '项目名称：已登记，不能重复添加' });
  });

  it('adds a registry talent to a team once', async () => {
    const { team } = await teamWithProject();
    const member = await buildTalent(t.db);
    const added = await office.post(`/api/teams/${team.id}/members`, { talentId: member.id, memberRole: '工艺工程师' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().members).toBe(2);
    const twice = await office.post(`/api/teams/${team.id}/members`, { talentId: member.id });
    expect(twice.statusCode).toBe(400);
    expect((await office.post(`/api/teams/${crypto.randomUUID()}/members`, { talentId: member.id })).statusCode).toBe(404);
  });
});

describe('experts (柔性专家)', () => {
  it('the office adds an expert to a team of a project with the version read; a stale version is a 409; audited with a diff', async () => {
    const { project, team } = await teamWithProject();
    const created = await office.post('/api/experts', expertBody());
    expect(created.statusCode, created.body).toBe(201);
    const expert = created.json();
    expect(expert).toMatchObject({ team: null, project: null, serviceDays: 0, version: 1 });
    const { id: _id, team: _team, project: _project, version, talentId: _talentId, ...fields } = expert;
    const moved = await office.put(`/api/experts/${expert.id}`, { ...fields, teamId: team.id, projectId: project.id, serviceDays: 12, version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ team: { id: team.id, name: team.name }, project: { id: project.id }, serviceDays: 12, version: 2 });
    const stale = await office.put(`/api/experts/${expert.id}`, { ...fields, serviceDays: 20, version: 1 });
    expect(stale.statusCode).toBe(409);
    const detail = (await office.get(`/api/teams/${team.id}`)).json();
    expect(detail.expertList.map((each: { id: string }) => each.id)).toEqual([expert.id]);
    const audits = await auditFor(expert.id);
    expect(audits.map((entry) => entry.action)).toEqual(['expert.create', 'expert.update']);
    expect(audits[1].changes).toMatchObject({ teamId: { from: null, to: team.id }, serviceDays: { from: 0, to: 12 } });
  });

  it('links an expert to one registry talent only, and refuses unknown teams', async () => {
    const talent = await buildTalent(t.db);
    expect((await office.post('/api/experts', expertBody({ talentId: talent.id }))).statusCode).toBe(201);
    const twice = await office.post('/api/experts', expertBody({ talentId: talent.id, teamId: crypto.randomUUID() }));
    expect(twice.statusCode).toBe(400);
    expect(Object.keys(twice.json().error.fields).sort()).toEqual(['talentId', 'teamId']);
  });

  it('departments and leaders read experts; enterprises and talents may not; only the office writes', async () => {
    expect((await (await t.login('leader')).get('/api/experts')).statusCode).toBe(200);
    expect((await (await t.login('department')).post('/api/experts', expertBody())).statusCode).toBe(403);
    expect((await (await t.login('enterprise')).get('/api/experts')).statusCode).toBe(403);
    expect((await (await t.login('talent')).get('/api/teams')).statusCode).toBe(403);
  });

  it('exports the roster and imports it back; a bad row refuses the whole file naming each cell', async () => {
    const { team } = await teamWithProject();
    const tag = uniqueSuffix();
    const headers = expertColumns.map((column) => column.header);
    const good = ['王院士' + tag, '院士', '储能材料', '中国科学院', team.name, '', '项目咨询', '2025-02-01', '', 6, '指导中试线'];
    const imported = await office.post('/api/experts/import', await workbookBytes(headers, [good, ['李博士' + tag, '博士', '半导体', '山东大学', '', '', '', '2025-03-01', '', '', '']]), { headers: { 'content-type': xlsxMediaType } });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toEqual({ created: 2 });
    const listed = (await office.get('/api/experts', { query: { q: tag } })).json();
    expect(listed.items.map((each: { name: string; kind: string }) => [each.name, each.kind])).toEqual([['李博士' + tag, 'doctor'], ['王院士' + tag, 'academician']]);

    const before = (await office.get('/api/experts')).json().total;
    const bad = await office.post('/api/experts/import', await workbookBytes(headers, [
      ['赵专家' + tag, '院士', '储能', '清华大学', '', '', '', '2025-02-01', '', '', ''],
      ['钱专家' + tag, '教授', '储能', '清华大学', '不存在的团队', '', '', '2025-13-01', '', '', ''],
    ]), { headers: { 'content-type': xlsxMediaType } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('spreadsheetInvalidRows');
    expect(bad.json().error.fields).toEqual({
      'rows.2.kind': '表格行 › #3 › 类型：“教授”不在可选范围内',
      'rows.2.teamId': '表格行 › #3 › 所属团队：“不存在的团队”不在可选范围内',
      'rows.2.engagedFrom': expect.stringMatching(/^表格行 › #3 › 聘期开始：/),
    });
    expect((await office.get('/api/experts')).json().total).toBe(before);

    const exported = await office.get('/api/experts/export', { query: { q: tag } });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(xlsxMediaType);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers]);
    expect(sheet.getRow(3).getCell(1).value).toBe('王院士' + tag);
    expect(sheet.getRow(3).getCell(2).value).toBe('院士');
    expect(sheet.getRow(3).getCell(5).value).toBe(team.name);
  });
});

describe('think-tank consultations (问诊把脉)', () => {
  it('records a consultation with experts and an enterprise; unknown experts and non-enterprises are field errors', async () => {
    const enterprise = await buildOrganisation(t.db);
    const expert = (await office.post('/api/experts', expertBody())).json();
    const created = await office.post('/api/consultations', { topic: '钠电池正极材料量产良率', enterpriseId: enterprise.id, heldOn: '2025-09-10', expertIds: [expert.id], recommendations: '优化烧结温度曲线' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ enterprise: { id: enterprise.id }, experts: [{ id: expert.id, name: expert.name }], followUpStatus: 'open' });
    const team = await buildOrganisation(t.db, { kind: 'team', name: `问诊团队 ${uniqueSuffix()}` });
    const bad = await office.post('/api/consultations', { topic: '测试', enterpriseId: team.id, heldOn: '2025-09-10', expertIds: [expert.id, crypto.randomUUID()] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['enterpriseId', 'expertIds.1']);
    const listed = (await office.get('/api/consultations', { query: { expertId: expert.id } })).json();
    expect(listed.total).toBe(1);
  });
});

describe('the demo data', () => {
  it('10 resident teams, each brought by an investment project; the 85 flexible experts, each linked to their registry record', async () => {
    const teams = (await office.get('/api/teams', { query: { pageSize: '200' } })).json();
    const demoTeams = teams.items.filter((team: { name: string }) => !team.name.startsWith('测试团队'));
    expect(demoTeams).toHaveLength(10);
    expect(demoTeams.map((team: { name: string }) => team.name)).toEqual(expect.arrayContaining(['中国电子系统', '中关村智酷', '新石器网络科技', '清研科创中心', '孙宏斌教授团队']));
    expect(demoTeams.every((team: { project: unknown; members: number; leader: unknown }) => team.project && team.members > 0 && team.leader)).toBe(true);
    const [linked] = await t.rows<{ experts: number; flexible: number }>(sql`
      select count(*)::int as experts, count(*) filter (where t.arrival_route = 'flexible')::int as flexible
      from experts e join talents t on t.id = e.talent_id where e.name = t.name`);
    expect(linked).toEqual({ experts: 85, flexible: 85 });
    const [kinds] = await t.rows<{ academicians: number }>(sql`select count(*) filter (where kind = 'academician')::int as academicians from experts where talent_id is not null`);
    expect(kinds.academicians).toBe(1);
  });
});
