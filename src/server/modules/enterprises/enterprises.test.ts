import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { industries } from '../../db/schema';
import { buildOrganisation, buildTalent, buildUser, factoryPassword } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { enterpriseBody, uniqueCreditCode } from './enterprises.fixtures';

let t: TestApp;
let office: Agent;
let park: { id: string; name: string };
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  park = await buildOrganisation(t.db, { kind: 'platform', name: `测试园区 ${randomUUID().slice(0, 8)}`, industry: null });
});
afterAll(async () => t?.close());

const auditFor = (targetId: string) =>
  t.rows<{ action: string; actor_username: string; changes: Record<string, unknown> }>(sql`select action, actor_username, changes from audit_log where target_id = ${targetId} order by id`);

async function enterpriseHr(organisationId: string) {
  const user = await buildUser(t.db, { roles: ['enterprise'], organisationId });
  return t.login(user.username, factoryPassword);
}

describe('registering enterprises', () => {
  it('the office registers an enterprise: 201, contact phone masked in answers and encrypted at rest, audited', async () => {
    const body = enterpriseBody({ creditCode: '91350100M000100Y43', parkId: park.id });
    const response = await office.post('/api/enterprises', body);
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toEqual({
      id: expect.any(String),
      name: body.name,
      creditCode: '91350100M000100Y43',
      industry: 'newEnergyBattery',
      chainSegment: 'midstream',
      park: { id: park.id, name: park.name },
      size: 'small',
      foundedOn: '2018-03-15',
      address: '阳泉市高新区示例路 1 号',
      contactName: '李联系',
      contactPhone: '139****5678',
      staff: 0,
      staffInZone: 0,
      description: '钠离子电池材料',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      permissions: { edit: true },
    });
    const [stored] = await t.rows<{ kind: string; contact_phone_cipher: string; contact_phone_masked: string }>(
      sql`select kind, contact_phone_cipher, contact_phone_masked from organisations where id = ${created.id}`,
    );
    expect(stored.kind).toBe('enterprise');
    expect(stored.contact_phone_cipher).not.toContain('13912345678');
    expect(t.app.secrets.decrypt(stored.contact_phone_cipher)).toBe('13912345678');
    const [audit] = await auditFor(created.id);
    expect(audit).toMatchObject({ action: 'enterprise.create', actor_username: 'office' });
    expect(audit.changes).toMatchObject({ name: body.name, creditCode: '91350100M000100Y43', contactPhone: '***', parkId: park.id });
    expect(JSON.stringify(audit.changes)).not.toContain('13912345678');
    const read = await office.get(`/api/enterprises/${created.id}`);
    expect(read.json()).toEqual(created);
  });

  it('accepts a valid credit code written in lower case and stores it in upper case', async () => {
    const response = await office.post('/api/enterprises', enterpriseBody({ creditCode: '91110108551385082q' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().creditCode).toBe('91110108551385082Q');
  });

  it('refuses a wrong check character, naming the field', async () => {
    const response = await office.post('/api/enterprises', enterpriseBody({ creditCode: '91350100M000100Y44' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'validation',
      message: '提交的内容有误，请检查：统一社会信用代码',
      fields: { creditCode: '统一社会信用代码：校验码（最后一位）不正确，请核对代码' },
    });
    const english = await office.post('/api/enterprises', enterpriseBody({ creditCode: '91110108551385082A' }), { headers: { 'accept-language': 'en-US' } });
    expect(english.json().error.fields).toEqual({ creditCode: 'Unified social credit code the check character (last one) is wrong; check the code' });
    const short = await office.post('/api/enterprises', enterpriseBody({ creditCode: '9135010' }));
    expect(short.json().error.fields).toEqual({ creditCode: '统一社会信用代码：应为 18 位' });
  });

  it('refuses a credit code already registered, naming the enterprise that holds it, and a name taken', async () => {
    const first = (await office.post('/api/enterprises', enterpriseBody())).json();
    const again = await office.post('/api/enterprises', enterpriseBody({ creditCode: first.creditCode }));
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toEqual({ creditCode: `统一社会信用代码：该统一社会信用代码已登记（${first.name}）` });
    const sameName = await office.post('/api/enterprises', enterpriseBody({ name: first.name }));
    expect(sameName.statusCode).toBe(400);
    expect(sameName.json().error.fields).toEqual({ name: '企业名称：已有同名企业登记' });
    const english = await office.post('/api/enterprises', enterpriseBody({ name: first.name }), { headers: { 'accept-language': 'en-US' } });
    expect(english.json().error.fields.name).toMatch(/^Enterprise name /);
    const empty = await office.post('/api/enterprises', enterpriseBody({ name: '' }));
    expect(empty.json().error).toMatchObject({ message: '提交的内容有误，请检查：企业名称', fields: { name: '企业名称：必填' } });
  });

  it('checks references: an active industry of the list, a park that is a platform', async () => {
    await t.db.insert(industries).values({ code: 'retiredIndustry', name: '已停用行业', nameEn: 'Retired', active: false });
    const enterprise = await buildOrganisation(t.db);
    const response = await office.post('/api/enterprises', enterpriseBody({ industry: 'retiredIndustry', parkId: enterprise.id }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ industry: '产业：不在可选范围内', parkId: '所在园区/平台：不在可选范围内' });
    const unknown = await office.post('/api/enterprises', enterpriseBody({ industry: 'noSuchIndustry', parkId: randomUUID() }));
    expect(Object.keys(unknown.json().error.fields).sort()).toEqual(['industry', 'parkId']);
  });

  it('only the office registers enterprises: enterprise HR and department staff get 403', async () => {
    const hr = await t.login('enterprise');
    expect((await hr.post('/api/enterprises', enterpriseBody())).statusCode).toBe(403);
    expect((await (await t.login('department')).post('/api/enterprises', enterpriseBody())).statusCode).toBe(403);
  });
});

describe('the enterprise registry', () => {
  it('lists enterprises with staff counts, filters and sorts them, and never lists other kinds', async () => {
    const tag = randomUUID().slice(0, 8);
    const busy = (await office.post('/api/enterprises', enterpriseBody({ name: `筛选企业 A ${tag}`, industry: 'pumpsValves', chainSegment: 'upstream', parkId: park.id }))).json();
    const quiet = (await office.post('/api/enterprises', enterpriseBody({ name: `筛选企业 B ${tag}`, industry: 'pumpsValves', chainSegment: 'downstream' }))).json();
    await buildTalent(t.db, { employerId: busy.id });
    await buildTalent(t.db, { employerId: busy.id });
    await buildTalent(t.db, { employerId: busy.id, status: 'left' });
    await buildOrganisation(t.db, { kind: 'team', name: `筛选团队 ${tag}` });

    const all = await office.get('/api/enterprises', { query: { q: tag, sort: '-staff' } });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    expect(all.json().items.map((item: { name: string; staff: number; staffInZone: number }) => [item.name, item.staff, item.staffInZone])).toEqual([
      [busy.name, 3, 2],
      [quiet.name, 0, 0],
    ]);
    expect(all.json().items[0]).toMatchObject({ park: { id: park.id, name: park.name }, contactPhone: '139****5678', creditCode: busy.creditCode });
    expect(all.json().items[0]).not.toHaveProperty('version');

    const upstream = await office.get('/api/enterprises', { query: { q: tag, chainSegment: 'upstream' } });
    expect(upstream.json().items.map((item: { id: string }) => item.id)).toEqual([busy.id]);
    const inPark = await office.get('/api/enterprises', { query: { q: tag, parkId: park.id } });
    expect(inPark.json().items.map((item: { id: string }) => item.id)).toEqual([busy.id]);
    const byCode = await office.get('/api/enterprises', { query: { q: quiet.creditCode } });
    expect(byCode.json().items.map((item: { id: string }) => item.id)).toEqual([quiet.id]);
    const paged = await office.get('/api/enterprises', { query: { q: tag, sort: 'name', pageSize: '1', page: '2' } });
    expect(paged.json()).toMatchObject({ total: 2, items: [{ id: quiet.id }] });
    const byIndustry = await office.get('/api/enterprises', { query: { industry: 'pumpsValves', pageSize: '200' } });
    expect(byIndustry.json().items.every((item: { industry: string }) => item.industry === 'pumpsValves')).toBe(true);
    expect(byIndustry.json().items.map((item: { name: string }) => item.name)).toContain('泵阀集团');
  });

  it('answers 404 for an organisation that is not an enterprise and for an unknown id', async () => {
    expect((await office.get(`/api/enterprises/${park.id}`)).statusCode).toBe(404);
    expect((await office.get(`/api/enterprises/${randomUUID()}`)).json().error.code).toBe('notFound');
    const notEnterprise = await office.put(`/api/enterprises/${park.id}`, { ...enterpriseBody(), version: 1 });
    expect(notEnterprise.statusCode).toBe(404);
  });

  it('department staff and leaders read the registry but may not edit', async () => {
    const enterprise = (await office.post('/api/enterprises', enterpriseBody())).json();
    const department = await t.login('department');
    const read = await department.get(`/api/enterprises/${enterprise.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().permissions).toEqual({ edit: false });
    expect((await department.put(`/api/enterprises/${enterprise.id}`, { ...enterpriseBody(), version: 1 })).statusCode).toBe(403);
    expect((await (await t.login('leader')).get('/api/enterprises')).statusCode).toBe(200);
    expect((await (await t.login('talent')).get('/api/enterprises')).statusCode).toBe(403);
  });
});

describe('updating enterprises', () => {
  it('the office updates with the version read; the audit keeps a field diff with the phone masked', async () => {
    const created = (await office.post('/api/enterprises', enterpriseBody())).json();
    const body = { ...enterpriseBody({ name: `${created.name} 改`, creditCode: created.creditCode, contactPhone: '13700001111', parkId: park.id }), version: 1 };
    const response = await office.put(`/api/enterprises/${created.id}`, body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ name: body.name, version: 2, contactPhone: '137****1111', park: { id: park.id } });
    const audits = await auditFor(created.id);
    expect(audits.map((audit) => audit.action)).toEqual(['enterprise.create', 'enterprise.update']);
    expect(audits[1].changes).toEqual({
      name: { from: created.name, to: body.name },
      parkId: { from: null, to: park.id },
      contactPhone: '***',
    });
    // the same values again change nothing: no new version, no audit row
    const unchanged = await office.put(`/api/enterprises/${created.id}`, { ...body, version: 2 });
    expect(unchanged.json().version).toBe(2);
    expect(await auditFor(created.id)).toHaveLength(2);
  });

  it('answers 409 conflict to a stale version and keeps the newer data', async () => {
    const created = (await office.post('/api/enterprises', enterpriseBody())).json();
    const base = enterpriseBody({ name: created.name, creditCode: created.creditCode });
    expect((await office.put(`/api/enterprises/${created.id}`, { ...base, address: '第一次修改', version: 1 })).statusCode).toBe(200);
    const stale = await office.put(`/api/enterprises/${created.id}`, { ...base, address: '基于旧版本的修改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    expect((await office.get(`/api/enterprises/${created.id}`)).json()).toMatchObject({ address: '第一次修改', version: 2 });
  });

  it('enterprise HR edits its own enterprise (200) and gets 404 for any other', async () => {
    const own = await buildOrganisation(t.db);
    const other = await buildOrganisation(t.db);
    const hr = await enterpriseHr(own.id);
    expect((await hr.get(`/api/enterprises/${own.id}`)).json().permissions).toEqual({ edit: true });
    expect((await hr.get(`/api/enterprises/${other.id}`)).json().permissions).toEqual({ edit: false });
    const mine = await hr.put(`/api/enterprises/${own.id}`, { ...enterpriseBody({ name: own.name, creditCode: uniqueCreditCode() }), version: 1 });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ id: own.id, version: 2, industry: 'newEnergyBattery' });
    const theirs = await hr.put(`/api/enterprises/${other.id}`, { ...enterpriseBody({ name: other.name }), version: 1 });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('notFound');
    expect((await office.get(`/api/enterprises/${other.id}`)).json().version).toBe(1);
  });

  it('keeps an industry the office has since deactivated, but does not let an enterprise move to one', async () => {
    await t.db.insert(industries).values({ code: 'fadingIndustry', name: '待停用行业', nameEn: 'Fading', active: true });
    const created = (await office.post('/api/enterprises', enterpriseBody({ industry: 'fadingIndustry' }))).json();
    const other = (await office.post('/api/enterprises', enterpriseBody())).json();
    await t.db.update(industries).set({ active: false }).where(eq(industries.code, 'fadingIndustry'));
    const kept = await office.put(`/api/enterprises/${created.id}`, { ...enterpriseBody({ name: created.name, creditCode: created.creditCode, industry: 'fadingIndustry', address: '改了地址' }), version: 1 });
    expect(kept.statusCode, kept.body).toBe(200);
    const moved = await office.put(`/api/enterprises/${other.id}`, { ...enterpriseBody({ name: other.name, creditCode: other.creditCode, industry: 'fadingIndustry' }), version: 1 });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields).toEqual({ industry: '产业：不在可选范围内' });
  });

  it('checks the credit code against the other enterprises only', async () => {
    const first = (await office.post('/api/enterprises', enterpriseBody())).json();
    const second = (await office.post('/api/enterprises', enterpriseBody())).json();
    const keep = await office.put(`/api/enterprises/${first.id}`, { ...enterpriseBody({ name: first.name, creditCode: first.creditCode, address: '新地址' }), version: 1 });
    expect(keep.statusCode).toBe(200);
    const steal = await office.put(`/api/enterprises/${second.id}`, { ...enterpriseBody({ name: second.name, creditCode: first.creditCode }), version: 1 });
    expect(steal.statusCode).toBe(400);
    expect(steal.json().error.fields).toEqual({ creditCode: `统一社会信用代码：该统一社会信用代码已登记（${first.name}）` });
  });

  it('a contact phone left out stays as stored; a new one replaces it; null or an empty text clears it', async () => {
    const created = (await office.post('/api/enterprises', enterpriseBody())).json();
    const url = `/api/enterprises/${created.id}`;
    const stored = async () => {
      const [row] = await t.rows<{ contact_phone_cipher: string | null; contact_phone_masked: string | null }>(sql`select contact_phone_cipher, contact_phone_masked from organisations where id = ${created.id}`);
      return row.contact_phone_cipher ? t.app.secrets.decrypt(row.contact_phone_cipher) : null;
    };
    const { contactPhone: _masked, ...body } = enterpriseBody({ name: created.name, creditCode: created.creditCode });
    const kept = await office.put(url, { ...body, address: '新地址 8 号', version: created.version });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ contactPhone: '139****5678', address: '新地址 8 号' });
    expect(await stored()).toBe('13912345678');
    const [update] = (await auditFor(created.id)).filter((entry) => entry.action === 'enterprise.update');
    expect(update.changes).toEqual({ address: { from: '阳泉市高新区示例路 1 号', to: '新地址 8 号' } });

    // only the version: nothing changes, nothing is audited
    const same = await office.put(url, { version: kept.json().version });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ version: kept.json().version, address: '新地址 8 号', description: '钠离子电池材料' });

    const replaced = await office.put(url, { contactPhone: '13800001111', version: kept.json().version });
    expect(replaced.json().contactPhone).toBe('138****1111');
    expect(await stored()).toBe('13800001111');
    const cleared = await office.put(url, { contactPhone: '', version: replaced.json().version });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().contactPhone).toBeNull();
    expect(await stored()).toBeNull();
    await office.put(url, { contactPhone: '13800001111', version: cleared.json().version });
    const nulled = await office.put(url, { contactPhone: null, version: cleared.json().version + 1 });
    expect(nulled.json().contactPhone).toBeNull();
    const changes = (await auditFor(created.id)).filter((entry) => entry.action === 'enterprise.update').map((entry) => entry.changes);
    expect(changes.slice(-1)).toEqual([{ contactPhone: '***' }]);
  });
});
