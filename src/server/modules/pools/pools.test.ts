import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTalent, buildUser } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { announceDueReviews } from './pools.service';

let t: TestApp;
let office: Agent;
let leader: Agent;
let unitA: Agent;
let unitB: Agent;
let hr: Agent;
let otherHr: Agent;
let hrOrganisation: string;
const pools: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  leader = await t.login('leader');
  const login = async (user: { username: string; password: string }) => t.login(user.username, user.password);
  unitA = await login(await buildUser(t.db, { roles: ['department'] }));
  unitB = await login(await buildUser(t.db, { roles: ['department'] }));
  hrOrganisation = (await buildOrganisation(t.db)).id;
  hr = await login(await buildUser(t.db, { roles: ['enterprise'], organisationId: hrOrganisation }));
  otherHr = await login(await buildUser(t.db, { roles: ['enterprise'], organisationId: (await buildOrganisation(t.db)).id }));
  for (const row of await t.rows<{ id: string; code: string }>(sql`select id, code from talent_pools`)) pools[row.code] = row.id;
});
afterAll(async () => t?.close());

type Member = { id: string; status: string; version: number; nextReviewOn: string | null; decisions: string[]; history: { action: string; toStatus: string }[] };

async function nominate(agent: Agent, pool: string, talentId: string, reason = '工作实绩突出') {
  const response = await agent.post('/api/pools/members', { poolId: pools[pool], talentId, reason });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Member>();
}

async function decide(id: string, body: Record<string, unknown>) {
  return office.post(`/api/pools/members/${id}/decision`, body);
}

describe('the demo', () => {
  it('has members in every status of each pool, 泵阀集团’s own nominations visible to its HR, and yearly reviews with history', async () => {
    const rows = await t.rows<{ code: string; status: string; n: number }>(sql`
      select p.code, m.status, count(*)::int as n from pool_members m join talent_pools p on p.id = m.pool_id group by p.code, m.status`);
    for (const code of ['villageReserve', 'youngCadres', 'enterpriseBackbone']) {
      expect(rows.filter((row) => row.code === code).map((row) => row.status)).toEqual(expect.arrayContaining(['nominated', 'inPool']));
    }
    const demoHr = await t.login('enterprise');
    const seen = (await demoHr.get('/api/pools/members', { query: { pageSize: '100' } })).json<{ items: { pool: { name: string } }[]; total: number }>();
    expect(seen.total).toBeGreaterThan(0);
    expect(new Set(seen.items.map((item) => item.pool.name))).toEqual(new Set(['企业后备骨干库']));
    // every member's history starts with its nomination and ends in its current status
    const [{ inconsistent }] = await t.rows<{ inconsistent: number }>(sql`
      select count(*)::int as inconsistent from pool_members m
      where (select e.to_status from pool_member_events e where e.member_id = m.id order by e.at desc, e.id desc limit 1) <> m.status
         or (select e.action from pool_member_events e where e.member_id = m.id order by e.at, e.id limit 1) <> 'nominate'`);
    expect(inconsistent).toBe(0);
  });
});

describe('nominations', () => {
  it('a unit nominates into a pool open to units; the enterprise only its own staff into the pool open to enterprises', async () => {
    const talent = await buildTalent(t.db);
    const member = await nominate(unitA, 'youngCadres', talent.id);
    expect(member).toMatchObject({ status: 'nominated', decisions: [] });
    expect(member.history.map((entry) => entry.action)).toEqual(['nominate']);

    const intoUnitPool = await hr.post('/api/pools/members', { poolId: pools.youngCadres, talentId: (await buildTalent(t.db, { employerId: hrOrganisation })).id, reason: '推荐' });
    expect([intoUnitPool.statusCode, intoUnitPool.json().error.code]).toEqual([403, 'poolNominator']);
    const notStaff = await hr.post('/api/pools/members', { poolId: pools.enterpriseBackbone, talentId: talent.id, reason: '推荐' });
    expect([notStaff.statusCode, Object.keys(notStaff.json().error.fields)]).toEqual([400, ['talentId']]);
    await nominate(hr, 'enterpriseBackbone', (await buildTalent(t.db, { employerId: hrOrganisation })).id);
  });

  it('one active membership per talent and pool, also when two nominate at once', async () => {
    const talent = await buildTalent(t.db);
    const [first, second] = await Promise.all([
      unitA.post('/api/pools/members', { poolId: pools.villageReserve, talentId: talent.id, reason: '群众基础好' }),
      unitB.post('/api/pools/members', { poolId: pools.villageReserve, talentId: talent.id, reason: '群众基础好' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    expect([first, second].find((response) => response.statusCode === 409)!.json().error.code).toBe('poolMemberExists');
    // another pool is another membership
    await nominate(unitB, 'youngCadres', talent.id);
  });

  it('names the wrong field in Chinese and saves nothing', async () => {
    const [{ before }] = await t.rows<{ before: number }>(sql`select count(*)::int as before from pool_members`);
    const response = await unitA.post('/api/pools/members', { poolId: pools.youngCadres, talentId: (await buildTalent(t.db)).id, reason: '好' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ reason: expect.stringContaining('推荐理由') });
    const left = await unitA.post('/api/pools/members', { poolId: pools.youngCadres, talentId: (await buildTalent(t.db, { status: 'left' })).id, reason: '推荐理由充分' });
    expect(left.json().error.fields.talentId).toContain('已不在区内');
    const [{ after }] = await t.rows<{ after: number }>(sql`select count(*)::int as after from pool_members`);
    expect(after).toBe(before);
  });
});

describe('who sees what', () => {
  it('a unit sees its own nominations, an enterprise its own; others are 404 and not listed or counted; the office and leaders see all', async () => {
    const fromA = await nominate(unitA, 'villageReserve', (await buildTalent(t.db)).id);
    const fromHr = await nominate(hr, 'enterpriseBackbone', (await buildTalent(t.db, { employerId: hrOrganisation })).id);
    expect((await unitB.get(`/api/pools/members/${fromA.id}`)).statusCode).toBe(404);
    expect((await otherHr.get(`/api/pools/members/${fromHr.id}`)).statusCode).toBe(404);
    expect((await hr.get(`/api/pools/members/${fromA.id}`)).statusCode).toBe(404);
    expect((await unitA.get(`/api/pools/members/${fromA.id}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/pools/members/${fromHr.id}`)).statusCode).toBe(200);

    const ids = async (agent: Agent) => (await agent.get('/api/pools/members', { query: { pageSize: '200' } })).json<{ items: { id: string }[] }>().items.map((item) => item.id);
    expect(await ids(unitB)).not.toContain(fromA.id);
    expect(await ids(unitA)).toContain(fromA.id);
    expect(await ids(otherHr)).toEqual([]);
    expect(await ids(office)).toEqual(expect.arrayContaining([fromA.id, fromHr.id]));

    // the enterprise sees the pool open to it only, counted over its own nominations
    const hrPools = (await hr.get('/api/pools')).json<{ code: string; counts: { nominated: number } }[]>();
    expect(hrPools.map((pool) => pool.code)).toEqual(['enterpriseBackbone']);
    const [{ own }] = await t.rows<{ own: number }>(sql`select count(*)::int as own from pool_members where nominating_org_id = ${hrOrganisation} and status = 'nominated'`);
    expect(hrPools[0].counts.nominated).toBe(own);
  });
});

describe('the office decides', () => {
  it('admit with a score, use, yearly review and exit, each from the statuses it allows, with history and audit', async () => {
    const member = await nominate(unitA, 'youngCadres', (await buildTalent(t.db)).id);
    const noScore = await decide(member.id, { decision: 'admit', opinion: '', version: member.version });
    expect(noScore.json().error.fields).toHaveProperty('score');
    const used = await decide(member.id, { decision: 'use', opinion: '提任', version: member.version });
    expect([used.statusCode, used.json().error.code]).toEqual([409, 'poolMemberState']);

    const admitted = (await decide(member.id, { decision: 'admit', score: 88, opinion: '考察合格', version: member.version })).json<Member & { enteredOn: string }>();
    expect(admitted.status).toBe('inPool');
    expect(admitted.decisions).toEqual(['use', 'review', 'exit']);
    // the yearly review is due a cycle (12 months) after entering
    expect(Number(admitted.nextReviewOn!.slice(0, 4)) - Number(admitted.enteredOn.slice(0, 4))).toBe(1);
    const stale = await decide(member.id, { decision: 'use', opinion: '提任', version: member.version });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'poolStale']);

    const inUse = (await decide(member.id, { decision: 'use', opinion: '选派至园区任职', version: admitted.version })).json<Member>();
    const reviewed = (await decide(member.id, { decision: 'review', opinion: '年度复核合格', version: inUse.version })).json<Member>();
    expect(reviewed.status).toBe('used');
    const exited = (await decide(member.id, { decision: 'exit', opinion: '调离本区', version: reviewed.version })).json<Member & { leftOn: string }>();
    expect(exited).toMatchObject({ status: 'exited', nextReviewOn: null, decisions: [] });
    expect(exited.history.map((entry) => `${entry.action}:${entry.toStatus}`)).toEqual(['nominate:nominated', 'admit:inPool', 'use:used', 'review:used', 'exit:exited']);

    const audit = await t.rows<{ action: string }>(sql`select action from audit_log where target_id = ${member.id} order by id`);
    expect(audit.map((row) => row.action)).toEqual(['poolMember.nominate', 'poolMember.admit', 'poolMember.use', 'poolMember.review', 'poolMember.exit']);
    // after exit the talent may be nominated into the pool again
    const [{ talent_id: talentId }] = await t.rows<{ talent_id: string }>(sql`select talent_id from pool_members where id = ${member.id}`);
    await nominate(unitA, 'youngCadres', talentId);
  });

  it('units and enterprises do not decide (403); a decline needs a reason and tells the nominator', async () => {
    const member = await nominate(unitA, 'villageReserve', (await buildTalent(t.db)).id);
    expect((await unitA.post(`/api/pools/members/${member.id}/decision`, { decision: 'admit', score: 90, version: member.version })).statusCode).toBe(403);
    const noReason = await decide(member.id, { decision: 'decline', version: member.version });
    expect(noReason.json().error.fields).toHaveProperty('opinion');
    expect((await decide(member.id, { decision: 'decline', opinion: '任职年限不足', version: member.version })).json().status).toBe('declined');
    const notices = (await unitA.get('/api/notifications')).json<{ items: { title: string }[] }>().items;
    expect(notices.map((notice) => notice.title)).toContain('推荐未入库：村(社区)后备人才库');
  });
});

describe('yearly review reminders', () => {
  it('a due review is announced once to the office and the nominating unit, again only when the next one falls due', async () => {
    const member = await nominate(unitB, 'villageReserve', (await buildTalent(t.db)).id);
    await decide(member.id, { decision: 'admit', score: 80, opinion: '', version: member.version });
    await t.db.execute(sql`update pool_members set next_review_on = current_date - 1 where id = ${member.id}`);
    const count = async () => (await t.rows<{ n: number }>(sql`select count(*)::int as n from notifications where kind = 'poolReview' and link = ${`/pools/members/${member.id}`}`))[0].n;
    const [{ staff }] = await t.rows<{ staff: number }>(sql`select count(*)::int as staff from users where 'office' = any(roles) and not disabled`);

    expect(await announceDueReviews(t.db)).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(staff + 1);
    await announceDueReviews(t.db);
    expect(await count()).toBe(staff + 1);

    // reviewed: the next review is a year on; when that one is due it is announced again
    const [{ version }] = await t.rows<{ version: number }>(sql`select version from pool_members where id = ${member.id}`);
    const reviewed = (await decide(member.id, { decision: 'review', opinion: '复核合格', version })).json<Member>();
    expect(reviewed.nextReviewOn! > new Date().toISOString().slice(0, 10)).toBe(true);
    await announceDueReviews(t.db);
    expect(await count()).toBe(staff + 1);
    await t.db.execute(sql`update pool_members set next_review_on = current_date where id = ${member.id}`);
    await announceDueReviews(t.db);
    expect(await count()).toBe(2 * (staff + 1));
  });
});
