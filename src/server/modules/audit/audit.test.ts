import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessRoles, type Role } from '../../../domain/roles';
import { buildUser, uniqueSuffix } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let auditor: Agent;
beforeAll(async () => {
  t = await createTestApp();
  auditor = await t.login('auditor');
});
afterAll(async () => t?.close());

type Entry = { id: number; at: string; actorUsername: string | null; action: string; result: string; targetId: string | null; changes: unknown };
const list = async (query: Record<string, string>) => {
  const response = await auditor.get('/api/audit', { query: { pageSize: '200', ...query } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Entry[]; total: number };
};

describe('browsing the audit log', () => {
  it('lists entries newest first with the total', async () => {
    const page = await list({ pageSize: '5' });
    const [{ total }] = await t.rows<{ total: number }>(sql`select count(*)::int as total from audit_log`);
    expect(page.total).toBe(total);
    expect(page.items).toHaveLength(5);
    const times = page.items.map((item) => Date.parse(item.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const second = await list({ pageSize: '5', page: '2' });
    expect(second.items.map((item) => item.id).some((id) => page.items.some((item) => item.id === id))).toBe(false);
  });

  it('filters by action (exact or prefix), result and actor', async () => {
    const user = await buildUser(t.db, { username: `audited_${uniqueSuffix()}` });
    const agent = t.anonymous();
    await agent.post('/api/auth/login', { username: user.username, password: 'Wrong#abc123' });
    await agent.post('/api/auth/login', { username: user.username, password: user.password });
    await agent.post('/api/auth/logout');

    const mine = await list({ actor: user.username });
    expect(mine.items.map((item) => `${item.action}:${item.result}`)).toEqual(['auth.logout:success', 'auth.login:success', 'auth.login:failure']);

    const failures = await list({ actor: user.username, result: 'failure' });
    expect(failures.items).toHaveLength(1);
    expect(failures.items[0]).toMatchObject({ action: 'auth.login', result: 'failure', targetId: user.id });

    const logins = await list({ action: 'auth.login' });
    const [{ total }] = await t.rows<{ total: number }>(sql`select count(*)::int as total from audit_log where action = 'auth.login'`);
    expect(logins.total).toBe(total);
    expect(logins.items.every((item) => item.action === 'auth.login')).toBe(true);

    const prefix = await list({ action: 'auth', actor: user.username });
    expect(prefix.total).toBe(3);
    // a prefix matches whole segments only, and LIKE wildcards are taken literally
    expect((await list({ action: 'aut' })).total).toBe(0);
    expect((await list({ actor: '%' })).total).toBe(0);
  });

  it('filters by time range; a start after the end is a field error', async () => {
    const user = await buildUser(t.db, { username: `timed_${uniqueSuffix()}` });
    await t.anonymous().post('/api/auth/login', { username: user.username, password: 'Wrong#abc123' });
    const [first] = await t.rows<{ at: Date }>(sql`select at from audit_log where target_id = ${user.id}`);
    const later = new Date(new Date(first.at).getTime() + 2000);
    await t.db.execute(sql`insert into audit_log (at, actor_username, action, result) values (${later.toISOString()}, ${user.username}, 'test.marker', 'success')`);

    const from = new Date(new Date(first.at).getTime() + 1000).toISOString();
    const after = await list({ actor: user.username, from });
    expect(after.items.map((item) => item.action)).toEqual(['test.marker']);
    const before = await list({ actor: user.username, to: from });
    expect(before.items.map((item) => item.action)).toEqual(['auth.login']);
    const both = await list({ actor: user.username, from: new Date(first.at).toISOString(), to: later.toISOString() });
    expect(both.total).toBe(2);

    const wrong = await auditor.get('/api/audit', { query: { from: later.toISOString(), to: from } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ from: '开始时间：开始时间不能晚于结束时间' });
    const garbage = await auditor.get('/api/audit', { query: { from: 'yesterday' } });
    expect(garbage.statusCode).toBe(400);
    expect(Object.keys(garbage.json().error.fields)).toEqual(['from']);
  });

  it('every role but the auditor is refused, and the refusal itself is audited', async () => {
    const roles: Role[] = [...businessRoles, 'sysadmin', 'secadmin'];
    for (const role of roles) {
      const user = await buildUser(t.db, { roles: [role] });
      const agent = await t.login(user.username, user.password);
      const response = await agent.get('/api/audit');
      expect(response.statusCode, role).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
      const denials = await t.rows<{ actor_id: string; actor_role: string; target_type: string; target_id: string; result: string; ip: string }>(
        sql`select actor_id, actor_role, target_type, target_id, result, ip from audit_log where action = 'permission.denied' and actor_username = ${user.username}`,
      );
      expect(denials).toEqual([{ actor_id: user.id, actor_role: role, target_type: 'route', target_id: 'GET /api/audit', result: 'denied', ip: agent.ip }]);
    }
    expect((await t.anonymous().get('/api/audit')).statusCode).toBe(401);
    const denied = await list({ action: 'permission.denied', result: 'denied' });
    expect(denied.total).toBeGreaterThanOrEqual(roles.length);
  });
});

describe('the audit log cannot be changed', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const [before] = await t.rows<{ total: number; newest: number }>(sql`select count(*)::int as total, max(id)::int as newest from audit_log`);
    // Drizzle wraps the driver's error: the database's own message is the cause.
    const refusal = (query: ReturnType<typeof sql>) =>
      t.db.execute(query).then(
        () => 'accepted',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(await refusal(sql`update audit_log set action = 'tampered' where id = ${before.newest}`)).toBe('audit_log is append-only (UPDATE refused)');
    expect(await refusal(sql`delete from audit_log where id = ${before.newest}`)).toBe('audit_log is append-only (DELETE refused)');
    expect(await refusal(sql`delete from audit_log`)).toBe('audit_log is append-only (DELETE refused)');
    expect(await refusal(sql`truncate audit_log`)).toBe('audit_log is append-only (TRUNCATE refused)');
    const [after] = await t.rows<{ total: number; tampered: number }>(
      sql`select count(*)::int as total, count(*) filter (where action = 'tampered')::int as tampered from audit_log`,
    );
    expect(after).toEqual({ total: before.total, tampered: 0 });
  });

  it('offers no route that changes an entry', async () => {
    const auditRoutes = t.routes.filter((route) => route.url.startsWith('/api/audit'));
    expect([...new Set(auditRoutes.map((route) => route.method))].sort()).toEqual(['GET', 'HEAD']);
    const [{ newest }] = await t.rows<{ newest: number }>(sql`select max(id)::int as newest from audit_log`);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/audit', `/api/audit/${newest}`]) {
        const response = await auditor.request(method, url, method === 'DELETE' ? undefined : { action: 'tampered' });
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    // and no other route writes to it except by appending
    expect(await t.rows(sql`select 1 from audit_log where action = 'tampered'`)).toHaveLength(0);
  });
});

describe('recordAudits: many entries at once', () => {
  it('writes the rows recordAudit would, masked, across several statements for more than a chunk', async () => {
    const { recordAudit, recordAudits } = await import('./audit.service');
    const actor = { userId: null, username: `bulk_${uniqueSuffix()}`, role: 'office', ip: '127.0.0.1' };
    const entry = (index: number) => ({ action: 'talent.create', targetType: 'talent', targetId: `t${index}`, detail: 'import', changes: { row: index, phone: '13800000000', name: `批${index}` } });
    await t.db.transaction(async (tx) => {
      await recordAudits(tx, actor, Array.from({ length: 2500 }, (_, index) => entry(index)));
      await recordAudit(tx, actor, entry(2500));
      await recordAudits(tx, actor, []);
    });
    const rows = await t.rows<{ actor_username: string; actor_role: string; action: string; target_type: string; target_id: string; detail: string; result: string; ip: string; changes: Record<string, unknown> }>(
      sql`select actor_username, actor_role, action, target_type, target_id, detail, result, ip, changes from audit_log where actor_username = ${actor.username} order by id`,
    );
    expect(rows).toHaveLength(2501);
    expect(rows.map((row) => row.target_id)).toEqual(Array.from({ length: 2501 }, (_, index) => `t${index}`));
    // the multi-row form and the single one write the same row
    const { target_id: _a, changes: first, ...firstRest } = rows[0];
    const { target_id: _b, changes: last, ...lastRest } = rows[2500];
    expect(firstRest).toEqual(lastRest);
    expect(firstRest).toMatchObject({ actor_role: 'office', action: 'talent.create', target_type: 'talent', detail: 'import', result: 'success', ip: '127.0.0.1' });
    expect(first).toEqual({ row: 0, phone: '***', name: '批0' });
    expect(last).toEqual({ row: 2500, phone: '***', name: '批2500' });
  });
});
