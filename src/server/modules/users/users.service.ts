import { and, asc, eq, ilike, type SQL } from 'drizzle-orm';
import { checkRoleSet, isAdminRole, roleBinding, type BindingKind, type Role } from '../../../domain/roles';
import type { Db, Executor } from '../../db/client';
import { organisations, talents, units } from '../../db/schema';
import { AppError, conflict, invalid, notFound, type FieldProblem } from '../../errors';
import type { Actor } from '../../plugins/auth';
import { diff, escapeLike, recordAudit } from '../audit/audit.service';
import { hashPassword, passwordProblem } from '../auth/auth.service';
import { deleteUserSessions } from '../auth/sessions.repo';
import { findUserById, findUserByUsername, insertUser, listUsers, updateUser, type UserListQuery, type UserRow } from './users.repo';
import type { UserView } from './users.schemas';

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
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
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

export type CreateUserInput = { username: string; displayName: string; password: string; roles: Role[] } & Bindings;

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<UserView> {
  assertRemit(actor, input.roles);
  const bindings = { talentId: input.talentId ?? null, organisationId: input.organisationId ?? null, unitId: input.unitId ?? null };
  // every problem of the form at once, so one correction round is enough
  const problems = { ...passwordProblem('password', input.password), ...(await rolesAndBindingsProblems(db, input.roles, bindings)) };
  if (Object.keys(problems).length) throw invalid(problems);
  if (await findUserByUsername(db, input.username)) throw conflict('usernameTaken', { username: { code: 'usernameTaken' } });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // checked again inside the transaction; the unique index settles a race between two creators
    if (await findUserByUsername(tx, input.username)) throw conflict('usernameTaken', { username: { code: 'usernameTaken' } });
    const row = await insertUser(tx, { username: input.username, displayName: input.displayName, passwordHash, roles: input.roles, ...bindings });
    await recordAudit(tx, actor, {
      action: 'user.create',
      targetType: 'user',
      targetId: row.id,
      changes: { username: row.username, displayName: row.displayName, roles: row.roles, ...bindings },
    });
    return loadView(tx, row.id);
  });
}

export type UpdateUserInput = { displayName?: string; roles?: Role[]; disabled?: boolean } & Bindings;

export async function updateUserAccount(db: Db, actor: Actor, id: string, input: UpdateUserInput): Promise<UserView> {
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, id);
    if (!user) throw notFound();
    assertRemit(actor, user.roles);
    if (input.roles) assertRemit(actor, input.roles);
    const sameRoles = (roles: readonly Role[]) => [...roles].sort().join() === [...user.roles].sort().join();
    if (id === actor.userId && (input.disabled === true || (input.roles && !sameRoles(input.roles)))) throw new AppError(400, 'selfChange');
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
    if (Object.keys(changes).length === 0) return loadView(tx, id);
    await updateUser(tx, id, next);
    if (next.disabled || input.roles) await deleteUserSessions(tx, id);
    await recordAudit(tx, actor, { action: next.disabled !== user.disabled ? (next.disabled ? 'user.disable' : 'user.enable') : 'user.update', targetType: 'user', targetId: id, changes });
    return loadView(tx, id);
  });
}

/** Sets a new password chosen by the administrator, clears a lock, and ends the user's sessions. */
export async function resetPassword(db: Db, actor: Actor, id: string, newPassword: string): Promise<UserView> {
  const problems = passwordProblem('newPassword', newPassword);
  if (Object.keys(problems).length) throw invalid(problems);
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, id);
    if (!user) throw notFound();
    assertRemit(actor, user.roles);
    await updateUser(tx, id, { passwordHash, passwordChangedAt: new Date(), failedLoginCount: 0, lockedUntil: null });
    await deleteUserSessions(tx, id);
    await recordAudit(tx, actor, { action: 'user.resetPassword', targetType: 'user', targetId: id, changes: { password: 'reset' } });
    return loadView(tx, id);
  });
}

export async function unlockUser(db: Db, actor: Actor, id: string): Promise<UserView> {
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, id);
    if (!user) throw notFound();
    assertRemit(actor, user.roles);
    if (!user.lockedUntil && user.failedLoginCount === 0) return loadView(tx, id);
    await updateUser(tx, id, { failedLoginCount: 0, lockedUntil: null });
    await recordAudit(tx, actor, { action: 'user.unlock', targetType: 'user', targetId: id, changes: { lockedUntil: { from: user.lockedUntil, to: null } } });
    return loadView(tx, id);
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
