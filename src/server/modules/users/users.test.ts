import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTalent, buildUnit, buildUser, uniqueSuffix } from '../../test/factories';
import { createTestApp, demoPassword, type Agent, type TestApp } from '../../test/harness';
import { breakGlassReset } from './users.service';

let t: TestApp;
let sysadmin: Agent;
let secadmin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  sysadmin = await t.login('sysadmin');
  secadmin = await t.login('secadmin');
});
afterAll(async () => t?.close());

const newAccount = (overrides: Record<string, unknown> = {}) => ({
  username: `new_${uniqueSuffix()}`,
  displayName: '新用户',
  roles: ['office'],
  ...overrides,
});

const userRows = (username: string) => t.rows(sql`select id from users where username = ${username.toLowerCase()}`);
const auditFor = (targetId: string) =>
  t.rows<{ action: string; result: string; actor_username: string; actor_role: string; changes: Record<string, unknown> | null }>(
    sql`select action, result, actor_username, actor_role, changes from audit_log where target_id = ${targetId} order by id`,
  );

describe('creating accounts', () => {
  it('the system administrator creates a business account with a one-time password chosen by the server, audited and notified', async () => {
    const organisation = await buildOrganisation(t.db);
    const body = newAccount({ roles: ['enterprise', 'leader'], organisationId: organisation.id });
    const response = await sysadmin.post('/api/users', body);
    expect(response.statusCode).toBe(201);
    const { user: view, oneTimePassword } = response.json();
    expect(oneTimePassword).toMatch(/^[\w-]{19}$/);
    expect(view).toMatchObject({
      username: body.username,
      displayName: '新用户',
      roles: ['enterprise', 'leader'],
      organisation: { id: organisation.id, name: organisation.name },
      talent: null,
      unit: null,
      disabled: false,
      lastLoginAt: null,
    });
    expect(view).not.toHaveProperty('passwordHash');
    const agent = await t.login(body.username, oneTimePassword);
    expect(agent.user).toMatchObject({ id: view.id, organisationId: organisation.id });
    // the password was chosen by someone else: it must be changed before anything else
    expect((await agent.get('/api/auth/me')).json().restriction).toBe('passwordChangeRequired');
    expect((await agent.get('/api/talents')).json().error.code).toBe('passwordChangeRequired');
    const [audit] = await auditFor(view.id);
    expect(audit).toMatchObject({ action: 'user.create', result: 'success', actor_username: 'sysadmin', actor_role: 'sysadmin' });
    expect(audit.changes).toMatchObject({ username: body.username, roles: ['enterprise', 'leader'], organisationId: organisation.id });
    const [notice] = await t.rows<{ kind: string; params: unknown }>(sql`select kind, params from notifications where user_id = ${view.id}`);
    expect(notice).toEqual({ kind: 'account', params: { action: 'created', by: 'sysadmin' } });
  });

  it('lists accounts with search, role filter and paging', async () => {
    const suffix = uniqueSuffix();
    for (let index = 0; index < 3; index += 1) await buildUser(t.db, { username: `lister_${suffix}_${index}`, roles: ['leader'] });
    const page = await sysadmin.get('/api/users', { query: { q: `lister_${suffix}`, pageSize: '2' } });
    expect(page.statusCode).toBe(200);
    expect(page.json().total).toBe(3);
    expect(page.json().items.map((item: { username: string }) => item.username)).toEqual([`lister_${suffix}_0`, `lister_${suffix}_1`]);
    const byRole = await secadmin.get('/api/users', { query: { role: 'auditor', pageSize: '200' } });
    const [{ total }] = await t.rows<{ total: number }>(sql`select count(*)::int as total from users where 'auditor' = any(roles)`);
    expect(byRole.json().total).toBe(total);
    expect(byRole.json().items.every((item: { roles: string[] }) => item.roles.includes('auditor'))).toBe(true);
  });

  it('checks bindings: a bound role needs its record, the record must exist, no binding goes unused', async () => {
    const missing = await sysadmin.post('/api/users', newAccount({ roles: ['talent'] }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual({ talentId: '绑定人才：该角色需要绑定对应记录' });

    const ghost = await sysadmin.post('/api/users', newAccount({ roles: ['talent'], talentId: randomUUID() }));
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().error.fields).toEqual({ talentId: '绑定人才：绑定的记录不存在' });

    const unit = await buildUnit(t.db);
    const unused = await sysadmin.post('/api/users', newAccount({ roles: ['office'], unitId: unit.id }), { headers: { 'accept-language': 'en-US' } });
    expect(unused.statusCode).toBe(400);
    expect(unused.json().error.fields).toEqual({ unitId: 'Bound unit none of the chosen roles uses this binding' });

    // an enterprise binding must be an organisation, not a talent's id
    const talent = await buildTalent(t.db);
    const wrongKind = await sysadmin.post('/api/users', newAccount({ roles: ['enterprise'], organisationId: talent.id }));
    expect(wrongKind.statusCode).toBe(400);
    expect(Object.keys(wrongKind.json().error.fields)).toEqual(['organisationId']);

    const good = await sysadmin.post('/api/users', newAccount({ roles: ['talent', 'department'], talentId: talent.id, unitId: unit.id }));
    expect(good.statusCode).toBe(201);
    expect(good.json().user).toMatchObject({ talent: { id: talent.id, name: talent.name }, unit: { id: unit.id, name: unit.name } });
  });

  it('never takes a password from the administrator', async () => {
    const body = newAccount({ password: 'Chosen#ByAdmin2026' });
    const response = await sysadmin.post('/api/users', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ body: expect.stringContaining('password') });
    expect(await userRows(body.username)).toHaveLength(0);
  });

  it('refuses a taken username with 409, whatever its case', async () => {
    const existing = await buildUser(t.db);
    for (const username of [existing.username, existing.username.toUpperCase()]) {
      const response = await sysadmin.post('/api/users', newAccount({ username }));
      expect(response.statusCode, username).toBe(409);
      expect(response.json().error.code).toBe('usernameTaken');
    }
    expect(await t.rows(sql`select 1 from audit_log where action = 'user.create' and changes->>'username' = ${existing.username}`)).toHaveLength(0);
  });

  it('validates the request itself (unknown role, missing fields) with field errors', async () => {
    const response = await sysadmin.post('/api/users', { username: 'x', roles: ['emperor'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toMatchObject({ username: '用户名：至少 3 个字符', displayName: '姓名：必填' });
    expect(Object.keys(response.json().error.fields)).toContain('roles.0');
  });
});

describe('三权分立 (separation of the three admin duties)', () => {
  it('the system administrator can neither create admin accounts nor change or reset one', async () => {
    const created = await sysadmin.post('/api/users', newAccount({ roles: ['auditor'] }));
    expect(created.statusCode).toBe(403);
    expect(created.json().error.fields.roles).toContain('安全管理员');

    const admin = await buildUser(t.db, { roles: ['secadmin'] });
    const patched = await sysadmin.patch(`/api/users/${admin.id}`, { displayName: '改名' });
    expect(patched.statusCode).toBe(403);
    const reset = await sysadmin.post(`/api/users/${admin.id}/password`);
    expect(reset.statusCode).toBe(403);
    // nor can the system administrator promote a business account to an admin role
    const business = await buildUser(t.db);
    const promoted = await sysadmin.patch(`/api/users/${business.id}`, { roles: ['sysadmin'] });
    expect(promoted.statusCode).toBe(403);

    const [row] = await t.rows<{ display_name: string; roles: string[] }>(sql`select display_name, roles from users where id = ${admin.id}`);
    expect(row.display_name).toBe(admin.displayName);
    await t.login(admin.username, admin.password);
    expect(await auditFor(admin.id)).toEqual([expect.objectContaining({ action: 'auth.loginChallenge' }), expect.objectContaining({ action: 'auth.login' })]);
  });

  it('the security administrator requests an auditor account (202, for approval) but not a business account, and cannot touch business accounts', async () => {
    const body = newAccount({ roles: ['auditor'] });
    const auditor = await secadmin.post('/api/users', body);
    expect(auditor.statusCode).toBe(202);
    expect(auditor.json().request).toMatchObject({ kind: 'create', status: 'pending', target: body.username, requester: 'secadmin', canApprove: false });
    expect(await userRows(body.username)).toHaveLength(0);
    const business = await secadmin.post('/api/users', newAccount({ roles: ['office'] }));
    expect(business.statusCode).toBe(403);
    expect(business.json().error.fields.roles).toContain('系统管理员');
    const office = await buildUser(t.db);
    expect((await secadmin.post(`/api/users/${office.id}/password`)).statusCode).toBe(403);
    expect((await secadmin.patch(`/api/users/${office.id}`, { disabled: true })).statusCode).toBe(403);
  });

  it('an account holds one admin role and nothing else', async () => {
    for (const roles of [['sysadmin', 'auditor'], ['auditor', 'office'], ['secadmin', 'talent']]) {
      const body = newAccount({ roles });
      const response = await secadmin.post('/api/users', body);
      expect(response.statusCode, roles.join()).toBe(400);
      expect(Object.keys(response.json().error.fields)).toContain('roles');
      expect(response.json().error.fields.roles).toContain('三权分立');
      expect(await userRows(body.username)).toHaveLength(0);
    }
    const auditor = await buildUser(t.db, { roles: ['auditor'] });
    const mixed = await secadmin.patch(`/api/users/${auditor.id}`, { roles: ['auditor', 'secadmin'] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.fields.roles).toContain('三权分立');
    const duplicate = await sysadmin.post('/api/users', newAccount({ roles: ['office', 'office'] }));
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields.roles).toBe('角色：角色重复');
  });

  it('an administrator cannot disable or demote their own account', async () => {
    const admin = await buildUser(t.db, { roles: ['sysadmin'] });
    // a sysadmin manages business accounts only, so it never reaches its own; a secadmin does
    const own = await buildUser(t.db, { roles: ['secadmin'] });
    const agent = await t.login(own.username, own.password);
    const disable = await agent.patch(`/api/users/${own.id}`, { disabled: true });
    expect(disable.statusCode).toBe(400);
    expect(disable.json().error.code).toBe('selfChange');
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    expect((await agent.patch(`/api/users/${admin.id}`, { displayName: '另一个系统管理员' })).statusCode).toBe(200);
  });
});

describe('changing accounts', () => {
  it('disabling an account ends its sessions and blocks sign-in; enabling lets it back in', async () => {
    const user = await buildUser(t.db);
    const agent = await t.login(user.username, user.password);
    const response = await sysadmin.patch(`/api/users/${user.id}`, { disabled: true });
    expect(response.statusCode).toBe(200);
    expect(response.json().disabled).toBe(true);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    expect(await t.rows(sql`select 1 from sessions where user_id = ${user.id}`)).toHaveLength(0);
    const login = await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('accountDisabled');
    expect((await sysadmin.patch(`/api/users/${user.id}`, { disabled: false })).statusCode).toBe(200);
    await t.login(user.username, user.password);
    expect((await auditFor(user.id)).map((row) => row.action)).toEqual(['auth.login', 'user.disable', 'auth.login', 'user.enable', 'auth.login']);
  });

  it('changing roles ends the account’s sessions and records the change', async () => {
    const user = await buildUser(t.db, { roles: ['office'] });
    const agent = await t.login(user.username, user.password);
    const response = await sysadmin.patch(`/api/users/${user.id}`, { roles: ['leader'], displayName: '新名字' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ roles: ['leader'], displayName: '新名字' });
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    const update = (await auditFor(user.id)).find((row) => row.action === 'user.update')!;
    expect(update.changes).toEqual({ roles: { from: ['office'], to: ['leader'] }, displayName: { from: user.displayName, to: '新名字' } });
  });

  it('a change that changes nothing writes nothing', async () => {
    const user = await buildUser(t.db);
    expect((await sysadmin.patch(`/api/users/${user.id}`, { displayName: user.displayName })).statusCode).toBe(200);
    expect(await auditFor(user.id)).toEqual([]);
  });

  it('answers 404 for an account that does not exist', async () => {
    const response = await sysadmin.patch(`/api/users/${randomUUID()}`, { displayName: 'x' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('notFound');
  });

  it('a password reset issues a one-time password (shown once), ends the sessions, and the old password no longer signs in', async () => {
    const user = await buildUser(t.db);
    const session = await t.login(user.username, user.password);
    const reset = await sysadmin.post(`/api/users/${user.id}/password`);
    expect(reset.statusCode).toBe(200);
    const { oneTimePassword } = reset.json();
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password })).statusCode).toBe(401);
    const agent = await t.login(user.username, oneTimePassword);
    expect((await agent.get('/api/home')).json().error.code).toBe('passwordChangeRequired');
    expect((await agent.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'Lantern-Orchid-Gravel-91' })).statusCode).toBe(200);
    expect((await agent.get('/api/home')).statusCode).toBe(200);
    const [notice] = await t.rows<{ params: unknown }>(sql`select params from notifications where user_id = ${user.id} and kind = 'account'`);
    expect(notice.params).toEqual({ action: 'passwordReset', by: 'sysadmin' });
  });

  it('binding options list records of the asked kind, enterprises only among organisations', async () => {
    const suffix = uniqueSuffix();
    const enterprise = await buildOrganisation(t.db, { name: `绑定测试 ${suffix} 企业` });
    await buildOrganisation(t.db, { name: `绑定测试 ${suffix} 平台`, kind: 'platform' });
    const response = await sysadmin.get('/api/users/binding-options', { query: { kind: 'organisation', q: `绑定测试 ${suffix}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([{ id: enterprise.id, label: enterprise.name }]);
    const percent = await sysadmin.get('/api/users/binding-options', { query: { kind: 'unit', q: '%' } });
    expect(percent.json()).toEqual([]);
  });
});

describe('audit of account changes', () => {
  it('every write leaves an audit row, and no audit row holds a password or a password hash', async () => {
    const body = newAccount();
    const { user: created, oneTimePassword: first } = (await sysadmin.post('/api/users', body)).json();
    await sysadmin.patch(`/api/users/${created.id}`, { displayName: '改过的名字' });
    const { oneTimePassword: second } = (await sysadmin.post(`/api/users/${created.id}/password`)).json();
    await sysadmin.patch(`/api/users/${created.id}`, { disabled: true });
    const rows = await auditFor(created.id);
    expect(rows.map((row) => row.action)).toEqual(['user.create', 'user.update', 'user.resetPassword', 'user.disable']);
    expect(rows.every((row) => row.actor_username === 'sysadmin' && row.result === 'success')).toBe(true);
    expect(rows[2].changes).toEqual({ password: '***' });

    const everything = JSON.stringify(await t.rows(sql`select * from audit_log`));
    for (const secret of [first, second, 'Brand#New2026', '$argon2']) expect(everything).not.toContain(secret);
    const [hash] = await t.rows<{ password_hash: string }>(sql`select password_hash from users where id = ${created.id}`);
    expect(everything).not.toContain(hash.password_hash);
  });

  it('a failed write leaves nothing half-saved: no account and no audit row', async () => {
    const body = newAccount();
    // Make the audit insert of this one account fail inside the service's transaction, after the user row is written.
    await t.db.execute(
      sql.raw(`create or replace function fail_audit_for_test() returns trigger as $$
        begin
          if new.action = 'user.create' and new.changes->>'username' = '${body.username}' then raise exception 'audit write failed (test)'; end if;
          return new;
        end $$ language plpgsql`),
    );
    await t.db.execute(sql`create trigger fail_audit_for_test before insert on audit_log for each row execute function fail_audit_for_test()`);
    try {
      const response = await sysadmin.post('/api/users', body);
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ error: { code: 'internal', message: '服务器内部错误，请稍后再试', fields: {} } });
      expect(response.body).not.toContain('audit write failed');
    } finally {
      await t.db.execute(sql`drop trigger fail_audit_for_test on audit_log`);
    }
    expect(await userRows(body.username)).toHaveLength(0);
    expect(await t.rows(sql`select 1 from audit_log where changes->>'username' = ${body.username}`)).toHaveLength(0);
    // the same request succeeds once the fault is gone
    expect((await sysadmin.post('/api/users', body)).statusCode).toBe(201);
  });
});

describe('the admin takeover chain is refused (三权分立 with approval)', () => {
  // a database of its own: exactly the three demo administrators, so who must approve is known
  let fresh: TestApp;
  let security: Agent;
  let system: Agent;
  let audit: Agent;
  beforeAll(async () => {
    fresh = await createTestApp();
    security = await fresh.login('secadmin');
    system = await fresh.login('sysadmin');
    audit = await fresh.login('auditor');
  });
  afterAll(async () => fresh?.close());

  const idOf = async (username: string) => (await fresh.rows<{ id: string }>(sql`select id from users where username = ${username}`))[0].id;
  const noticesOf = async (username: string, kind: string) =>
    fresh.rows<{ params: Record<string, unknown> }>(sql`select params from notifications where user_id = ${await idOf(username)} and kind = ${kind} order by created_at`);

  it('the security administrator alone cannot reset the auditor’s password: it is a request; with the system administrator’s approval it proceeds, as a one-time password', async () => {
    const auditorId = await idOf('auditor');
    const [before] = await fresh.rows<{ password_hash: string }>(sql`select password_hash from users where id = ${auditorId}`);
    const filed = await security.post(`/api/users/${auditorId}/password`);
    expect(filed.statusCode).toBe(202);
    const { request } = filed.json();
    expect(request).toMatchObject({ kind: 'resetPassword', status: 'pending', target: 'auditor', waitingFor: ['sysadmin'], canApprove: false });
    // nothing happened yet: same password, the auditor's session lives on
    const [after] = await fresh.rows<{ password_hash: string }>(sql`select password_hash from users where id = ${auditorId}`);
    expect(after.password_hash).toBe(before.password_hash);
    expect((await audit.get('/api/audit')).statusCode).toBe(200);
    // the requester cannot approve its own request, the target cannot approve its own reset
    expect((await security.post(`/api/admin-requests/${request.id}/approval`)).json().error.code).toBe('cannotApprove');
    expect((await audit.post(`/api/admin-requests/${request.id}/approval`)).json().error.code).toBe('cannotApprove');
    // the system administrator is told, sees it as approvable and approves: the reset happens and answers a one-time password
    expect(await noticesOf('sysadmin', 'adminRequest')).toEqual([{ params: { request: 'resetPassword', target: 'auditor', by: 'secadmin' } }]);
    const listed = (await system.get('/api/admin-requests')).json();
    expect(listed.find((each: { id: string }) => each.id === request.id)).toMatchObject({ canApprove: true });
    const approved = await system.post(`/api/admin-requests/${request.id}/approval`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().request).toMatchObject({ status: 'done', waitingFor: [], approvals: [expect.objectContaining({ username: 'sysadmin', role: 'sysadmin' })] });
    const { oneTimePassword } = approved.json();
    expect((await audit.get('/api/audit')).statusCode).toBe(401);
    expect((await fresh.anonymous().post('/api/auth/login', { username: 'auditor', password: demoPassword })).statusCode).toBe(401);
    // the one-time password must be changed before anything else
    const auditor = await fresh.login('auditor', oneTimePassword);
    const refused = await auditor.get('/api/audit');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('passwordChangeRequired');
    expect((await auditor.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'Lantern-Orchid-Gravel-91' })).statusCode).toBe(200);
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
    expect(await noticesOf('auditor', 'account')).toEqual([{ params: { action: 'passwordReset', by: 'sysadmin' } }]);
    // and the auditor sees the whole chain
    const trail = await fresh.rows<{ action: string; actor_username: string }>(
      sql`select action, actor_username from audit_log where action like 'adminRequest.%' or (action = 'user.resetPassword' and target_id = ${auditorId}) order by id`,
    );
    expect(trail).toEqual([
      { action: 'adminRequest.create', actor_username: 'secadmin' },
      { action: 'adminRequest.approve', actor_username: 'sysadmin' },
      { action: 'user.resetPassword', actor_username: 'sysadmin' },
    ]);
  });

  it('the security administrator alone cannot reset the system administrator’s password or change its roles; with the others’ approval it proceeds', async () => {
    const sysadminId = await idOf('sysadmin');
    audit = await fresh.login('auditor', 'Lantern-Orchid-Gravel-91'); // the first test reset the auditor's password
    const reset = await security.post(`/api/users/${sysadminId}/password`);
    expect(reset.statusCode).toBe(202);
    // the only system administrator is the target: the auditor's approval is the one it waits for
    expect(reset.json().request.waitingFor).toEqual(['auditor']);
    expect((await system.post(`/api/admin-requests/${reset.json().request.id}/approval`)).statusCode).toBe(409);
    const done = await audit.post(`/api/admin-requests/${reset.json().request.id}/approval`);
    expect(done.json()).toMatchObject({ request: { status: 'done' }, oneTimePassword: expect.any(String) });
    expect((await system.get('/api/users')).statusCode).toBe(401);
    system = await fresh.login('sysadmin', done.json().oneTimePassword);
    expect((await system.get('/api/users')).json().error.code).toBe('passwordChangeRequired');
    expect((await system.post('/api/auth/password', { currentPassword: done.json().oneTimePassword, newPassword: 'Walnut-Harbor-Sketch-47' })).statusCode).toBe(200);

    const demote = await security.patch(`/api/users/${sysadminId}`, { roles: ['auditor'] });
    expect(demote.statusCode).toBe(202);
    const { request } = demote.json();
    expect(request).toMatchObject({ kind: 'update', changes: { roles: ['auditor'] }, waitingFor: ['sysadmin', 'auditor'] });
    const [still] = await fresh.rows<{ roles: string[] }>(sql`select roles from users where id = ${sysadminId}`);
    expect(still.roles).toEqual(['sysadmin']);
    const first = await audit.post(`/api/admin-requests/${request.id}/approval`);
    expect(first.json().request).toMatchObject({ status: 'pending', waitingFor: ['sysadmin'] });
    // one approval per role: the auditor cannot approve twice
    expect((await audit.post(`/api/admin-requests/${request.id}/approval`)).statusCode).toBe(409);
    const second = await system.post(`/api/admin-requests/${request.id}/approval`);
    expect(second.json().request).toMatchObject({ status: 'done' });
    const [changed] = await fresh.rows<{ roles: string[] }>(sql`select roles from users where id = ${sysadminId}`);
    expect(changed.roles).toEqual(['auditor']);
    expect((await system.get('/api/users')).statusCode).toBe(401);
    expect((await noticesOf('sysadmin', 'account')).map((notice) => notice.params.action)).toEqual(['passwordReset', 'roles']);
  });

  it('a request can be turned down by an approver or withdrawn by its requester, and is then closed', async () => {
    const target = await buildUser(fresh.db, { roles: ['auditor'] });
    const filed = (await security.patch(`/api/users/${target.id}`, { disabled: true })).json().request;
    const rejected = await fresh.login('auditor', 'Lantern-Orchid-Gravel-91');
    expect((await rejected.post(`/api/admin-requests/${filed.id}/rejection`)).json()).toMatchObject({ status: 'rejected' });
    expect((await security.post(`/api/admin-requests/${filed.id}/approval`)).json().error.code).toBe('requestNotPending');
    const again = (await security.patch(`/api/users/${target.id}`, { disabled: true })).json().request;
    expect((await security.post(`/api/admin-requests/${again.id}/rejection`)).json()).toMatchObject({ status: 'cancelled' });
    const [row] = await fresh.rows<{ disabled: boolean }>(sql`select disabled from users where id = ${target.id}`);
    expect(row.disabled).toBe(false);
  });

  it('break-glass: the server command issues a one-time password, audited as the system', async () => {
    const { oneTimePassword } = await breakGlassReset(fresh.db, 'secadmin');
    // no second step: a lost authenticator is switched off too, to be enrolled again after the password change
    const first = await fresh.anonymous().post('/api/auth/login', { username: 'secadmin', password: oneTimePassword });
    expect(first.json()).toMatchObject({ restriction: 'passwordChangeRequired', secondFactor: false });
    const agent = await fresh.login('secadmin', oneTimePassword);
    expect((await agent.get('/api/users')).json().error.code).toBe('passwordChangeRequired');
    const changed = await agent.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'Walnut-Harbor-Sketch-47' });
    expect(changed.json().restriction).toBe('secondFactorRequired');
    expect((await noticesOf('secadmin', 'account')).map((notice) => notice.params.action)).toEqual(['passwordReset', 'secondFactorReset']);
    const [row] = await fresh.rows<{ actor_username: string; detail: string }>(
      sql`select actor_username, detail from audit_log where action = 'user.resetPassword' and target_id = ${await idOf('secadmin')}`,
    );
    expect(row).toEqual({ actor_username: 'system', detail: 'breakGlass' });
  });
});
