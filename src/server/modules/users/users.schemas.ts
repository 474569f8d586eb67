import { z } from 'zod';
import { allRoles } from '../../../domain/roles';
import { pageQuery, pageSchema } from '../../http/pagination';
import { displayName, password, username } from '../auth/auth.schemas';

const binding = z.uuid().nullable().optional();

export const createUserBody = z.object({
  username,
  displayName,
  password,
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

export const resetPasswordBody = z.object({ newPassword: password });

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
  lockedUntil: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof userSchema>;

export const userPage = pageSchema(userSchema);

export const bindingOptionsQuery = z.object({
  kind: z.enum(['talent', 'organisation', 'unit']),
  q: z.string().trim().max(60).optional(),
});
export const bindingOptions = z.array(z.object({ id: z.uuid(), label: z.string() }));
