import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLoansHelped } from '../../db/demo/loans';
import { buildOrganisation, buildTalent, buildUser, factoryPassword } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let office: Agent;
let leader: Agent;
let department: Agent;
let finance: Agent;
let talent: Agent;
let otherTalent: Agent;
let enterprise: Agent;
let talentId: string;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  [office, leader, department, finance] = await Promise.all(['office', 'leader', 'department', 'finance'].map((name) => t.login(name)));
  // a talent who came on their own (自主来区): the LOAN policy's rule makes them eligible for the subsidy
  talentId = (await buildTalent(t.db, { arrivalRoute: 'selfArrived' })).id;
  talent = await t.login((await buildUser(t.db, { roles: ['talent'], talentId })).username, factoryPassword);
  otherTalent = await t.login((await buildUser(t.db, { roles: ['talent'] })).username, factoryPassword);
  const organisation = await buildOrganisation(t.db);
  enterprise = await t.login((await buildUser(t.db, { roles: ['enterprise'], organisationId: organisation.id })).username, factoryPassword);
});
afterAll(async () => t?.close());

const application = { bankCode: 'icbc', guarantorCode: 'yqGuarantee', loanAmount: 200_000, termMonths: 24, subsidyRate: 3, purpose: '创办工业软件工作室，购置设备' };

describe('start-up loans on the case engine', () => {
  it('refuses a bad application with a field error on each bad field, and saves nothing', async () => {
    const before = await t.rows<{ count: number }>(sql`select count(*)::int as count from loans`);
    const response = await talent.post('/api/loans', { ...application, bankCode: 'nope', guarantorCode: 'icbc', loanAmount: 500_000 });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields).sort()).toEqual(['bankCode', 'guarantorCode', 'loanAmount']);
    expect(response.json().error.fields.loanAmount).toContain('300,000');
    const schema = await talent.post('/api/loans', { ...application, termMonths: 60, subsidyRate: 9 });
    expect(schema.statusCode).toBe(400);
    expect(Object.keys(schema.json().error.fields).sort()).toEqual(['subsidyRate', 'termMonths']);
    const after = await t.rows<{ count: number }>(sql`select count(*)::int as count from loans`);
    expect(after[0].count).toBe(before[0].count);
  });

  it('goes through its stages in order, with stage data checked at each, a return for 补正, and the subsidy on the ledger once', async () => {
    const file = (await talent.post('/api/attachments', pdf, { query: { requirement: 'loan', fileName: '贷款合同.pdf' }, headers: { 'content-type': 'application/pdf' } })).json().id as string;
    const created = await talent.post('/api/loans', { ...application, attachmentIds: [file] });
    expect(created.statusCode).toBe(201);
    let loan = created.json();
    expect(loan).toMatchObject({ status: 'inReview', stage: 'accept', unitNames: [{ code: 'U07' }], bank: { code: 'icbc', name: '中国工商银行阳泉分行' }, subsidyRate: 3, subsidy: null });
    expect(loan.stages.map((stage: { stage: string; state: string }) => `${stage.stage}:${stage.state}`)).toEqual(['accept:current', 'bankApproval:waiting', 'disbursement:waiting', 'subsidy:waiting', 'settlement:waiting']);
    expect(loan.attachments.map((item: { id: string }) => item.id)).toEqual([file]);

    // 受理 belongs to 人社局: 财政金融局 cannot skip ahead
    const early = await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version, data: { approvedAmount: 200_000, bankReference: 'X' } });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'caseNotYourStep']);
    // the unit's 待办 holds it, as every case type
    const todo = (await department.get('/api/cases/inbox', { query: { tab: 'todo', pageSize: '200' } })).json();
    expect(todo.items.find((item: { id: string }) => item.id === loan.id)).toMatchObject({ type: 'loan', link: `/loans/${loan.id}` });
    loan = (await department.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', comment: '材料齐全，予以受理', version: loan.version })).json();
    expect(loan).toMatchObject({ stage: 'bankApproval', unitNames: [{ code: 'U06' }] });

    // 银行审批: its data is required, another stage's is refused, the amount cannot exceed what was applied for; nothing is saved
    const missing = await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version, data: { disbursedOn: beijingToday() } });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(['data.approvedAmount', 'data.bankReference', 'data.disbursedOn']);
    const tooMuch = await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version, data: { approvedAmount: 250_000, bankReference: 'ICBC-2026-001' } });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.fields['data.approvedAmount']).toContain('200,000');
    expect((await finance.get(`/api/loans/${loan.id}`)).json()).toMatchObject({ stage: 'bankApproval', approvedAmount: null, version: loan.version });
    loan = (await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version, data: { approvedAmount: 180_000, bankReference: 'ICBC-2026-001' } })).json();
    expect(loan).toMatchObject({ stage: 'disbursement', approvedAmount: 180_000, bankReference: 'ICBC-2026-001' });

    // 放款 returned for 补正; the applicant resubmits and the same stage starts over
    const returned = await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'return', comment: '请补充担保合同', internalNote: '担保机构尚未出函', version: loan.version });
    expect(returned.json()).toMatchObject({ status: 'returned', stage: 'disbursement' });
    const seen = (await talent.get(`/api/loans/${loan.id}`)).json();
    expect(seen.permissions.resubmit).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('担保机构尚未出函');
    loan = (await talent.post(`/api/loans/${loan.id}/resubmit`, { version: returned.json().version })).json();
    expect(loan).toMatchObject({ status: 'inReview', stage: 'disbursement' });
    const future = await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version, data: { disbursedAmount: 190_000, disbursedOn: '2099-01-01' } });
    expect(Object.keys(future.json().error.fields).sort()).toEqual(['data.disbursedAmount', 'data.disbursedOn']);
    loan = (await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version, data: { disbursedAmount: 180_000, disbursedOn: beijingToday() } })).json();
    expect(loan).toMatchObject({ stage: 'subsidy', disbursedAmount: 180_000, disbursedOn: beijingToday() });

    // 贴息: balance × rate = 5,400 a year (under the policy's 9,000 cap), for the two years of the term
    loan = (await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version })).json();
    const year = Number(beijingToday().slice(0, 4));
    expect(loan.stage).toBe('settlement');
    expect(loan.subsidy).toMatchObject({ eligible: true, balance: 180_000, total: 10_800 });
    expect(loan.subsidy.basis['zh-CN']).toContain('180,000 元 × 贴息利率 3% = 5,400 元/年');
    expect(loan.subsidy.entitlements.map((entry: { period: string; amount: number; status: string }) => `${entry.period} ${entry.amount} ${entry.status}`)).toEqual([`${year} 5400 scheduled`, `${year + 1} 5400 scheduled`]);
    // on the ledger, once, as LOAN entitlements that name the loan
    const ledger = (await office.get('/api/entitlements', { query: { subjectId: talentId, pageSize: '200' } })).json();
    expect(ledger.items).toHaveLength(2);
    for (const row of ledger.items) expect(row).toMatchObject({ policy: { code: 'LOAN' }, amount: 5400, loan: { id: loan.id, amount: 180_000, bank: { code: 'icbc' } } });
    expect((await talent.get('/api/entitlements')).json().items.filter((row: { loan: unknown }) => row.loan)).toHaveLength(2);
    // the subsidy cannot be granted again: 贴息 is done, and its data is not the settlement's
    const again = await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version, data: { balance: 100_000 } });
    expect(again.statusCode).toBe(400);
    expect(Object.keys(again.json().error.fields).sort()).toEqual(['data.balance', 'data.settledOn']);
    const [{ count }] = await t.rows<{ count: number }>(sql`select count(*)::int as count from entitlements where application_id = ${loan.id}`);
    expect(count).toBe(2);

    // 结清 completes the case
    loan = (await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version, data: { settledOn: beijingToday() } })).json();
    expect(loan).toMatchObject({ status: 'approved', stage: 'settled', settledOn: beijingToday() });
    expect(loan.stages.every((stage: { state: string }) => stage.state === 'done')).toBe(true);
    const audit = await t.rows<{ action: string }>(sql`select action from audit_log where target_id = ${loan.id} order by seq`);
    expect(audit.map((row) => row.action)).toEqual(['loan.submit', 'loan.approve', 'loan.approve', 'loan.return', 'loan.resubmit', 'loan.approve', 'loan.approve', 'loan.approve']);
  });

  it('grants an enterprise’s loan no subsidy under a talents’ policy, and says why', async () => {
    let loan = (await enterprise.post('/api/loans', { ...application, loanAmount: 1_000_000 })).json();
    loan = (await department.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version })).json();
    loan = (await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version, data: { approvedAmount: 1_000_000, bankReference: 'B-1' } })).json();
    loan = (await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version, data: { disbursedAmount: 1_000_000, disbursedOn: beijingToday() } })).json();
    loan = (await finance.post(`/api/loans/${loan.id}/stage`, { decision: 'approve', version: loan.version })).json();
    expect(loan).toMatchObject({ stage: 'settlement', subsidy: { eligible: false, total: 0, entitlements: [] } });
    expect(loan.subsidy.reasons['zh-CN']).toContain('面向人才个人');
  });

  it('shows an applicant their own loans only: another’s answers 404 and is not listed', async () => {
    const own = (await talent.get('/api/loans')).json();
    expect(own.items.length).toBeGreaterThan(0);
    const id = own.items[0].id as string;
    expect((await otherTalent.get(`/api/loans/${id}`)).statusCode).toBe(404);
    expect((await otherTalent.get('/api/loans')).json().items).toEqual([]);
    expect((await otherTalent.post(`/api/loans/${id}/withdraw`, { version: 1 })).statusCode).toBe(404);
    expect((await enterprise.get(`/api/loans/${id}`)).statusCode).toBe(404);
  });

  it('totals by year and by bank equal the sums of the loans on record (the demo’s ¥16,320,000 and the ones above)', async () => {
    const totals = (await office.get('/api/loans/totals')).json();
    const [direct] = await t.rows<{ count: number; amount: string; paid: string }>(sql`select count(*)::int as count, sum(disbursed_amount)::bigint as amount,
      (select coalesce(sum(e.amount), 0) from entitlements e join loans l on l.case_id = e.application_id where e.status = 'paid')::bigint as paid
      from loans where disbursed_on is not null`);
    expect(totals.total).toMatchObject({ count: direct.count, amount: Number(direct.amount), subsidyPaid: Number(direct.paid) });
    expect(totals.total.amount).toBe(demoLoansHelped + 180_000 + 1_000_000);
    expect(totals.total.subsidyPaid).toBeGreaterThan(0);
    const sum = (rows: { amount: number; count: number; subsidyPaid: number }[]) => rows.reduce((acc, row) => [acc[0] + row.amount, acc[1] + row.count, acc[2] + row.subsidyPaid], [0, 0, 0]);
    expect(sum(totals.byYear)).toEqual([totals.total.amount, totals.total.count, totals.total.subsidyPaid]);
    expect(sum(totals.byBank)).toEqual([totals.total.amount, totals.total.count, totals.total.subsidyPaid]);
    expect(totals.byBank.length).toBeGreaterThan(3);
    expect(totals.byYear.length).toBeGreaterThan(2);
    // one year only
    const year = totals.byYear[0];
    const one = (await leader.get('/api/loans/totals', { query: { year: String(year.year) } })).json();
    expect(one.total).toMatchObject({ count: year.count, amount: year.amount });
    // the office's list with filters agrees
    const listed = (await office.get('/api/loans', { query: { year: String(year.year), pageSize: '200' } })).json();
    expect(listed.total).toBe(year.count);
    const bank = totals.byBank[0];
    expect((await office.get('/api/loans', { query: { bankCode: bank.bank.code, stage: 'settled', pageSize: '200' } })).json().items.every((item: { bank: { code: string }; stage: string }) => item.bank.code === bank.bank.code && item.stage === 'settled')).toBe(true);
  });
});
