import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTalent, buildUser, factoryPassword, uniqueSuffix } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Agent;
let housing: Agent;
let economy: Agent;
let leader: Agent;

beforeAll(async () => {
  t = await createTestApp();
  [office, housing, economy, leader] = await Promise.all(['office', 'housing', 'economy', 'leader'].map((name) => t.login(name)));
});
afterAll(async () => t?.close());

/** A talent account whose record meets the housing policy (bachelor, in the zone since 2024) unless told otherwise. */
async function talentAccount(options: { arrivedOn?: string; tier?: string | null } = {}) {
  const talent = await buildTalent(t.db, { arrivedOn: options.arrivedOn ?? '2024-05-01' });
  await t.db.execute(sql`update talents set highest_education = 'bachelor', tier = ${options.tier ?? null} where id = ${talent.id}`);
  const user = await buildUser(t.db, { roles: ['talent'], talentId: talent.id });
  return { id: talent.id, agent: await t.login(user.username, factoryPassword) };
}

async function building() {
  const created = await housing.post('/api/apartments/buildings', { buildingName: `测试楼${uniqueSuffix()}`, buildingAddress: '高新区测试路 1 号', buildingPark: '测试园区' });
  expect(created.statusCode).toBe(201);
  return created.json().id as string;
}

async function unit(buildingId: string, number = `${Math.floor(Math.random() * 9000) + 1000}`) {
  const created = await housing.post('/api/apartments/units', { buildingId, unitNumber: number, layout: 'oneBedroom', area: 45.5, furnished: true, monthlyRent: 900 });
  expect(created.statusCode).toBe(201);
  return created.json() as { id: string; version: number; status: string };
}

const apply = (agent: Agent, body: Record<string, unknown> = {}) => agent.post('/api/apartments/applications', { preferredLayout: 'oneBedroom', familySize: 2, ...body });

/** An application approved by the housing unit: on the waiting list. */
async function approved(agent: Agent) {
  const created = await apply(agent);
  expect(created.statusCode).toBe(201);
  const decided = await housing.post(`/api/apartments/applications/${created.json().id}/decision`, { decision: 'approve', comment: '符合条件，进入轮候', version: created.json().version });
  expect(decided.statusCode).toBe(200);
  return decided.json() as { id: string; position: number };
}

describe('applications', () => {
  it('an ineligible talent is refused with the policy’s reasons, as the calculator says them; nothing is saved', async () => {
    const { id, agent } = await talentAccount({ arrivedOn: '2015-03-01' });
    const check = (await agent.get('/api/apartments/eligibility')).json();
    expect(check.status).toBe('notEligible');
    expect(check.policy.code).toBe('APARTMENT');
    const unmet = check.explanation.unmet.map((node: { text: { 'zh-CN': string } }) => node.text['zh-CN']);
    expect(unmet.join()).toMatch(/须不超过 3/);
    const refused = await apply(agent);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('apartmentNotEligible');
    expect(refused.json().error.message).toContain(unmet[0]);
    const english = await agent.post('/api/apartments/applications', { familySize: 1 }, { headers: { 'accept-language': 'en-US' } });
    expect(english.json().error.message).toMatch(/^Not eligible for a talent apartment: .*at most 3/);
    const [{ count }] = await t.rows<{ count: number }>(sql`select count(*)::int as count from cases where type = 'apartment' and subject_id = ${id}`);
    expect(count).toBe(0);
  });

  it('a talent applies; the housing unit (U10) has it in 待办 and approves it onto the waiting list; one open application at a time', async () => {
    const { agent } = await talentAccount();
    const created = await apply(agent, { applicationNote: '夫妻二人' });
    expect(created.statusCode).toBe(201);
    const application = created.json();
    expect(application).toMatchObject({ status: 'inReview', position: null, preferences: { layout: 'oneBedroom', familySize: 2, note: '夫妻二人' }, eligibility: { eligible: true } });
    expect(application.dueAt).not.toBeNull();
    expect((await apply(agent)).json().error.code).toBe('apartmentApplicationOpen');

    const todo = (await housing.get('/api/cases/inbox', { query: { tab: 'todo', pageSize: '200' } })).json();
    expect(todo.items.find((item: { id: string }) => item.id === application.id)).toMatchObject({ type: 'apartment', link: `/apartments/applications/${application.id}` });
    const approvedOne = await housing.post(`/api/apartments/applications/${application.id}/decision`, { decision: 'approve', version: application.version });
    expect([approvedOne.statusCode, approvedOne.json().status]).toEqual([200, 'approved']);
    expect(approvedOne.json().position).toBeGreaterThanOrEqual(1);
    const mine = (await agent.get('/api/apartments/mine')).json();
    expect(mine.applications[0]).toMatchObject({ id: application.id, status: 'approved', position: approvedOne.json().position });
    expect(mine.waitingCount).toBeGreaterThanOrEqual(approvedOne.json().position);
    expect((await apply(agent)).json().error.code).toBe('apartmentApplicationOpen');
  });

  it('the waiting list follows its rule: tier first (A before C, no tier last), then the date applied', async () => {
    const noTier = await talentAccount({ tier: null });
    const tierC = await talentAccount({ tier: 'C' });
    const tierA = await talentAccount({ tier: 'A' });
    const earlyC = await approved(tierC.agent);
    const none = await approved(noTier.agent);
    const lateA = await approved(tierA.agent);
    const laterC = await approved((await talentAccount({ tier: 'C' })).agent);
    const list = (await housing.get('/api/apartments/waiting-list')).json().items as { id: string; position: number }[];
    const order = list.filter((item) => [earlyC.id, none.id, lateA.id, laterC.id].includes(item.id)).map((item) => item.id);
    expect(order).toEqual([lateA.id, earlyC.id, laterC.id, none.id]);
    expect(list.map((item) => item.position)).toEqual(list.map((_, index) => index + 1));
    // each applicant sees their own position, the same as the staff's list
    const position = (await tierA.agent.get(`/api/apartments/applications/${lateA.id}`)).json().position;
    expect(position).toBe(list.find((item) => item.id === lateA.id)!.position);
  });
});

describe('allocation and leases', () => {
  it('two staff allocating the last vacant unit at once: one wins, the other a clear 409; one lease only', async () => {
    const buildingId = await building();
    const last = await unit(buildingId, '101');
    const first = await approved((await talentAccount()).agent);
    const second = await approved((await talentAccount()).agent);
    const body = (applicationId: string) => ({ applicationId, apartmentId: last.id, startDate: '2026-12-01', endDate: '2027-11-30' });
    const answers = await Promise.all([housing.post('/api/apartments/allocations', body(first.id)), office.post('/api/apartments/allocations', body(second.id))]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.statusCode === 409)!;
    expect(refused.json().error.code).toBe('apartmentUnitTaken');
    const [{ count }] = await t.rows<{ count: number }>(sql`select count(*)::int as count from apartment_leases where unit_id = ${last.id}`);
    expect(count).toBe(1);
    const loser = answers[0].statusCode === 409 ? first : second;
    expect((await housing.get(`/api/apartments/applications/${loser.id}`)).json()).toMatchObject({ status: 'approved', leaseId: null, permissions: { allocate: true } });
  });

  it('move-in, renewal and move-out follow the lease’s state; the talent sees their own lease only; occupancy history and rate', async () => {
    const buildingId = await building();
    const home = await unit(buildingId, '201');
    await unit(buildingId, '202');
    const tenant = await talentAccount();
    const other = await talentAccount();
    const application = await approved(tenant.agent);
    const allocated = await housing.post('/api/apartments/allocations', { applicationId: application.id, apartmentId: home.id, startDate: '2026-12-01', endDate: '2027-11-30' });
    expect(allocated.statusCode).toBe(201);
    const lease = allocated.json();
    expect(lease).toMatchObject({ status: 'reserved', unitNumber: '201', talent: { id: tenant.id } });
    // allocated twice: the application no longer waits
    expect((await housing.post('/api/apartments/allocations', { applicationId: application.id, apartmentId: home.id, startDate: '2026-12-01', endDate: '2027-11-30' })).json().error.code).toBe('apartmentNotWaiting');
    // a reserved lease cannot be moved out of, nor renewed
    const early = await housing.post(`/api/apartments/leases/${lease.id}/move-out`, { moveOutDate: '2026-12-05', version: lease.version });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'apartmentLeaseState']);
    expect(early.json().error.message).toContain('已分配待入住');
    const beforeStart = await housing.post(`/api/apartments/leases/${lease.id}/move-in`, { moveInDate: '2026-11-20', version: lease.version });
    expect([beforeStart.statusCode, Object.keys(beforeStart.json().error.fields)]).toEqual([400, ['moveInDate']]);
    const moved = await housing.post(`/api/apartments/leases/${lease.id}/move-in`, { moveInDate: '2026-12-02', version: lease.version });
    expect(moved.json()).toMatchObject({ status: 'active', moveInDate: '2026-12-02' });
    const again = await housing.post(`/api/apartments/leases/${lease.id}/move-in`, { moveInDate: '2026-12-03', version: moved.json().version });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'apartmentLeaseState']);
    const staleVersion = await housing.post(`/api/apartments/leases/${lease.id}/renewal`, { endDate: '2028-11-30', version: lease.version });
    expect([staleVersion.statusCode, staleVersion.json().error.code]).toEqual([409, 'apartmentStale']);
    const shorter = await housing.post(`/api/apartments/leases/${lease.id}/renewal`, { endDate: '2027-06-30', version: moved.json().version });
    expect([shorter.statusCode, Object.keys(shorter.json().error.fields)]).toEqual([400, ['endDate']]);
    const renewed = await housing.post(`/api/apartments/leases/${lease.id}/renewal`, { endDate: '2028-11-30', version: moved.json().version });
    expect(renewed.json()).toMatchObject({ endDate: '2028-11-30', renewals: 1 });

    // the building: 2 units, 1 occupied (from the leases)
    const buildings = (await leader.get('/api/apartments/buildings')).json().items as { id: string; units: number; occupied: number; occupancyRate: number }[];
    expect(buildings.find((item) => item.id === buildingId)).toMatchObject({ units: 2, occupied: 1, occupancyRate: 0.5 });

    // the talent sees their lease; another talent sees neither it nor the application
    expect((await tenant.agent.get('/api/apartments/mine')).json().leases.map((item: { id: string }) => item.id)).toEqual([lease.id]);
    expect((await other.agent.get(`/api/apartments/applications/${application.id}`)).statusCode).toBe(404);
    expect((await other.agent.get('/api/apartments/leases', { query: { apartmentId: home.id } })).json().items).toEqual([]);
    expect((await other.agent.get('/api/apartments/applications')).json().items).toEqual([]);
    // the talent may not manage
    expect((await tenant.agent.post(`/api/apartments/leases/${lease.id}/move-out`, { moveOutDate: '2027-01-01', version: renewed.json().version })).statusCode).toBe(403);

    const out = await housing.post(`/api/apartments/leases/${lease.id}/move-out`, { moveOutDate: '2027-03-31', unitStatusAfter: 'maintenance', version: renewed.json().version });
    expect(out.json()).toMatchObject({ status: 'ended', moveOutDate: '2027-03-31' });
    const detail = (await housing.get(`/api/apartments/units/${home.id}`)).json();
    expect(detail).toMatchObject({ status: 'maintenance', tenant: null });
    expect(detail.history.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([[lease.id, 'ended']]);
    // after moving out the talent may apply again
    expect((await apply(tenant.agent)).statusCode).toBe(201);
  });

  it('another unit’s staff are refused the apartments (403) and do not see an application (404)', async () => {
    const { agent } = await talentAccount();
    const application = (await apply(agent)).json();
    expect((await economy.get('/api/apartments/buildings')).statusCode).toBe(403);
    expect((await economy.get('/api/apartments/buildings')).json().error.code).toBe('forbidden');
    expect((await economy.get('/api/apartments/units')).statusCode).toBe(403);
    expect((await economy.get(`/api/apartments/applications/${application.id}`)).statusCode).toBe(404);
    expect((await economy.post(`/api/apartments/applications/${application.id}/decision`, { decision: 'approve', version: 1 })).statusCode).toBe(404);
    expect((await economy.post('/api/apartments/buildings', { buildingName: '越权楼', buildingAddress: '某路' })).statusCode).toBe(403);
    // leaders read but do not manage
    expect((await leader.get('/api/apartments/waiting-list')).statusCode).toBe(200);
    expect((await leader.post('/api/apartments/buildings', { buildingName: '越权楼', buildingAddress: '某路' })).statusCode).toBe(403);
  });

  it('bad input is a 400 naming the field; a unit’s status follows its lease', async () => {
    const buildingId = await building();
    const bad = await housing.post('/api/apartments/units', { buildingId, unitNumber: '301', layout: 'palace', area: 45, monthlyRent: -5 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['layout', 'monthlyRent']);
    const noBuilding = await housing.post('/api/apartments/units', { buildingId: '00000000-0000-4000-8000-000000000000', unitNumber: '301', layout: 'studio', area: 30, monthlyRent: 600 });
    expect([noBuilding.statusCode, Object.keys(noBuilding.json().error.fields)]).toEqual([400, ['buildingId']]);
    const duplicate = await housing.post('/api/apartments/units', { buildingId, unitNumber: '301', layout: 'studio', area: 30, monthlyRent: 600 });
    expect(duplicate.statusCode).toBe(201);
    expect((await housing.post('/api/apartments/units', { buildingId, unitNumber: '301', layout: 'studio', area: 30, monthlyRent: 600 })).json().error.code).toBe('apartmentUnitNumberTaken');
    const { agent } = await talentAccount();
    const family = await apply(agent, { familySize: 0, preferredLayout: 'castle' });
    expect([family.statusCode, Object.keys(family.json().error.fields).sort()]).toEqual([400, ['familySize', 'preferredLayout']]);
    expect(family.json().error.message).toContain('同住人数');
    const application = await approved(agent);
    const backwards = await housing.post('/api/apartments/allocations', { applicationId: application.id, apartmentId: duplicate.json().id, startDate: '2027-01-01', endDate: '2026-12-01' });
    expect([backwards.statusCode, Object.keys(backwards.json().error.fields)]).toEqual([400, ['endDate']]);
    const lease = (await housing.post('/api/apartments/allocations', { applicationId: application.id, apartmentId: duplicate.json().id, startDate: '2026-12-01', endDate: '2027-11-30' })).json();
    const unitNow = (await housing.get(`/api/apartments/units/${lease.unitId}`)).json();
    expect(unitNow.status).toBe('reserved');
    const toMaintenance = await housing.put(`/api/apartments/units/${lease.unitId}`, { unitNumber: '301', layout: 'studio', area: 30, furnished: true, monthlyRent: 600, unitStatus: 'maintenance', version: unitNow.version });
    expect([toMaintenance.statusCode, toMaintenance.json().error.code]).toEqual([409, 'apartmentUnitOccupied']);
  });
});

describe('demo data', () => {
  it('28 furnished apartments in two buildings, most of them let; applicants waiting; the talent account free to apply', async () => {
    const { items, totals } = (await office.get('/api/apartments/buildings')).json();
    const demo = items.filter((item: { name: string }) => item.name.startsWith('人才公寓'));
    expect(demo).toHaveLength(2);
    const sum = (key: string) => demo.reduce((total: number, item: Record<string, number>) => total + item[key], 0);
    expect([sum('units'), sum('occupied'), sum('reserved'), sum('maintenance'), sum('vacant')]).toEqual([28, 23, 1, 1, 3]);
    expect(totals.units).toBeGreaterThanOrEqual(28);
    const [{ furnished }] = await t.rows<{ furnished: number }>(sql`select count(*)::int as furnished from apartment_units u join apartment_buildings b on b.id = u.building_id where b.name like '人才公寓%' and u.furnished`);
    expect(furnished).toBe(28);
    const waiting = (await housing.get('/api/apartments/waiting-list')).json().items;
    expect(waiting.length).toBeGreaterThanOrEqual(4);
    const todo = (await housing.get('/api/cases/inbox', { query: { tab: 'todo', pageSize: '200' } })).json().items.filter((item: { type: string }) => item.type === 'apartment');
    expect(todo.length).toBeGreaterThanOrEqual(2);
    const talent = await t.login('talent');
    expect((await talent.get('/api/apartments/eligibility')).json().status).toBe('eligible');
    expect((await talent.get('/api/apartments/mine')).json()).toMatchObject({ applications: [], leases: [] });
  });
});
