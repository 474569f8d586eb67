import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTalent, buildUser, factoryPassword } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { escalateOverdueCases } from '../cases/cases.engine';
import { systemActor } from '../../plugins/auth';

let t: TestApp;
let office: Agent;
let housing: Agent;
let economy: Agent;
let department: Agent;
let enterprise: Agent;
let talent: Agent;
let talentId: string;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp();
  [office, housing, economy, department, enterprise] = await Promise.all(['office', 'housing', 'economy', 'department', 'enterprise'].map((name) => t.login(name)));
  // a talent of its own (no employer the enterprise account speaks for), signed in
  const built = await buildTalent(t.db);
  talentId = built.id;
  const user = await buildUser(t.db, { roles: ['talent'], talentId });
  talent = await t.login(user.username, factoryPassword);
});
afterAll(async () => t?.close());

const raise = (agent: Agent, body: Record<string, unknown> = {}) =>
  agent.post('/api/service-requests', { requestCategory: 'housing', requestTitle: '人才公寓入住咨询', requestText: '请问一居室何时可以入住？', ...body });

describe('service requests on the case engine', () => {
  it('routes a request to its category’s unit; the unit handles it (return → 补正 → 办结); the requester sees no internal notes', async () => {
    const file = (await talent.post('/api/attachments', pdf, { query: { requirement: 'other', fileName: '合同.pdf' }, headers: { 'content-type': 'application/pdf' } })).json().id as string;
    const created = await raise(talent, { attachmentIds: [file] });
    expect(created.statusCode).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({ status: 'inReview', channel: 'online', category: { code: 'housing', name: '住房安居' }, unitNames: [{ code: 'U10' }], escalated: false });
    expect(request.dueAt).not.toBeNull();
    expect(request.attachments.map((item: { id: string }) => item.id)).toEqual([file]);

    // 待办 of the housing unit, across every case type; the unit is told
    const todo = (await housing.get('/api/cases/inbox', { query: { tab: 'todo', pageSize: '200' } })).json();
    expect(todo.items.find((item: { id: string }) => item.id === request.id)).toMatchObject({ type: 'serviceRequest', title: '人才公寓入住咨询', overdue: false, link: `/service-requests/${request.id}` });
    // the same inbox holds policy applications: the economy bureau's has the demo talent's 重点产业链 application
    const economyTodo = (await economy.get('/api/cases/inbox', { query: { tab: 'todo', pageSize: '200' } })).json();
    expect(economyTodo.items.some((item: { type: string }) => item.type === 'policy')).toBe(true);

    const returned = await housing.post(`/api/service-requests/${request.id}/decision`, { decision: 'return', comment: '请补充劳动合同首页', internalNote: '住房科：合同待核', version: request.version });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().status).toBe('returned');
    // a decision on the version it started from is stale
    const stale = await housing.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', version: request.version });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'caseStale']);

    const seen = (await talent.get(`/api/service-requests/${request.id}`)).json();
    const returnEntry = seen.history.find((entry: { action: string }) => entry.action === 'return');
    expect(returnEntry).toMatchObject({ comment: '请补充劳动合同首页', internalNote: null, actor: null });
    expect(JSON.stringify(seen)).not.toContain('住房科');
    expect(seen.permissions).toMatchObject({ resubmit: true, withdraw: true, handle: false });
    const staffView = (await housing.get(`/api/service-requests/${request.id}`)).json();
    expect(staffView.history.find((entry: { action: string }) => entry.action === 'return').internalNote).toBe('住房科：合同待核');

    const resubmitted = await talent.post(`/api/service-requests/${request.id}/resubmit`, { requestText: '已补充劳动合同首页', version: seen.version });
    expect([resubmitted.statusCode, resubmitted.json().status]).toEqual([200, 'inReview']);
    const handled = await housing.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', comment: '已安排 3 号楼一居室', version: resubmitted.json().version });
    expect([handled.statusCode, handled.json().status]).toEqual([200, 'approved']);

    // 已办 of the housing staff member; 我的办件 of the requester with the timeline, without internal notes
    const done = (await housing.get('/api/cases/inbox', { query: { tab: 'done', pageSize: '200' } })).json();
    expect(done.items.map((item: { id: string }) => item.id)).toContain(request.id);
    const mine = (await talent.get('/api/cases/mine')).json();
    const mineItem = mine.items.find((item: { id: string }) => item.id === request.id);
    expect(mineItem.timeline.map((entry: { action: string }) => entry.action)).toEqual(['submit', 'return', 'resubmit', 'approve']);
    expect(JSON.stringify(mine)).not.toContain('住房科');
    const [notice] = await t.rows<{ kind: string; title: string }>(sql`select n.kind, n.title from notifications n join users u on u.id = n.user_id where u.talent_id = ${talentId} order by n.created_at desc limit 1`);
    expect(notice).toEqual({ kind: 'serviceRequest', title: '诉求已办结：人才公寓入住咨询' });
  });

  it('a unit sees its own unit’s requests only: another unit’s is a 404 and never listed; another requester’s too', async () => {
    const request = (await raise(talent)).json();
    for (const agent of [department, economy, enterprise]) {
      expect((await agent.get(`/api/service-requests/${request.id}`)).statusCode).toBe(404);
      const listed = (await agent.get('/api/service-requests', { query: { pageSize: '200' } })).json().items.map((item: { id: string }) => item.id);
      expect(listed).not.toContain(request.id);
    }
    const decided = await department.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', version: 1 });
    expect(decided.statusCode).toBe(404);
    // the requester may not handle it (no permission), nor may staff resubmit what is not theirs
    expect((await talent.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', version: 1 })).statusCode).toBe(403);
    expect((await office.post(`/api/service-requests/${request.id}/resubmit`, { requestText: 'x', version: 1 })).statusCode).toBe(404);
  });

  it('staff record a request at the window for a requester (代办); without one it is a 400 naming the field', async () => {
    const missing = await office.post('/api/service-requests', { requestCategory: 'schooling', requestTitle: '子女入学', requestText: '孩子转学' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(['requesterId']);
    const unknownCategory = await raise(talent, { requestCategory: 'nonsense' });
    expect([unknownCategory.statusCode, Object.keys(unknownCategory.json().error.fields)]).toEqual([400, ['requestCategory']]);
    const recorded = await office.post('/api/service-requests', { requestCategory: 'housing', requestTitle: '窗口代办住房', requestText: '电话咨询后窗口录入', requesterKind: 'talent', requesterId: talentId });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ channel: 'window', subject: { kind: 'talent', id: talentId } });
    // the requester follows it in 我的办件 and may withdraw it
    const mine = (await talent.get('/api/cases/mine', { query: { pageSize: '200' } })).json().items.map((item: { id: string }) => item.id);
    expect(mine).toContain(recorded.json().id);
    const withdrawn = await talent.post(`/api/service-requests/${recorded.json().id}/withdraw`, { version: 1 });
    expect([withdrawn.statusCode, withdrawn.json().status]).toEqual([200, 'withdrawn']);
  });

  it('the office edits a category’s routing rule; a new request goes to the new unit; a stale edit is a 409, an unknown unit a 400', async () => {
    const categories = (await office.get('/api/service-requests/categories')).json() as { code: string; unitCode: string; version: number }[];
    expect(categories.map((category) => category.code)).toEqual(
      ['policyHelp', 'entrepreneurship', 'housing', 'familyRegistration', 'spousePlacement', 'schooling', 'medical', 'finance', 'transport', 'cultureTourism', 'rights', 'other'],
    );
    const transport = categories.find((category) => category.code === 'transport')!;
    expect((await office.put('/api/service-requests/categories/transport', { unitCode: 'U99', workingDays: 5, version: transport.version })).json().error.fields).toHaveProperty('unitCode');
    const routed = await office.put('/api/service-requests/categories/transport', { unitCode: 'U04', workingDays: 3, version: transport.version });
    expect(routed.json()).toMatchObject({ unitCode: 'U04', workingDays: 3, version: transport.version + 1 });
    expect((await office.put('/api/service-requests/categories/transport', { unitCode: 'U05', workingDays: 3, version: transport.version })).statusCode).toBe(409);
    const request = (await raise(talent, { requestCategory: 'transport', requestTitle: '高铁绿色通道' })).json();
    expect(request.unitNames.map((unit: { code: string }) => unit.code)).toEqual(['U04']);
    expect((await economy.get(`/api/service-requests/${request.id}`)).statusCode).toBe(200);
  });
});

describe('the engine', () => {
  it('a 会签 step waits for every unit; 或签 for one; a unit decides once (409)', async () => {
    const request = (await raise(talent, { requestTitle: '会签测试' })).json();
    // the case's steps as a type with two units in one 会签 step would declare them
    await t.db.execute(sql`update cases set steps = '[{"name":"联合办理","units":["U10","U04"],"mode":"all","workingDays":5}]'::jsonb where id = ${request.id}`);
    const first = await housing.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', version: 1 });
    expect([first.statusCode, first.json().status]).toEqual([200, 'inReview']);
    const again = await housing.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', version: 2 });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'reviewAlreadyDecided']);
    expect((await economy.get('/api/cases/inbox', { query: { pageSize: '200' } })).json().items.map((item: { id: string }) => item.id)).toContain(request.id);
    const second = await economy.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', version: 2 });
    expect([second.statusCode, second.json().status]).toEqual([200, 'approved']);

    const either = (await raise(talent, { requestTitle: '或签测试' })).json();
    await t.db.execute(sql`update cases set steps = '[{"name":"任一办理","units":["U10","U04"],"mode":"any","workingDays":5}]'::jsonb where id = ${either.id}`);
    const one = await economy.post(`/api/service-requests/${either.id}/decision`, { decision: 'approve', version: 1 });
    expect(one.json().status).toBe('approved');
  });

  it('an overdue step is escalated once to the office (督办), which may then act for the unit; reading changes nothing', async () => {
    const request = (await raise(talent, { requestTitle: '督办测试' })).json();
    await t.db.execute(sql`update cases set step_started_at = '2026-01-05T01:00:00Z' where id = ${request.id}`);
    expect((await housing.get(`/api/service-requests/${request.id}`)).json()).toMatchObject({ overdue: true, escalated: false });
    const officeTodo = async () => (await office.get('/api/cases/inbox', { query: { pageSize: '200' } })).json().items.map((item: { id: string }) => item.id);
    expect(await officeTodo()).not.toContain(request.id);
    expect(await escalateOverdueCases(t.db, systemActor)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueCases(t.db, systemActor)).toBe(0);
    expect(await officeTodo()).toContain(request.id);
    const [audit] = await t.rows<{ changes: { serviceRequests: string[] } }>(sql`select changes from audit_log where action = 'serviceRequest.escalate' order by id desc limit 1`);
    expect(audit.changes.serviceRequests).toContain(request.id);
    const actedFor = await office.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', comment: '人才办代为办结', version: 1 });
    expect([actedFor.statusCode, actedFor.json().status]).toEqual([200, 'approved']);
  });

  it('the office reassigns an open request to another unit (改派): the old unit loses it, the new one has it', async () => {
    const request = (await raise(talent, { requestTitle: '改派测试' })).json();
    const moved = await office.post(`/api/service-requests/${request.id}/reassignment`, { unitCode: 'U04', internalNote: '属经济发展局职责', version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().unitNames.map((unit: { code: string }) => unit.code)).toEqual(['U04']);
    expect((await housing.get(`/api/service-requests/${request.id}`)).statusCode).toBe(404);
    expect((await economy.get(`/api/service-requests/${request.id}`)).json().permissions.handle).toBe(true);
  });

  it('policy applications are policy cases: the old table names still read them', async () => {
    const [counts] = await t.rows<{ policy: number; view: number; actions: number; caseActions: number }>(sql`
      select (select count(*)::int from cases where type = 'policy') as policy, (select count(*)::int from applications) as view,
        (select count(*)::int from application_actions) as actions, (select count(*)::int from case_actions) as "caseActions"`);
    expect(counts.view).toBe(counts.policy);
    expect(counts.actions).toBe(counts.caseActions);
    const [empty] = await t.rows<{ count: number }>(sql`select count(*)::int as count from cases where type = 'policy' and jsonb_array_length(steps) = 0`);
    expect(empty.count).toBe(0);
  });
});
