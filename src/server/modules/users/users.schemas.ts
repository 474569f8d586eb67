import { z } from 'zod';
import { allRoles } from '../../../domain/roles';
import { pageQuery, pageSchema } from '../../http/pagination';
import { displayName, username } from '../auth/auth.schemas';
import { adminRoles } from '../../../domain/roles';

const binding = z.uuid().nullable().optional();

/** Strict: a password is never taken from the administrator (the server chooses a one-time one). */
export const createUserBody = z.strictObject({
  username,
  displayName,
  roles: z.array(z.enum(allRoles)).min(1),
  talentId: binding,
  organisationId: binding,
  unitId: binding,
});

export const updateUserBody = z.object({
  displayName: displayName.optional(),
  roles: z.array(z.enum(allRoles)).min(1).optional(),
  talentId: binding,
  organisationId: binding,
  unitId: binding,
  disabled: z.boolean().optional(),
});


export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(60).optional(),
  role: z.enum(allRoles).optional(),
});

const named = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(allRoles)),
  talent: named,
  organisation: named,
  unit: named,
  disabled: z.boolean(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof userSchema>;

export const userPage = pageSchema(userSchema);

/** A password the server chose for someone else: shown this once, valid for one sign-in (then it must be changed). */
export const withOneTimePassword = z.object({ user: userSchema, oneTimePassword: z.string() });

export const adminRequestSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['create', 'update', 'resetPassword']),
  status: z.enum(['pending', 'done', 'rejected', 'cancelled']),
  requester: z.string(),
  /** The account's username (of the account to create, for a creation). */
  target: z.string().nullable(),
  /** What the request changes: roles, disabled, or the new account's fields. */
  changes: z.record(z.string(), z.unknown()),
  approvals: z.array(z.object({ username: z.string(), role: z.enum(adminRoles), at: z.string() })),
  /** The admin roles whose approval it still waits for. */
  waitingFor: z.array(z.enum(adminRoles)),
  /** Whether the reader may approve (or turn down) it now. */
  canApprove: z.boolean(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type AdminRequestView = z.infer<typeof adminRequestSchema>;
/** 202: the change concerns an admin account and waits for the two other administrators. */
export const filedRequest = z.object({ request: adminRequestSchema });
export const approvalResult = z.object({ request: adminRequestSchema, oneTimePassword: z.string().optional() });

export const bindingOptionsQuery = z.object({
  kind: z.enum(['talent', 'organisation', 'unit']),
  q: z.string().trim().max(60).optional(),
});
export const bindingOptions = z.array(z.object({ id: z.uuid(), label: z.string() }));
