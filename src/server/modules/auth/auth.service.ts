import { hash, verify } from '@node-rs/argon2';
import { passwordProblemOf } from '../../../domain/password-strength';
import { adminRoles, isAdminRole, type AdminRole } from '../../../domain/roles';
import type { Db, Executor } from '../../db/client';
import { AppError, conflict, invalid, type FieldProblem } from '../../errors';
import { actorOf, restrictionOf, sessionUserOf, type Actor, type SessionRestriction, type SessionUser } from '../../plugins/auth';
import type { Secrets } from '../../security/secrets';
import { recordAudit } from '../audit/audit.service';
import { countUsersHolding, findUserById, findUserByUsername, insertUser, updateUser, type UserRow } from '../users/users.repo';
import {
  challengeAttempts, challengeLifetimeMs, newRecoveryCode, newTotpSecret, recoveryCodeCount, recoveryCodeHash, totpCodeIsValid, totpEnrolment,
} from './second-factor';
import { countChallengeAttempt, deleteChallenge, findChallenge, insertChallenge, replaceRecoveryCodes, unusedRecoveryCodes, useRecoveryCode } from './second-factor.repo';
import { createSession, deleteSession, deleteUserSessions, hashToken, newToken } from './sessions.repo';
import { clearSuccess, countFailure, solveCaptcha, throttleKeys, throttleState } from './throttle';

export const hashPassword = (password: string) => hash(password, { algorithm: 2 /* argon2id */ });

/** Verifying against this when the username does not exist keeps the timing of both failures alike. */
let dummyHash: Promise<string> | undefined;
const verifyDummy = async (password: string) => verify(await (dummyHash ??= hashPassword('dummy-Password-1')), password);

/** A password problem as a field error (`newPassword: 不能包含用户名`), or nothing. */
export function passwordProblem(field: string, password: string, username?: string | null): Record<string, FieldProblem> {
  const problem = passwordProblemOf(password, username);
  return problem ? { [field]: { code: `password.${problem}` } } : {};
}

export type Restriction = SessionRestriction;

export type SessionView = { user: SessionUser; restriction: Restriction; secondFactor: boolean };
export const sessionViewOf = (user: UserRow): SessionView => ({ user: sessionUserOf(user), restriction: restrictionOf(user), secondFactor: !!user.totpEnabledAt });

type LoginInput = { username: string; password: string; captchaId?: string; captchaAnswer?: string; ip: string | null; userAgent: string | null };
export type SessionResult = SessionView & { token: string; csrfToken: string };
export type LoginResult = ({ kind: 'session' } & SessionResult) | { kind: 'challenge'; challengeToken: string };

async function startSession(db: Db, user: UserRow, ip: string | null, userAgent: string | null, detail?: string): Promise<SessionResult> {
  return db.transaction(async (tx) => {
    const row = await updateUser(tx, user.id, { lastLoginAt: new Date() });
    await clearSuccess(tx, throttleKeys(user.username, ip));
    const { token, csrfToken } = await createSession(tx, user.id, ip, userAgent);
    await recordAudit(tx, actorOf(sessionUserOf(row), row.roles.join(','), ip), { action: 'auth.login', targetType: 'user', targetId: user.id, detail });
    return { ...sessionViewOf(row), token, csrfToken };
  });
}

/**
 * Signs a user in (first step). Every attempt is audited. Throttling (./throttle.ts) is the same for known and unknown
 * usernames: a delay answered 429, then an image captcha; never a lock. A wrong password and an unknown username get
 * the same 401. With TOTP on, the right password yields a short-lived challenge token for `completeLogin`.
 */
export async function login(db: Db, input: LoginInput): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const keys = throttleKeys(username, input.ip);
  const audit = (executor: Executor, user: UserRow | null, detail: string) =>
    recordAudit(executor, user ? actorOf(sessionUserOf(user), user.roles.join(','), input.ip) : actorOf(null, null, input.ip), {
      action: 'auth.login',
      targetType: 'user',
      targetId: user?.id ?? null,
      result: 'failure',
      detail,
      actorUsername: username,
    });

  const state = await throttleState(db, keys);
  if (state.waitSeconds > 0) {
    await audit(db, null, 'throttled');
    throw new AppError(429, 'tooManyAttempts', { seconds: state.waitSeconds }, {}, { 'retry-after': String(state.waitSeconds) });
  }
  if (state.captchaRequired && !(await solveCaptcha(db, input.captchaId, input.captchaAnswer))) {
    await audit(db, null, input.captchaAnswer ? 'wrongCaptcha' : 'captchaRequired');
    throw new AppError(401, 'captchaRequired', {}, { captchaAnswer: { code: input.captchaAnswer ? 'captcha.wrong' : 'captcha.required' } });
  }

  const user = await findUserByUsername(db, username);
  const right = user ? await verify(user.passwordHash, input.password) : await verifyDummy(input.password).then(() => false);
  if (!user || !right) {
    await db.transaction(async (tx) => {
      await countFailure(tx, keys);
      await audit(tx, user, user ? 'wrongPassword' : 'unknownUser');
    });
    throw new AppError(401, 'invalidCredentials');
  }
  if (user.disabled) {
    await audit(db, user, 'disabled');
    throw new AppError(403, 'accountDisabled');
  }
  if (user.totpEnabledAt) {
    const challengeToken = newToken();
    await db.transaction(async (tx) => {
      await insertChallenge(tx, { tokenHash: hashToken(challengeToken), userId: user.id, ip: input.ip, expiresAt: new Date(Date.now() + challengeLifetimeMs) });
      await recordAudit(tx, actorOf(sessionUserOf(user), user.roles.join(','), input.ip), { action: 'auth.loginChallenge', targetType: 'user', targetId: user.id });
    });
    return { kind: 'challenge', challengeToken };
  }
  return { kind: 'session', ...(await startSession(db, user, input.ip, input.userAgent)) };
}

/** The second step: a TOTP code or a recovery code (used up) for the challenge token of the first. */
export async function completeLogin(
  db: Db,
  secrets: Secrets,
  input: { challengeToken: string; code?: string; recoveryCode?: string; ip: string | null; userAgent: string | null },
): Promise<SessionResult> {
  const tokenHash = hashToken(input.challengeToken);
  const challenge = await findChallenge(db, tokenHash);
  const user = challenge ? await findUserById(db, challenge.userId) : null;
  if (!challenge || !user || user.disabled || !user.totpSecret) throw new AppError(400, 'challengeExpired');
  const actor = actorOf(sessionUserOf(user), user.roles.join(','), input.ip);
  let right = false;
  let detail = 'totp';
  if (input.code) right = await totpCodeIsValid(secrets.decrypt(user.totpSecret), input.code.trim());
  else if (input.recoveryCode) {
    right = await useRecoveryCode(db, user.id, recoveryCodeHash(input.recoveryCode));
    detail = 'recoveryCode';
  }
  if (!right) {
    const spent = await db.transaction(async (tx) => {
      const row = await countChallengeAttempt(tx, tokenHash);
      // a challenge that ran out of tries is gone, and counts as a failed sign-in of the pair
      if (row.attempts >= challengeAttempts) {
        await deleteChallenge(tx, tokenHash);
        await countFailure(tx, throttleKeys(user.username, input.ip));
      }
      await recordAudit(tx, actor, { action: 'auth.login', targetType: 'user', targetId: user.id, result: 'failure', detail: `wrongSecondFactor` });
      return row.attempts >= challengeAttempts;
    });
    if (spent) throw new AppError(400, 'challengeExpired');
    throw new AppError(401, 'invalidSecondFactor', {}, { [input.recoveryCode ? 'recoveryCode' : 'code']: { code: 'code.wrong' } });
  }
  await deleteChallenge(db, tokenHash);
  return startSession(db, user, input.ip, input.userAgent, detail);
}

export async function logout(db: Db, actor: Actor, tokenHash: string) {
  await db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash);
    await recordAudit(tx, actor, { action: 'auth.logout', targetType: 'user', targetId: actor.userId });
  });
}

/** Changes one's own password (ends a one-time password); every session of the user ends, and a fresh one is issued to the caller. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; userAgent: string | null },
): Promise<SessionResult> {
  const user = await findUserById(db, actor.userId!);
  if (!user) throw new AppError(401, 'unauthenticated');
  if (!(await verify(user.passwordHash, input.currentPassword))) {
    await recordAudit(db, actor, { action: 'auth.changePassword', targetType: 'user', targetId: user.id, result: 'failure', detail: 'wrongPassword' });
    throw new AppError(400, 'wrongPassword', {}, { currentPassword: { code: 'invalid' } });
  }
  const problems = passwordProblem('newPassword', input.newPassword, user.username);
  if (input.newPassword === input.currentPassword) problems.newPassword = { code: 'password.same' };
  if (Object.keys(problems).length) throw invalid(problems);
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const row = await updateUser(tx, user.id, { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false });
    await deleteUserSessions(tx, user.id);
    const { token, csrfToken } = await createSession(tx, user.id, actor.ip, input.userAgent);
    await recordAudit(tx, actor, {
      action: 'auth.changePassword',
      targetType: 'user',
      targetId: user.id,
      changes: { password: 'changed' },
      detail: user.mustChangePassword ? 'oneTimePasswordReplaced' : undefined,
    });
    return { ...sessionViewOf(row), token, csrfToken };
  });
}

/** Starts (or restarts) TOTP enrolment: a new secret, kept encrypted as pending until a code confirms it. */
export async function startTotpEnrolment(db: Db, secrets: Secrets, actor: Actor) {
  const user = await findUserById(db, actor.userId!);
  if (!user) throw new AppError(401, 'unauthenticated');
  if (user.totpEnabledAt) throw conflict('totpAlreadyEnabled');
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { totpPendingSecret: secrets.encrypt(secret) });
    await recordAudit(tx, actor, { action: 'auth.totpEnrolStart', targetType: 'user', targetId: user.id });
  });
  return totpEnrolment(user.username, secret);
}

/** Confirms enrolment with a code of the pending secret; returns the 10 recovery codes, shown this once. */
export async function confirmTotpEnrolment(db: Db, secrets: Secrets, actor: Actor, code: string) {
  const user = await findUserById(db, actor.userId!);
  if (!user) throw new AppError(401, 'unauthenticated');
  if (user.totpEnabledAt) throw conflict('totpAlreadyEnabled');
  if (!user.totpPendingSecret) throw new AppError(400, 'totpNotStarted');
  if (!(await totpCodeIsValid(secrets.decrypt(user.totpPendingSecret), code.trim()))) {
    await recordAudit(db, actor, { action: 'auth.totpEnable', targetType: 'user', targetId: user.id, result: 'failure', detail: 'wrongCode' });
    throw new AppError(400, 'invalidSecondFactor', {}, { code: { code: 'code.wrong' } });
  }
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  const row = await db.transaction(async (tx) => {
    const updated = await updateUser(tx, user.id, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date() });
    await replaceRecoveryCodes(tx, user.id, codes.map(recoveryCodeHash));
    await recordAudit(tx, actor, { action: 'auth.totpEnable', targetType: 'user', targetId: user.id, changes: { recoveryCodes: codes.length } });
    return updated;
  });
  return { recoveryCodes: codes, session: sessionViewOf(row) };
}

/** Turns TOTP off (staff only: administrators must keep it), with the password as proof. */
export async function disableTotp(db: Db, actor: Actor, password: string) {
  const user = await findUserById(db, actor.userId!);
  if (!user) throw new AppError(401, 'unauthenticated');
  if (user.roles.some(isAdminRole)) throw conflict('totpRequiredForAdmins');
  if (!(await verify(user.passwordHash, password))) throw new AppError(400, 'wrongPassword', {}, { password: { code: 'invalid' } });
  const row = await db.transaction(async (tx) => {
    const updated = await updateUser(tx, user.id, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null });
    await replaceRecoveryCodes(tx, user.id, []);
    await recordAudit(tx, actor, { action: 'auth.totpDisable', targetType: 'user', targetId: user.id });
    return updated;
  });
  return sessionViewOf(row);
}

export async function secondFactorStatus(executor: Executor, userId: string) {
  const user = await findUserById(executor, userId);
  return { enabled: !!user?.totpEnabledAt, required: !!user?.roles.some(isAdminRole), recoveryCodesLeft: user?.totpEnabledAt ? await unusedRecoveryCodes(executor, userId) : 0 };
}

/** First-run set-up is open while no admin account exists. */
export async function setupRequired(executor: Executor) {
  return (await countUsersHolding(executor, adminRoles)) === 0;
}

export type AdminAccountInput = { username: string; displayName: string; password: string };

/**
 * Creates the three separated admin accounts (三权分立) in one transaction. Each chooses their own password here (the
 * set-up token is the proof), and enrols TOTP at the first sign-in.
 */
export async function runSetup(db: Db, actor: Actor, accounts: Record<AdminRole, AdminAccountInput>) {
  const problems: Record<string, FieldProblem> = {};
  const seen = new Set<string>();
  for (const role of adminRoles) {
    Object.assign(problems, passwordProblem(`${role}.password`, accounts[role].password, accounts[role].username));
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
