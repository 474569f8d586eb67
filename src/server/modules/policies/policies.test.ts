import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../../domain/validators/id-number';
import { buildTalent, buildUser, factoryPassword } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Agent;
let department: Agent;
let finance: Agent;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  department = await t.login('department');
  finance = await t.login('finance');
});
afterAll(async () => t?.close());

let sequence = 0;
/** A fictitious young talent's ID number (Beijing area code: the demo data only uses Yangquan's, so no clash). */
function youngIdNumber(year = 1998) {
  const n = sequence++;
  const first17 = `110101${year}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (Math.floor(n / 12) % 28)).padStart(2, '0')}${String(100 + Math.floor(n / 336)).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

const master = { level: 'master', degree: 'master', school: '太原理工大学', major: '材料工程', graduationYear: 2023, fullTime: true, overseas: false } as const;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A young master's graduate in the zone with an account of their own, signed in. */
async function youngMaster(overrides: Record<string, unknown> = {}) {
  const talent = await buildTalent(t.db, { idNumber: youngIdNumber(), educations: [master], ...overrides });
  const user = await buildUser(t.db, { roles: ['talent'], talentId: talent.id });
  return { talent, agent: await t.login(user.username, factoryPassword) };
}

async function policyId(code: string) {
  const [row] = await t.rows<{ id: string }>(sql`select id from policies where code = ${code}`);
  return row.id;
}

async function upload(agent: Agent, requirement: string, bytes = pdf, type = 'application/pdf') {
  return agent.post('/api/attachments', bytes, { query: { requirement, fileName: '学位证书.pdf' }, headers: { 'content-type': type } });
}

describe('policy catalogue', () => {
  it('lists the published policies with their budget use; the living subsidy has paid the source’s ¥3,012,000', async () => {
    const list = await office.get('/api/policies', { query: { pageSize: '50' } });
    expect(list.statusCode).toBe(200);
    const living = list.json().items.find((item: { code: string }) => item.code === 'LIVING');
    expect(living.budget.paid).toBe(3_012_000);
    expect(living.budget.committed).toBeGreaterThan(3_012_000);
    expect(living.budget.remaining).toBe(living.budget.total - living.budget.committed);
    const detail = (await office.get(`/api/policies/${living.id}`)).json();
    expect(detail.published.number).toBe(1);
    expect(detail.parameters.find((parameter: { name: string }) => parameter.name === 'minEducation')).toMatchObject({ value: 6, kind: 'rank', fact: 'education' });
  });

  it('refuses a malformed rule at save time, naming the path of the bad node', async () => {
    const id = await policyId('APARTMENT');
    const detail = (await office.get(`/api/policies/${id}`)).json();
    const response = await office.put(`/api/policies/${id}/draft`, {
      ...detail.published,
      eligibility: { and: [{ '==': [{ var: 'status' }, 'inZone'] }, { '<': [{ var: 'age' }] }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.eligibility).toContain('and.1.<');
    const unknownFact = await office.put(`/api/policies/${id}/draft`, { ...detail.published, eligibility: { '==': [{ var: 'shoeSize' }, 42] } });
    expect(unknownFact.json().error.fields.eligibility).toContain('shoeSize');
  });

  it('a 免申即享 policy whose rule has no SQL form cannot be published, and says why', async () => {
    const id = await policyId('POSTDOC');
    const detail = (await office.get(`/api/policies/${id}`)).json();
    const draft = await office.put(`/api/policies/${id}/draft`, { ...detail.published, eligibility: { some: [{ var: 'tags' }, { '==': [{ var: '' }, '博士后'] }] } });
    expect(draft.statusCode).toBe(200);
    const publish = await office.post(`/api/policies/${id}/publish`);
    expect(publish.statusCode).toBe(400);
    expect(publish.json().error.fields.eligibility).toMatch(/免申即享/);
    // put the draft back to the published rule so the rest of the file scans the demo policy
    await office.put(`/api/policies/${id}/draft`, detail.published);
  });

  it('a new parameter value is dated: the old value stays in force before its date', async () => {
    const id = await policyId('INTERN');
    const response = await office.post(`/api/policies/${id}/parameters`, { name: 'monthly', label: '每月实习补贴', kind: 'yuan', value: 1200, effectiveFrom: '2027-01-01', legalReference: '阳高新办〔2026〕3号' });
    expect(response.statusCode).toBe(200);
    expect((await office.get(`/api/policies/${id}/parameters-on`, { query: { on: '2026-12-31' } })).json().monthly).toBe(1000);
    expect((await office.get(`/api/policies/${id}/parameters-on`, { query: { on: '2027-01-01' } })).json().monthly).toBe(1200);
    const again = await office.post(`/api/policies/${id}/parameters`, { name: 'monthly', label: '每月实习补贴', kind: 'yuan', value: 1300, effectiveFrom: '2027-01-01', legalReference: '重复' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.effectiveFrom).toBeTruthy();
  });
});

describe('calculator and applications', () => {
  it('the calculator shows each policy as eligible, not eligible or needing data, with the conditions in words', async () => {
    const { agent } = await youngMaster();
    const response = await agent.get('/api/calculator');
    expect(response.statusCode).toBe(200);
    const living = response.json().items.find((item: { policy: { code: string } }) => item.policy.code === 'LIVING');
    expect(living.status).toBe('eligible');
    expect(living.amount).toBe(1500);
    const postdoc = response.json().items.find((item: { policy: { code: string } }) => item.policy.code === 'POSTDOC');
    expect(postdoc.status).toBe('notEligible');
    expect(postdoc.explanation.unmet.map((node: { text: { 'zh-CN': string } }) => node.text['zh-CN']).join('')).toContain('博士后');
  });

  it('walks an application through two units: returned for correction, corrected, approved by both; entitlements and budget follow', async () => {
    const { talent, agent } = await youngMaster();
    const living = await policyId('LIVING');
    const before = (await office.get(`/api/policies/${living}`)).json().budget;

    const missing = await agent.post('/api/applications', { policyId: living, form: { note: '申请' } });
    expect(missing.statusCode).toBe(400);
    // the field is named 附件 / Attachments, never by its code
    expect(missing.json().error.fields.attachmentIds).toBe('附件：请上传“学历学位证书”');
    expect(missing.json().error.message).not.toMatch(/attachmentIds/);
    const missingInEnglish = await agent.post('/api/applications', { policyId: living, form: { note: '申请' } }, { headers: { 'accept-language': 'en-US' } });
    expect(missingInEnglish.json().error.fields.attachmentIds).toBe('Attachments missing: upload "学历学位证书"');
    expect(missingInEnglish.json().error.message).not.toMatch(/attachmentIds/);
    const file = await upload(agent, 'diploma');
    expect(file.statusCode).toBe(201);
    const submitted = await agent.post('/api/applications', { policyId: living, form: { note: '申请' }, attachmentIds: [file.json().id] });
    expect(submitted.statusCode).toBe(201);
    const id = submitted.json().id;
    expect((await agent.post('/api/applications', { policyId: living, form: {}, attachmentIds: [] })).statusCode).toBe(409);

    // 财政金融局 is the second step: not its turn yet
    expect((await finance.post(`/api/applications/${id}/review`, { decision: 'approve', version: 1 })).statusCode).toBe(409);
    expect((await department.post(`/api/applications/${id}/review`, { decision: 'return', version: 1 })).json().error.fields.comment).toBeTruthy();
    const returned = await department.post(`/api/applications/${id}/review`, { decision: 'return', comment: '请补充劳动合同', internalNote: '学历已核验', version: 1 });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().status).toBe('returned');
    // a second action on the stale version answers 409
    expect((await department.post(`/api/applications/${id}/review`, { decision: 'approve', version: 1 })).statusCode).toBe(409);

    const seen = (await agent.get(`/api/applications/${id}`)).json();
    expect(seen.history.find((entry: { action: string }) => entry.action === 'return')).toMatchObject({ comment: '请补充劳动合同', internalNote: null, actor: null });
    const notices = (await agent.get('/api/notifications')).json();
    expect(notices.items.some((item: { title: string }) => item.title.includes('退回补正'))).toBe(true);

    const contract = await upload(agent, 'contract');
    const resubmitted = await agent.post(`/api/applications/${id}/resubmit`, { form: { note: '已补充' }, attachmentIds: [contract.json().id], version: seen.version });
    expect(resubmitted.statusCode).toBe(200);
    const afterFirst = await department.post(`/api/applications/${id}/review`, { decision: 'approve', version: resubmitted.json().version });
    expect(afterFirst.json().currentStep.index).toBe(1);
    const approved = await finance.post(`/api/applications/${id}/review`, { decision: 'approve', version: afterFirst.json().version });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect(approved.json().entitlements).toHaveLength(36);

    const after = (await office.get(`/api/policies/${living}`)).json().budget;
    expect(after.committed - before.committed).toBe(36 * 1500);
    const ledger = (await agent.get('/api/entitlements', { query: { pageSize: '100' } })).json();
    expect(ledger.total).toBe(36);
    expect(ledger.items.every((item: { subject: { id: string } }) => item.subject.id === talent.id)).toBe(true);
    const audit = await t.rows<{ action: string }>(sql`select action from audit_log where target_id = ${id} order by id`);
    expect(audit.map((row) => row.action)).toEqual(['application.submit', 'application.return', 'application.resubmit', 'application.approve', 'application.approve']);
  });

  it('refuses an application the rule does not allow, with the reasons in words', async () => {
    const old = await buildTalent(t.db, { educations: [master] });
    const user = await buildUser(t.db, { roles: ['talent'], talentId: old.id });
    const agent = await t.login(user.username, factoryPassword);
    const response = await agent.post('/api/applications', { policyId: await policyId('LIVING'), form: {}, attachmentIds: [] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('policyNotEligible');
    expect(response.json().error.message).toContain('年龄');
  });

  it('judges attachments by their content, not their name or claimed type', async () => {
    const { agent } = await youngMaster();
    const fake = await upload(agent, 'diploma', Buffer.from('just text, not a PDF'), 'application/pdf');
    expect(fake.statusCode).toBe(415);
    const png = await upload(agent, 'diploma', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'application/octet-stream');
    expect(png.json().mediaType).toBe('image/png');
  });

  it('never over-commits a budget: an approval that would exceed it is refused and leaves nothing behind', async () => {
    const { agent } = await youngMaster({ tags: ['创业'] });
    const loan = await policyId('LOAN');
    await t.db.execute(sql`update policies set budget_total = (select coalesce(sum(amount), 0) from entitlements where policy_id = ${loan}) + 10000 where id = ${loan}`);
    const file = await upload(agent, 'loan');
    const submitted = (await agent.post('/api/applications', { policyId: loan, form: {}, attachmentIds: [file.json().id] })).json();
    const refused = await finance.post(`/api/applications/${submitted.id}/review`, { decision: 'approve', version: submitted.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('budgetExceeded');
    const [state] = await t.rows<{ status: string; granted: number }>(sql`select status, (select count(*)::int from entitlements where application_id = ${submitted.id}) as granted from applications where id = ${submitted.id}`);
    expect(state).toEqual({ status: 'inReview', granted: 0 });
  });
});

describe('disbursement', () => {
  it('a batch has control totals, is created once per idempotency key, and refuses the key with another body', async () => {
    const living = await policyId('LIVING');
    const [due] = await t.rows<{ period: string; count: number; total: number }>(sql`
      select period, count(*)::int as count, sum(amount)::int as total from entitlements where policy_id = ${living} and status = 'scheduled'
      group by period order by period limit 1`);
    const key = `batch-${due.period}-${Date.now()}`;
    const created = await office.post(`/api/policies/${living}/batches`, { period: due.period }, { headers: { 'idempotency-key': key } });
    expect(created.statusCode).toBe(200);
    const batch = created.json();
    const paused = batch.control.count < due.count;
    expect(batch.control.total).toBe(batch.payments.reduce((sum: number, payment: { amount: number }) => sum + payment.amount, 0));
    if (!paused) expect(batch.control).toEqual({ count: due.count, total: due.total });
    const again = await office.post(`/api/policies/${living}/batches`, { period: due.period }, { headers: { 'idempotency-key': key } });
    expect(again.json().id).toBe(batch.id);
    expect((await office.post(`/api/policies/${living}/batches`, { period: '2099-01' }, { headers: { 'idempotency-key': key } })).statusCode).toBe(422);
    const [{ batches }] = await t.rows<{ batches: number }>(sql`select count(*)::int as batches from disbursement_batches where policy_id = ${living} and period = ${due.period} and status = 'open'`);
    expect(batches).toBe(1);

    const [first, second, ...rest] = batch.payments as { entitlementId: string }[];
    const results = [{ entitlementId: first.entitlementId, status: 'paid' }, { entitlementId: second.entitlementId, status: 'failed', reason: '账户已销户' }, ...rest.map((payment) => ({ entitlementId: payment.entitlementId, status: 'paid' }))];
    const settleKey = `settle-${batch.id}`;
    const settled = await office.post(`/api/batches/${batch.id}/payments`, { results }, { headers: { 'idempotency-key': settleKey } });
    expect(settled.statusCode).toBe(200);
    expect(settled.json().status).toBe('closed');
    expect(settled.json().settled.failed).toBeGreaterThan(0);
    expect((await office.post(`/api/batches/${batch.id}/payments`, { results }, { headers: { 'idempotency-key': settleKey } })).json().id).toBe(batch.id);
    // the failed payment is retried in the next batch of the period
    const retry = await office.post(`/api/policies/${living}/batches`, { period: due.period }, { headers: { 'idempotency-key': `${key}-retry` } });
    expect(retry.json().payments.map((payment: { entitlementId: string }) => payment.entitlementId)).toEqual([second.entitlementId]);
    const exported = await office.get(`/api/batches/${retry.json().id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('免申即享 and simulation', () => {
  it('a scan grants the policy to exactly the eligible talents not yet enrolled; a second scan finds no one new; a talent may decline', async () => {
    const postdoc = await policyId('POSTDOC');
    // a new 博士后 with an account: the demo's own may already have been granted by its daily scan
    const fresh = await buildTalent(t.db, { idNumber: youngIdNumber(1992), tags: ['博士后'] });
    const user = await buildUser(t.db, { roles: ['talent'], talentId: fresh.id });
    const [expected] = await t.rows<{ count: number }>(sql`select count(*)::int as count from talents where '博士后' = any(tags) and status <> 'left'
      and id not in (select subject_id from entitlements where policy_id = ${postdoc})`);
    expect(expected.count).toBeGreaterThan(0);
    // room in the budget for all of them, whatever the demo has granted
    await t.db.execute(sql`update policies set budget_total = (select coalesce(sum(amount), 0) from entitlements where policy_id = ${postdoc}) + ${50_000 * expected.count} where id = ${postdoc}`);
    const pendingBefore = (await office.get('/api/entitlements', { query: { policyId: postdoc, status: 'pending', pageSize: '1' } })).json().total;
    const scan = await office.post(`/api/policies/${postdoc}/scan`, {});
    expect(scan.statusCode).toBe(200);
    expect(scan.json().granted).toBe(expected.count);
    expect((await office.post(`/api/policies/${postdoc}/scan`, {})).json().granted).toBe(0);

    const pending = (await office.get('/api/entitlements', { query: { policyId: postdoc, status: 'pending', pageSize: '200' } })).json();
    expect(pending.total).toBe(pendingBefore + expected.count);
    expect(pending.items[0].decision.explanation.eligible).toBe(true);
    const agent = await t.login(user.username, factoryPassword);
    expect((await agent.get('/api/notifications')).json().items[0]).toMatchObject({ kind: 'automatic', title: '已为您免申兑现：博士后工作站进站奖励', body: '一次性 50,000 元，无需申请；如不需要可放弃' });
    expect((await agent.get('/api/notifications', { headers: { 'accept-language': 'en-US' } })).json().items[0]).toMatchObject({
      title: 'Granted to you without application: 博士后工作站进站奖励',
      body: '¥50,000 once, no application needed; you may decline it',
    });
    const mine = (await agent.get('/api/entitlements', { query: { policyId: postdoc } })).json().items[0];
    expect((await agent.post(`/api/entitlements/${mine.id}/decline`)).json().declined).toBe(1);
    const confirmed = await office.post('/api/entitlements/confirm', { ids: pending.items.map((item: { id: string }) => item.id) });
    expect(confirmed.json().confirmed).toBe(pending.total - 1);
  });

  it('a simulation of a lower education threshold counts the newly eligible and the cost, and is saved', async () => {
    const living = await policyId('LIVING');
    const run = await office.post(`/api/policies/${living}/simulations`, { name: '本科及以上', asOf: '2026-11-01', params: { minEducation: 5 } });
    expect(run.statusCode).toBe(201);
    const { result } = run.json();
    expect(result.variant.eligible).toBeGreaterThan(result.baseline.eligible);
    expect(result.newlyEligible.count).toBe(result.variant.eligible - result.baseline.eligible);
    expect(result.noLongerEligible.count).toBe(0);
    expect(result.variant.total).toBe(result.variant.perPeriod * 36);
    const bachelors = result.breakdown.education.find((row: { key: string }) => row.key === '5');
    expect(bachelors.baseline).toBe(0);
    expect(bachelors.variant).toBe(result.newlyEligible.count);
    expect((await office.get(`/api/policies/${living}/simulations`)).json()[0].id).toBe(run.json().id);
  });
});

describe('language of the answers', () => {
  const english = { headers: { 'accept-language': 'en-US' } };
  const chinese = { headers: { 'accept-language': 'zh-CN' } };

  it('a bad rule is refused in the language of the request, naming the path of the bad node', async () => {
    const id = await policyId('APARTMENT');
    const detail = (await office.get(`/api/policies/${id}`)).json();
    const draft = { ...detail.published, eligibility: { and: [{ '==': [{ var: 'status' }, 'inZone'] }, { '<': [{ var: 'age' }] }] } };
    const inEnglish = await office.put(`/api/policies/${id}/draft`, draft, english);
    expect(inEnglish.statusCode).toBe(400);
    expect(inEnglish.json().error.fields.eligibility).toBe('Eligibility rule the rule is invalid at and.1.<: "<" takes 2–3 argument(s), got 1');
    const inChinese = await office.put(`/api/policies/${id}/draft`, draft, chinese);
    expect(inChinese.json().error.fields.eligibility).toBe('申请条件：规则有误（and.1.<）："<"需要 2–3 个参数，实际为 1 个');
    // the builder's live count checks the rule the same way
    const count = await office.post('/api/policies/match-count', { target: 'talent', eligibility: { frobnicate: [1] } }, english);
    expect(count.json().error.fields.eligibility).toBe('Eligibility rule the rule is invalid at frobnicate: unknown operator "frobnicate"');
  });

  it('a 免申即享 rule without a SQL form is explained in the language of the request', async () => {
    const id = await policyId('POSTDOC');
    const detail = (await office.get(`/api/policies/${id}`)).json();
    expect((await office.put(`/api/policies/${id}/draft`, { ...detail.published, eligibility: { some: [{ var: 'tags' }, { '==': [{ var: '' }, '博士后'] }] } })).statusCode).toBe(200);
    const inEnglish = await office.post(`/api/policies/${id}/publish`, undefined, english);
    expect(inEnglish.json().error.fields.eligibility).toMatch(/^Eligibility rule an automatic policy needs a rule the database can scan \(some\): "some" has no SQL translation$/);
    const inChinese = await office.post(`/api/policies/${id}/publish`, undefined, chinese);
    expect(inChinese.json().error.fields.eligibility).toMatch(/（some）："some"无法转换为 SQL$/);
    await office.put(`/api/policies/${id}/draft`, detail.published);
  });

  it('a refusal for missing data names the facts in the language of the request', async () => {
    const { agent } = await youngMaster({ educations: [] });
    const living = await policyId('LIVING');
    const inEnglish = await agent.post('/api/applications', { policyId: living, form: {}, attachmentIds: [] }, english);
    expect(inEnglish.statusCode).toBe(400);
    expect(inEnglish.json().error).toMatchObject({ code: 'policyMissingData', message: 'The profile lacks facts the rule needs: Education. Complete the profile first' });
    const inChinese = await agent.post('/api/applications', { policyId: living, form: {}, attachmentIds: [] }, chinese);
    expect(inChinese.json().error.message).toBe('档案缺少判断所需的信息：学历。请先完善人才档案');
  });

  it('a refusal for unmet conditions and a refusal for the state say them in the language of the request', async () => {
    const old = await buildTalent(t.db, { educations: [master] });
    const user = await buildUser(t.db, { roles: ['talent'], talentId: old.id });
    const agent = await t.login(user.username, factoryPassword);
    const refused = await agent.post('/api/applications', { policyId: await policyId('LIVING'), form: {}, attachmentIds: [] }, english);
    expect(refused.json().error.code).toBe('policyNotEligible');
    expect(refused.json().error.message).toMatch(/^Not eligible: .*Age/);
    expect(refused.json().error.message).not.toMatch(/[\u4e00-\u9fff]/);

    const { agent: applicant } = await youngMaster();
    const file = await upload(applicant, 'diploma');
    const submitted = (await applicant.post('/api/applications', { policyId: await policyId('LIVING'), form: {}, attachmentIds: [file.json().id] })).json();
    const withdrawn = (await applicant.post(`/api/applications/${submitted.id}/withdraw`, { version: submitted.version })).json();
    const again = await applicant.post(`/api/applications/${submitted.id}/withdraw`, { version: withdrawn.version }, english);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('The application is "withdrawn"; this action is not possible now');
    expect((await applicant.post(`/api/applications/${submitted.id}/withdraw`, { version: withdrawn.version }, chinese)).json().error.message).toBe('申请当前状态为“已撤回”，不能执行此操作');
  });

  it('a talent reads the same notification in Chinese and in English; a row written before keeps its stored texts', async () => {
    const { agent } = await youngMaster();
    const living = await policyId('LIVING');
    const file = await upload(agent, 'diploma');
    const submitted = (await agent.post('/api/applications', { policyId: living, form: {}, attachmentIds: [file.json().id] })).json();
    const returned = await department.post(`/api/applications/${submitted.id}/review`, { decision: 'return', comment: '请补充劳动合同', version: submitted.version });
    expect(returned.statusCode).toBe(200);
    const link = `/applications/${submitted.id}`;

    const inChinese = (await agent.get('/api/notifications', chinese)).json();
    const inEnglish = (await agent.get('/api/notifications', english)).json();
    const zh = inChinese.items.find((item: { link: string }) => item.link === link);
    const en = inEnglish.items.find((item: { link: string }) => item.link === link);
    expect(zh).toMatchObject({ kind: 'returned', title: `申请被退回补正：${submitted.policy.title}`, body: '请补充劳动合同', read: false });
    expect(en).toMatchObject({ id: zh.id, kind: 'returned', title: `Returned for correction: ${submitted.policy.title}`, body: '请补充劳动合同', read: false });
    // stored: the kind and its values, and the Chinese texts
    const [row] = await t.rows<{ params: Record<string, unknown>; title: string }>(sql`select params, title from notifications where id = ${zh.id}`);
    expect(row).toEqual({ params: { policy: submitted.policy.title, comment: '请补充劳动合同' }, title: zh.title });

    // the reviewers were told in their language too (the submission, with the applicant's name)
    const review = (await department.get('/api/notifications', english)).json().items.find((item: { link: string; kind: string }) => item.link === link && item.kind === 'review');
    expect(review).toMatchObject({ title: `To review: ${submitted.policy.title}`, body: `${submitted.subject.name} applied` });

    const [{ id: userId }] = await t.rows<{ id: string }>(sql`select id from users where talent_id = ${submitted.subject.id}`);
    await t.db.execute(sql`insert into notifications (id, user_id, kind, title, body, link) values (gen_random_uuid(), ${userId}, 'approved', '申请已通过：旧消息', '每期 1500 元', '/old')`);
    const old = (await agent.get('/api/notifications', english)).json().items.find((item: { link: string }) => item.link === '/old');
    expect(old).toMatchObject({ kind: 'approved', title: '申请已通过：旧消息', body: '每期 1500 元' });
  });

  it('an applicant sees the units of each review step by name in both languages', async () => {
    const { agent } = await youngMaster();
    const file = await upload(agent, 'diploma');
    const submitted = (await agent.post('/api/applications', { policyId: await policyId('LIVING'), form: {}, attachmentIds: [file.json().id] })).json();
    const detail = await agent.get(`/api/applications/${submitted.id}`);
    expect(detail.statusCode).toBe(200);
    const units = await t.rows<{ code: string; name: string; nameEn: string }>(sql`select code, name, name_en as "nameEn" from units where code in ('U06', 'U07')`);
    const byCode = (code: string) => units.find((unit) => unit.code === code);
    const steps = detail.json().steps as { units: string[]; unitNames: { code: string; name: string; nameEn: string }[] }[];
    expect(steps.map((step) => step.units)).toEqual([['U07'], ['U06']]);
    // a monthly policy: one application (round `once`) covers the whole entitlement period
    expect(detail.json()).toMatchObject({ round: 'once', periodKind: 'monthly' });
    expect(steps.map((step) => step.unitNames)).toEqual([[byCode('U07')], [byCode('U06')]]);
    expect(byCode('U07')!.name).not.toBe(byCode('U07')!.nameEn);
  });
});

describe('response contracts', () => {
  it('the OpenAPI document describes the policy responses field by field, and every reference resolves', async () => {
    const document = (await t.anonymous().get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const ok = (path: string, method: string, status = '200') => document.paths[path][method].responses[status].content!['application/json'].schema;
    const propertiesOf = (schema: Record<string, unknown>) => Object.keys((schema.properties ?? (schema.items as Record<string, unknown>).properties) as object);
    expect(propertiesOf(ok('/api/calculator', 'get'))).toEqual(['subject', 'asOf', 'items']);
    expect(propertiesOf(ok('/api/batches', 'get'))).toContain('policyTitle');
    expect(propertiesOf(ok('/api/policies/{id}/scans', 'get'))).toContain('trigger');
    expect(propertiesOf(ok('/api/notifications', 'get'))).toEqual(['items', 'total', 'unread']);
    expect(propertiesOf(ok('/api/applications/{id}', 'get'))).toContain('permissions');
    expect(propertiesOf(ok('/api/policies/{id}', 'get'))).toContain('parameters');
    expect(propertiesOf(ok('/api/batches/{id}', 'get'))).toContain('payments');
    expect(propertiesOf(ok('/api/policies/{id}/simulations', 'post', '201'))).toContain('result');
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(0);
    for (const name of references) expect(document.components.schemas[name]).toBeTruthy();
  });
});
