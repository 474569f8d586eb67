import { and, asc, eq, ilike, type SQL } from 'drizzle-orm';
import { adminRoles, checkRoleSet, isAdminRole, roleBinding, type AdminRole, type BindingKind, type Role } from '../../../domain/roles';
import type { AccountAction } from '../../../domain/account-notices';
import type { Db, Executor } from '../../db/client';
import { organisations, talents, units } from '../../db/schema';
import { AppError, conflict, invalid, notFound, type FieldProblem } from '../../errors';
import { systemActor, type Actor } from '../../plugins/auth';
import { diff, escapeLike, recordAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/auth.service';
import { notify } from '../notifications/notifications.service';
import { randomInt } from 'node:crypto';
import { deleteUserSessions } from '../auth/sessions.repo';
import { replaceRecoveryCodes } from '../auth/second-factor.repo';
import { findUserById, findUserByUsername, insertUser, listUsers, updateUser, type UserListQuery, type UserRow } from './users.repo';
import type { AdminRequestView, UserView } from './users.schemas';
import { activeHolders, insertAdminRequest, listAdminRequests, lockAdminRequest, updateAdminRequest, type AdminRequestRow } from './admin-requests.repo';
import type { AdminApproval, AdminRequestKind } from '../../db/schema';

type Named = { id: string; name: string } | null;
type ListedUser = { user: UserRow; talentName: string | null; organisationName: string | null; unitName: string | null };

const named = (id: string | null, name: string | null): Named => (id && name ? { id, name } : null);

export function presentUser({ user, talentName, organisationName, unitName }: ListedUser): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    talent: named(user.talentId, talentName),
    organisation: named(user.organisationId, organisationName),
    unit: named(user.unitId, unitName),
    disabled: user.disabled,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

/**
 * 三权分立: the system administrator manages accounts with business roles, the security administrator
 * accounts with admin roles; neither touches the other's accounts (or could take them over by a password reset).
 */
function assertRemit(actor: Actor, roles: readonly Role[], field = 'roles') {
  const actorRoles = (actor.role ?? '').split(',');
  const wantsAdmin = roles.some(isAdminRole);
  if (wantsAdmin && !actorRoles.includes('secadmin')) throw new AppError(403, 'forbidden', {}, { [field]: { code: 'roles.adminNotAllowed' } });
  if (!wantsAdmin && !actorRoles.includes('sysadmin')) throw new AppError(403, 'forbidden', {}, { [field]: { code: 'roles.businessNotAllowed' } });
}

const bindingField: Record<BindingKind, 'talentId' | 'organisationId' | 'unitId'> = { talent: 'talentId', organisation: 'organisationId', unit: 'unitId' };
const bindingTable = { talent: talents, organisation: organisations, unit: units } as const;

type Bindings = { talentId?: string | null; organisationId?: string | null; unitId?: string | null };

/** Roles must form an allowed set; each role that needs a bound record has one that exists, and no binding is left unused. Returns the problems found. */
async function rolesAndBindingsProblems(executor: Executor, roles: readonly Role[], bindings: Required<Bindings>) {
  const problems: Record<string, FieldProblem> = {};
  const roleProblem = checkRoleSet(roles);
  if (roleProblem) problems.roles = { code: `roles.${roleProblem}` };
  const needed = new Set(roles.map((role) => roleBinding[role]).filter(Boolean) as BindingKind[]);
  for (const kind of Object.keys(bindingField) as BindingKind[]) {
    const field = bindingField[kind];
    const value = bindings[field];
    if (needed.has(kind) && !value) problems[field] = { code: 'binding.required' };
    else if (!needed.has(kind) && value) problems[field] = { code: 'binding.unused' };
    else if (value) {
      const table = bindingTable[kind];
      const [row] = await executor.select({ id: table.id }).from(table).where(eq(table.id, value));
      if (!row) problems[field] = { code: 'binding.notFound' };
    }
  }
  return problems;
}

async function loadView(executor: Executor, id: string): Promise<UserView> {
  const user = await findUserById(executor, id);
  if (!user) throw notFound();
  const nameOf = async (kind: BindingKind, value: string | null) => {
    if (!value) return null;
    const table = bindingTable[kind];
    const [row] = await executor.select({ name: table.name }).from(table).where(eq(table.id, value));
    return row?.name ?? null;
  };
  return presentUser({
    user,
    talentName: await nameOf('talent', user.talentId),
    organisationName: await nameOf('organisation', user.organisationId),
    unitName: await nameOf('unit', user.unitId),
  });
}

export async function listUserViews(executor: Executor, query: UserListQuery) {
  const page = await listUsers(executor, query);
  return { items: page.items.map(presentUser), total: page.total };
}

const oneTimeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
/**
 * A password chosen by the server for someone else (account creation, reset): shown once to the administrator, valid
 * for one sign-in, after which the account must choose its own (`mustChangePassword`). 16 characters, about 90 bits.
 */
export function oneTimePassword() {
  const pick = () => oneTimeAlphabet[randomInt(oneTimeAlphabet.length)];
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, pick).join(''));
  // always three classes, whatever was drawn: a capital, a small letter and a digit lead the last group
  return `${groups.slice(0, 3).join('-')}-${'ABCDEFGHJKMNPQRSTUVWXYZ'[randomInt(23)]}${'abcdefghjkmnpqrstuvwxyz'[randomInt(23)]}${randomInt(2, 10)}${groups[3][0]}`;
}

const actorName = (actor: Actor) => actor.username ?? 'system';

/** Tells the account what an administrator did to it (站内消息), in the transaction of the change. */
async function tellAccount(executor: Executor, actor: Actor, userId: string, action: AccountAction) {
  await notify(executor, [userId], { kind: 'account', params: { action, by: actorName(actor) } });
}

export type CreateUserInput = { username: string; displayName: string; roles: Role[] } & Bindings;
export type Created = { user: UserView; oneTimePassword: string };
/** A change to an admin account: filed as a request instead (202), or done. */
export type Outcome<T> = { done: T } | { request: AdminRequestView };

async function createProblems(executor: Executor, input: CreateUserInput) {
  const bindings = { talentId: input.talentId ?? null, organisationId: input.organisationId ?? null, unitId: input.unitId ?? null };
  const problems = await rolesAndBindingsProblems(executor, input.roles, bindings);
  if (Object.keys(problems).length) throw invalid(problems);
  if (await findUserByUsername(executor, input.username)) throw conflict('usernameTaken', { username: { code: 'usernameTaken' } });
  return bindings;
}

async function applyCreate(tx: Executor, actor: Actor, input: CreateUserInput, detail?: string): Promise<Created> {
  const bindings = await createProblems(tx, input);
  const password = oneTimePassword();
  const row = await insertUser(tx, {
    username: input.username, displayName: input.displayName, passwordHash: await hashPassword(password), roles: input.roles, mustChangePassword: true, ...bindings,
  });
  await recordAudit(tx, actor, {
    action: 'user.create',
    targetType: 'user',
    targetId: row.id,
    changes: { username: row.username, displayName: row.displayName, roles: row.roles, ...bindings, password: 'oneTime' },
    detail,
  });
  await tellAccount(tx, actor, row.id, 'created');
  return { user: await loadView(tx, row.id), oneTimePassword: password };
}

/**
 * Creates an account with a one-time password chosen by the server. An account with an admin role is a request for the
 * two other administrators to approve (三权分立).
 */
export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<Outcome<Created>> {
  assertRemit(actor, input.roles);
  // every problem of the form at once, so one correction round is enough
  await createProblems(db, input);
  return db.transaction(async (tx) => {
    if (input.roles.some(isAdminRole)) return { request: await fileRequest(tx, actor, 'create', null, { ...input }) };
    // checked again inside the transaction; the unique index settles a race between two creators
    return { done: await applyCreate(tx, actor, input) };
  });
}

export type UpdateUserInput = { displayName?: string; roles?: Role[]; disabled?: boolean } & Bindings;

async function applyUpdate(tx: Executor, actor: Actor, user: UserRow, input: UpdateUserInput, detail?: string): Promise<UserView> {
  const roles = input.roles ?? user.roles;
  const bindings = {
    talentId: input.talentId !== undefined ? input.talentId : user.talentId,
    organisationId: input.organisationId !== undefined ? input.organisationId : user.organisationId,
    unitId: input.unitId !== undefined ? input.unitId : user.unitId,
  };
  const problems = await rolesAndBindingsProblems(tx, roles, bindings);
  if (Object.keys(problems).length) throw invalid(problems);
  const next = { displayName: input.displayName ?? user.displayName, roles, disabled: input.disabled ?? user.disabled, ...bindings };
  const changes = diff(user as unknown as Record<string, unknown>, next);
  if (Object.keys(changes).length === 0) return loadView(tx, user.id);
  await updateUser(tx, user.id, next);
  if (next.disabled || input.roles) await deleteUserSessions(tx, user.id);
  const statusChange = next.disabled !== user.disabled ? (next.disabled ? 'disabled' : 'enabled') : null;
  await recordAudit(tx, actor, { action: statusChange ? (statusChange === 'disabled' ? 'user.disable' : 'user.enable') : 'user.update', targetType: 'user', targetId: user.id, changes, detail });
  await tellAccount(tx, actor, user.id, statusChange ?? ('roles' in changes ? 'roles' : 'updated'));
  return loadView(tx, user.id);
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => [...a].sort().join() === [...b].sort().join();

/**
 * Changes name, roles, bindings or status. On an admin account a change of roles or status is a request for the two
 * other administrators to approve; its name changes at once.
 */
export async function updateUserAccount(db: Db, actor: Actor, id: string, input: UpdateUserInput): Promise<Outcome<UserView>> {
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, id);
    if (!user) throw notFound();
    assertRemit(actor, user.roles);
    if (input.roles) assertRemit(actor, input.roles);
    if (id === actor.userId && (input.disabled === true || (input.roles && !sameRoles(input.roles, user.roles)))) throw new AppError(400, 'selfChange');
    const guarded = (input.roles && !sameRoles(input.roles, user.roles)) || (input.disabled !== undefined && input.disabled !== user.disabled);
    if (user.roles.some(isAdminRole) && guarded) {
      const { displayName, ...rest } = input;
      if (displayName !== undefined && displayName !== user.displayName) await applyUpdate(tx, actor, user, { displayName });
      const problems = await rolesAndBindingsProblems(tx, rest.roles ?? user.roles, { talentId: null, organisationId: null, unitId: null, ...pickBindings(rest) });
      if (Object.keys(problems).length) throw invalid(problems);
      return { request: await fileRequest(tx, actor, 'update', user, rest) };
    }
    return { done: await applyUpdate(tx, actor, user, input) };
  });
}

const pickBindings = (input: Bindings) =>
  Object.fromEntries(Object.entries({ talentId: input.talentId, organisationId: input.organisationId, unitId: input.unitId }).filter(([, value]) => value !== undefined));

export type Reset = { user: UserView; oneTimePassword: string };

async function applyReset(tx: Executor, actor: Actor, user: UserRow, detail?: string): Promise<Reset> {
  const password = oneTimePassword();
  await updateUser(tx, user.id, { passwordHash: await hashPassword(password), passwordChangedAt: new Date(), mustChangePassword: true });
  await deleteUserSessions(tx, user.id);
  await recordAudit(tx, actor, { action: 'user.resetPassword', targetType: 'user', targetId: user.id, changes: { password: 'oneTime' }, detail });
  await tellAccount(tx, actor, user.id, 'passwordReset');
  return { user: await loadView(tx, user.id), oneTimePassword: password };
}

/**
 * Resets a password to a one-time password chosen by the server (shown once; the account must change it at its next
 * sign-in) and ends the account's sessions. On an admin account it is a request for the two other administrators.
 */
export async function resetPassword(db: Db, actor: Actor, id: string): Promise<Outcome<Reset>> {
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, id);
    if (!user) throw notFound();
    assertRemit(actor, user.roles);
    if (user.roles.some(isAdminRole)) return { request: await fileRequest(tx, actor, 'resetPassword', user, {}) };
    return { done: await applyReset(tx, actor, user) };
  });
}

/**
 * Break-glass (`talentzone admin-reset <username>`, run on the server): a one-time password for any account, enabled if
 * disabled and with TOTP switched off (an administrator enrols again at the next sign-in), audited as the system.
 * Physical access to the server is the third party of the approval.
 */
export async function breakGlassReset(db: Db, username: string) {
  return db.transaction(async (tx) => {
    const user = await findUserByUsername(tx, username);
    if (!user) throw notFound();
    const result = await applyReset(tx, systemActor, user, 'breakGlass');
    if (user.disabled) await applyUpdate(tx, systemActor, user, { disabled: false }, 'breakGlass');
    if (user.totpEnabledAt) {
      // a lost authenticator too: TOTP is switched off (an administrator must enrol again at the next sign-in)
      await updateUser(tx, user.id, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null });
      await replaceRecoveryCodes(tx, user.id, []);
      await recordAudit(tx, systemActor, { action: 'auth.totpDisable', targetType: 'user', targetId: user.id, detail: 'breakGlass' });
      await tellAccount(tx, systemActor, user.id, 'secondFactorReset');
    }
    return result;
  });
}

// ——— requests on admin accounts (三权分立) ———

type Approver = { id: string; role: AdminRole };

const requesterRole = (row: AdminRequestRow) => row.params.requesterRole as AdminRole;

/** The admin roles whose approval the request still waits for. */
async function waitingFor(executor: Executor, row: AdminRequestRow): Promise<AdminRole[]> {
  const waiting: AdminRole[] = [];
  for (const role of adminRoles) {
    if (role === requesterRole(row) || row.approvals.some((approval) => approval.role === role)) continue;
    const eligible = (await activeHolders(executor, role)).filter((holder) => eligibleApprover(row, holder.id));
    // the sole holder of the role is the account whose password is reset: that role's approval cannot be given
    if (!eligible.length && row.kind === 'resetPassword' && (await activeHolders(executor, role)).some((holder) => holder.id === row.targetId)) continue;
    waiting.push(role);
  }
  return waiting;
}

const eligibleApprover = (row: AdminRequestRow, userId: string) => userId !== row.requestedBy && !(row.kind === 'resetPassword' && userId === row.targetId);

function approverOf(actor: Actor): Approver | null {
  const role = (actor.role ?? '').split(',').find((each): each is AdminRole => isAdminRole(each as Role));
  return actor.userId && role ? { id: actor.userId, role } : null;
}

async function presentRequest(executor: Executor, row: AdminRequestRow, names: { requester: string; target: string | null }, viewer: Actor): Promise<AdminRequestView> {
  const waiting = row.status === 'pending' ? await waitingFor(executor, row) : [];
  const approver = approverOf(viewer);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    requester: names.requester,
    target: names.target ?? (row.kind === 'create' ? String(row.params.username) : null),
    changes: Object.fromEntries(Object.entries(row.params).filter(([key]) => key !== 'requesterRole')),
    approvals: row.approvals.map(({ username, role, at }) => ({ username, role, at })),
    waitingFor: waiting,
    canApprove: !!approver && waiting.includes(approver.role) && eligibleApprover(row, approver.id),
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

async function fileRequest(tx: Executor, actor: Actor, kind: AdminRequestKind, target: UserRow | null, params: Record<string, unknown>) {
  const role = approverOf(actor)?.role ?? 'secadmin';
  const row = await insertAdminRequest(tx, { kind, targetId: target?.id ?? null, params: { ...params, requesterRole: role }, requestedBy: actor.userId! });
  await recordAudit(tx, actor, { action: 'adminRequest.create', targetType: 'user', targetId: target?.id ?? null, changes: { request: row.id, kind, ...params } });
  const approvers = new Set<string>();
  for (const each of await waitingFor(tx, row)) {
    for (const holder of await activeHolders(tx, each)) if (eligibleApprover(row, holder.id)) approvers.add(holder.id);
  }
  const targetName = target?.username ?? String(params.username);
  await notify(tx, approvers, { kind: 'adminRequest', params: { request: kind, target: targetName, by: actorName(actor) }, link: '/admin-requests' });
  return presentRequest(tx, row, { requester: actor.username ?? '', target: targetName }, actor);
}

export async function listAdminRequestViews(executor: Executor, viewer: Actor) {
  const rows = await listAdminRequests(executor);
  return Promise.all(rows.map(({ row, requester, target }) => presentRequest(executor, row, { requester, target }, viewer)));
}

async function namesOf(executor: Executor, row: AdminRequestRow) {
  const requester = await findUserById(executor, row.requestedBy);
  const target = row.targetId ? await findUserById(executor, row.targetId) : null;
  return { requester: requester?.username ?? '', target: target?.username ?? null };
}

/**
 * Approves a request; the approval that completes it carries it out, in the same transaction, as that approver. A
 * password reset or an account creation answers the one-time password to the completing approver, once.
 */
export async function approveAdminRequest(db: Db, actor: Actor, id: string): Promise<{ request: AdminRequestView; oneTimePassword?: string }> {
  return db.transaction(async (tx) => {
    const row = await lockAdminRequest(tx, id);
    if (!row) throw notFound();
    if (row.status !== 'pending') throw conflict('requestNotPending');
    const approver = approverOf(actor);
    const waiting = await waitingFor(tx, row);
    if (!approver || !waiting.includes(approver.role) || !eligibleApprover(row, approver.id)) throw conflict('cannotApprove');
    const approvals: AdminApproval[] = [...row.approvals, { userId: approver.id, username: actor.username ?? '', role: approver.role, at: new Date().toISOString() }];
    let updated = await updateAdminRequest(tx, id, { approvals });
    await recordAudit(tx, actor, { action: 'adminRequest.approve', targetType: 'user', targetId: row.targetId, changes: { request: id, kind: row.kind } });
    let oneTimePassword: string | undefined;
    if ((await waitingFor(tx, updated)).length === 0) {
      const detail = `adminRequest ${id}`;
      const { requesterRole: _ignored, ...params } = row.params;
      if (row.kind === 'create') {
        const created = await applyCreate(tx, actor, params as CreateUserInput, detail);
        oneTimePassword = created.oneTimePassword;
        updated = await updateAdminRequest(tx, id, { targetId: created.user.id });
      } else {
        const target = await findUserById(tx, row.targetId!);
        if (!target) throw notFound();
        if (row.kind === 'resetPassword') oneTimePassword = (await applyReset(tx, actor, target, detail)).oneTimePassword;
        else await applyUpdate(tx, actor, target, params as UpdateUserInput, detail);
      }
      updated = await updateAdminRequest(tx, id, { status: 'done', decidedBy: approver.id, decidedAt: new Date() });
    }
    return { request: await presentRequest(tx, updated, await namesOf(tx, updated), actor), oneTimePassword };
  });
}

/** Turns a request down: any administrator who could approve it, or its requester (withdrawn). */
export async function rejectAdminRequest(db: Db, actor: Actor, id: string): Promise<AdminRequestView> {
  return db.transaction(async (tx) => {
    const row = await lockAdminRequest(tx, id);
    if (!row) throw notFound();
    if (row.status !== 'pending') throw conflict('requestNotPending');
    const approver = approverOf(actor);
    const own = actor.userId === row.requestedBy;
    if (!own && (!approver || !(await waitingFor(tx, row)).includes(approver.role) || !eligibleApprover(row, approver.id))) throw conflict('cannotApprove');
    const updated = await updateAdminRequest(tx, id, { status: own ? 'cancelled' : 'rejected', decidedBy: actor.userId!, decidedAt: new Date() });
    await recordAudit(tx, actor, { action: own ? 'adminRequest.cancel' : 'adminRequest.reject', targetType: 'user', targetId: row.targetId, changes: { request: id, kind: row.kind } });
    return presentRequest(tx, updated, await namesOf(tx, updated), actor);
  });
}

/** Records a role can be bound to, for the picker: id and a label, nothing more. */
export async function bindingOptions(executor: Executor, kind: BindingKind, q?: string) {
  const table = bindingTable[kind];
  const where: SQL | undefined = q ? ilike(table.name, `%${escapeLike(q)}%`) : undefined;
  const conditions = kind === 'organisation' ? and(where, eq(organisations.kind, 'enterprise')) : where;
  const rows = await executor.select({ id: table.id, label: table.name }).from(table).where(conditions).orderBy(asc(table.name)).limit(50);
  return rows;
}
