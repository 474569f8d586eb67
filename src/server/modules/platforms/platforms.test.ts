import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTalent, buildUser, factoryPassword, uniqueSuffix } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

async function enterpriseHr(organisationId: string) {
  const user = await buildUser(t.db, { roles: ['enterprise'], organisationId });
  return t.login(user.username, factoryPassword);
}

describe('platforms (平台载体)', () => {
  it('the office records a platform with tenants and hosted talents; an enterprise sees only platforms it is a tenant of, and only itself there', async () => {
    const organisation = await buildOrganisation(t.db, { kind: 'platform', name: `测试众创空间 ${uniqueSuffix()}`, industry: null });
    const created = await office.post('/api/platforms', { organisationId: organisation.id, type: 'makerSpace', level: 'provincial', host: '高新区园区建设发展有限公司', capacity: 40 });
    expect(created.statusCode, created.body).toBe(201);
    const tenant = await buildOrganisation(t.db);
    const neighbour = await buildOrganisation(t.db);
    const url = `/api/platforms/${organisation.id}`;
    for (const enterpriseId of [tenant.id, neighbour.id]) {
      expect((await office.post(`${url}/tenants`, { enterpriseId, since: '2024-01-01' })).statusCode).toBe(200);
    }
    const staff = await buildTalent(t.db, { employerId: tenant.id });
    const other = await buildTalent(t.db, { employerId: neighbour.id });
    for (const talentId of [staff.id, other.id]) expect((await office.post(`${url}/talents`, { talentId, since: '2024-02-01' })).statusCode).toBe(200);
    expect((await office.post(`${url}/tenants`, { enterpriseId: tenant.id, since: '2024-01-01' })).json().error.fields).toEqual({ enterpriseId: '企业：已登记，不能重复添加' });

    const full = (await office.get(url)).json();
    expect(full).toMatchObject({ type: 'makerSpace', tenants: 2, talents: 2 });
    expect(full.tenantList).toHaveLength(2);

    const hr = await enterpriseHr(tenant.id);
    const seen = (await hr.get(url)).json();
    expect(seen.tenantList.map((each: { id: string }) => each.id)).toEqual([tenant.id]);
    expect(seen.talentList.map((each: { id: string }) => each.id)).toEqual([staff.id]);
    const outsider = await enterpriseHr((await buildOrganisation(t.db)).id);
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await outsider.get('/api/platforms')).json()).toEqual({ items: [], total: 0 });
  });

  it('refuses a profile for an organisation that is not a platform, or twice', async () => {
    const enterprise = await buildOrganisation(t.db);
    const bad = await office.post('/api/platforms', { organisationId: enterprise.id, type: 'incubator', level: 'zone', host: '某公司', capacity: 10 });
    expect(bad.json().error.fields).toEqual({ organisationId: expect.stringContaining('不是已登记的平台载体') });
    const listed = (await office.get('/api/platforms', { query: { type: 'leadingTalentCentre' } })).json();
    expect(listed.items.map((item: { name: string }) => item.name)).toEqual(['科技部领军人才创新驱动中心']);
  });
});

describe('the demo data', () => {
  it('the source\'s platforms with their located enterprises as tenants; the demo enterprise account sees only its own', async () => {
    const listed = (await office.get('/api/platforms', { query: { pageSize: '100' } })).json();
    expect(listed.items.map((item: { name: string }) => item.name)).toEqual(expect.arrayContaining(['山西智创城7号', '高新技术创业园', '百度(阳泉)创新中心', '科技部领军人才创新驱动中心']));
    const centre = listed.items.find((item: { type: string }) => item.type === 'leadingTalentCentre');
    expect(centre).toMatchObject({ level: 'national' });
    expect(centre.talents).toBeGreaterThan(0);
    const [mismatched] = await t.rows<{ count: number }>(sql`
      select count(*)::int as count from platform_tenants pt join organisations o on o.id = pt.enterprise_id join organisations p on p.id = pt.platform_id
      where o.park_id is distinct from pt.platform_id and p.name not like '测试%'`);
    expect(mismatched.count).toBe(0);
  });
});
