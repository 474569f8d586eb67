import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig, secretsFor } from '../../config';
import { openDatabase, pgliteOf } from '../../db/client';
import { buildUnit, buildUser } from '../../test/factories';
import { createAgent, createTestApp, testEnv, type Agent, type TestApp } from '../../test/harness';
import { databaseUrl } from '../../test/template';

const templates = inject('testTemplates');
let t: TestApp;
let sysadmin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  sysadmin = await t.login('sysadmin');
});
afterAll(async () => t?.close());

/** Another client holding the same session cookie (the browser tab that did not sign out). */
const sameSession = (agent: Agent) => Object.assign(createAgent(t.app), { cookie: agent.cookie, csrfToken: agent.csrfToken });

/** Queries PGlite ran during `run` (PGlite only: the count is of its query entry points). */
async function queriesDuring(run: () => Promise<unknown>) {
  const pglite = pgliteOf(t.database)!;
  const original = { query: pglite.query, exec: pglite.exec, transaction: pglite.transaction };
  let queries = 0;
  const counting = <F extends (...args: never[]) => unknown>(fn: F) => ((...args: Parameters<F>) => ((queries += 1), fn.apply(pglite, args))) as unknown as F;
  Object.assign(pglite, { query: counting(original.query), exec: counting(original.exec), transaction: counting(original.transaction) });
  try {
    await run();
  } finally {
    Object.assign(pglite, original);
  }
  return queries;
}

describe('the session cache', () => {
  it.skipIf(templates?.kind !== 'pglite')('a warm session costs no query: GET /api/auth/me is answered from memory', async () => {
    const agent = await t.login('office');
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    let answer;
    expect(await queriesDuring(async () => (answer = await agent.get('/api/auth/me')))).toBe(0);
    expect(answer!.statusCode).toBe(200);
    expect(answer!.json()).toMatchObject({ user: { username: 'office', roles: ['office'] }, restriction: null, csrfToken: agent.csrfToken });
  });

  it('signing out ends the session on the very next request, though it was cached', async () => {
    const agent = await t.login('office');
    const tab = sameSession(agent);
    expect((await tab.get('/api/auth/me')).statusCode).toBe(200);
    expect((await tab.get('/api/talents')).statusCode).toBe(200);
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await tab.get('/api/auth/me')).statusCode).toBe(401);
    expect((await tab.get('/api/talents')).statusCode).toBe(401);
  });

  it('disabling an account, changing its roles or its unit take effect on the very next request', async () => {
    const unit = await buildUnit(t.db);
    const other = await buildUnit(t.db);
    const user = await buildUser(t.db, { roles: ['department', 'office'], unitId: unit.id });
    const agent = await t.login(user.username, user.password);
    expect((await agent.get('/api/talents')).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).json().user.unitId).toBe(unit.id);

    // the unit: the session lives on, with the new binding
    expect((await sysadmin.patch(`/api/users/${user.id}`, { unitId: other.id })).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).json().user).toMatchObject({ unitId: other.id, roles: ['department', 'office'] });

    // the roles: the session ends (and a new one has the new roles only)
    expect((await sysadmin.patch(`/api/users/${user.id}`, { roles: ['department'] })).statusCode).toBe(200);
    expect((await agent.get('/api/talents')).statusCode).toBe(401);
    const again = await t.login(user.username, user.password);
    expect((await again.get('/api/auth/me')).json().user.roles).toEqual(['department']);

    // disabled: the next request has no session
    expect((await again.get('/api/auth/me')).statusCode).toBe(200);
    expect((await sysadmin.patch(`/api/users/${user.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await again.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('a change made in the database by anyone (another process, an operator) is seen on the next request', async () => {
    const user = await buildUser(t.db, { roles: ['office'] });
    const agent = await t.login(user.username, user.password);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    await t.db.execute(sql`update users set display_name = '改了名' where id = ${user.id}`);
    expect((await agent.get('/api/auth/me')).json().user.displayName).toBe('改了名');
    await t.db.execute(sql`update users set disabled = true where id = ${user.id}`);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('a session signed in with a one-time password stays restricted however often it is read, until the password is changed', async () => {
    const created = await sysadmin.post('/api/users', { username: `otp_${Date.now()}`, displayName: '新人', roles: ['office'] });
    expect(created.statusCode).toBe(201);
    const { user, oneTimePassword } = created.json();
    const agent = await t.login(user.username, oneTimePassword);
    for (let round = 0; round < 3; round += 1) {
      expect((await agent.get('/api/auth/me')).json().restriction).toBe('passwordChangeRequired');
      expect((await agent.get('/api/talents')).json().error.code).toBe('passwordChangeRequired');
    }
    const changed = await agent.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'Fresh-Start-2026!ok' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await agent.get('/api/auth/me')).json().restriction).toBeNull();
    expect((await agent.get('/api/talents')).statusCode).toBe(200);
  });
});

describe('two app servers on one PostgreSQL database', () => {
  it.skipIf(templates?.kind !== 'postgres')('a sign-out, a disabling or a role change on one server holds on the other on its next request', async () => {
    if (templates?.kind !== 'postgres') return;
    const [{ name }] = await t.rows<{ name: string }>(sql`select current_database() as name`);
    const database = await openDatabase({ kind: 'postgres', url: databaseUrl(templates.serverUrl, name), poolSize: 2 });
    const config = loadConfig({ ...testEnv });
    const second = await buildApp({ config, database, secrets: secretsFor(config) });
    await second.ready();
    try {
      /** Resolves once the second server has heard a notification about this user (sent at the first one's commit). */
      const heard = (userId: string) =>
        new Promise<void>((resolve) => {
          const stop = second.sessionCache.onForget((payload) => {
            if (payload === userId || payload === '*') {
              stop();
              resolve();
            }
          });
        });
      const user = await buildUser(t.db, { roles: ['office'] });
      /**
       * Reads on the second server until it caches the session: a read is not stored while a notification about the
       * user arrives during it (the sign-in's own, heard on each of its connections), so a few tries may be needed.
       */
      const warm = async (agent: Agent) => {
        for (let tries = 0; tries < 20 && !second.sessionCache.holds(user.id); tries += 1) expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
        expect(second.sessionCache.holds(user.id)).toBe(true);
      };
      const first = await t.login(user.username, user.password);
      const elsewhere = Object.assign(createAgent(second), { cookie: first.cookie, csrfToken: first.csrfToken });
      await warm(elsewhere);

      let told = heard(user.id);
      expect((await first.post('/api/auth/logout')).statusCode).toBe(204);
      await told;
      expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);

      const again = await t.login(user.username, user.password);
      const there = Object.assign(createAgent(second), { cookie: again.cookie, csrfToken: again.csrfToken });
      await warm(there);
      expect((await there.get('/api/talents')).statusCode).toBe(200);
      told = heard(user.id);
      expect((await sysadmin.patch(`/api/users/${user.id}`, { roles: ['leader'] })).statusCode).toBe(200);
      await told;
      expect((await there.get('/api/talents')).statusCode).toBe(401);

      const third = await t.login(user.username, user.password);
      const yonder = Object.assign(createAgent(second), { cookie: third.cookie, csrfToken: third.csrfToken });
      expect((await yonder.get('/api/auth/me')).json().user.roles).toEqual(['leader']);
      await warm(yonder);
      told = heard(user.id);
      expect((await sysadmin.patch(`/api/users/${user.id}`, { disabled: true })).statusCode).toBe(200);
      await told;
      expect((await yonder.get('/api/auth/me')).statusCode).toBe(401);
    } finally {
      await second.close();
      await database.close();
    }
  });
});
