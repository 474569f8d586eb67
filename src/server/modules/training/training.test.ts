import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTalent, buildUser, factoryPassword, uniqueIdNumber } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { workbookBytes } from '../imports/imports.fixtures';
import { xlsxMediaType } from '../imports/imports.workbook';

let t: TestApp;
let office: Agent;
let hr: Agent;
let otherHr: Agent;
let enterpriseId: string;
let college: { id: string; name: string };

const nextYear = `${new Date().getFullYear() + 1}-06-30`;
const day = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  const enterprise = await buildOrganisation(t.db, { name: `订单企业 ${Date.now()}` });
  enterpriseId = enterprise.id;
  hr = await t.login((await buildUser(t.db, { roles: ['enterprise'], organisationId: enterpriseId })).username, factoryPassword);
  otherHr = await t.login((await buildUser(t.db, { roles: ['enterprise'] })).username, factoryPassword);
  const row = await buildOrganisation(t.db, { kind: 'college', name: `测试职业学院 ${Date.now()}`, industry: null });
  college = { id: row.id, name: row.name };
});
afterAll(async () => t?.close());

const auditActions = (targetId: string) => t.rows<{ action: string; changes: Record<string, unknown> }>(sql`select action, changes from audit_log where target_id = ${targetId} order by id`);

async function orderWithClass(certificateLevel: number | null = 4) {
  const order = await hr.post('/api/training-orders', { skill: '人工智能训练师', headcount: 4, deadline: nextYear });
  expect(order.statusCode, order.body).toBe(201);
  const opened = await office.post('/api/training-classes', {
    kind: 'order', className: '人工智能训练师订单班（测试）', orderId: order.json().id, providerId: college.id, certificateName: '人工智能训练师', certificateLevel, startsOn: day, endsOn: day,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  return { order: order.json(), trainingClass: opened.json() };
}

describe('order-based training', () => {
  it('an enterprise files an order for itself; the office matches a provider; audited; field errors name the field', async () => {
    const filed = await hr.post('/api/training-orders', { skill: '工业机器人运维', headcount: 10, deadline: nextYear, enterpriseId: (await buildOrganisation(t.db)).id });
    expect(filed.statusCode, filed.body).toBe(201);
    const order = filed.json();
    // an enterprise files for itself whatever it names
    expect(order).toMatchObject({ enterprise: { id: enterpriseId }, skill: '工业机器人运维', headcount: 10, status: 'open', provider: null, placed: 0, fulfilmentRate: 0 });
    const matched = await office.post(`/api/training-orders/${order.id}/provider`, { providerId: college.id, version: 1 });
    expect(matched.statusCode, matched.body).toBe(200);
    expect(matched.json()).toMatchObject({ status: 'matched', provider: { id: college.id, name: college.name } });
    expect((await auditActions(order.id)).map((row) => row.action)).toEqual(['trainingOrder.create', 'trainingOrder.match']);
    // an enterprise is no provider
    const wrong = await office.post(`/api/training-orders/${order.id}/provider`, { providerId: enterpriseId, version: 2 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ providerId: '培训机构：应为已登记的院校或科研机构' });
    const bad = await hr.post('/api/training-orders', { skill: '', headcount: 0, deadline: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['headcount', 'skill']);
    const past = await hr.post('/api/training-orders', { skill: '焊工', headcount: 2, deadline: '2020-01-01' }, { headers: { 'accept-language': 'en-US' } });
    expect(past.json().error.fields).toEqual({ deadline: 'Deadline must not be in the past' });
    expect(await t.rows(sql`select 1 from training_orders where skill = '焊工'`)).toHaveLength(0);
  });

  it('scope: another enterprise gets 404 for the order and its class, and never lists them', async () => {
    const { order, trainingClass } = await orderWithClass();
    expect((await otherHr.get(`/api/training-orders/${order.id}`)).statusCode).toBe(404);
    expect((await otherHr.get(`/api/training-classes/${trainingClass.id}`)).statusCode).toBe(404);
    expect((await otherHr.get('/api/training-orders')).json().items.map((item: { id: string }) => item.id)).not.toContain(order.id);
    expect((await hr.get(`/api/training-orders/${order.id}`)).statusCode).toBe(200);
    expect((await hr.get(`/api/training-classes/${trainingClass.id}`)).json().permissions).toEqual({ manage: false });
    // enterprise HR does not run classes
    expect((await hr.post(`/api/training-classes/${trainingClass.id}/sessions`, { heldOn: day, topic: '数据标注' })).statusCode).toBe(403);
  });

  it('class → attendance → assessment → certificate on the profile → placement updates the employer; the fulfilment rate counts placements', async () => {
    const { order, trainingClass } = await orderWithClass();
    const registered = await buildTalent(t.db, { name: '培训学员甲' });
    let detail = (await office.post(`/api/training-classes/${trainingClass.id}/enrolments`, { talentId: registered.id })).json();
    // a new person is registered in the registry first (the registry's checks and audit)
    const idNumber = uniqueIdNumber('male');
    const enrolled = await office.post(`/api/training-classes/${trainingClass.id}/enrolments`, { newTalent: { name: '培训学员乙', idNumber, arrivalRoute: 'localTraining' } });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    detail = enrolled.json();
    expect(detail.enrolments.map((row: { talent: { name: string } }) => row.talent.name)).toEqual(['培训学员甲', '培训学员乙']);
    const newcomer = detail.enrolments[1].talent.id as string;
    expect((await auditActions(newcomer)).map((row) => row.action)).toEqual(['talent.create']);
    // enrolling the same talent twice is a 409 naming them
    const twice = await office.post(`/api/training-classes/${trainingClass.id}/enrolments`, { talentId: registered.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('培训学员甲 已在该班次中');
    // the same ID number again is the registry's own refusal
    const duplicate = await office.post(`/api/training-classes/${trainingClass.id}/enrolments`, { newTalent: { name: '培训学员丙', idNumber, arrivalRoute: 'localTraining' } });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields.idNumber).toContain('已登记');

    const [first, second] = detail.enrolments as { id: string; version: number }[];
    detail = (await office.post(`/api/training-classes/${trainingClass.id}/sessions`, { heldOn: day, topic: '数据标注基础', lecturer: '王老师' })).json();
    const sessionId = detail.sessions[0].id;
    const attendance = await office.put(`/api/training-classes/${trainingClass.id}/sessions/${sessionId}/attendance`, { presentEnrolmentIds: [first.id] });
    expect(attendance.statusCode, attendance.body).toBe(200);
    expect(attendance.json().enrolments.map((row: { attended: number; sessions: number }) => [row.attended, row.sessions])).toEqual([[1, 1], [0, 1]]);
    const stranger = await office.put(`/api/training-classes/${trainingClass.id}/sessions/${sessionId}/attendance`, { presentEnrolmentIds: [crypto.randomUUID()] });
    expect(stranger.json().error.fields).toEqual({ 'presentEnrolmentIds.0': '出勤学员 › #1：不是该班次的学员' });

    // no certificate without a passed assessment
    expect((await office.post(`/api/training-enrolments/${second.id}/certificate`, { issuedOn: day, version: 1 })).json().error.code).toBe('trainingNotPassed');
    const assessed = await office.put(`/api/training-enrolments/${first.id}/assessment`, { score: 86, passed: true, assessedOn: day, version: 1 });
    expect(assessed.statusCode, assessed.body).toBe(200);
    const certified = await office.post(`/api/training-enrolments/${first.id}/certificate`, { issuedOn: day, version: 2 });
    expect(certified.statusCode, certified.body).toBe(200);
    const record = certified.json().enrolments[0];
    expect(record.certificateNumber).toMatch(/^PX\d{4}\d{5}$/);
    expect(record.certificateIssuedOn).toBe(day);
    // on the profile: a skill certificate of the registry record, and the dated training record
    const profile = (await office.get(`/api/talents/${registered.id}`)).json();
    expect(profile.certificates).toContainEqual({ name: '人工智能训练师', level: 4, issuer: college.name, year: Number(day.slice(0, 4)) });
    const records = (await office.get('/api/training-records', { query: { talentId: registered.id } })).json();
    expect(records).toEqual([expect.objectContaining({ certificateName: '人工智能训练师', certificateNumber: record.certificateNumber, certificateIssuedOn: day, placedOn: null })]);
    expect((await auditActions(registered.id)).map((row) => row.action)).toEqual(['talent.update']);

    // placement: the talent's employer becomes the ordering enterprise, audited as a registry change
    expect(profile.employer.id).not.toBe(enterpriseId);
    const placed = await office.post(`/api/training-enrolments/${first.id}/placement`, { placedOn: day, version: 3 });
    expect(placed.statusCode, placed.body).toBe(200);
    const after = (await office.get(`/api/talents/${registered.id}`)).json();
    expect(after.employer.id).toBe(enterpriseId);
    const changes = (await auditActions(registered.id)).at(-1)!;
    expect(changes.action).toBe('talent.update');
    expect(changes.changes).toHaveProperty('employerId');
    expect((await office.post(`/api/training-enrolments/${first.id}/placement`, { placedOn: day, version: 4 })).json().error.code).toBe('trainingAlreadyPlaced');

    // fulfilment: 1 placed of 4 ordered, from the records
    const fulfilled = (await hr.get(`/api/training-orders/${order.id}`)).json();
    expect(fulfilled).toMatchObject({ enrolled: 2, certified: 1, placed: 1, fulfilmentRate: 25 });
    // the enterprise sees its staff now
    expect((await hr.get(`/api/talents/${registered.id}`)).statusCode).toBe(200);
  });

  it('enterprise order classes need their enterprise, programmes need a theme; stale versions are 409', async () => {
    const noEnterprise = await office.post('/api/training-classes', { kind: 'enterpriseClass', className: '环境检测订单班', providerId: college.id, skill: '环境检测', startsOn: day, endsOn: day });
    expect(noEnterprise.json().error.fields).toEqual({ enterpriseId: '企业：企业订单班须选择合作企业' });
    const noOrder = await office.post('/api/training-classes', { kind: 'order', className: '订单班', providerId: college.id, startsOn: day, endsOn: '2000-01-01' });
    expect(Object.keys(noOrder.json().error.fields).sort()).toEqual(['endsOn', 'orderId']);
    const programme = await office.post('/api/training-classes', { kind: 'programme', className: '高级管理人才研修班（测试）', providerId: college.id, skill: '战略管理', startsOn: day, endsOn: day });
    expect(programme.statusCode, programme.body).toBe(201);
    expect(programme.json()).toMatchObject({ kind: 'programme', enterprise: null, order: null });
    const talent = await buildTalent(t.db);
    const enrolled = (await office.post(`/api/training-classes/${programme.json().id}/enrolments`, { talentId: talent.id })).json();
    const stale = await office.put(`/api/training-enrolments/${enrolled.enrolments[0].id}/assessment`, { score: 90, passed: true, assessedOn: day, version: 7 });
    expect(stale.statusCode).toBe(409);
    // a programme has no enterprise to place participants in
    await office.put(`/api/training-enrolments/${enrolled.enrolments[0].id}/assessment`, { score: 90, passed: true, assessedOn: day, version: 1 });
    expect((await office.post(`/api/training-enrolments/${enrolled.enrolments[0].id}/placement`, { placedOn: day, version: 2 })).json().error.code).toBe('trainingNoEnterprise');
    const listed = (await office.get('/api/training-classes', { query: { kind: 'programme' } })).json();
    expect(listed.items.every((item: { kind: string }) => item.kind === 'programme')).toBe(true);
  });
});

describe('trainees from a sheet', () => {
  it('enrols registered ID numbers, registers new people first; a bad row is a 400 naming its sheet row and writes nothing', async () => {
    const { trainingClass } = await orderWithClass();
    const known = await buildTalent(t.db, { name: '表格学员甲', idNumber: uniqueIdNumber() });
    const [{ cipher }] = await t.rows<{ cipher: string }>(sql`select id_number_cipher as cipher from talents where id = ${known.id}`);
    const knownNumber = t.app.secrets.decrypt(cipher);
    const newNumber = uniqueIdNumber('male');
    const wrongCheck = `${newNumber.slice(0, 17)}${newNumber.endsWith('0') ? '1' : '0'}`;
    const upload = (rows: unknown[][]) => async () =>
      office.post(`/api/training-classes/${trainingClass.id}/enrolments/import`, await workbookBytes(['姓名', '身份证号码', '手机号码'], rows), { headers: { 'content-type': xlsxMediaType } });
    const bad = await (upload([['表格学员甲', knownNumber, null], ['表格学员乙', wrongCheck, null], ['别的名字', knownNumber, null]]))();
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.fields).toEqual({
      'rows.2.idNumber': '表格行 › #3 › 身份证号码：校验码（最后一位）不正确，请核对号码',
      'rows.3.idNumber': '表格行 › #4 › 身份证号码：与第 2 行重复',
    });
    const mismatch = await (upload([['别的名字', knownNumber, null]]))();
    expect(mismatch.json().error.fields).toEqual({ 'rows.1.name': '表格行 › #2 › 姓名：与人才库中该身份证号码的姓名（表格学员甲）不一致' });
    expect(await t.rows(sql`select 1 from training_enrolments where class_id = ${trainingClass.id}`)).toHaveLength(0);

    const good = await (upload([['表格学员甲', knownNumber, null], ['表格学员乙', newNumber, '13912345678']]))();
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ enrolled: 2, registered: 1, skipped: 0 });
    const detail = (await office.get(`/api/training-classes/${trainingClass.id}`)).json();
    expect(detail.enrolments.map((row: { talent: { name: string } }) => row.talent.name).sort()).toEqual(['表格学员乙', '表格学员甲'].sort());
    const newcomer = detail.enrolments.find((row: { talent: { name: string } }) => row.talent.name === '表格学员乙').talent.id;
    expect((await auditActions(newcomer)).map((row) => row.action)).toEqual(['talent.create']);
    // again: everyone is in the class already
    expect((await (upload([['表格学员甲', knownNumber, null]]))()).json()).toEqual({ enrolled: 0, registered: 0, skipped: 1 });
    // JSON is not a sheet; enterprise HR does not import
    expect((await office.post(`/api/training-classes/${trainingClass.id}/enrolments/import`, { rows: [] })).statusCode).toBe(415);
    expect((await hr.post(`/api/training-classes/${trainingClass.id}/enrolments/import`, Buffer.from('x'), { headers: { 'content-type': xlsxMediaType } })).statusCode).toBe(403);
  });
});
