import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTalent, buildUnit, buildUser } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { beijingDate, shiftDate } from '../../../domain/calendar';
import { announceOverdueJointTasks } from './joint-tasks.service';

let t: TestApp;
let office: Agent;
let leader: Agent;
let owner: Agent;
let helperA: Agent;
let helperB: Agent;
let outsider: Agent;
let hr: Agent;
let talentAgent: Agent;
const unit: Record<'owner' | 'a' | 'b' | 'outside', string> = { owner: '', a: '', b: '', outside: '' };
let helperAUser: string;

type Task = {
  id: string; status: string; version: number; overdue: boolean; dueOn: string; helpersDone: number; helpersTotal: number;
  helpers: { id: string; done: boolean; doneNote: string }[]; notes: { text: string; unit: { name: string } | null; author: string }[];
  can: { note: boolean; close: boolean; reportParts: string[] };
};

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  leader = await t.login('leader');
  const login = async (user: { username: string; password: string }) => t.login(user.username, user.password);
  for (const key of Object.keys(unit) as (keyof typeof unit)[]) unit[key] = (await buildUnit(t.db)).id;
  owner = await login(await buildUser(t.db, { roles: ['department'], unitId: unit.owner }));
  const a = await buildUser(t.db, { roles: ['department'], unitId: unit.a });
  helperAUser = a.id;
  helperA = await login(a);
  helperB = await login(await buildUser(t.db, { roles: ['department'], unitId: unit.b }));
  outsider = await login(await buildUser(t.db, { roles: ['department'], unitId: unit.outside }));
  hr = await login(await buildUser(t.db, { roles: ['enterprise'], organisationId: (await buildOrganisation(t.db)).id }));
  talentAgent = await login(await buildUser(t.db, { roles: ['talent'] }));
});
afterAll(async () => t?.close());

const today = () => beijingDate(new Date());

async function raise(agent: Agent, overrides: Record<string, unknown> = {}) {
  const response = await agent.post('/api/joint-tasks', {
    title: '引进博士家属随迁安置', description: '配偶就业、子女入学、落户三件事一并办理', ownerUnitId: unit.owner,
    helpers: [{ unitId: unit.a, part: '配偶就业推荐' }, { unitId: unit.b, part: '子女入学安排' }], dueOn: shiftDate(today(), 20), ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Task>();
}

describe('the demo', () => {
  it('has a dozen joint tasks in every status across the units, the 人社局 account’s own among them, notes by their units', async () => {
    const rows = await t.rows<{ status: string; n: number }>(sql`select status, count(*)::int as n from joint_tasks group by status`);
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, row.n]));
    expect(Object.values(byStatus).reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(12);
    for (const status of ['todo', 'inProgress', 'done', 'cancelled']) expect(byStatus[status]).toBeGreaterThan(0);
    const department = await t.login('department');
    const seen = (await department.get('/api/joint-tasks', { query: { pageSize: '100' } })).json<{ items: { id: string }[]; total: number }>();
    expect(seen.total).toBeGreaterThan(0);
    expect(seen.total).toBeLessThan(Object.values(byStatus).reduce((sum, n) => sum + n, 0));
    const detail = (await department.get(`/api/joint-tasks/${seen.items[0].id}`)).json<Task>();
    expect(detail.helpersTotal).toBeGreaterThan(0);
    // a task whose three helpers settle a talent's family: 配偶, 子女, 落户
    const [family] = await t.rows<{ helpers: number }>(sql`select count(*)::int as helpers from joint_task_helpers h join joint_tasks j on j.id = h.task_id where j.title = '引进博士家属随迁安置'`);
    expect(family.helpers).toBe(3);
  });
});

describe('joint tasks', () => {
  it('the office raises a task for an owner and two helpers; each helper is told; audited', async () => {
    const task = await raise(office);
    expect(task).toMatchObject({ status: 'todo', helpersTotal: 2, helpersDone: 0, overdue: false });
    const [{ n }] = await t.rows<{ n: number }>(sql`select count(*)::int as n from notifications where kind = 'jointTask' and user_id = ${helperAUser} and link = ${`/joint-tasks/${task.id}`}`);
    expect(n).toBe(1);
    const [audit] = await t.rows<{ action: string }>(sql`select action from audit_log where target_id = ${task.id}`);
    expect(audit.action).toBe('jointTask.create');
  });

  it('scope: the office and leaders see all, a unit only those it owns or helps on (others 404), enterprises and talents none', async () => {
    const task = await raise(office);
    for (const agent of [office, leader, owner, helperA, helperB]) expect((await agent.get(`/api/joint-tasks/${task.id}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/joint-tasks/${task.id}`)).statusCode).toBe(404);
    const listed = (await outsider.get('/api/joint-tasks', { query: { pageSize: '200' } })).json<{ items: { id: string }[] }>();
    expect(listed.items.map((item) => item.id)).not.toContain(task.id);
    expect((await helperA.get('/api/joint-tasks', { query: { pageSize: '200' } })).json<{ items: { id: string }[] }>().items.map((item) => item.id)).toContain(task.id);
    expect((await hr.get(`/api/joint-tasks/${task.id}`)).statusCode).toBe(403);
    expect((await talentAgent.get('/api/joint-tasks')).statusCode).toBe(403);
    // a unit cannot note or report on a task not its own: 404, nothing written
    expect((await outsider.post(`/api/joint-tasks/${task.id}/notes`, { text: '越权记录' })).statusCode).toBe(404);
    const [{ n }] = await t.rows<{ n: number }>(sql`select count(*)::int as n from joint_task_notes where task_id = ${task.id}`);
    expect(n).toBe(0);
  });

  it('validation: one deadline, no owner among the helpers, no helper twice, a unit raises for itself only; nothing saved', async () => {
    const [{ before }] = await t.rows<{ before: number }>(sql`select count(*)::int as before from joint_tasks`);
    const both = await office.post('/api/joint-tasks', { title: '测试任务', ownerUnitId: unit.owner, helpers: [{ unitId: unit.a }], dueOn: shiftDate(today(), 3), workingDays: 5 });
    expect([both.statusCode, Object.keys(both.json().error.fields)]).toEqual([400, ['dueOn']]);
    const self = await office.post('/api/joint-tasks', { title: '测试任务', ownerUnitId: unit.owner, helpers: [{ unitId: unit.a }, { unitId: unit.owner }, { unitId: unit.a }], workingDays: 5 });
    expect([self.statusCode, Object.keys(self.json().error.fields).sort()]).toEqual([400, ['helpers.1.unitId', 'helpers.2.unitId']]);
    expect(self.json().error.fields['helpers.1.unitId']).toContain('牵头单位不能同时是协办单位');
    const foreign = await helperA.post('/api/joint-tasks', { title: '测试任务', ownerUnitId: unit.owner, helpers: [{ unitId: unit.b }], workingDays: 5 });
    expect([foreign.statusCode, Object.keys(foreign.json().error.fields)]).toEqual([400, ['ownerUnitId']]);
    const empty = await office.post('/api/joint-tasks', { title: '测试任务', ownerUnitId: unit.owner, helpers: [], workingDays: 5 });
    expect([empty.statusCode, Object.keys(empty.json().error.fields)]).toEqual([400, ['helpers']]);
    const [{ after }] = await t.rows<{ after: number }>(sql`select count(*)::int as after from joint_tasks`);
    expect(after).toBe(before);
    // a unit raises with itself as the owner; a time limit in working days gives a due day on the calendar
    const own = await raise(helperA, { ownerUnitId: unit.a, helpers: [{ unitId: unit.b, part: '协助' }], dueOn: undefined, workingDays: 5 });
    expect(own.dueOn > today()).toBe(true);
  });

  it('notes and parts: a helper notes and finishes its part; the owner cannot close while a part is open unless it says why', async () => {
    const task = await raise(office);
    const noted = await helperA.post(`/api/joint-tasks/${task.id}/notes`, { text: '已与两家企业对接配偶岗位' });
    expect(noted.statusCode, noted.body).toBe(201);
    expect(noted.json<Task>()).toMatchObject({ status: 'inProgress', notes: [{ text: '已与两家企业对接配偶岗位', author: expect.any(String) }] });
    // a helper reports only its own part
    expect((await helperA.put(`/api/joint-tasks/${task.id}/parts/${unit.b}`, { done: true })).statusCode).toBe(403);
    const part = await helperA.put(`/api/joint-tasks/${task.id}/parts/${unit.a}`, { done: true, note: '配偶已入职泵阀集团' });
    expect(part.statusCode, part.body).toBe(200);
    const afterPart = part.json<Task>();
    expect(afterPart.helpersDone).toBe(1);
    // only the owner (or the office) closes
    expect((await helperA.post(`/api/joint-tasks/${task.id}/close`, { outcome: 'done', version: afterPart.version })).statusCode).toBe(403);
    const early = await owner.post(`/api/joint-tasks/${task.id}/close`, { outcome: 'done', version: afterPart.version });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'jointTaskPartsOpen']);
    expect((await owner.get(`/api/joint-tasks/${task.id}`)).json<Task>().status).toBe('inProgress');
    const stale = await owner.post(`/api/joint-tasks/${task.id}/close`, { outcome: 'done', version: afterPart.version - 1, note: '说明' });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'jointTaskStale']);
    await helperB.put(`/api/joint-tasks/${task.id}/parts/${unit.b}`, { done: true, note: '已安排入学' });
    const ready = (await owner.get(`/api/joint-tasks/${task.id}`)).json<Task>();
    const closed = await owner.post(`/api/joint-tasks/${task.id}/close`, { outcome: 'done', version: ready.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Task>()).toMatchObject({ status: 'done', can: { note: false, close: false, reportParts: [] } });
    expect((await helperA.post(`/api/joint-tasks/${task.id}/notes`, { text: '补充说明' })).statusCode).toBe(409);
    const actions = await t.rows<{ action: string }>(sql`select action from audit_log where target_id = ${task.id} order by seq`);
    expect(actions.map((row) => row.action)).toEqual(['jointTask.create', 'jointTask.note', 'jointTask.partDone', 'jointTask.partDone', 'jointTask.close']);
  });

  it('the owner may close with a part open by saying why, or cancel with a reason', async () => {
    const task = await raise(office);
    const closed = await owner.post(`/api/joint-tasks/${task.id}/close`, { outcome: 'done', version: task.version, note: '子女入学改由人才本人自行安排' });
    expect(closed.json<Task>()).toMatchObject({ status: 'done' });
    const other = await raise(office);
    const noReason = await owner.post(`/api/joint-tasks/${other.id}/close`, { outcome: 'cancelled', version: other.version });
    expect([noReason.statusCode, Object.keys(noReason.json().error.fields)]).toEqual([400, ['note']]);
    expect((await owner.post(`/api/joint-tasks/${other.id}/close`, { outcome: 'cancelled', version: other.version, note: '人才放弃来区' })).json<Task>().status).toBe('cancelled');
  });

  it('overdue: flagged and filtered; the daily job announces each overdue task once', async () => {
    const task = await raise(office);
    await t.db.execute(sql`update joint_tasks set due_on = ${shiftDate(today(), -2)} where id = ${task.id}`);
    const listed = (await office.get('/api/joint-tasks', { query: { overdue: 'true', pageSize: '200' } })).json<{ items: { id: string; overdue: boolean }[] }>();
    expect(listed.items.find((item) => item.id === task.id)).toMatchObject({ overdue: true });
    expect(listed.items.every((item) => item.overdue)).toBe(true);
    const count = async () =>
      (await t.rows<{ n: number }>(sql`select count(*)::int as n from notifications where kind = 'jointTask' and link = ${`/joint-tasks/${task.id}`} and params->>'event' = 'overdue'`))[0].n;
    expect(await count()).toBe(0);
    await announceOverdueJointTasks(t.db);
    const first = await count();
    // the office, the owner and both helpers
    expect(first).toBeGreaterThanOrEqual(3);
    await announceOverdueJointTasks(t.db);
    await announceOverdueJointTasks(t.db, new Date(Date.now() + 86_400_000));
    expect(await count()).toBe(first);
  });
});

describe('the government–enterprise board', () => {
  it('enterprise HR sees open challenges with the reason in words, the office names an enterprise, others are refused', async () => {
    const demoHr = await t.login('enterprise');
    const response = await demoHr.get('/api/board');
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json<{ enterprise: { name: string }; items: { kind: string; title: string; link: string; reasons: { text: string; textEn: string }[] }[] }>();
    expect(board.enterprise.name).toBe('泵阀集团');
    const challenge = board.items.find((item) => item.kind === 'challenge');
    expect(challenge?.reasons[0].text).toMatch(/[\u4e00-\u9fff]/);
    expect(challenge?.reasons[0].textEn).not.toMatch(/[\u4e00-\u9fff]/);
    // its own challenge is not on its board; reserve pools open to enterprises are
    expect(board.items.some((item) => item.kind === 'pool')).toBe(true);

    // a challenge of the same chain carries the chain in words
    const [battery] = await t.rows<{ id: string }>(sql`select id from organisations where industry = 'newEnergyBattery' and kind = 'enterprise' limit 1`);
    const poster = await buildOrganisation(t.db, { industry: 'newEnergyBattery' });
    await t.db.execute(sql`insert into challenges (id, poster_id, title, problem, budget, deadline) values (gen_random_uuid(), ${poster.id}, '电池热失控预警算法', '测试', 100000, ${shiftDate(today(), 30)})`);
    const batteryBoard = (await office.get('/api/board', { query: { enterpriseId: battery.id } })).json<typeof board>();
    expect(batteryBoard.items.find((item) => item.title === '电池热失控预警算法')?.reasons[0].text).toBe('面向您所在的新能源电池产业链');

    expect((await office.get('/api/board')).statusCode).toBe(400);
    expect((await hr.get('/api/board', { query: { enterpriseId: battery.id } })).statusCode).toBe(404);
    expect((await helperA.get('/api/board')).statusCode).toBe(403);
  });

  it('a newly published talent policy is on the board when some of the enterprise’s staff meet its rule, with how many', async () => {
    const organisation = await buildOrganisation(t.db);
    await buildTalent(t.db, { employerId: organisation.id });
    await buildTalent(t.db, { employerId: organisation.id });
    const policy = (await office.post('/api/policies', {
      policy: { code: `BOARD${Date.now()}`, title: '看板测试政策', category: 'other', target: 'talent', unit: 'U07', mode: 'apply', budgetTotal: 100000, effectiveFrom: '2026-01-01', exclusions: [] },
      version: { eligibility: { '==': [1, 1] }, amount: 100, periodKind: 'oneOff', periods: 1, attachments: [], steps: [{ name: '审核', units: ['U07'], mode: 'any', workingDays: 5 }] },
      parameters: [],
    })).json<{ id: string }>();
    expect((await office.post(`/api/policies/${policy.id}/publish`)).statusCode).toBe(200);
    const board = (await office.get('/api/board', { query: { enterpriseId: organisation.id } })).json<{ items: { kind: string; id: string; reasons: { text: string }[] }[] }>();
    expect(board.items.find((item) => item.id === policy.id)?.reasons[0].text).toBe('新发布政策，贵企业有 2 名员工符合条件');
  });
});

describe('departures for enterprise HR', () => {
  it('sees its own staff’s departures; another enterprise’s departure is a 404', async () => {
    const mine = await buildOrganisation(t.db);
    const theirs = await buildOrganisation(t.db);
    const ownHr = await t.login((await buildUser(t.db, { roles: ['enterprise'], organisationId: mine.id })).username, 'Factory#2026pw');
    const depart = async (employerId: string) => {
      const talent = await buildTalent(t.db, { employerId });
      const response = await office.post('/api/departures', { talentId: talent.id, leftOn: shiftDate(today(), -1), kind: 'resignation', destinationKind: 'enterprise', reasons: ['pay'] });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    const own = await depart(mine.id);
    const other = await depart(theirs.id);
    const list = (await ownHr.get('/api/departures', { query: { pageSize: '100' } })).json<{ items: { id: string }[] }>();
    expect(list.items.map((item) => item.id)).toEqual([own]);
    expect((await ownHr.get(`/api/departures/${own}`)).statusCode).toBe(200);
    expect((await ownHr.get(`/api/departures/${other}`)).statusCode).toBe(404);
  });
});
