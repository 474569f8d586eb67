import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';

/**
 * What a reviewer reads on an application (issue 10): a link to the applicant's record only when the role may open it,
 * the facts the decision used in words (no codes), and the required files the application lacks, by name.
 * Read on the demo talent's 重点产业链 allowance application, which the demo loaded without files.
 */
let t: TestApp;
let applicationId: string;
type FactLine = { fact: string; label: Record<string, string>; value: Record<string, string> };
type Detail = {
  subject: { kind: string; id: string; readable: boolean };
  usedFacts: FactLine[];
  missingAttachments: { code: string; name: string }[];
  attachments: { requirement: string; requirementName: string }[];
  decision: { facts: Record<string, unknown> };
  permissions: { review: boolean };
  version: number;
  status: string;
};

beforeAll(async () => {
  t = await createTestApp();
  [{ id: applicationId }] = await t.rows<{ id: string }>(sql`
    select a.id from applications a join policies p on p.id = a.policy_id join users u on u.talent_id = a.subject_id
    where u.username = 'talent' and p.code = 'CHAIN'`);
});
afterAll(async () => t?.close());

const detailAs = async (username: string) => {
  const agent = await t.login(username);
  const response = await agent.get(`/api/applications/${applicationId}`);
  expect(response.statusCode, response.body).toBe(200);
  return { agent, detail: response.json() as Detail };
};

describe('the application page for a reviewer', () => {
  it('names the facts the eligibility rule read, with their values in both languages, and no code', async () => {
    const { detail } = await detailAs('economy');
    expect(detail.permissions.review).toBe(true);
    const byFact = new Map(detail.usedFacts.map((line) => [line.fact, line]));
    // the CHAIN rule reads status, education and industry
    expect([...byFact.keys()].sort()).toEqual(['education', 'industry', 'status']);
    expect(byFact.get('status')).toEqual({ fact: 'status', label: { 'zh-CN': '在区状态', 'en-US': 'Status' }, value: { 'zh-CN': '在区', 'en-US': 'in the zone' } });
    expect(byFact.get('industry')!.label['zh-CN']).toBe('所在产业');
    // the stored code is a data code; the line says the industry's name
    const industryCode = String(detail.decision.facts.industry);
    const [industry] = await t.rows<{ name: string; name_en: string }>(sql`select name, name_en from industries where code = ${industryCode}`);
    expect(byFact.get('industry')!.value).toEqual({ 'zh-CN': industry.name, 'en-US': industry.name_en });
    expect(byFact.get('education')!.value['zh-CN']).toMatch(/本科|研究生|博士/);
    for (const line of detail.usedFacts) for (const text of [...Object.values(line.label), ...Object.values(line.value)]) expect(text).not.toMatch(/^[a-z]+[A-Z][A-Za-z]*$/);
  });

  it('names the required file the application lacks, and stops naming it once sent', async () => {
    const { detail } = await detailAs('economy');
    expect(detail.missingAttachments).toEqual([{ code: 'contract', name: '劳动合同' }]);

    // returned for correction, the talent sends the contract: it is listed by its requirement's name, nothing is missing
    const economy = await t.login('economy');
    const returned = await economy.post(`/api/applications/${applicationId}/review`, { decision: 'return', comment: '请补充劳动合同。', version: detail.version });
    expect(returned.statusCode, returned.body).toBe(200);
    const talent = await t.login('talent');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = await talent.post('/api/attachments', pdf, { query: { requirement: 'contract', fileName: 'contract.pdf' }, headers: { 'content-type': 'application/pdf' } });
    expect(upload.statusCode, upload.body).toBe(201);
    const resubmitted = await talent.post(`/api/applications/${applicationId}/resubmit`, { form: {}, attachmentIds: [upload.json().id], version: returned.json().version });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const after = (await economy.get(`/api/applications/${applicationId}`)).json() as Detail;
    expect(after.missingAttachments).toEqual([]);
    expect(after.attachments).toEqual([expect.objectContaining({ requirement: 'contract', requirementName: '劳动合同' })]);
  });

  it('links the applicant’s record for the roles that may open it: reviewers, the office, the talent, the employer’s HR', async () => {
    for (const username of ['economy', 'finance', 'office', 'leader', 'talent', 'enterprise']) {
      const { detail } = await detailAs(username);
      expect(detail.subject.readable, username).toBe(true);
    }
  });

  it('does not link a record the user may not open: HR who applied for a talent since gone to another employer', async () => {
    const [{ id: hrId }] = await t.rows<{ id: string }>(sql`select id from users where username = 'enterprise'`);
    const [{ id: elsewhere }] = await t.rows<{ id: string }>(sql`
      select id from organisations where kind = 'enterprise' and id <> (select organisation_id from users where username = 'enterprise') order by name limit 1`);
    await t.rows(sql`update applications set submitted_by = ${hrId} where id = ${applicationId}`);
    await t.rows(sql`update talents set employer_id = ${elsewhere} where id = (select talent_id from users where username = 'talent')`);
    const { agent, detail } = await detailAs('enterprise');
    expect(detail.subject.readable).toBe(false);
    expect((await agent.get(`/api/talents/${detail.subject.id}`)).statusCode).toBe(404);
    expect((await detailAs('office')).detail.subject.readable).toBe(true);
  });
});
