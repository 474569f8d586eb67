import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOrganisation, buildTalent, buildUser, factoryPassword, uniqueIdNumber } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { systemActor } from '../../plugins/auth';
import { xlsxMediaType } from '../imports/imports.workbook';
import { remindExecutiveTerms } from './executives.service';

let t: TestApp;
let office: Agent;
let hr: Agent;
let enterpriseId: string;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  const user = await buildUser(t.db, { roles: ['enterprise'] });
  enterpriseId = user.organisationId!;
  hr = await t.login(user.username, factoryPassword);
});
afterAll(async () => t?.close());
afterEach(() => {
  vi.useRealTimers();
});

const campaignBody = (overrides: Record<string, unknown> = {}) => ({
  type: 'campusRecruitment', name: '2026 年高校毕业生校园招聘', year: 2026, stages: ['registration', 'qualification', 'writtenExam', 'interview', 'offer'],
  plan: [{ discipline: 'newEnergy', planned: 2 }, { discipline: 'informationTechnology', planned: 1 }], ...overrides,
});
const applicant = (postId: string, idNumber = uniqueIdNumber(), overrides: Record<string, unknown> = {}) => ({
  postId, name: '应聘者', idNumber, phone: '13812345678', education: 'master', degree: 'master', school: '太原理工大学', major: '新能源科学与工程', graduationYear: 2026, ...overrides,
});

async function throughStages(campaignId: string, applicantId: string, stages: string[]) {
  let version = 1;
  for (const stage of stages) {
    const response = await office.post(`/api/campaigns/${campaignId}/applicants/${applicantId}/results`, { stage, passed: true, score: stage === 'writtenExam' || stage === 'interview' ? 85 : null, version });
    expect(response.statusCode, response.body).toBe(200);
    version = response.json().version;
  }
  return version;
}

describe('recruitment campaigns', () => {
  it('refuses stages out of order or without the offer, naming the field', async () => {
    const disordered = await office.post('/api/campaigns', campaignBody({ stages: ['interview', 'writtenExam', 'offer'] }));
    expect([disordered.statusCode, Object.keys(disordered.json().error.fields)]).toEqual([400, ['stages']]);
    const noOffer = await office.post('/api/campaigns', campaignBody({ stages: ['registration', 'interview'] }));
    expect([noOffer.statusCode, Object.keys(noOffer.json().error.fields)]).toEqual([400, ['stages']]);
    const unknown = await office.post('/api/campaigns', campaignBody({ plan: [{ discipline: 'astrology', planned: 1 }] }));
    expect([unknown.statusCode, Object.keys(unknown.json().error.fields)]).toEqual([400, ['plan.0.discipline']]);
    expect((await hr.post('/api/campaigns', campaignBody())).statusCode).toBe(403);
  });

  it('a demand → a campaign post → an applicant through the stages → hired → a talent of the registry (never a duplicate) → the demand filled', async () => {
    const demand = (await hr.post('/api/demands', { post: '储能系统工程师', industry: 'newEnergyBattery', discipline: 'newEnergy', headcount: 2, skills: ['电池材料'] })).json();
    const campaign = (await office.post('/api/campaigns', campaignBody())).json();
    const withPost = (await office.post(`/api/campaigns/${campaign.id}/posts`, { title: '储能系统工程师', discipline: 'newEnergy', headcount: 2, demandId: demand.id })).json();
    const post = withPost.posts[0];
    expect(post).toMatchObject({ enterprise: { id: enterpriseId }, demand: { id: demand.id } });

    // a newcomer: registered as a new talent with the arrival route of campus recruitment (体制内引进)
    const newcomer = (await office.post(`/api/campaigns/${campaign.id}/applicants`, applicant(post.id))).json();
    expect(newcomer).toMatchObject({ number: 1, stage: 'registration', state: 'inProgress' });
    expect(newcomer.idNumber).toMatch(/^\d{6}\*{12}$/);
    expect(newcomer.phone).toBe('138****5678');
    const early = await office.post(`/api/campaigns/${campaign.id}/applicants/${newcomer.id}/hire`, { hiredOn: '2026-11-20', version: newcomer.version });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'applicantNotReady']);
    const wrongStage = await office.post(`/api/campaigns/${campaign.id}/applicants/${newcomer.id}/results`, { stage: 'interview', passed: true, score: 90, version: 1 });
    expect([wrongStage.statusCode, Object.keys(wrongStage.json().error.fields)]).toEqual([400, ['stage']]);
    const version = await throughStages(campaign.id, newcomer.id, ['registration', 'qualification', 'writtenExam', 'interview']);
    const hired = await office.post(`/api/campaigns/${campaign.id}/applicants/${newcomer.id}/hire`, { hiredOn: '2026-11-20', version });
    expect(hired.statusCode, hired.body).toBe(200);
    expect(hired.json()).toMatchObject({ talentCreated: true, applicant: { state: 'hired', stage: 'offer' } });
    const talent = (await office.get(`/api/talents/${hired.json().talentId}`)).json();
    expect(talent).toMatchObject({ arrivalRoute: 'civilService', arrivedOn: '2026-11-20', employer: { id: enterpriseId }, post: '储能系统工程师', status: 'inZone' });

    // someone already in the registry (left the zone, other employer): the same talent is updated, not a second one
    const knownIdNumber = uniqueIdNumber();
    const known = await buildTalent(t.db, { idNumber: knownIdNumber, status: 'left', arrivalRoute: 'selfArrived', employerId: (await buildOrganisation(t.db)).id });
    const returning = (await office.post(`/api/campaigns/${campaign.id}/applicants`, applicant(post.id, knownIdNumber, { name: known.name }))).json();
    const twice = await office.post(`/api/campaigns/${campaign.id}/applicants`, applicant(post.id, knownIdNumber));
    expect([twice.statusCode, Object.keys(twice.json().error.fields)]).toEqual([400, ['idNumber']]);
    const returningVersion = await throughStages(campaign.id, returning.id, ['registration', 'qualification', 'writtenExam', 'interview']);
    const rehired = (await office.post(`/api/campaigns/${campaign.id}/applicants/${returning.id}/hire`, { hiredOn: '2026-11-21', version: returningVersion })).json();
    expect(rehired).toMatchObject({ talentCreated: false, talentId: known.id });
    const [{ n }] = await t.rows<{ n: number }>(sql`select count(*)::int as n from talents where id_number_hash = ${t.app.secrets.lookupHash(knownIdNumber)}`);
    expect(n).toBe(1);
    const updated = (await office.get(`/api/talents/${known.id}`)).json();
    expect(updated).toMatchObject({ status: 'inZone', arrivalRoute: 'civilService', employer: { id: enterpriseId } });

    // the demand is filled by both hires, as dated records of the campaign channel
    const filled = (await hr.get(`/api/demands/${demand.id}`)).json();
    expect(filled).toMatchObject({ status: 'filled', filled: 2 });
    expect(filled.fills.map((fill: { channel: string; filledOn: string }) => [fill.channel, fill.filledOn])).toEqual([['campaign', '2026-11-20'], ['campaign', '2026-11-21']]);
    // plan against actual by discipline
    const detail = (await office.get(`/api/campaigns/${campaign.id}`)).json();
    expect(detail.plan).toEqual([
      { discipline: { code: 'newEnergy', name: '新能源', nameEn: 'New energy' }, planned: 2, hired: 2 },
      { discipline: { code: 'informationTechnology', name: '信息技术', nameEn: 'Information technology' }, planned: 1, hired: 0 },
    ]);
    expect(detail).toMatchObject({ planned: 3, hired: 2, applicants: 2 });
    const audits = await t.rows<{ action: string }>(sql`select action from audit_log where changes->>'campaign' = ${campaign.id} order by seq`);
    expect(audits.map((row) => row.action)).toEqual(expect.arrayContaining(['talent.create', 'talent.update', 'campaign.hire']));
  });

  it('takes a hire dated today in the zone (Beijing) while the server’s UTC date is still yesterday', async () => {
    const campaign = (await office.post('/api/campaigns', campaignBody({ name: '跨日录用测试', stages: ['registration', 'offer'], plan: [] }))).json();
    const post = (await office.post(`/api/campaigns/${campaign.id}/posts`, { title: '工艺工程师', discipline: 'equipment', headcount: 1 })).json().posts[0];
    const person = (await office.post(`/api/campaigns/${campaign.id}/applicants`, applicant(post.id))).json();
    const version = await throughStages(campaign.id, person.id, ['registration']);
    // 01:30 on 2026-11-03 in Beijing is 17:30 on 2026-11-02 in UTC
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-02T17:30:00Z'));
    const hired = await office.post(`/api/campaigns/${campaign.id}/applicants/${person.id}/hire`, { hiredOn: '2026-11-03', version });
    expect(hired.statusCode, hired.body).toBe(200);
    expect(hired.json().applicant.hiredOn).toBe('2026-11-03');
    const tomorrow = await office.post(`/api/campaigns/${campaign.id}/applicants/${person.id}/hire`, { hiredOn: '2026-11-04', version: hired.json().applicant.version });
    expect([tomorrow.statusCode, Object.keys(tomorrow.json().error.fields)]).toEqual([400, ['hiredOn']]);
  });

  it('takes scores in bulk from Excel: every problem named by its cell and nothing written, then all rows at once', async () => {
    const campaign = (await office.post('/api/campaigns', campaignBody({ name: '成绩导入测试', stages: ['writtenExam', 'interview', 'offer'] }))).json();
    const post = (await office.post(`/api/campaigns/${campaign.id}/posts`, { title: '数据工程师', discipline: 'informationTechnology', headcount: 3 })).json().posts[0];
    const people = [];
    for (let index = 0; index < 3; index += 1) people.push((await office.post(`/api/campaigns/${campaign.id}/applicants`, applicant(post.id))).json());

    const template = await office.get(`/api/campaigns/${campaign.id}/scores/template`);
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toBe(xlsxMediaType);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('成绩录入')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '报名号', '姓名', '岗位', '环节', '成绩', '是否通过']);
    expect(sheet.rowCount).toBe(4);
    // row 2: fine; row 3: score out of range; row 4: not "passed" nor "failed"
    sheet.getRow(2).getCell(5).value = 88;
    sheet.getRow(2).getCell(6).value = '通过';
    sheet.getRow(3).getCell(5).value = 130;
    sheet.getRow(3).getCell(6).value = '通过';
    sheet.getRow(4).getCell(5).value = 55;
    sheet.getRow(4).getCell(6).value = '也许';
    // row 5: a 报名号 this campaign does not have
    sheet.getRow(5).values = [undefined, 999, '某某', '数据工程师', '笔试', 80, '通过'];
    const upload = async () => office.post(`/api/campaigns/${campaign.id}/scores`, Buffer.from(await workbook.xlsx.writeBuffer()), { headers: { 'content-type': xlsxMediaType } });
    const refused = await upload();
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('scoreImportRows');
    expect(refused.json().error.fields).toEqual({ E3: 'E3：应为 0–100 的成绩', F4: 'F4：应填“通过”或“不通过”', A5: 'A5：本次招聘没有该报名号的报名人员' });
    const untouched = (await office.get(`/api/campaigns/${campaign.id}/applicants`)).json();
    expect(untouched.items.every((item: { results: unknown[] }) => item.results.length === 0)).toBe(true);

    sheet.getRow(3).getCell(5).value = 92;
    sheet.getRow(4).getCell(6).value = '不通过';
    sheet.spliceRows(5, 1);
    // the preview answers what would be written and writes nothing (no result, no audit)
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const previewed = await office.post(`/api/campaigns/${campaign.id}/scores`, bytes, { query: { preview: 'true' }, headers: { 'content-type': xlsxMediaType } });
    expect([previewed.statusCode, previewed.json()]).toEqual([200, { preview: true, updated: 3, passed: 2, failed: 1 }]);
    expect((await office.get(`/api/campaigns/${campaign.id}/applicants`)).json().items.every((item: { results: unknown[] }) => item.results.length === 0)).toBe(true);
    expect(await t.rows(sql`select id from audit_log where action = 'campaign.scores' and target_id = ${campaign.id}`)).toEqual([]);
    const accepted = await upload();
    expect([accepted.statusCode, accepted.json()]).toEqual([200, { preview: false, updated: 3, passed: 2, failed: 1 }]);
    const after = (await office.get(`/api/campaigns/${campaign.id}/applicants`)).json().items;
    expect(after.map((item: { number: number; state: string; stage: string; results: { score: number }[] }) => [item.number, item.state, item.stage, item.results[0].score])).toEqual([
      [1, 'inProgress', 'interview', 88], [2, 'inProgress', 'interview', 92], [3, 'failed', 'writtenExam', 55],
    ]);
    // the same sheet again: those rows are no longer at the written exam
    const again = await upload();
    expect(Object.keys(again.json().error.fields)).toEqual(['D2', 'D3', 'D4']);
    expect(people).toHaveLength(3);
  });

  it('takes applicants from Excel: problems by row and column in Chinese, a second application refused, preview writes nothing, then all rows at once; the roster exports masked', async () => {
    const campaign = (await office.post('/api/campaigns', campaignBody({ name: '报名导入测试' }))).json();
    const post = (await office.post(`/api/campaigns/${campaign.id}/posts`, { title: '电池工艺工程师', discipline: 'newEnergy', headcount: 3 })).json().posts[0];
    const already = uniqueIdNumber();
    expect((await office.post(`/api/campaigns/${campaign.id}/applicants`, applicant(post.id, already))).statusCode).toBe(201);

    const template = await office.get(`/api/campaigns/${campaign.id}/applicants/template`);
    expect([template.statusCode, template.headers['content-type']]).toEqual([200, xlsxMediaType]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('报名人员')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '身份证号码', '手机号码', '学历', '学位', '毕业院校', '专业', '毕业年份', '报考岗位']);
    expect(workbook.getWorksheet('可选值')!.getColumn(3).values).toContain('电池工艺工程师');

    const [first, second] = [uniqueIdNumber(), uniqueIdNumber('male')];
    const fill = (rows: ExcelJS.CellValue[][]) => rows.forEach((values, index) => (sheet.getRow(index + 2).values = values));
    fill([
      ['王一', first, '13812345678', '硕士研究生', '硕士', '太原理工大学', '材料科学与工程', 2026, '电池工艺工程师'],
      ['李二', `${second.slice(0, 17)}0`, '', '本科', '', '山西大学', '化学', 2025, '电池工艺工程师'],
      ['张三', second, '', '博士', '', '清华大学', '', 2024, '不存在的岗位'],
      ['赵四', already, '', '本科', '', '中北大学', '', 2025, '电池工艺工程师'],
      ['钱五', first, '', '本科', '', '中北大学', '', 2025, '电池工艺工程师'],
    ]);
    const upload = async (preview = false) => office.post(`/api/campaigns/${campaign.id}/applicants/import`, Buffer.from(await workbook.xlsx.writeBuffer()), { query: { preview: String(preview) }, headers: { 'content-type': xlsxMediaType } });
    const refused = await upload(true);
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'spreadsheetInvalidRows']);
    expect(refused.json().error.fields).toEqual({
      'rows.2.idNumber': '表格行 › #3 › 身份证号码：校验码（最后一位）不正确，请核对号码',
      'rows.3.education': '表格行 › #4 › 学历：“博士”不在可选范围内（见“可选值”工作表）',
      'rows.3.post': '表格行 › #4 › 报考岗位：“不存在的岗位”不在可选范围内（见“可选值”工作表）',
      'rows.4.idNumber': '表格行 › #5 › 身份证号码：该身份证号码已报名本次招聘',
      'rows.5.idNumber': '表格行 › #6 › 身份证号码：与第 2 行重复',
    });
    expect((await office.get(`/api/campaigns/${campaign.id}/applicants`)).json().total).toBe(1);

    fill([
      ['王一', first, '13812345678', '硕士研究生', '硕士', '太原理工大学', '材料科学与工程', 2026, '电池工艺工程师'],
      ['张三', second, '', '博士研究生', '博士', '清华大学', '化学工程', 2024, '电池工艺工程师'],
      [], [], [],
    ]);
    const previewed = await upload(true);
    expect(previewed.statusCode, previewed.body).toBe(200);
    expect(previewed.json()).toMatchObject({ preview: true, created: 2, rows: [{ row: 2, name: '王一', post: { id: post.id } }, { row: 3, name: '张三', education: 'doctorate' }] });
    expect(previewed.json().rows[0].idNumber).toMatch(/^\d{6}\*{12}$/);
    expect((await office.get(`/api/campaigns/${campaign.id}/applicants`)).json().total).toBe(1);
    expect(await t.rows(sql`select id from audit_log where action = 'campaign.importApplicants' and target_id = ${campaign.id}`)).toEqual([]);

    const written = await upload();
    expect([written.statusCode, written.json().created]).toEqual([200, 2]);
    const listed = (await office.get(`/api/campaigns/${campaign.id}/applicants`)).json().items;
    expect(listed.map((item: { number: number; name: string; state: string; stage: string }) => [item.number, item.name, item.state, item.stage])).toEqual([
      [1, '应聘者', 'inProgress', 'registration'], [2, '王一', 'inProgress', 'registration'], [3, '张三', 'inProgress', 'registration'],
    ]);
    const audits = await t.rows<{ action: string; changes: Record<string, unknown> }>(sql`select action, changes from audit_log where action in ('campaign.apply', 'campaign.importApplicants') and (target_id = ${campaign.id} or target_id in (${sql.join(listed.map((item: { id: string }) => sql`${item.id}`), sql`, `)})) order by seq`);
    expect(audits.map((row) => row.action)).toEqual(['campaign.apply', 'campaign.apply', 'campaign.apply', 'campaign.importApplicants']);
    expect(audits[1].changes).toMatchObject({ campaign: campaign.id, name: '王一', sheetRow: 2 });
    expect(JSON.stringify(audits)).not.toContain(first);
    // the same sheet again: both now applied
    expect(Object.keys((await upload()).json().error.fields)).toEqual(['rows.1.idNumber', 'rows.2.idNumber']);

    // the roster: state and stage results, numbers masked; a reveal is the office's, with a reason
    await throughStages(campaign.id, listed[1].id, ['registration', 'qualification', 'writtenExam']);
    const exported = await office.get(`/api/campaigns/${campaign.id}/applicants/export`);
    expect(exported.statusCode).toBe(200);
    const roster = new ExcelJS.Workbook();
    await roster.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rosterSheet = roster.getWorksheet('报名人员')!;
    expect(rosterSheet.getRow(1).values).toEqual([undefined, '报名号', '姓名', '性别', '出生年份', '身份证号码', '手机号码', '学历', '学位', '毕业院校', '专业', '毕业年份', '报考岗位', '状态', '当前环节', '报名', '资格审查', '笔试', '面试', '录用日期']);
    expect((rosterSheet.getRow(3).values as unknown[]).slice(1)).toEqual([2, '王一', '女', 1960, `${first.slice(0, 6)}************`, '138****5678', '硕士研究生', '硕士', '太原理工大学', '材料科学与工程', 2026, '电池工艺工程师', '进行中', '面试', '通过', '通过', '85（通过）']);
    const department = await t.login('department');
    expect((await department.get(`/api/campaigns/${campaign.id}/applicants/export`)).statusCode).toBe(200);
    expect((await department.get(`/api/campaigns/${campaign.id}/applicants/export`, { query: { reveal: 'true', reason: '核对名单' } })).statusCode).toBe(403);
    expect(Object.keys((await office.get(`/api/campaigns/${campaign.id}/applicants/export`, { query: { reveal: 'true' } })).json().error.fields)).toEqual(['reason']);
    const revealed = await office.get(`/api/campaigns/${campaign.id}/applicants/export`, { query: { reveal: 'true', reason: '核对名单' } });
    const unmasked = new ExcelJS.Workbook();
    await unmasked.xlsx.load(revealed.rawPayload as unknown as ArrayBuffer);
    expect(unmasked.getWorksheet('报名人员')!.getRow(3).getCell(5).value).toBe(first);
    const exports = await t.rows<{ changes: Record<string, unknown>; detail: string | null }>(sql`select changes, detail from audit_log where action = 'campaign.exportApplicants' and target_id = ${campaign.id} order by seq`);
    expect(exports.map((row) => [row.changes.rows, row.changes.unmasked, row.detail])).toEqual([[3, false, null], [3, false, null], [3, true, '核对名单']]);

    // enterprise HR has no campaigns; an unknown campaign is a 404
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await hr.post(`/api/campaigns/${campaign.id}/applicants/import`, bytes, { headers: { 'content-type': xlsxMediaType } })).statusCode).toBe(403);
    expect((await hr.get(`/api/campaigns/${campaign.id}/applicants/export`)).statusCode).toBe(403);
    expect((await office.post(`/api/campaigns/${crypto.randomUUID()}/applicants/import`, bytes, { headers: { 'content-type': xlsxMediaType } })).statusCode).toBe(404);
    expect((await office.get(`/api/campaigns/${crypto.randomUUID()}/applicants/template`)).statusCode).toBe(404);
  });

  it('撤回: an applicant in progress withdraws with the version read (audited); a withdrawn one takes no result, and cannot withdraw twice', async () => {
    const campaign = (await office.post('/api/campaigns', campaignBody({ name: '撤回测试' }))).json();
    const post = (await office.post(`/api/campaigns/${campaign.id}/posts`, { title: '撤回测试岗位', discipline: 'newEnergy', headcount: 1 })).json().posts[0];
    const person = (await office.post(`/api/campaigns/${campaign.id}/applicants`, applicant(post.id))).json();
    const stale = await office.post(`/api/campaigns/${campaign.id}/applicants/${person.id}/withdrawal`, { version: person.version + 1 });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'conflict']);
    expect((await hr.post(`/api/campaigns/${campaign.id}/applicants/${person.id}/withdrawal`, { version: person.version })).statusCode).toBe(403);
    const withdrawn = await office.post(`/api/campaigns/${campaign.id}/applicants/${person.id}/withdrawal`, { version: person.version });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', stage: 'registration' });
    const again = await office.post(`/api/campaigns/${campaign.id}/applicants/${person.id}/withdrawal`, { version: withdrawn.json().version });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'applicantState']);
    const result = await office.post(`/api/campaigns/${campaign.id}/applicants/${person.id}/results`, { stage: 'registration', passed: true, version: withdrawn.json().version });
    expect(result.statusCode).toBe(409);
    const [audit] = await t.rows<{ changes: Record<string, unknown> }>(sql`select changes from audit_log where action = 'campaign.withdraw' and target_id = ${person.id}`);
    expect(audit.changes).toMatchObject({ campaign: campaign.id, state: { from: 'inProgress', to: 'withdrawn' } });
    expect((await office.post(`/api/campaigns/${campaign.id}/applicants/${crypto.randomUUID()}/withdrawal`, { version: 1 })).statusCode).toBe(404);
  });

  it('市场化选聘: the hire starts an executive’s term; appraisals renew, adjust pay or end it; the term’s end is announced once', async () => {
    const campaign = (await office.post('/api/campaigns', campaignBody({ type: 'marketSelection', name: '职业经理人市场化选聘', stages: ['registration', 'interview', 'inspection', 'offer'], plan: [{ discipline: 'management', planned: 1 }] }))).json();
    const post = (await office.post(`/api/campaigns/${campaign.id}/posts`, { title: '总经理', discipline: 'management', headcount: 1, enterpriseId })).json().posts[0];
    const person = (await office.post(`/api/campaigns/${campaign.id}/applicants`, applicant(post.id, uniqueIdNumber(), { major: '工商管理', graduationYear: 2005 }))).json();
    const version = await throughStages(campaign.id, person.id, ['registration', 'interview', 'inspection']);
    const noTerm = await office.post(`/api/campaigns/${campaign.id}/applicants/${person.id}/hire`, { hiredOn: '2026-01-05', version });
    expect([noTerm.statusCode, Object.keys(noTerm.json().error.fields)]).toEqual([400, ['term']]);
    const hired = (await office.post(`/api/campaigns/${campaign.id}/applicants/${person.id}/hire`, { hiredOn: '2026-01-05', version, term: { termStart: '2026-01-05', termEnd: '2027-01-04', agreementSalary: 600000 } })).json();
    expect((await office.get(`/api/talents/${hired.talentId}`)).json().arrivalRoute).toBe('marketHire');
    const executive = (await hr.get(`/api/executives/${hired.executiveId}`)).json();
    expect(executive).toMatchObject({ termEnd: '2027-01-04', agreementSalary: 600000, status: 'serving', enterprise: { id: enterpriseId } });
    // another enterprise does not see it
    const stranger = await t.login((await buildUser(t.db, { roles: ['enterprise'] })).username, factoryPassword);
    expect((await stranger.get(`/api/executives/${hired.executiveId}`)).statusCode).toBe(404);

    // the reminder: once for this term end, again after a renewal moves it
    const count = async () => (await t.rows<{ n: number }>(sql`select count(*)::int as n from notifications where kind = 'executiveTerm' and link = ${`/executives/${hired.executiveId}`}`))[0].n;
    await remindExecutiveTerms(t.db, systemActor, '2026-10-01');
    expect(await count()).toBe(0);
    await remindExecutiveTerms(t.db, systemActor, '2026-11-20');
    const once = await count();
    expect(once).toBeGreaterThan(0);
    await remindExecutiveTerms(t.db, systemActor, '2026-11-21');
    expect(await count()).toBe(once);
    expect((await hr.get(`/api/executives/${hired.executiveId}`)).json().remindedFor).toBe('2027-01-04');

    const pay = await office.post(`/api/executives/${hired.executiveId}/appraisals`, { cycle: '2026 年度', targets: '营业收入增长 15%', score: 92, outcome: 'adjustPay', newSalary: 660000, version: executive.version });
    expect(pay.json()).toMatchObject({ agreementSalary: 660000, appraisals: [{ cycle: '2026 年度', outcome: 'adjustPay' }] });
    const twice = await office.post(`/api/executives/${hired.executiveId}/appraisals`, { cycle: '2026 年度', targets: '同上', score: 90, outcome: 'endTerm', version: pay.json().version });
    expect([twice.statusCode, Object.keys(twice.json().error.fields)]).toEqual([400, ['cycle']]);
    const missing = await office.post(`/api/executives/${hired.executiveId}/appraisals`, { cycle: '任期考核', targets: '任期目标', score: 90, outcome: 'renew', version: pay.json().version });
    expect([missing.statusCode, Object.keys(missing.json().error.fields)]).toEqual([400, ['newTermEnd']]);
    const renewed = (await office.post(`/api/executives/${hired.executiveId}/appraisals`, { cycle: '任期考核', targets: '任期目标', score: 90, outcome: 'renew', newTermEnd: '2030-01-04', version: pay.json().version })).json();
    expect(renewed.termEnd).toBe('2030-01-04');
    await remindExecutiveTerms(t.db, systemActor, '2029-12-01');
    expect(await count()).toBe(once * 2);
    expect((await hr.post(`/api/executives/${hired.executiveId}/appraisals`, { cycle: 'x', targets: 'x', score: 1, outcome: 'endTerm', version: renewed.version })).statusCode).toBe(403);
  });
});
