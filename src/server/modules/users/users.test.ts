import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildTalent, buildUnit, buildUser, uniqueSuffix } from '../../test/factories';
import { createTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let sysadmin: Agent;
let secadmin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  sysadmin = await t.login('sysadmin');
  secadmin = await t.login('secadmin');
});
afterAll(async () => t?.close());

const strongPassword = 'Strong#Pass2026';
const newAccount = (overrides: Record<string, unknown> = {}) => ({
  username: `new_${uniqueSuffix()}`,
  displayName: '新用户',
  password: strongPassword,
  roles: ['office'],
  ...overrides,
});

const userRows = (username: string) => t.rows(sql`select id from users where username = ${username.toLowerCase()}`);
const auditFor = (targetId: string) =>
  t.rows<{ action: string; result: string; actor_username: string; actor_role: string; changes: Record<string, unknown> | null }>(
    sql`select action, result, actor_username, actor_role, changes from audit_log where target_id = ${targetId} order by id`,
  );

describe('creating accounts', () => {
  it('the system administrator creates a business account that can sign in, audited', async () => {
    const organisation = await buildOrganisation(t.db);
    const body = newAccount({ roles: ['enterprise', 'leader'], organisationId: organisation.id });
    const response = await sysadmin.post('/api/users', body);
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({
      username: body.username,
      displayName: '新用户',
      roles: ['enterprise', 'leader'],
      organisation: { id: organisation.id, name: organisation.name },
      talent: null,
      unit: null,
      disabled: false,
      lockedUntil: null,
      lastLoginAt: null,
    });
    expect(view).not.toHaveProperty('passwordHash');
    const agent = await t.login(body.username, strongPassword);
    expect(agent.user).toMatchObject({ id: view.id, organisationId: organisation.id });
    const [audit] = await auditFor(view.id);
    expect(audit).toMatchObject({ action: 'user.create', result: 'success', actor_username: 'sysadmin', actor_role: 'sysadmin' });
    expect(audit.changes).toMatchObject({ username: body.username, roles: ['enterprise', 'leader'], organisationId: organisation.id });
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
    expect(good.json()).toMatchObject({ talent: { id: talent.id, name: talent.name }, unit: { id: unit.id, name: unit.name } });
  });

  it('refuses weak and common passwords with a field error', async () => {
    const cases = [
      ['Ab1!', '密码：至少 8 个字符'],
      ['alllowercase', '密码：需包含大写字母、小写字母、数字、符号中的至少 3 类'],
      ['Password123', '密码：过于常见，请换一个'],
      ['Admin@123', '密码：过于常见，请换一个'],
    ] as const;
    for (const [password, message] of cases) {
      const body = newAccount({ password });
      const response = await sysadmin.post('/api/users', body);
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error.fields).toEqual({ password: message });
      expect(await userRows(body.username)).toHaveLength(0);
    }
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
    expect(response.json().error.fields).toMatchObject({ username: '用户名：至少 3 个字符', displayName: '姓名：必填', password: '密码：必填' });
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
    const reset = await sysadmin.post(`/api/users/${admin.id}/password`, { newPassword: 'Taken#Over2026' });
    expect(reset.statusCode).toBe(403);
    const unlock = await sysadmin.post(`/api/users/${admin.id}/unlock`);
    expect(unlock.statusCode).toBe(403);
    // nor can the system administrator promote a business account to an admin role
    const business = await buildUser(t.db);
    const promoted = await sysadmin.patch(`/api/users/${business.id}`, { roles: ['sysadmin'] });
    expect(promoted.statusCode).toBe(403);

    const [row] = await t.rows<{ display_name: string; roles: string[] }>(sql`select display_name, roles from users where id = ${admin.id}`);
    expect(row.display_name).toBe(admin.displayName);
    await t.login(admin.username, admin.password);
    expect(await auditFor(admin.id)).toEqual([expect.objectContaining({ action: 'auth.login' })]);
  });

  it('the security administrator creates an auditor but not a business account, and cannot touch business accounts', async () => {
    const auditor = await secadmin.post('/api/users', newAccount({ roles: ['auditor'] }));
    expect(auditor.statusCode).toBe(201);
    expect(auditor.json().roles).toEqual(['auditor']);
    const business = await secadmin.post('/api/users', newAccount({ roles: ['office'] }));
    expect(business.statusCode).toBe(403);
    expect(business.json().error.fields.roles).toContain('系统管理员');
    const office = await buildUser(t.db);
    expect((await secadmin.post(`/api/users/${office.id}/password`, { newPassword: 'Taken#Over2026' })).statusCode).toBe(403);
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

  it('a password reset clears a lock, ends the sessions and lets the new password in', async () => {
    const user = await buildUser(t.db);
    const session = await t.login(user.username, user.password);
    const attacker = t.anonymous();
    for (let attempt = 0; attempt < 5; attempt += 1) await attacker.post('/api/auth/login', { username: user.username, password: 'Wrong#abc123' });
    const listed = await sysadmin.get('/api/users', { query: { q: user.username } });
    expect(listed.json().items[0].lockedUntil).not.toBeNull();
    expect((await t.anonymous().post('/api/auth/login', { username: user.username, password: user.password })).statusCode).toBe(423);

    const weak = await sysadmin.post(`/api/users/${user.id}/password`, { newPassword: 'weak' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.newPassword).toMatch(/^新密码：/);

    const reset = await sysadmin.post(`/api/users/${user.id}/password`, { newPassword: 'Reset#Pass2026' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().lockedUntil).toBeNull();
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    await t.login(user.username, 'Reset#Pass2026');
  });

  it('unlock lifts a lock without changing the password', async () => {
    const user = await buildUser(t.db);
    for (let attempt = 0; attempt < 5; attempt += 1) await t.anonymous().post('/api/auth/login', { username: user.username, password: 'Wrong#abc123' });
    const response = await sysadmin.post(`/api/users/${user.id}/unlock`);
    expect(response.statusCode).toBe(200);
    expect(response.json().lockedUntil).toBeNull();
    await t.login(user.username, user.password);
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
    const created = (await sysadmin.post('/api/users', body)).json();
    await sysadmin.patch(`/api/users/${created.id}`, { displayName: '改过的名字' });
    await sysadmin.post(`/api/users/${created.id}/password`, { newPassword: 'Second#Pass2026' });
    await sysadmin.post(`/api/users/${created.id}/unlock`); // not locked: nothing changes, nothing is recorded
    await t.db.execute(sql`update users set locked_until = now() + interval '10 minutes' where id = ${created.id}`);
    await sysadmin.post(`/api/users/${created.id}/unlock`);
    await sysadmin.patch(`/api/users/${created.id}`, { disabled: true });
    const rows = await auditFor(created.id);
    expect(rows.map((row) => row.action)).toEqual(['user.create', 'user.update', 'user.resetPassword', 'user.unlock', 'user.disable']);
    expect(rows.every((row) => row.actor_username === 'sysadmin' && row.result === 'success')).toBe(true);
    expect(rows[2].changes).toEqual({ password: '***' });

    const everything = JSON.stringify(await t.rows(sql`select * from audit_log`));
    for (const secret of [strongPassword, 'Second#Pass2026', 'Reset#Pass2026', 'Brand#New2026', '$argon2']) expect(everything).not.toContain(secret);
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
