import { z } from 'zod';
import { allRoles } from '../../../domain/roles';
import { passwordMaxLength } from '../../../domain/password';

export const username = z.string().trim().min(3).max(40).regex(/^[a-zA-Z0-9_.-]+$/);
export const displayName = z.string().trim().min(1).max(60);
export const password = z.string().min(1).max(passwordMaxLength);

export const loginBody = z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(passwordMaxLength) });

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(allRoles)),
  talentId: z.uuid().nullable(),
  organisationId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
});

export const sessionResponse = z.object({ user: sessionUserSchema, csrfToken: z.string() });

export const changePasswordBody = z.object({ currentPassword: password, newPassword: password });

const adminAccount = z.object({ username, displayName, password });
export const setupBody = z.object({ setupToken: z.string().min(1).max(200), sysadmin: adminAccount, secadmin: adminAccount, auditor: adminAccount });

export const setupStatus = z.object({
  required: z.boolean(),
  demo: z.boolean(),
  /** Present when demo data is loaded: the demo accounts to try, and their shared password. */
  demoAccounts: z.array(z.object({ username: z.string(), roles: z.array(z.enum(allRoles)) })).optional(),
  demoPassword: z.string().optional(),
});
