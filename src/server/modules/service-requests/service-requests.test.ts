import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTalent, buildUnit, buildUser, factoryPassword } from '../../test/factories';
import { caseRatings, cases } from '../../db/schema';
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

describe('联办 sub-tasks', () => {
  it('the handling unit splits a request; the second unit sees it through its sub-task only and ends it; the request closes when all are done, not before', async () => {
    const request = (await raise(talent, { requestTitle: '联办测试' })).json();
    // the economy bureau has no sub-task yet: a 404, like any other unit's request
    expect((await economy.get(`/api/service-requests/${request.id}`)).statusCode).toBe(404);
    const split = await housing.post(`/api/service-requests/${request.id}/subtasks`, { subtasks: [{ unitCode: 'U04', task: '核实创业补贴发放情况', workingDays: 3 }], version: request.version });
    expect(split.statusCode).toBe(200);
    const detail = split.json();
    expect(detail.subtasks).toMatchObject([{ unit: { code: 'U04' }, task: '核实创业补贴发放情况', workingDays: 3, status: 'open', overdue: false, canDecide: false }]);
    expect(detail.subtasks[0].dueAt).not.toBeNull();

    // the second unit: sees it, has it in 待办, may end its sub-task but not handle the request itself
    const seen = await economy.get(`/api/service-requests/${request.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().permissions).toMatchObject({ handle: false, split: false });
    expect(seen.json().subtasks[0].canDecide).toBe(true);
    expect((await economy.get('/api/cases/inbox', { query: { tab: 'todo', pageSize: '200' } })).json().items.map((item: { id: string }) => item.id)).toContain(request.id);
    const notYours = await economy.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', version: detail.version });
    expect([notYours.statusCode, notYours.json().error.code]).toEqual([409, 'caseNotYourStep']);
    // a third unit still has no way in
    expect((await department.get(`/api/service-requests/${request.id}`)).statusCode).toBe(404);
    expect((await department.post(`/api/service-requests/${request.id}/subtasks/${detail.subtasks[0].id}/decision`, { decision: 'done' })).statusCode).toBe(404);

    // not before: the handling unit cannot close it while the sub-task is open
    const early = await housing.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', comment: '已办', version: detail.version });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'caseSubtasksOpen']);

    const returnWithoutNote = await economy.post(`/api/service-requests/${request.id}/subtasks/${detail.subtasks[0].id}/decision`, { decision: 'return' });
    expect([returnWithoutNote.statusCode, Object.keys(returnWithoutNote.json().error.fields)]).toEqual([400, ['note']]);
    const ended = await economy.post(`/api/service-requests/${request.id}/subtasks/${detail.subtasks[0].id}/decision`, { decision: 'done', note: '补贴已于 3 月发放' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().subtasks[0]).toMatchObject({ status: 'done', note: '补贴已于 3 月发放', canDecide: false });
    const twice = await economy.post(`/api/service-requests/${request.id}/subtasks/${detail.subtasks[0].id}/decision`, { decision: 'done', note: '再次' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'subtaskState']);
    expect((await economy.get('/api/cases/inbox', { query: { tab: 'done', pageSize: '200' } })).json().items.map((item: { id: string }) => item.id)).toContain(request.id);

    const closed = await housing.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', comment: '已办结', version: ended.json().version });
    expect([closed.statusCode, closed.json().status]).toEqual([200, 'approved']);
    // the requester's timeline shows the sub-task
    const mine = (await talent.get('/api/cases/mine', { query: { pageSize: '200' } })).json().items.find((item: { id: string }) => item.id === request.id);
    expect(mine.timeline.map((entry: { action: string }) => entry.action)).toEqual(['submit', 'split', 'subtaskDone', 'approve']);
    const [audit] = await t.rows<{ count: number }>(sql`select count(*)::int as count from audit_log where action in ('serviceRequest.split', 'serviceRequest.subtask.done') and target_id = ${request.id}`);
    expect(audit.count).toBe(2);
  });

  it('a split names its fields: an unknown unit, the handling unit itself, a unit twice, a missing task; another unit may not split', async () => {
    const request = (await raise(talent, { requestTitle: '联办校验' })).json();
    const bad = await housing.post(`/api/service-requests/${request.id}/subtasks`, {
      subtasks: [{ unitCode: 'U99', task: '甲事项', workingDays: 3 }, { unitCode: 'U10', task: '乙事项', workingDays: 3 }, { unitCode: 'U04', task: '丙事项', workingDays: 3 }, { unitCode: 'U04', task: '丁事项', workingDays: 3 }],
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['subtasks.0.unitCode', 'subtasks.1.unitCode', 'subtasks.3.unitCode']);
    const noTask = await housing.post(`/api/service-requests/${request.id}/subtasks`, { subtasks: [{ unitCode: 'U04', workingDays: 3 }], version: 1 });
    expect([noTask.statusCode, Object.keys(noTask.json().error.fields)]).toEqual([400, ['subtasks.0.task']]);
    const [subtasks] = await t.rows<{ count: number }>(sql`select count(*)::int as count from case_subtasks where case_id = ${request.id}`);
    expect(subtasks.count).toBe(0);
    // the office may split too (and was not the handling unit)
    expect((await department.post(`/api/service-requests/${request.id}/subtasks`, { subtasks: [{ unitCode: 'U04', task: '戊事项', workingDays: 2 }], version: 1 })).statusCode).toBe(404);
    expect((await office.post(`/api/service-requests/${request.id}/subtasks`, { subtasks: [{ unitCode: 'U04', task: '戊事项', workingDays: 2 }], version: 1 })).statusCode).toBe(200);
    // the 联办 unit sees the request now, but does not split it further
    const bySubtaskUnit = await economy.post(`/api/service-requests/${request.id}/subtasks`, { subtasks: [{ unitCode: 'U11', task: '己事项', workingDays: 2 }], version: 2 });
    expect([bySubtaskUnit.statusCode, bySubtaskUnit.json().error.code]).toEqual([409, 'caseNotYourStep']);
  });

  it('an overdue sub-task is escalated once like a step; the office may then end it for the unit', async () => {
    const request = (await raise(talent, { requestTitle: '联办督办' })).json();
    const split = (await housing.post(`/api/service-requests/${request.id}/subtasks`, { subtasks: [{ unitCode: 'U04', task: '逾期联办', workingDays: 2 }], version: 1 })).json();
    const subtaskId = split.subtasks[0].id as string;
    const refused = await office.post(`/api/service-requests/${request.id}/subtasks/${subtaskId}/decision`, { decision: 'done', note: '代办' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'subtaskNotYours']);
    await t.db.execute(sql`update case_subtasks set started_at = '2026-01-05T01:00:00Z' where id = ${subtaskId}`);
    expect((await housing.get(`/api/service-requests/${request.id}`)).json().subtasks[0]).toMatchObject({ overdue: true, escalated: false });
    expect(await escalateOverdueCases(t.db, systemActor)).toBeGreaterThanOrEqual(1);
    await escalateOverdueCases(t.db, systemActor);
    const [escalations] = await t.rows<{ count: number }>(sql`select count(*)::int as count from case_actions where case_id = ${request.id} and action = 'escalate'`);
    expect(escalations.count).toBe(1);
    expect((await office.get('/api/cases/inbox', { query: { pageSize: '200' } })).json().items.map((item: { id: string }) => item.id)).toContain(request.id);
    const actedFor = await office.post(`/api/service-requests/${request.id}/subtasks/${subtaskId}/decision`, { decision: 'done', note: '人才办代为办理' });
    expect([actedFor.statusCode, actedFor.json().subtasks[0].status]).toEqual([200, 'done']);
  });
});

describe('好差评 and reopening', () => {
  const handled = async (title: string) => {
    const request = (await raise(talent, { requestTitle: title })).json();
    return (await housing.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', comment: '已办结', version: request.version })).json();
  };

  it('the requester rates a done request once; 不满意 lets them reopen it once (back to the unit, the office told); a second reopen is a 409', async () => {
    const open = (await raise(talent, { requestTitle: '未办结评价' })).json();
    const early = await talent.post(`/api/service-requests/${open.id}/rating`, { score: 5 });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'caseNotRatable']);

    const request = await handled('评价测试');
    expect(request.permissions).toMatchObject({ rate: false, reopen: false });
    expect((await talent.get(`/api/service-requests/${request.id}`)).json().permissions).toMatchObject({ rate: true, reopen: false });
    expect((await talent.post(`/api/service-requests/${request.id}/rating`, { score: 7 })).json().error.fields).toHaveProperty('score');
    expect((await housing.post(`/api/service-requests/${request.id}/rating`, { score: 5 })).statusCode).toBe(403);
    const rated = await talent.post(`/api/service-requests/${request.id}/rating`, { score: 2, comment: '答复没有解决问题' });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ rating: { score: 2, comment: '答复没有解决问题' }, permissions: { rate: false, reopen: true } });
    const again = await talent.post(`/api/service-requests/${request.id}/rating`, { score: 5 });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'caseRatedOnce']);
    const [audit] = await t.rows<{ changes: { score: number } }>(sql`select changes from audit_log where action = 'serviceRequest.rate' and target_id = ${request.id}`);
    expect(audit.changes.score).toBe(2);

    const reopened = await talent.post(`/api/service-requests/${request.id}/reopen`, { comment: '入住时间仍未确定', version: rated.json().version });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'inReview', reopened: true, unitNames: [{ code: 'U10' }], permissions: { reopen: false } });
    const [notice] = await t.rows<{ count: number }>(sql`select count(*)::int as count from notifications n join users u on u.id = n.user_id
      where 'office' = any(u.roles) and n.link = ${`/service-requests/${request.id}`} and n.title like '诉求不满意%'`);
    expect(notice.count).toBeGreaterThanOrEqual(1);
    expect((await housing.get('/api/cases/inbox', { query: { pageSize: '200' } })).json().items.map((item: { id: string }) => item.id)).toContain(request.id);

    const closedAgain = await housing.post(`/api/service-requests/${request.id}/decision`, { decision: 'approve', comment: '已确定下周入住', version: reopened.json().version });
    expect(closedAgain.json().status).toBe('approved');
    const second = await talent.post(`/api/service-requests/${request.id}/reopen`, { comment: '再次重新办理', version: closedAgain.json().version });
    expect([second.statusCode, second.json().error.code]).toEqual([409, 'caseReopenedOnce']);
    const history = (await talent.get(`/api/service-requests/${request.id}`)).json().history.map((entry: { action: string }) => entry.action);
    expect(history).toEqual(['submit', 'approve', 'rate', 'reopen', 'approve']);
  });

  it('a satisfied rating does not reopen (409); a reopen without a reason names the field', async () => {
    const request = await handled('满意评价');
    const rated = (await talent.post(`/api/service-requests/${request.id}/rating`, { score: 4, comment: '' })).json();
    const missing = await talent.post(`/api/service-requests/${request.id}/reopen`, { version: rated.version });
    expect([missing.statusCode, Object.keys(missing.json().error.fields)]).toEqual([400, ['comment']]);
    const refused = await talent.post(`/api/service-requests/${request.id}/reopen`, { comment: '想重新办理', version: rated.version });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'caseReopenNotAllowed']);
  });
});

describe('the unit performance table', () => {
  it('counts handled, on time, working days, satisfaction, open and overdue from the records; each figure’s list matches; a unit sees its own row', async () => {
    const unit = await buildUnit(t.db);
    const staff = await buildUser(t.db, { roles: ['department'], unitId: unit.id });
    const unitAgent = await t.login(staff.username, factoryPassword);
    const leader = await t.login('leader');
    const steps = [{ name: '住房安居', units: [unit.code], mode: 'any' as const, workingDays: 5 }];
    const plant = async (title: string, values: Partial<typeof cases.$inferInsert>, score?: number) => {
      const [row] = await t.db
        .insert(cases)
        .values({ type: 'serviceRequest', category: 'housing', subjectKind: 'talent', subjectId: talentId, round: 'once', status: 'approved', form: { title, text: title }, steps, submittedBy: talentId, ...values })
        .returning();
      if (score) await t.db.insert(caseRatings).values({ caseId: row.id, score, ratedBy: talentId });
      return row.id;
    };
    // March 2025 has no holiday: Monday 3 March 09:00 Beijing time
    const monday = new Date('2025-03-03T01:00:00Z');
    const onTime = await plant('按时办结', { submittedAt: monday, stepStartedAt: monday, decidedAt: new Date('2025-03-05T01:00:00Z') }, 5); // 2 working days
    const late = await plant('超时办结', { submittedAt: monday, stepStartedAt: monday, decidedAt: new Date('2025-03-20T01:00:00Z') }, 2); // 13 working days, limit 5
    await plant('不予受理', { status: 'rejected', submittedAt: monday, stepStartedAt: monday, decidedAt: new Date('2025-03-04T01:00:00Z') }); // 1 working day
    await plant('上期办结', { submittedAt: new Date('2025-02-03T01:00:00Z'), stepStartedAt: new Date('2025-02-03T01:00:00Z'), decidedAt: new Date('2025-02-28T01:00:00Z') }, 1);
    const overdue = await plant('超时未办', { status: 'inReview', submittedAt: monday, stepStartedAt: monday });
    await plant('办理中', { status: 'inReview' });

    const expected = {
      unitCode: unit.code, handled: 3, onTime: 2, onTimeRate: 0.6667, averageWorkingDays: 5.3, rated: 2, satisfied: 1, satisfiedRate: 0.5, averageScore: 3.5, open: 2, overdue: 1,
    };
    const period = { from: '2025-03-01', to: '2025-03-31' };
    const table = await office.get('/api/service-requests/performance', { query: period });
    expect(table.statusCode).toBe(200);
    expect(table.json().rows.find((row: { unitCode: string }) => row.unitCode === unit.code)).toEqual({ ...expected, unitName: unit.name, unitNameEn: unit.nameEn });
    expect((await leader.get('/api/service-requests/performance', { query: period })).json().rows.map((row: { unitCode: string }) => row.unitCode)).toContain(unit.code);
    expect((await unitAgent.get('/api/service-requests/performance', { query: period })).json().rows).toEqual([{ ...expected, unitName: unit.name, unitNameEn: unit.nameEn }]);

    // each figure's list: the same filters on the list of requests
    const ids = async (query: Record<string, string>) =>
      (await office.get('/api/service-requests', { query: { pageSize: '100', unitCode: unit.code, ...query } })).json().items.map((item: { id: string }) => item.id).sort();
    const closedQuery = { decidedFrom: period.from, decidedTo: period.to };
    expect((await ids(closedQuery)).length).toBe(3);
    expect(await ids({ ...closedQuery, timing: 'late' })).toEqual([late]);
    expect((await ids({ ...closedQuery, timing: 'onTime' })).length).toBe(2);
    expect(await ids({ ...closedQuery, rating: 'satisfied' })).toEqual([onTime]);
    expect((await ids({ ...closedQuery, rating: 'rated' })).sort()).toEqual([onTime, late].sort());
    expect((await ids({ status: 'inReview' })).length).toBe(2);
    expect(await ids({ timing: 'overdue' })).toEqual([overdue]);

    const backwards = await office.get('/api/service-requests/performance', { query: { from: '2025-03-31', to: '2025-03-01' } });
    expect([backwards.statusCode, Object.keys(backwards.json().error.fields)]).toEqual([400, ['to']]);
    expect((await talent.get('/api/service-requests/performance', { query: period })).statusCode).toBe(403);
  });
});

describe('categories on a screen', () => {
  it('the office switches a category off (new requests refused, naming the field) and renames it; both audited', async () => {
    const categories = (await office.get('/api/service-requests/categories')).json() as { code: string; unitCode: string; workingDays: number; version: number; active: boolean }[];
    const culture = categories.find((category) => category.code === 'cultureTourism')!;
    expect(culture.active).toBe(true);
    const off = await office.put('/api/service-requests/categories/cultureTourism', { unitCode: culture.unitCode, workingDays: culture.workingDays, active: false, categoryName: '文旅服务', categoryNameEn: 'Culture and travel', version: culture.version });
    expect(off.json()).toMatchObject({ active: false, name: '文旅服务', nameEn: 'Culture and travel' });
    const refused = await raise(talent, { requestCategory: 'cultureTourism' });
    expect([refused.statusCode, Object.keys(refused.json().error.fields)]).toEqual([400, ['requestCategory']]);
    const back = await office.put('/api/service-requests/categories/cultureTourism', { unitCode: culture.unitCode, workingDays: culture.workingDays, active: true, version: culture.version + 1 });
    expect(back.json()).toMatchObject({ active: true, name: '文旅服务' });
    expect((await raise(talent, { requestCategory: 'cultureTourism' })).statusCode).toBe(201);
    const [audit] = await t.rows<{ changes: { active: boolean; name: string } }>(sql`select changes from audit_log where action = 'serviceRequest.route' and changes->>'category' = 'cultureTourism' order by id asc limit 1`);
    expect(audit.changes).toMatchObject({ active: false, name: '文旅服务' });
  });
});
