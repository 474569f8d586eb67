import { hash, verify } from '@node-rs/argon2';
import { and, count, eq, gt, inArray } from 'drizzle-orm';
import { checkPassword } from '../../../domain/password';
import { adminRoles, type AdminRole } from '../../../domain/roles';
import type { Db, Executor } from '../../db/client';
import { auditLog } from '../../db/schema';
import { AppError, conflict, invalid, type FieldProblem } from '../../errors';
import { actorOf, sessionUserOf, type Actor, type SessionUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { countUsersHolding, findUserById, findUserByUsername, insertUser, recordFailedLogin, updateUser, type UserRow } from '../users/users.repo';
import { createSession, deleteSession, deleteUserSessions } from './sessions.repo';

export const maxFailedLogins = 5;
export const lockMs = 15 * 60 * 1000;
/** Failed sign-ins from one address within the lock window before that address is refused. */
export const maxFailuresPerIp = 30;

export const hashPassword = (password: string) => hash(password, { algorithm: 2 /* argon2id */ });

/** Verifying against this when the username does not exist keeps the timing of both failures alike. */
let dummyHash: Promise<string> | undefined;
const verifyDummy = async (password: string) => verify(await (dummyHash ??= hashPassword('dummy-Password-1')), password);


/** A password problem as a field error (`newPassword: 需包含…`), or nothing. */
export function passwordProblem(field: string, password: string): Record<string, FieldProblem> {
  const problem = checkPassword(password);
  return problem ? { [field]: { code: `password.${problem}` } } : {};
}

const credentialFailures = ['unknownUser', 'wrongPassword', 'wrongPassword; locked'];

const minutesLeft = (until: Date) => Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));

type LoginInput = { username: string; password: string; ip: string | null; userAgent: string | null };
export type LoginResult = { user: SessionUser; token: string; csrfToken: string };

/**
 * Signs a user in. Every attempt is audited; failures are counted per account (5 lock it for
 * 15 minutes, during which even the right password is refused) and per address.
 */
export async function login(db: Db, input: LoginInput): Promise<LoginResult> {
  const anonymous: Actor = actorOf(null, null, input.ip);
  const username = input.username.trim().toLowerCase();
  const fail = async (detail: string, user: UserRow | null) => {
    await recordAudit(db, user ? actorOf(sessionUserOf(user), user.roles.join(','), input.ip) : anonymous, {
      action: 'auth.login',
      targetType: 'user',
      targetId: user?.id ?? null,
      result: 'failure',
      detail,
      actorUsername: username,
    });
  };

  const since = new Date(Date.now() - lockMs);
  if (input.ip) {
    const [{ failures }] = await db
      .select({ failures: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.ip, input.ip),
          eq(auditLog.action, 'auth.login'),
          eq(auditLog.result, 'failure'),
          gt(auditLog.at, since),
          // wrong credentials only: refusals this check or a lock wrote must not extend the throttle forever
          inArray(auditLog.detail, credentialFailures),
        ),
      );
    if (failures >= maxFailuresPerIp) {
      await fail('ipThrottled', null);
      throw new AppError(429, 'tooManyAttempts', { minutes: 15 });
    }
  }

  const user = await findUserByUsername(db, username);
  if (!user) {
    await verifyDummy(input.password);
    await fail('unknownUser', null);
    throw new AppError(401, 'invalidCredentials');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await fail('locked', user);
    throw new AppError(423, 'accountLocked', { minutes: minutesLeft(user.lockedUntil) });
  }
  if (!(await verify(user.passwordHash, input.password))) {
    const updated = await db.transaction(async (tx) => {
      const row = await recordFailedLogin(tx, user.id, maxFailedLogins, lockMs);
      await recordAudit(tx, actorOf(sessionUserOf(user), user.roles.join(','), input.ip), {
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        result: 'failure',
        detail: row.lockedUntil && row.lockedUntil > new Date() ? 'wrongPassword; locked' : 'wrongPassword',
      });
      return row;
    });
    if (updated.lockedUntil && updated.lockedUntil > new Date()) throw new AppError(423, 'accountLocked', { minutes: minutesLeft(updated.lockedUntil) });
    throw new AppError(401, 'invalidCredentials');
  }
  if (user.disabled) {
    await fail('disabled', user);
    throw new AppError(403, 'accountDisabled');
  }

  return db.transaction(async (tx) => {
    const row = await updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() });
    const { token, csrfToken } = await createSession(tx, user.id, input.ip, input.userAgent);
    await recordAudit(tx, actorOf(sessionUserOf(row), row.roles.join(','), input.ip), {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
    });
    return { user: sessionUserOf(row), token, csrfToken };
  });
}

export async function logout(db: Db, actor: Actor, tokenHash: string) {
  await db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash);
    await recordAudit(tx, actor, { action: 'auth.logout', targetType: 'user', targetId: actor.userId });
  });
}

/** Changes one's own password; every session of the user ends, and a fresh one is issued to the caller. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; userAgent: string | null },
): Promise<LoginResult> {
  const user = await findUserById(db, actor.userId!);
  if (!user) throw new AppError(401, 'unauthenticated');
  if (!(await verify(user.passwordHash, input.currentPassword))) {
    await recordAudit(db, actor, { action: 'auth.changePassword', targetType: 'user', targetId: user.id, result: 'failure', detail: 'wrongPassword' });
    throw new AppError(400, 'wrongPassword', {}, { currentPassword: { code: 'invalid' } });
  }
  const problems = passwordProblem('newPassword', input.newPassword);
  if (input.newPassword === input.currentPassword) problems.newPassword = { code: 'password.same' };
  if (Object.keys(problems).length) throw invalid(problems);
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const row = await updateUser(tx, user.id, { passwordHash, passwordChangedAt: new Date() });
    await deleteUserSessions(tx, user.id);
    const { token, csrfToken } = await createSession(tx, user.id, actor.ip, input.userAgent);
    await recordAudit(tx, actor, { action: 'auth.changePassword', targetType: 'user', targetId: user.id, changes: { password: 'changed' } });
    return { user: sessionUserOf(row), token, csrfToken };
  });
}

/** First-run set-up is open while no admin account exists. */
export async function setupRequired(executor: Executor) {
  return (await countUsersHolding(executor, adminRoles)) === 0;
}

export type AdminAccountInput = { username: string; displayName: string; password: string };

/** Creates the three separated admin accounts (三权分立) in one transaction. */
export async function runSetup(db: Db, actor: Actor, accounts: Record<AdminRole, AdminAccountInput>) {
  const problems: Record<string, FieldProblem> = {};
  const seen = new Set<string>();
  for (const role of adminRoles) {
    Object.assign(problems, passwordProblem(`${role}.password`, accounts[role].password));
    const username = accounts[role].username.toLowerCase();
    if (seen.has(username)) problems[`${role}.username`] = { code: 'invalidValue' };
    seen.add(username);
  }
  if (Object.keys(problems).length) throw invalid(problems);
  const hashes = await Promise.all(adminRoles.map((role) => hashPassword(accounts[role].password)));
  await db.transaction(async (tx) => {
    if (!(await setupRequired(tx))) throw new AppError(409, 'setupDone');
    for (const [index, role] of adminRoles.entries()) {
      const account = accounts[role];
      if (await findUserByUsername(tx, account.username)) throw conflict('usernameTaken', { [`${role}.username`]: { code: 'invalidValue' } });
      const row = await insertUser(tx, { username: account.username, displayName: account.displayName, passwordHash: hashes[index], roles: [role] });
      await recordAudit(tx, actor, { action: 'setup.createAdmin', targetType: 'user', targetId: row.id, changes: { username: row.username, roles: [role] } });
    }
  });
}
