import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleLimits } from '../../../domain/rules';
import { buildTalent, buildUser, factoryPassword, uniqueIdNumber } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { removeStaleUploads, uploadQuota } from './attachments.service';

let t: TestApp;
let office: Agent;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

const system = { userId: null, username: 'system', role: null, ip: null };
async function policyId(code: string) {
  const [row] = await t.rows<{ id: string }>(sql`select id from policies where code = ${code}`);
  return row.id;
}
/** A PDF no other test uploads (files are shared by hash in the data directory). */
const uniquePdf = () => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(16), Buffer.from('\n%%EOF\n')]);
const upload = (agent: Agent, bytes: Buffer | string, type = 'application/pdf') =>
  agent.post('/api/attachments', bytes, { query: { requirement: 'diploma', fileName: '学位证书.pdf' }, headers: { 'content-type': type } });
async function talentAgent() {
  const talent = await buildTalent(t.db, { idNumber: uniqueIdNumber() });
  const user = await buildUser(t.db, { roles: ['talent'], talentId: talent.id });
  return { user, agent: await t.login(user.username, factoryPassword) };
}
/** A rule nested `levels` operations deep: about twice as many JSON levels, within the app's nesting limit. */
function nested(levels: number): unknown {
  let rule: unknown = true;
  for (let level = 0; level < levels; level += 1) rule = { '!': [rule] };
  return rule;
}

describe('rules are limited in depth and size before anything recursive runs', () => {
  it('match-count, simulations and the draft refuse a rule deeper than the limit, naming the field', async () => {
    const id = await policyId('LIVING');
    const deep = nested(ruleLimits.depth);
    const count = await office.post('/api/policies/match-count', { target: 'talent', eligibility: deep });
    expect(count.statusCode, count.body).toBe(400);
    expect(count.json().error.fields.eligibility).toContain(`规则嵌套超过 ${ruleLimits.depth} 层`);
    const simulation = await office.post(`/api/policies/${id}/simulations`, { name: '深规则', asOf: '2026-11-01', amount: deep });
    expect(simulation.statusCode).toBe(400);
    expect(Object.keys(simulation.json().error.fields)).toEqual(['amount']);
    const detail = (await office.get(`/api/policies/${id}`)).json();
    const draft = await office.put(`/api/policies/${id}/draft`, { ...detail.published, eligibility: deep }, { headers: { 'accept-language': 'en-US' } });
    expect(draft.statusCode).toBe(400);
    expect(draft.json().error.fields.eligibility).toContain(`nests deeper than ${ruleLimits.depth} levels`);
  });

  it('a rule of 3,000 values is refused; a modest one is counted as before', async () => {
    const many = { in: [{ var: 'talent.tier' }, Array.from({ length: 3_000 }, (_, index) => `T${index}`)] };
    const refused = await office.post('/api/policies/match-count', { target: 'talent', eligibility: many });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.eligibility).toContain('2000');
    const fine = await office.post('/api/policies/match-count', { target: 'talent', eligibility: nested(4) });
    expect(fine.statusCode, fine.body).toBe(200);
  });
});

describe('policy document links are http(s) only', () => {
  it('refuses javascript: and other schemes, naming 文件链接', async () => {
    const id = await policyId('LIVING');
    const detail = (await office.get(`/api/policies/${id}`)).json();
    const catalogue = { code: detail.code, title: detail.title, documentNo: detail.documentNo, summary: detail.summary, category: detail.category, target: detail.target, unit: detail.unit.code, mode: detail.mode, budgetTotal: detail.budget.total, effectiveFrom: detail.effectiveFrom, effectiveTo: detail.effectiveTo, exclusions: detail.exclusions, version: detail.version };
    for (const documentUrl of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      const response = await office.put(`/api/policies/${id}`, { ...catalogue, documentUrl });
      expect(response.statusCode, documentUrl).toBe(400);
      expect(response.json().error.fields.documentUrl).toBe('文件链接：应为 http:// 或 https:// 开头的网址');
    }
    const https = await office.put(`/api/policies/${id}`, { ...catalogue, documentUrl: 'https://www.yq.gov.cn/policy.pdf' });
    expect(https.statusCode, https.body).toBe(200);
  });
});

describe('attachments', () => {
  it('JSON, or no body at all, is a 415 in the error shape (JSON was a 500)', async () => {
    const { agent } = await talentAgent();
    const json = await agent.post('/api/attachments', { bytes: 'JVBERi0=' }, { query: { requirement: 'diploma', fileName: 'a.pdf' } });
    expect(json.statusCode, json.body).toBe(415);
    expect(json.json().error.code).toBe('attachmentType');
    const empty = await agent.post('/api/attachments', undefined, { query: { requirement: 'diploma', fileName: 'a.pdf' } });
    expect(empty.statusCode, empty.body).toBe(415);
  });

  it(`at most ${uploadQuota.unattached} uploads wait unattached per person: the next is a 429 and nothing is stored`, async () => {
    const { user, agent } = await talentAgent();
    for (let index = 0; index < uploadQuota.unattached; index += 1) expect((await upload(agent, uniquePdf())).statusCode).toBe(201);
    const refused = await upload(agent, uniquePdf());
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'attachmentQuota' });
    expect(refused.json().error.message).toContain(String(uploadQuota.unattached));
    const [stored] = await t.rows<{ count: number }>(sql`select count(*)::int as count from application_attachments where uploaded_by = ${user.id}`);
    expect(stored.count).toBe(uploadQuota.unattached);
    // another person is not held back by it
    expect((await upload((await talentAgent()).agent, uniquePdf())).statusCode).toBe(201);
  });

  it(`at most ${uploadQuota.bytesPerDay / 1024 / 1024} MB per person in 24 hours`, async () => {
    const { user, agent } = await talentAgent();
    // the day's earlier uploads, already attached: only their bytes count
    await t.db.execute(sql`insert into application_attachments (id, requirement, file_name, media_type, size, sha256, uploaded_by, application_id)
      select gen_random_uuid(), 'diploma', 'earlier.pdf', 'application/pdf', ${uploadQuota.bytesPerDay - 10}, 'none', ${user.id}, id from applications limit 1`);
    const refused = await upload(agent, uniquePdf());
    expect(refused.statusCode).toBe(429);
    await t.db.execute(sql`update application_attachments set created_at = now() - interval '25 hours' where uploaded_by = ${user.id}`);
    expect((await upload(agent, uniquePdf())).statusCode).toBe(201);
  });

  it('uploads never attached are removed after 24 hours, rows and files, audited; attached and recent ones stay', async () => {
    const { user, agent } = await talentAgent();
    const stale = (await upload(agent, uniquePdf())).json();
    const recent = (await upload(agent, uniquePdf())).json();
    const attached = (await upload(agent, uniquePdf())).json();
    const [application] = await t.rows<{ id: string }>(sql`select id from applications limit 1`);
    await t.db.execute(sql`update application_attachments set application_id = ${application.id} where id = ${attached.id}`);
    await t.db.execute(sql`update application_attachments set created_at = now() - interval '25 hours' where id in (${stale.id}, ${attached.id})`);
    const files = await t.rows<{ id: string; sha256: string }>(sql`select id, sha256 from application_attachments where uploaded_by = ${user.id}`);
    const fileOf = (id: string) => join(t.config.dataDir, 'attachments', files.find((file) => file.id === id)!.sha256);
    expect(existsSync(fileOf(stale.id))).toBe(true);

    const { removed } = await removeStaleUploads(t.db, t.config.dataDir, system);
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = await t.rows<{ id: string }>(sql`select id from application_attachments where uploaded_by = ${user.id}`);
    expect(left.map((row) => row.id).sort()).toEqual([recent.id, attached.id].sort());
    expect(existsSync(fileOf(stale.id))).toBe(false);
    expect(existsSync(fileOf(recent.id))).toBe(true);
    expect(existsSync(fileOf(attached.id))).toBe(true);
    const [audit] = await t.rows<{ actor_username: string; changes: { removed: number } }>(sql`select actor_username, changes from audit_log where action = 'attachment.cleanup' order by id desc limit 1`);
    expect(audit).toMatchObject({ actor_username: 'system', changes: { removed } });
    expect((await agent.get(`/api/attachments/${stale.id}`)).statusCode).toBe(404);
  });
});
