import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';
import { runDailyWork } from './daily';

let t: TestApp;
let office: Agent;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(async () => t?.close());

/** What escalating would change: the flags, the history, the office's notifications, the audit. */
async function escalationState() {
  const [state] = await t.rows<Record<string, number>>(sql`
    select
      (select count(*)::int from applications where escalated_at is not null) as escalated,
      (select count(*)::int from application_actions where action = 'escalate') as actions,
      (select count(*)::int from notifications where kind = 'overdue') as notices,
      (select count(*)::int from audit_log where action = 'application.escalate') as audits`);
  return state;
}

describe('GET requests change nothing', () => {
  it('opening the inbox with an overdue application escalates nothing; the daily work escalates it, audited as the system', async () => {
    const department = await t.login('department');
    // an application waiting for the department's unit, not yet escalated
    const waiting = (await department.get('/api/applications', { query: { inbox: 'true', pageSize: '100' } })).json().items as { id: string; escalated: boolean }[];
    const application = waiting.find((item) => !item.escalated)!;
    expect(application).toBeDefined();
    // its step (five working days) started long ago
    await t.db.execute(sql`update applications set step_started_at = '2026-01-05T01:00:00Z' where id = ${application.id}`);
    const before = await escalationState();
    for (const agent of [office, department]) {
      const inbox = await agent.get('/api/applications', { query: { inbox: 'true' } });
      expect(inbox.statusCode).toBe(200);
      expect((await agent.get(`/api/applications/${application.id}`)).json().currentStep.overdue).toBe(true);
    }
    const departmentInbox = (await department.get('/api/applications', { query: { inbox: 'true', pageSize: '100' } })).json().items.map((item: { id: string }) => item.id);
    expect(departmentInbox).toContain(application.id);
    const officeInbox = (await office.get('/api/applications', { query: { inbox: 'true', pageSize: '100' } })).json().items.map((item: { id: string }) => item.id);
    expect(officeInbox).not.toContain(application.id);
    expect(await escalationState()).toEqual(before);

    const done = await runDailyWork(t.db, t.config.dataDir);
    expect(done.escalated).toBeGreaterThanOrEqual(1);
    const [escalated] = await t.rows<{ escalated_at: Date | null }>(sql`select escalated_at from applications where id = ${application.id}`);
    expect(escalated.escalated_at).not.toBeNull();
    const audits = await t.rows<{ actor_id: string | null; actor_username: string; changes: { applications: string[] } }>(sql`
      select actor_id, actor_username, changes from audit_log where action = 'application.escalate' order by id desc limit 1`);
    expect(audits).toEqual([{ actor_id: null, actor_username: 'system', changes: { applications: expect.arrayContaining([application.id]) } }]);
    expect((await escalationState()).audits).toBe(before.audits + 1);
    expect((await office.get('/api/applications', { query: { inbox: 'true', pageSize: '100' } })).json().items.map((item: { id: string }) => item.id)).toContain(application.id);
    // once escalated, a second run leaves it alone
    expect((await runDailyWork(t.db, t.config.dataDir)).escalated).toBe(0);
  });
});

describe('draft policies stay hidden', () => {
  it('the parameter values of a draft policy answer 404 to every role that cannot read drafts, and 200 to the office', async () => {
    const [unit] = await t.rows<{ code: string }>(sql`select code from units where is_responsible_unit order by code limit 1`);
    const created = await office.post('/api/policies', {
      policy: { code: `DRAFTPARAMS${Date.now() % 100000}`, title: '未公布的奖励', category: 'other', target: 'talent', unit: unit.code, mode: 'apply', budgetTotal: 1_000_000, effectiveFrom: '2026-01-01', exclusions: [] },
      version: { eligibility: { '==': [1, 1] }, amount: { var: 'params.secretBonus' }, periodKind: 'oneOff', periods: 1, attachments: [], steps: [{ name: '审核', units: [unit.code], mode: 'any', workingDays: 5 }] },
      parameters: [{ name: 'secretBonus', label: '拟定奖励', kind: 'yuan', value: 88_000, effectiveFrom: '2026-01-01', legalReference: '草案，未印发' }],
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json().id as string;
    expect(created.json().status).toBe('draft');
    const [living] = await t.rows<{ id: string }>(sql`select id from policies where code = 'LIVING'`);
    const query = { on: '2026-06-01' };

    const officeAnswer = await office.get(`/api/policies/${draft}/parameters-on`, { query });
    expect([officeAnswer.statusCode, officeAnswer.json()]).toEqual([200, { secretBonus: 88_000 }]);
    for (const username of ['talent', 'enterprise', 'department', 'finance', 'leader']) {
      const agent = await t.login(username);
      const hidden = await agent.get(`/api/policies/${draft}/parameters-on`, { query });
      expect([username, hidden.statusCode, hidden.json().error?.code]).toEqual([username, 404, 'notFound']);
      expect((await agent.get(`/api/policies/${draft}`)).statusCode).toBe(404);
      // a published policy's values are for everyone who reads policies
      const published = await agent.get(`/api/policies/${living.id}/parameters-on`, { query });
      expect([username, published.statusCode]).toEqual([username, 200]);
      expect(Object.keys(published.json()).length).toBeGreaterThan(0);
    }
    // a policy that does not exist is not an empty set of values
    expect((await office.get('/api/policies/00000000-0000-4000-8000-000000000000/parameters-on', { query })).statusCode).toBe(404);
  });
});
