import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles';
import { buildOrganisation, buildTalent, buildUser, uniqueIdNumber, uniqueSuffix } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

type Industry = { code: string; name: string; nameEn: string; chain: string | null; sortOrder: number; active: boolean };
type Reference = {
  industries: Industry[];
  tiers: { code: string; name: string; nameEn: string; definition: string; sortOrder: number }[];
  regions: { code: string; name: string; cities: { code: string; name: string }[] }[];
  parks: { id: string; name: string }[];
};

const industryCode = () => `test${uniqueSuffix()}`;
const signedIn = async (role: Role) => {
  const user = await buildUser(t.db, { roles: [role] });
  return t.login(user.username, user.password);
};
const reference = async (agent: Agent): Promise<Reference> => {
  const response = await agent.get('/api/reference');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const auditFor = (targetId: string) =>
  t.rows<{ action: string; actor_username: string; actor_role: string; changes: Record<string, unknown> }>(
    sql`select action, actor_username, actor_role, changes from audit_log where target_type = 'industry' and target_id = ${targetId} order by id`,
  );

describe('reading reference data', () => {
  it('lists the industries with their chain, the tiers A–E, the regions down to 阳泉市 and the parks', async () => {
    const park = await buildOrganisation(t.db, { kind: 'platform', name: `测试园区 ${uniqueSuffix()}` });
    const data = await reference(await signedIn('talent'));
    expect(data.industries.find((industry) => industry.code === 'digitalEconomy')).toMatchObject({ name: '数字经济', chain: '数字经济产业链', active: true });
    expect(data.industries.some((industry) => industry.chain === null)).toBe(true);
    expect(data.tiers.map((tier) => tier.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(data.tiers.every((tier) => tier.definition.length > 0 && tier.name.startsWith(`${tier.code} 类`))).toBe(true);

    const shanxi = data.regions.find((region) => region.code === '140000');
    expect(shanxi?.name).toBe('山西省');
    expect(shanxi?.cities).toContainEqual({ code: '140300', name: '阳泉市' });
    expect(shanxi?.cities.every((city) => city.code.startsWith('14') && city.name !== '市辖区')).toBe(true);
    // a municipality is its own single entry
    expect(data.regions.find((region) => region.code === '110000')?.cities).toEqual([{ code: '110000', name: '北京市' }]);
    expect(data.regions.length).toBeGreaterThanOrEqual(34);

    expect(data.parks).toContainEqual({ id: park.id, name: park.name });
    const enterprise = await buildOrganisation(t.db);
    expect((await reference(office)).parks.map((entry) => entry.id)).not.toContain(enterprise.id);
  });

  it('every business role reads it; the admin roles do not (403)', async () => {
    for (const role of ['talent', 'enterprise', 'department', 'office', 'leader'] as const) await reference(await signedIn(role));
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const response = await (await signedIn(role)).get('/api/reference');
      expect(response.statusCode, role).toBe(403);
    }
    expect((await t.anonymous().get('/api/reference')).statusCode).toBe(401);
  });
});

describe('the industry list', () => {
  it('the office adds an industry and changes it, each audited; a talent can then be registered in it', async () => {
    const code = industryCode();
    const url = `/api/reference/industries/${code}`;
    const added = await office.put(url, { name: '低空经济', nameEn: 'Low-altitude economy', chain: '低空经济产业链', sortOrder: 50 });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toEqual({ code, name: '低空经济', nameEn: 'Low-altitude economy', chain: '低空经济产业链', sortOrder: 50, active: true });
    expect((await reference(office)).industries).toContainEqual(added.json());

    const changed = await office.put(url, { name: '低空经济产业', nameEn: 'Low-altitude economy', chain: null, sortOrder: 50 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: '低空经济产业', chain: null });

    const audit = await auditFor(code);
    expect(audit.map((entry) => entry.action)).toEqual(['industry.create', 'industry.update']);
    expect(audit[0]).toMatchObject({ actor_username: 'office', actor_role: 'office', changes: { code, name: '低空经济', chain: '低空经济产业链' } });
    expect(audit[1].changes).toEqual({ name: { from: '低空经济', to: '低空经济产业' }, chain: { from: '低空经济产业链', to: null } });

    const talent = await office.post('/api/talents', { name: `人才${uniqueSuffix()}`, idNumber: uniqueIdNumber(), arrivalRoute: 'marketHire', industry: code });
    expect(talent.statusCode, talent.body).toBe(201);
    expect(talent.json().industry).toBe(code);
  });

  it('refuses an invalid code or body with field errors', async () => {
    const badCode = await office.put('/api/reference/industries/1abc', { name: '无效', nameEn: 'Invalid' });
    expect(badCode.statusCode).toBe(400);
    expect(Object.keys(badCode.json().error.fields)).toEqual(['code']);
    const badBody = await office.put(`/api/reference/industries/${industryCode()}`, { name: '', nameEn: 'Empty', sortOrder: 1000 });
    expect(badBody.statusCode).toBe(400);
    const fields = badBody.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual(['name', 'sortOrder']);
    expect(fields.sortOrder).toBe('排序：不能大于 999');
    expect(fields.name).toMatch(/：必填$/);
    const english = await office.put(`/api/reference/industries/${industryCode()}`, { nameEn: 'No Chinese name', sortOrder: -1, chain: 'x'.repeat(41) }, { headers: { 'accept-language': 'en-US' } });
    expect(english.json().error.fields).toMatchObject({ sortOrder: 'Sort order must be at least 0', chain: 'Industry chain allows at most 40 characters' });
    // a new industry needs both names
    const unnamed = await office.put(`/api/reference/industries/${industryCode()}`, { sortOrder: 3 });
    expect(unnamed.statusCode).toBe(400);
    expect(Object.keys(unnamed.json().error.fields).sort()).toEqual(['name', 'nameEn']);
    expect(unnamed.json().error.fields.nameEn).toBe('英文名称：必填');
  });

  it('a change keeps the fields it leaves out', async () => {
    const code = industryCode();
    const url = `/api/reference/industries/${code}`;
    expect((await office.put(url, { name: '氢能', nameEn: 'Hydrogen', chain: '新能源产业链', sortOrder: 42, active: true })).statusCode).toBe(200);
    const renamed = await office.put(url, { name: '氢能源' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toEqual({ code, name: '氢能源', nameEn: 'Hydrogen', chain: '新能源产业链', sortOrder: 42, active: true });
    const deactivated = await office.put(url, { active: false });
    expect(deactivated.json()).toEqual({ code, name: '氢能源', nameEn: 'Hydrogen', chain: '新能源产业链', sortOrder: 42, active: false });
    // null clears the chain
    expect((await office.put(url, { chain: null })).json().chain).toBeNull();
    expect((await auditFor(code)).map((entry) => entry.changes)).toEqual([
      expect.objectContaining({ code, name: '氢能' }),
      { name: { from: '氢能', to: '氢能源' } },
      { active: { from: true, to: false } },
      { chain: { from: '新能源产业链', to: null } },
    ]);
  });
});

describe('field labels', () => {
  it('every field of enterprises, industries and tiers has a Chinese and an English label; scopes name what is particular to a record', async () => {
    const { fieldLabel, fieldLabels, labelScopeOfRoute } = await import('../../../domain/i18n');
    const fields = {
      enterprise: ['name', 'creditCode', 'industry', 'chainSegment', 'parkId', 'size', 'foundedOn', 'address', 'contactName', 'contactPhone', 'description', 'version'],
      industry: ['code', 'name', 'nameEn', 'chain', 'sortOrder', 'active'],
      tier: ['code', 'name', 'nameEn', 'definition', 'sortOrder'],
    } as const;
    for (const [scope, names] of Object.entries(fields) as [keyof typeof fields, readonly string[]][]) {
      for (const name of names) {
        for (const language of ['zh-CN', 'en-US'] as const) {
          const label = fieldLabel([name], language, scope);
          expect(label, `${scope}.${name} ${language}`).not.toBe(name);
          if (language === 'zh-CN') expect(label, `${scope}.${name}`).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
    expect(fieldLabel(['name'], 'zh-CN', 'enterprise')).toBe('企业名称');
    expect(fieldLabel(['name'], 'zh-CN', 'industry')).toBe('产业名称');
    expect(fieldLabel(['name'], 'en-US', 'industry')).toBe('Industry name');
    expect(fieldLabel(['code'], 'zh-CN', 'industry')).toBe('产业代码');
    expect(fieldLabel(['name'], 'zh-CN')).toBe('姓名');
    // a scope applies to the record's own fields, not to a nested path's
    expect(fieldLabel(['educations', 0, 'name'], 'zh-CN', 'enterprise')).toBe('学历 › #1 › 姓名');
    expect(fieldLabels.sortOrder).toEqual({ 'zh-CN': '排序', 'en-US': 'Sort order' });
    expect(labelScopeOfRoute('/api/enterprises/:id')).toBe('enterprise');
    expect(labelScopeOfRoute('/api/reference/industries/:code')).toBe('industry');
    expect(labelScopeOfRoute('/api/talents/:id')).toBeUndefined();
  });

  it('only the office changes the list: every other role gets 403, audited as permission.denied', async () => {
    const code = industryCode();
    for (const role of ['talent', 'enterprise', 'department', 'leader', 'sysadmin', 'secadmin', 'auditor'] as const) {
      const agent = await signedIn(role);
      const response = await agent.put(`/api/reference/industries/${code}`, { name: '越权', nameEn: 'Overreach' });
      expect(response.statusCode, role).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
      const denied = await t.rows(
        sql`select 1 from audit_log where action = 'permission.denied' and actor_id = ${agent.user!.id} and target_id = 'PUT /api/reference/industries/:code'`,
      );
      expect(denied, role).toHaveLength(1);
    }
    expect(await t.rows(sql`select 1 from industries where code = ${code}`)).toEqual([]);
    // nor an existing one
    const before = await t.rows(sql`select name from industries where code = 'digitalEconomy'`);
    expect((await (await signedIn('enterprise')).put('/api/reference/industries/digitalEconomy', { name: '改名', nameEn: 'Renamed' })).statusCode).toBe(403);
    expect(await t.rows(sql`select name from industries where code = 'digitalEconomy'`)).toEqual(before);
  });

  it('an inactive industry cannot be used for a new talent, while records that have it stay editable', async () => {
    const code = industryCode();
    const url = `/api/reference/industries/${code}`;
    expect((await office.put(url, { name: '临时产业', nameEn: 'Temporary' })).statusCode).toBe(200);
    const idNumber = uniqueIdNumber();
    const existing = await buildTalent(t.db, { idNumber, industry: code });

    const deactivated = await office.put(url, { name: '临时产业', nameEn: 'Temporary', active: false });
    expect(deactivated.json().active).toBe(false);
    expect((await reference(office)).industries.find((industry) => industry.code === code)?.active).toBe(false);
    expect((await auditFor(code)).at(-1)?.changes).toEqual({ active: { from: true, to: false } });

    const refused = await office.post('/api/talents', { name: `人才${uniqueSuffix()}`, idNumber: uniqueIdNumber(), arrivalRoute: 'marketHire', industry: code });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ industry: '产业：不在可选范围内' });

    // the talent that has it still saves other changes …
    const kept = await office.put(`/api/talents/${existing.id}`, { name: existing.name, idNumber, arrivalRoute: 'marketHire', industry: code, post: '技术员', version: existing.version });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ industry: code, post: '技术员' });
    // … but no other record may move into it
    const otherId = uniqueIdNumber();
    const other = await buildTalent(t.db, { idNumber: otherId, industry: 'chemicals' });
    const moved = await office.put(`/api/talents/${other.id}`, { name: other.name, idNumber: otherId, arrivalRoute: 'marketHire', industry: code, version: other.version });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields).toEqual({ industry: '产业：不在可选范围内' });

    expect((await office.put(url, { name: '临时产业', nameEn: 'Temporary', active: true })).statusCode).toBe(200);
    const accepted = await office.post('/api/talents', { name: `人才${uniqueSuffix()}`, idNumber: uniqueIdNumber(), arrivalRoute: 'marketHire', industry: code });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });
});
